/** Issue #10 §3: app.openExternal never hands a mailto: on with attach=; other schemes are refused. */
import { describe, expect, it } from 'vitest';
import { vetExternalUrl } from '../../../../../src/main/services/app/vetExternalUrl';

describe('vetExternalUrl', () => {
  it('hands on a mailto: without its attach= and attachment= fields', () => {
    expect(vetExternalUrl('mailto:info@example.test?subject=Factuur&attach=%2Fhome%2Falice%2F.ssh%2Fid_ed25519&attachment=~/Documents')).toBe(
      'mailto:info@example.test?subject=Factuur',
    );
  });

  it('refuses other schemes as notPermitted and non-URLs as invalidInput', () => {
    expect(() => vetExternalUrl('file:///etc/passwd')).toThrow(expect.objectContaining({ code: 'notPermitted' }));
    expect(() => vetExternalUrl('no url')).toThrow(expect.objectContaining({ code: 'invalidInput' }));
    expect(vetExternalUrl('https://example.test/x')).toBe('https://example.test/x');
  });
});
