/** Issue #10 §3, §12: one rule for links that leave the app. */
import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isLinkTarget, safeExternalUrl } from '../../../src/shared/links';

describe('safeExternalUrl', () => {
  it('hands on http, https and mailto', () => {
    expect(safeExternalUrl('https://example.test/a?b=c#d')).toBe('https://example.test/a?b=c#d');
    expect(safeExternalUrl('HTTP://Example.test')).toBe('http://example.test/');
    expect(safeExternalUrl('mailto:info@example.test')).toBe('mailto:info@example.test');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'data:text/html,x', 'vbscript:x', 'x-postvak://a'])(
    'refuses %s',
    (url) => {
      expect(safeExternalUrl(url)).toBeNull();
      expect(checkExternalUrl(url)).toMatchObject({ ok: false, reason: 'scheme' });
    },
  );

  it('says when it is no URL at all', () => {
    expect(checkExternalUrl('not a url')).toEqual({ ok: false, reason: 'invalid', scheme: '' });
  });

  it('drops attach= and attachment= from a mailto:, in any case or encoding, and keeps the message fields as written', () => {
    expect(safeExternalUrl('mailto:info@example.test?subject=Hi%20there&attach=/home/alice/.ssh/id_rsa&body=a+b')).toBe(
      'mailto:info@example.test?subject=Hi%20there&body=a+b',
    );
    expect(safeExternalUrl('mailto:x@example.test?ATTACHMENT=C:%5Csecret.docx')).toBe('mailto:x@example.test');
    expect(safeExternalUrl('mailto:x@example.test?%61ttach=/etc/passwd&cc=y@example.test')).toBe('mailto:x@example.test?cc=y@example.test');
    expect(safeExternalUrl('mailto:?to=x@example.test&bcc=y@example.test&In-Reply-To=%3Ca@b%3E&X-Mozilla-Attach=1')).toBe(
      'mailto:?to=x@example.test&bcc=y@example.test&In-Reply-To=%3Ca@b%3E',
    );
  });
});

describe('isLinkTarget', () => {
  it('keeps written-out http(s), mailto and in-page anchors as links', () => {
    expect(isLinkTarget(' https://example.test ')).toBe(true);
    expect(isLinkTarget('mailto:a@example.test')).toBe(true);
    expect(isLinkTarget('#top')).toBe(true);
  });

  it('refuses other schemes and scheme-relative forms', () => {
    for (const href of ['javascript:alert(1)', 'http:example.test', '//example.test', 'file:///c:/x', 'cid:part1']) expect(isLinkTarget(href)).toBe(false);
  });
});
