/**
 * Advisors and admins type pounds ("25", "£12.50", "1,000"); the hub keeps whole pence. The conversion is done
 * on the digits, never through floating point, so "19.99" is 1999 pence and not 1998.
 */
export type PoundsParse = { ok: true; pence: number } | { ok: false; message: string };

const MAX_PENCE = 100_000_000;
const POUNDS = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

export function parsePounds(typed: string): PoundsParse {
  const text = typed.trim();
  if (!text) return { ok: false, message: 'Enter an amount in pounds, for example 25 or 12.50.' };
  if (text.startsWith('-')) return { ok: false, message: 'The amount cannot be negative.' };
  const m = POUNDS.exec(text);
  if (!m) {
    if (/^£?\s*[\d,]*\.\d{3,}$/.test(text)) return { ok: false, message: 'Use no more than two decimal places (whole pence).' };
    return { ok: false, message: 'Enter an amount in pounds, for example 25 or 12.50.' };
  }
  const pounds = Number(m[1]!.replace(/,/g, ''));
  const pence = pounds * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(pence) || pence > MAX_PENCE) return { ok: false, message: 'That amount is too large.' };
  return { ok: true, pence };
}

/** Pence as an admin would type pounds back in: "25", "12.50" (no "£", no thousands commas). */
export function penceToPounds(pence: number): string {
  const pounds = Math.floor(pence / 100);
  const rest = pence % 100;
  return rest === 0 ? String(pounds) : `${pounds}.${String(rest).padStart(2, '0')}`;
}

/** The pence for what was typed, or null when it is not an amount (the reason is in `parsePounds`). */
export function poundsToPence(text: string): number | null {
  const parsed = parsePounds(text);
  return parsed.ok ? parsed.pence : null;
}
