import { describe, expect, it } from 'vitest';
import { maskCardNumbers, passesLuhn, redactCardData } from '../../shared/redaction';

describe('card-number redaction (PCI DSS: first six and last four at most)', () => {
  it('masks Luhn-valid numbers of 14 to 19 digits written with spaces, dashes or none', () => {
    expect(maskCardNumbers('card 4111111111111111 ok')).toBe('card 411111••••••1111 ok');
    expect(maskCardNumbers('5500-0000-0000-0004')).toBe('550000••••••0004');
    expect(maskCardNumbers('Amex 3782 822463 10005')).toBe('Amex 378282•••••0005');
    expect(maskCardNumbers('Diners 3056 9309 0259 04')).toBe('Diners 305693••••5904');
  });

  it('leaves phone numbers, membership numbers and Luhn failures alone', () => {
    for (const text of ['call 07700 900123', 'member 633012345678', '4111 1111 1111 1112', 'order 1234567890123']) {
      expect(maskCardNumbers(text)).toBe(text);
    }
  });

  it('removes security codes that follow their label', () => {
    expect(redactCardData('CVV 123, security code: 9876')).toBe('CVV •••, security code: •••');
  });

  it('implements Luhn', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
  });
});
