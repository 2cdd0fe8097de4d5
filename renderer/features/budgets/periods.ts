import { addMonths } from '../../../shared/gestures/policy';
import { lastMonths, thisMonth, type MonthRange } from '../../state';

/** The periods a supervisor asks about most, one press away. */
export const QUICK_PERIODS: { id: string; label: string; range: (now: number) => MonthRange }[] = [
  { id: 'this-month', label: 'This month', range: (now) => lastMonths(1, now) },
  {
    id: 'last-month',
    label: 'Last month',
    range: (now) => {
      const month = addMonths(thisMonth(now), -1);
      return { from: month, to: month };
    },
  },
  { id: 'last-3-months', label: 'Last 3 months', range: (now) => lastMonths(3, now) },
  { id: 'last-12-months', label: 'Last 12 months', range: (now) => lastMonths(12, now) },
];

export const sameRange = (a: MonthRange | null, b: MonthRange | null): boolean =>
  a !== null && b !== null && a.from === b.from && a.to === b.to;

// Mid-month at noon UTC, so no time zone can move a month into its neighbour.
const asDate = (month: string) => new Date(`${month}-15T12:00:00Z`);
const monthAndYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthOnly = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** "December 2026". */
export const monthName = (month: string): string => monthAndYear.format(asDate(month));
/** "Dec". */
export const monthAbbreviation = (month: string): string => shortMonth.format(asDate(month));

/** "December 2026", "October – December 2026", "January 2026 – December 2026". */
export function periodName({ from, to }: MonthRange): string {
  if (from === to) return monthName(from);
  const start = from.slice(0, 4) === to.slice(0, 4) ? monthOnly.format(asDate(from)) : monthName(from);
  return `${start} – ${monthName(to)}`;
}

/** Every month of the range in order, so months with no spend still take their place on the chart. */
export function monthsOf({ from, to }: MonthRange): string[] {
  const months: string[] = [];
  for (let m = from; m <= to && months.length < 240; m = addMonths(m, 1)) months.push(m);
  return months;
}
