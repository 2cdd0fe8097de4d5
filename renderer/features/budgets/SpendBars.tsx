import type { SpendRow } from '../../../shared/schemas/gestures';
import { formatCount, formatPence } from '../../ui/format';
import './spend-charts.css';
import { ScrollBox } from '../../ui/ScrollBox';

interface SpendBarsProps {
  title: string;
  /** The first column's heading: "Line", "Kind", "Reason". */
  dimension: string;
  rows: SpendRow[];
}

const total = (r: SpendRow) => r.committedPence + r.reservedPence;

/**
 * A bar chart that is a table underneath: screen readers and keyboard users get the figures in
 * rows and columns, everyone else also sees the bars. Bars share one scale, the largest row.
 */
export function SpendBars({ title, dimension, rows }: SpendBarsProps) {
  const id = `spend-${dimension.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  const sorted = [...rows].sort((a, b) => total(b) - total(a) || a.label.localeCompare(b.label));
  const largest = Math.max(1, ...sorted.map(total));
  const all = sorted.reduce((sum, r) => sum + total(r), 0);
  return (
    <section className="spend-chart" aria-labelledby={id}>
      <h3 id={id} className="spend-chart-title">
        {title}
      </h3>
      <ScrollBox label={`${title}: the figures`}>
        <table className="table table-compact spend-table" aria-labelledby={id}>
          <colgroup>
            <col className="spend-label-col" />
            <col />
            <col className="num-col" />
            <col className="num-col" />
            <col className="count-col" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{dimension}</th>
              <th scope="col">
                <span className="visually-hidden">Share of spend</span>
              </th>
              <th scope="col" className="num">
                Committed
              </th>
              <th scope="col" className="num">
                Reserved
              </th>
              <th scope="col" className="num">
                Requests
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="spend-row-label">
                  {r.label}
                </th>
                <td>
                  <div
                    className="spend-bar"
                    role="img"
                    aria-label={`${Math.round((total(r) / Math.max(all, 1)) * 100)}% of spend`}
                  >
                    <span className="spend-bar-committed" style={{ width: `${(r.committedPence / largest) * 100}%` }} />
                    <span className="spend-bar-reserved" style={{ width: `${(r.reservedPence / largest) * 100}%` }} />
                  </div>
                </td>
                <td className="num">{formatPence(r.committedPence)}</td>
                <td className="num muted">{formatPence(r.reservedPence)}</td>
                <td className="num muted">{formatCount(r.requests)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
