export { parsePounds, penceToPounds, type PoundsParse } from '../../ui/money';

/** A whole number of days or hours, within the hub's bounds. */
export function parseWhole(
  typed: string,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; message: string } {
  const text = typed.trim();
  if (!/^\d+$/.test(text)) return { ok: false, message: 'Enter a whole number.' };
  const value = Number(text);
  if (value < min || value > max) return { ok: false, message: `Enter a number from ${min} to ${max}.` };
  return { ok: true, value };
}
