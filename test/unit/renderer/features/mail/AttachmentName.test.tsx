// @vitest-environment jsdom
/** Issue #10 §3: "factuur\u202Efdp.exe" is shown with its override visible and a note, never as "factuurexe.pdf". */
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentName } from '../../../../../src/renderer/features/mail/AttachmentName';
import { useStore } from '../../../../../src/renderer/store';
import { render, type Rendered } from '../../support/render';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('an attachment name', () => {
  it('shows a right-to-left override as a visible marker, isolated, with a note in English and Dutch', async () => {
    useStore.setState({ language: 'en' });
    view = await render(<AttachmentName filename={'factuur\u202Efdp.exe'} />);
    expect(view.container.querySelector('bdi.attachment__name')?.textContent).toBe('factuur⟨RLO⟩fdp.exe');
    expect(view.container.querySelector('.attachment__warning')?.textContent).toContain('hidden direction characters');
    view.unmount();
    useStore.setState({ language: 'nl' });
    view = await render(<AttachmentName filename={'factuur\u202Efdp.exe'} />);
    expect(view.container.querySelector('.attachment__warning')?.textContent).toContain('verborgen richtingstekens');
  });

  it('shows an ordinary name as it is, without a note', async () => {
    useStore.setState({ language: 'en' });
    view = await render(<AttachmentName filename="offerte מסמך.pdf" />);
    expect(view.container.querySelector('.attachment__name')?.textContent).toBe('offerte מסמך.pdf');
    expect(view.container.querySelector('.attachment__warning')).toBeNull();
  });
});
