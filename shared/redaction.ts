/**
 * PCI DSS: a card number may be shown at most as its first six and last four digits. Anything that
 * looks like a card number (14 to 19 digits, spaces or dashes allowed, passing Luhn) is masked
 * before it is stored anywhere, a local draft included.
 */
const CANDIDATE = /(?<![\d])(?:\d[ -]?){13,18}\d(?![\d])/g;

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

export function maskCardNumbers(text: string): string {
  return text.replace(CANDIDATE, (match) => {
    const digits = match.replace(/[ -]/g, '');
    if (digits.length < 14 || digits.length > 19 || !passesLuhn(digits)) return match;
    return `${digits.slice(0, 6)}${'•'.repeat(digits.length - 10)}${digits.slice(-4)}`;
  });
}

/** Security codes are never kept: "CVV 123", "security code: 1234" lose the digits. */
export function maskSecurityCodes(text: string): string {
  return text.replace(/\b(cvv2?|cvc2?|csc|security code)(\s*(?:is|:|-)?\s*)\d{3,4}\b/gi, '$1$2•••');
}

export const redactCardData = (text: string): string => maskSecurityCodes(maskCardNumbers(text));
