/** Text cells that a spreadsheet would run as a formula are defused with a leading apostrophe. */
function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text (RFC 4180 line ends), safe to open in a spreadsheet. */
export const csv = (rows: (string | number | null)[][]): string => rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
