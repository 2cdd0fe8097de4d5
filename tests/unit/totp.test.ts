import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchingStep, newTotpSecret, otpauthUri, stepAt, totpAt } from '../../server/accounts/totp';

/** RFC 6238 appendix B's shared secret for HMAC-SHA1: the ASCII digits 1234567890 twice. */
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');

describe('TOTP (RFC 6238, HMAC-SHA1, 30 s)', () => {
  it('gives RFC 6238 appendix B test vectors (8 digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) expect(totpAt(RFC_KEY, seconds * 1000, 8), `T=${seconds}`).toBe(code);
  });

  it('gives RFC 4226 appendix D HOTP values (6 digits), which apps show', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expected.forEach((code, counter) => expect(hotp(RFC_KEY, counter)).toBe(code));
  });

  it('encodes and decodes base32 as apps expect', () => {
    expect(base32Encode(RFC_KEY)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq').equals(RFC_KEY)).toBe(true);
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(() => base32Decode('not base32!')).toThrow();
  });

  it('accepts a code one step either side of now and no further', () => {
    const now = 1_765_000_000_000;
    const step = stepAt(now);
    const at = (s: number) => hotp(RFC_KEY, s);
    expect(matchingStep(RFC_KEY, at(step), now)).toBe(step);
    expect(matchingStep(RFC_KEY, at(step - 1), now)).toBe(step - 1);
    expect(matchingStep(RFC_KEY, at(step + 1), now)).toBe(step + 1);
    expect(matchingStep(RFC_KEY, at(step - 2), now)).toBeNull();
    expect(matchingStep(RFC_KEY, at(step + 2), now)).toBeNull();
    expect(matchingStep(RFC_KEY, '12345', now)).toBeNull();
    expect(matchingStep(RFC_KEY, 'abcdef', now)).toBeNull();
  });

  it('writes an otpauth:// address with issuer, account and parameters', () => {
    const uri = new URL(otpauthUri('GEZDGNBVGY3TQOJQ', 'admin.mcr'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Rapport:admin.mcr');
    expect(Object.fromEntries(uri.searchParams)).toEqual({ secret: 'GEZDGNBVGY3TQOJQ', issuer: 'Rapport', algorithm: 'SHA1', digits: '6', period: '30' });
  });
});
