import { describe, expect, it } from 'vitest';
import { formatPhone, toE164 } from '../../shared/phone';

describe('caller numbers normalised to E.164 with the UK as default', () => {
  it.each([
    ['07700900123', '+447700900123'],
    ['07700 900 123', '+447700900123'],
    ['+44 7700 900123', '+447700900123'],
    ['00447700900123', '+447700900123'],
    ['0161 496 0000', '+441614960000'],
    ['+49 30 901820', '+4930901820'],
  ])('%s becomes %s', (raw, e164) => expect(toE164(raw)).toBe(e164));

  it('rejects what is not a phone number', () => {
    for (const raw of ['', 'anonymous', '12', 'DROP TABLE', '+44 12']) expect(toE164(raw)).toBeNull();
  });

  it('formats UK numbers the way an advisor reads them', () => {
    expect(formatPhone('+447700900123')).toBe('07700 900123');
  });
});
