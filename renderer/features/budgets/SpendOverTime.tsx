import type { SpendRow } from '../../../shared/schemas/gestures';
import type { MonthRange } from '../../state';
import { formatCount, formatPence } from '../../ui/format';
import { monthAbbreviation, monthName, monthsOf } from './periods';
import './spend-charts.css';

const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/**
 * Spend month by month as columns, every month of the period in its place (an empty month shows
 * as an empty column, not a gap). Each column is a list item that reads as one sentence.
 */
export function SpendOverTime({ range, rows }: { range: MonthRange; rows: SpendRow[] }) {
  const byMonth = new Map(rows.map((r) => [r.key, r]));
  const months = monthsOf(range).map((month) => {
    const r = byMonth.get(month);
    return { month, committed: r?.committedPence ?? 0, reserved: r?.reservedPence ?? 0, requests: r?.requests ?? 0 };
  });
  const largest = Math.max(1, ...months.map((m) => m.committed + m.reserved));
  const showYear = (month: string, i: number) => i === 0 || month.endsWith('-01');

  return (
    <section className="spend-chart spend-chart-months" aria-labelledby="spend-by-month">
      <h3 id="spend-by-month" className="spend-chart-title">
        By month
      </h3>
      <ol className="spend-months" aria-labelledby="spend-by-month">
        {months.map((m, i) => (
          <li key={m.month} className="spend-month">
            <span className="visually-hidden">
              {`${monthName(m.month)}: ${formatPence(m.committed)} committed, ${formatPence(m.reserved)} reserved, ${formatCount(m.requests)} ${m.requests === 1 ? 'request' : 'requests'}`}
            </span>
            <span className="spend-month-value" aria-hidden="true">
              {m.committed + m.reserved > 0 ? wholePounds.format((m.committed + m.reserved) / 100) : ''}
            </span>
            <span className="spend-month-track" aria-hidden="true">
              <span className="spend-bar-reserved" style={{ height: `${(m.reserved / largest) * 100}%` }} />
              <span className="spend-bar-committed" style={{ height: `${(m.committed / largest) * 100}%` }} />
            </span>
            <span className="spend-month-label" aria-hidden="true">
              {monthAbbreviation(m.month)}
              {showYear(m.month, i) ? <span className="spend-month-year">{m.month.slice(0, 4)}</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
