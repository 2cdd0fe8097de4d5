import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * How an advisor reads a caller's number aloud: UK numbers in national format ("07700 900123"),
 * others international. The same rule as shared/phone.ts, on the smaller metadata set: formatting
 * needs no number-type data, and the page should not carry the full set.
 */
export function formatPhoneForReading(number: string): string {
  const parsed = parsePhoneNumberFromString(number, 'GB');
  if (!parsed) return number;
  return parsed.countryCallingCode === '44' ? parsed.formatNational() : parsed.formatInternational();
}

/** A `tel:` address for a number as the core gave it (E.164 when it could be read). */
export function telHref(number: string): string {
  const parsed = parsePhoneNumberFromString(number, 'GB');
  return `tel:${parsed ? parsed.number : number.replace(/[^\d+]/g, '')}`;
}
