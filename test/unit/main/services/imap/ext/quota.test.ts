import { describe, expect, it } from 'vitest';
import { parseQuotaResponse, quotaLevel } from '../../../../../../src/main/services/imap/ext/quota';

const atom = (value: string) => ({ type: 'ATOM', value });

describe('quotaLevel', () => {
  it.each([
    [0, 100, 'ok'],
    [79, 100, 'ok'],
    [80, 100, 'warn80'],
    [89.9, 100, 'warn80'],
    [90, 100, 'warn90'],
    [95, 100, 'warn95'],
    [99.99, 100, 'warn95'],
    [100, 100, 'full'],
    [120, 100, 'full'],
    [0, 0, 'full'],
    [838_861, 1_048_576, 'warn80'],
  ] as const)('%s of %s → %s', (usage, limit, level) => {
    expect(quotaLevel(usage, limit)).toBe(level);
  });

  it('refuses nonsense instead of guessing', () => {
    expect(() => quotaLevel(-1, 100)).toThrow(RangeError);
    expect(() => quotaLevel(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('parseQuotaResponse (RFC 9208 §5.1)', () => {
  it("reads Dovecot's answer for another user's root", () => {
    const attributes = [{ type: 'STRING', value: 'info@example.test:User quota' }, [atom('STORAGE'), atom('17'), atom('51200'), atom('message'), atom('3'), atom('1000')]];
    expect(parseQuotaResponse({ command: 'QUOTA', attributes })).toEqual({
      root: 'info@example.test:User quota',
      resources: [
        { name: 'STORAGE', usage: 17, limit: 51200 },
        { name: 'MESSAGE', usage: 3, limit: 1000 },
      ],
    });
  });

  it('reads an empty resource list', () => {
    expect(parseQuotaResponse({ command: 'QUOTA', attributes: [atom('r'), []] })).toEqual({ root: 'r', resources: [] });
  });

  it('rejects a broken triple or a non-number', () => {
    expect(() => parseQuotaResponse({ command: 'QUOTA', attributes: [atom('r'), [atom('STORAGE'), atom('1')]] })).toThrow(/resource usage limit/);
    expect(() => parseQuotaResponse({ command: 'QUOTA', attributes: [atom('r'), [atom('STORAGE'), atom('-1'), atom('5')]] })).toThrow(/quota usage/);
  });
});
