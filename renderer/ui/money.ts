/**
 * What an advisor or admin types as pounds ("12.50", "£12", "1,250.5") as whole pence, or null
 * when it is not an amount. Money travels as pence; pounds exist only on screen.
 */
export function poundsToPence(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, '').replace(/,/g, '').trim();
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [pounds, pennies = ''] = cleaned.split('.') as [string, string?];
  return Number(pounds) * 100 + Number(pennies.padEnd(2, '0'));
}

/** Pence as the pounds to put back in a field: 1250 → "12.50", 1200 → "12". */
export const penceToPounds = (pence: number): string => (pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2));
