// @vitest-environment jsdom
/**
 * Main accepts a remote image request only for URLs the message names (issue #10 §4). The
 * renderer's sanitizer decides which URLs are images; every URL it reports must pass main's
 * check, or "Show images" would show nothing.
 */
import { describe, expect, it } from 'vitest';
import { urlMentions } from '../../../../../src/main/services/mail/imageUrlMentions';
import { sanitizeMailHtml } from '../../../../../src/renderer/components/sanitize';

const html = `
<style>
  .a { background: url(https://img.test/css.png) }
  .b { background-image: url( "https://img.test/quoted.png?a=1&b=2" ) }
  .c { background: \\75 rl(https://img.test/escaped.png) }
  .d { list-style-image: url('https://img.test/l\\69 st.png') }
</style>
<img src="https://img.test/plain.png">
<img src="https://img.test/q.png?a=1&amp;b=2&amp;c">
<img src="https://img.test/legacy.png?x=1&copy=2">
<img src=" https://img.test/spaced.png ">
<img srcset="https://img.test/1x.png 1x,https://img.test/2x.png 2x">
<img src="//img.test/relative.png">
<table background="https://img.test/&#x74;able.png"><tr><td>x</td></tr></table>
<p style="background:url(&quot;https://img.test/attr-entity.png&quot;)">x</p>
<a href="https://img.test/link.png">a link</a>`;

describe('urlMentions', () => {
  const mentions = urlMentions(html);

  it('accepts every URL the sanitizer reports for the message', () => {
    const reported = sanitizeMailHtml(html, { inlineImages: {} }).blockedUrls;
    expect(reported.length).toBeGreaterThanOrEqual(12);
    expect(reported.filter((url) => !mentions.mentions(url))).toEqual([]);
  });

  it('refuses URLs the message does not name, or names only as part of a longer URL', () => {
    expect(mentions.mentions('https://img.test/other.png')).toBe(false);
    expect(mentions.mentions('https://img.test/plain')).toBe(false);
    expect(mentions.mentions('https://img.test/')).toBe(false);
    expect(mentions.mentions('https://img.test/q.png?a=1')).toBe(false);
    expect(mentions.mentions('http://img.test/plain.png')).toBe(false);
    expect(mentions.mentions('file:///etc/passwd')).toBe(false);
    expect(urlMentions(null).mentions('https://img.test/plain.png')).toBe(false);
  });

  it('accepts a scheme-relative URL as the https one the sanitizer reports', () => {
    expect(mentions.mentions('https://img.test/relative.png')).toBe(true);
    expect(mentions.mentions('http://img.test/relative.png')).toBe(false);
  });
});
