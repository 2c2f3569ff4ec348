// @vitest-environment jsdom
/** Issue #10 §3: a folder's name from the server is a bidi isolate in the window title. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { windowTitle } from '../../../../../src/renderer/features/mail/useWindowTitle';
import { i18nFor } from '../../../../../src/renderer/i18n/i18n';

describe('windowTitle', () => {
  const { t } = i18nFor('en', null);

  it('isolates a folder name, so an override in it cannot reorder the unread count', () => {
    const title = windowTitle(t, { text: 'Facturen\u202E', ours: false }, 3);
    expect(title).toBe(t('app.windowTitleUnread', { folder: '\u2068Facturen\u202E\u2069', unread: 3 }));
  });

  it('leaves our own names and the app name as they are', () => {
    expect(windowTitle(t, { text: 'All inboxes', ours: true }, 0)).toBe(t('app.windowTitle', { folder: 'All inboxes' }));
    expect(windowTitle(t, null, 5)).toBe(t('app.name'));
  });
});
