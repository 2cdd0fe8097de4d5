/**
 * How an advisor reads a caller's number aloud: UK numbers in national format ("07700 900123",
 * "0161 496 0123", "020 7946 0018"), others as the core sent them (E.164). The core normalises
 * with libphonenumber (shared/phone.ts); its metadata would add over 100 kB to the page for the
 * sake of spacing, so the UK groupings are written out here instead.
 */

/** Area codes with a 4-digit prefix and 3+4 local digits: 011x and 01x1 (Leeds, Manchester, …). */
const FOUR_DIGIT_AREA = /^01(1\d|\d1)/;
/** The few six-digit area codes (Langholm, Sedbergh, Brampton, Keswick…), written 6+5. */
const SIX_DIGIT_AREA = /^0(13873|15242|1539[4-6]|1697[347]|1768[347]|19467)/;

function groupUkNational(national: string): string {
  const d = national;
  // A few older numbers are one digit shorter: 01xxx xxxxx, 016977 xxxx, 0800 xxxxxx.
  if (d.length === 10) {
    if (SIX_DIGIT_AREA.test(d)) return `${d.slice(0, 6)} ${d.slice(6)}`;
    if (d.startsWith('01')) return `${d.slice(0, 5)} ${d.slice(5)}`;
    if (d.startsWith('0800')) return `${d.slice(0, 4)} ${d.slice(4)}`;
    return d;
  }
  if (d.length !== 11) return d;
  // 02x London, Cardiff, Belfast…; 070 personal, 076 pagers (not 07624, Isle of Man mobiles), 05x: 3+4+4.
  if (/^0(2|70|76(?!24)|5)/.test(d)) return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
  if (d.startsWith('07')) return `${d.slice(0, 5)} ${d.slice(5)}`;
  if (SIX_DIGIT_AREA.test(d)) return `${d.slice(0, 6)} ${d.slice(6)}`;
  if (FOUR_DIGIT_AREA.test(d) || /^0[389]/.test(d)) return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
  if (d.startsWith('01')) return `${d.slice(0, 5)} ${d.slice(5)}`;
  return d;
}

/** The number's digits in UK national form ("07700900123"), or null when it is not a UK number. */
function ukNational(number: string): string | null {
  const compact = number.replace(/[\s().-]/g, '');
  if (/^\+44\d{9,10}$/.test(compact)) return `0${compact.slice(3).replace(/^0/, '')}`;
  if (/^0044\d{9,10}$/.test(compact)) return `0${compact.slice(4).replace(/^0/, '')}`;
  if (/^0[1-9]\d{8,9}$/.test(compact)) return compact;
  return null;
}

export function formatPhoneForReading(number: string): string {
  const national = ukNational(number);
  return national ? groupUkNational(national) : number;
}

/** A `tel:` address for a number as the core gave it (E.164 when it could be read). */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/**
 * A customer's number in a list many people read (a supervisor's call records): as read aloud, with
 * all but its first three and last three digits hidden ("077•• •••123"). Anything that is not a
 * number (an erased customer's reference) stays as it is.
 */
export function maskPhoneForList(number: string): string {
  const reading = formatPhoneForReading(number);
  const digits = reading.replace(/\D/g, '').length;
  if (digits < 7 || !/^\+?[\d\s]+$/.test(reading)) return reading;
  let seen = 0;
  return reading.replace(/\d/g, (d) => (++seen <= 3 || seen > digits - 3 ? d : '•'));
}
