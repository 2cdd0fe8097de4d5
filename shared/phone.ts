import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Caller numbers arrive as the PBX or softphone saw them: national (07700 900123), international
 * (+44 7700 900123, 0044...), or with a trunk prefix. UK is the default country, so a national
 * number becomes +44 — never +49 as Zammad's own default would make it.
 */
export function toE164(raw: string, defaultCountry: 'GB' = 'GB'): string | null {
  const cleaned = raw.trim().replace(/^00/, '+');
  if (!/^[+\d][\d\s().-]{2,30}$/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/** How an advisor reads a number aloud: UK numbers in national format, others international. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.countryCallingCode === '44' ? parsed.formatNational() : parsed.formatInternational();
}
