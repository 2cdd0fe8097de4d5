/**
 * PCI DSS: a card number may be shown at most as its first six and last four digits. Anything that
 * looks like a card number (14 to 19 digits, or 13 starting with 4 as old Visa cards do; spaces or
 * dashes allowed; passing Luhn) is masked before it is stored anywhere, a local draft included.
 * Other 13-digit numbers are left alone: product barcodes (EAN-13) are typed on recall calls.
 */
const CANDIDATE = /(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])/g;

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const looksLikeCard = (digits: string): boolean =>
  (digits.length >= 14 || (digits.length === 13 && digits.startsWith('4'))) && digits.length <= 19 && passesLuhn(digits);

export function maskCardNumbers(text: string): string {
  return text.replace(CANDIDATE, (match) => {
    const digits = match.replace(/[ -]/g, '');
    if (!looksLikeCard(digits)) return match;
    return `${digits.slice(0, 6)}${'•'.repeat(digits.length - 10)}${digits.slice(-4)}`;
  });
}

/** Security codes are never kept: "CVV 123", "security code: 1234" lose the digits. */
export function maskSecurityCodes(text: string): string {
  return text.replace(/\b(cvv2?|cvc2?|csc|security code)(\s*(?:is|:|-)?\s*)\d{3,4}\b/gi, '$1$2•••');
}

export const redactCardData = (text: string): string => maskSecurityCodes(maskCardNumbers(text));

/**
 * A draft saved while the advisor types: a trailing run of digits (with spaces or dashes) may be a
 * card number half typed, too short to be recognised and masked, so it is held back until something
 * else follows it. A crash loses at most the digits being typed.
 */
export function withoutDigitsBeingTyped(text: string): string {
  let start = text.length;
  let cut = text.length;
  // From the end backwards (linear, whatever the text): the run may only start at a digit.
  while (start > 0 && /[\d -]/.test(text[start - 1]!)) {
    start--;
    if (/\d/.test(text[start]!)) cut = start;
  }
  return text.slice(0, cut);
}

/**
 * Fields that hold an identifier, a credential or a contact detail, never prose: kept exactly as
 * sent (a password or an idempotency key that happens to pass Luhn must still work).
 */
const VERBATIM_FIELD =
  /^(?:ids?|password|newPassword|currentPassword|token|secret|totp|otp|code|username|email|phone|phoneAlt|extension|number|membershipNumber|postcode)$|(?:Id|Ids|Key|Token|Secret|Password|Code|Number|Ref|Reference)$/;

export const isVerbatimField = (key: string): boolean => VERBATIM_FIELD.test(key);

/**
 * The one gate every free-text value passes where it enters a side (the hub's body parsing, the
 * desktop's bridge): every string in a JSON value is redacted, except under verbatim fields.
 */
export function maskFreeText<T>(value: T): T {
  return walk(value, false) as T;
}

function walk(value: unknown, verbatim: boolean): unknown {
  if (typeof value === 'string') return verbatim ? value : redactCardData(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, verbatim));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, verbatim || isVerbatimField(k))]));
  }
  return value;
}
