import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { secureContextFor } from '../../../../../src/main/services/net/tlsContext';

describe('secureContextFor', () => {
  it('makes one context per set of extra CAs and hands the same one out again', () => {
    const none = secureContextFor([]);
    expect(secureContextFor([])).toBe(none);
    // Any valid PEM will do as the "extra" CA here: one of Node's own roots.
    const extra = rootCertificates[0]!;
    const withExtra = secureContextFor([extra]);
    expect(withExtra).not.toBe(none);
    expect(secureContextFor([extra])).toBe(withExtra);
    expect(secureContextFor([extra, rootCertificates[1]!])).not.toBe(withExtra);
  });
});
