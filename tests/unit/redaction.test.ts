import { describe, expect, it } from 'vitest';
import { maskCardNumbers, maskFreeText, passesLuhn, redactCardData, withoutDigitsBeingTyped } from '../../shared/redaction';

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

  it('masks 13-digit Visa numbers (start with 4, pass Luhn) and leaves EAN-13 barcodes alone', () => {
    expect(maskCardNumbers('old card 4222222222222 here')).toBe('old card 422222•••2222 here');
    expect(maskCardNumbers('4222-2222-22222')).toBe('422222•••2222');
    // EAN-13 barcodes: some pass Luhn too (5012345678023, 9780141000008); only a leading 4 makes a Visa number.
    expect(passesLuhn('5012345678023') && passesLuhn('9780141000008')).toBe(true);
    for (const text of ['barcode 5000112637922', 'EAN 5012345678023', 'ISBN 978-0141000004', 'code 4006381333931 x']) {
      expect(maskCardNumbers(text)).toBe(text);
    }
    expect(passesLuhn('4222222222222')).toBe(true);
  });

  it('masks every string of a JSON value except identifiers, credentials and contact details', () => {
    const card = '4111 1111 1111 1111';
    const input = {
      reason: `paid with ${card}, CVV 123`,
      personalisation: { recipientName: 'Jo', giftNote: card },
      nested: [{ note: card }],
      password: '4111111111111111',
      idempotencyKey: 'g-4111111111111111',
      requestId: '4111111111111111',
      ids: ['4111111111111111'],
      phone: '4111111111111111',
      membershipNumber: '4111111111111111',
      amountPence: 4111,
      flag: true,
      nothing: null,
    };
    expect(maskFreeText(input)).toEqual({
      ...input,
      reason: 'paid with 411111••••••1111, CVV •••',
      personalisation: { recipientName: 'Jo', giftNote: '411111••••••1111' },
      nested: [{ note: '411111••••••1111' }],
    });
    expect(maskFreeText('4111111111111111')).toBe('411111••••••1111');
    expect(maskFreeText(undefined)).toBeUndefined();
  });

  it('removes security codes that follow their label', () => {
    expect(redactCardData('CVV 123, security code: 9876')).toBe('CVV •••, security code: •••');
  });

  it('implements Luhn', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
  });
});

describe('a draft saved while the advisor types', () => {
  it('holds back a trailing run of digits, spaces and dashes until something else follows it', () => {
    expect(withoutDigitsBeingTyped('Card is 4111 1111 11')).toBe('Card is ');
    expect(withoutDigitsBeingTyped('Card is 4111-1111-')).toBe('Card is ');
    expect(withoutDigitsBeingTyped('Refund of £25 ')).toBe('Refund of £');
    expect(withoutDigitsBeingTyped('Card is 411111••••••1111.')).toBe('Card is 411111••••••1111.');
    expect(withoutDigitsBeingTyped('Nothing to hold ')).toBe('Nothing to hold ');
    expect(withoutDigitsBeingTyped(' - ')).toBe(' - ');
    expect(withoutDigitsBeingTyped('12345')).toBe('');
    expect(withoutDigitsBeingTyped('')).toBe('');
  });
});
