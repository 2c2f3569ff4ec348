// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { offlineTextLimit } from '../../../../../src/shared/search/serverSearch';
import { bodyText } from '../../../../../src/renderer/search/feeder/docs';

/** The words a body gives the index, as the renderer reads them (DOMParser: inert, nothing runs). */
describe('bodyText', () => {
  it('reads the words of HTML mail: blocks apart, inline tags joined, no style or script text', () => {
    const html =
      '<html><head><title>Nieuwsbrief</title><style>.kop{color:red}</style></head><body><p>Beste <b>klant</b>,</p><div>De zonne<i>panelen</i> komen</div><table><tr><td>maandag</td><td>dinsdag</td></tr></table><script>window.ran = true</script></body></html>';
    expect(bodyText({ html, text: null })).toBe('Beste klant, De zonnepanelen komen maandag dinsdag');
    expect((window as { ran?: boolean }).ran).toBeUndefined();
  });

  it('takes the plain text when the message has one, and cuts at 64 KB', () => {
    expect(bodyText({ html: '<p>html</p>', text: 'Gewoon   tekst\n\nmet regels' })).toBe('Gewoon tekst met regels');
    expect(bodyText({ html: null, text: 'woord '.repeat(20_000) })).toHaveLength(offlineTextLimit);
    expect(bodyText({ html: null, text: '   ' })).toBeNull();
  });
});
