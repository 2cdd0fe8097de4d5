import { LINES, LINE_LABELS, type Line } from '../../../shared/roles';
import type { SiteView } from '../../../shared/schemas/accounts';
import type { CatalogueItem } from '../../../shared/schemas/catalogue';
import { formatPence, sentenceCase } from '../../ui/format';

export { KIND_LABELS, TONE_LABELS } from '../../../shared/gestures/labels';

export const FIELD_KIND_LABELS: Record<CatalogueItem['fields'][number]['kind'], string> = {
  text: 'Short text',
  longtext: 'Long text',
  number: 'Number',
  choice: 'Choice',
};

/** "£15.00 to £30.00", "£20.00" for a fixed price, "No charge" for a waiver of time. */
export function amountRange(minPence: number, maxPence: number): string {
  if (maxPence === 0) return 'No charge';
  if (minPence === maxPence) return formatPence(minPence);
  return `${formatPence(minPence)} to ${formatPence(maxPence)}`;
}

export const linesText = (lines: readonly Line[]): string =>
  LINES.every((l) => lines.includes(l))
    ? 'All lines'
    : LINES.filter((l) => lines.includes(l))
        .map((l) => LINE_LABELS[l])
        .join(', ');

export const sitesText = (ids: readonly string[], sites: readonly SiteView[]): string =>
  ids.length === 0 ? 'All sites' : ids.map((id) => sites.find((s) => s.id === id)?.name ?? id).join(', ');

/** "partner_gift_supplier" → "Partner gift supplier". */
export const routeLabel = (route: string): string => sentenceCase(route);

const MONTH_LABEL = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "2026-11" → "November 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return MONTH_LABEL.format(Date.UTC(y, m - 1, 1));
}

export const LINE_CHOICES: { value: Line; label: string }[] = LINES.map((l) => ({ value: l, label: LINE_LABELS[l] }));
