import { useEffect } from 'react';
import type { BudgetReport } from '../../../shared/schemas/gestures';
import { useBudgetReport, watchSpendChanges } from '../../state';
import { Card } from '../../ui/Card';
import { formatPence } from '../../ui/format';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import { useRetryWhenOnline } from '../home/useRetryWhenOnline';
import { ExportSpendCsv } from './ExportSpendCsv';
import { PeriodPicker } from './PeriodPicker';
import { periodName } from './periods';
import { BudgetKey, SiteBudgets } from './SiteBudgets';
import { SpendBars } from './SpendBars';
import { SpendOverTime } from './SpendOverTime';
import '../../ui/controls.css';
import './budgets.css';

function Summary({ report }: { report: BudgetReport }) {
  const sum = (pick: (s: BudgetReport['sites'][number]) => number) => report.sites.reduce((n, s) => n + pick(s), 0);
  const sites = report.sites.length === 1 ? '1 site' : `${report.sites.length} sites`;
  return (
    <>
      <strong>{periodName(report)}</strong>
      {`: ${formatPence(sum((s) => s.committedPence))} committed and ${formatPence(sum((s) => s.reservedPence))} reserved of ${formatPence(sum((s) => s.budgetPence))} across ${sites}.`}
    </>
  );
}

function Breakdowns({ report }: { report: BudgetReport }) {
  if (report.byMonth.length === 0) {
    return <EmptyState>No goodwill was offered or approved in {periodName(report)}.</EmptyState>;
  }
  return (
    <div className="spend-charts">
      <SpendBars title="By line" dimension="Line" rows={report.byLine} />
      <SpendBars title="By kind of gesture" dimension="Kind" rows={report.byKind} />
      <SpendBars title="By reason" dimension="Reason" rows={report.byReason} />
      {/* One month's column would only repeat the summary above. */}
      {report.from !== report.to ? <SpendOverTime range={report} rows={report.byMonth} /> : null}
    </div>
  );
}

/**
 * Goodwill spend against budget for supervisors and heads of service: every site side by side,
 * then by line, kind, reason and month, for any run of months, with a CSV of any breakdown.
 */
export function GoodwillSpend() {
  const { range, report, load } = useBudgetReport();
  const now = useNow(60_000);
  useEffect(() => void load(), [load]);
  useEffect(() => watchSpendChanges(), []);
  useRetryWhenOnline(report.status === 'error', load);

  const data = report.status === 'idle' ? undefined : report.data;
  const retry = () => void load();
  let body;
  if (!data && report.status === 'error') {
    body = <ErrorState title="Goodwill spend could not be loaded." error={report.error} onRetry={retry} />;
  } else if (!data) {
    body = <LoadingState label="Loading goodwill spend…" />;
  } else {
    body = (
      <>
        {report.status === 'error' ? (
          <div className="spend-stale">
            <InlineError error={report.error} lead="These figures could not be refreshed" />
            <button type="button" className="button button-small button-secondary" onClick={retry}>
              Try again
            </button>
          </div>
        ) : null}
        <section className="spend-sites" aria-labelledby="spend-by-site">
          <div className="spend-sites-header">
            <h3 id="spend-by-site" className="spend-chart-title">
              By site
            </h3>
            <BudgetKey />
          </div>
          <SiteBudgets sites={data.sites} />
        </section>
        <Breakdowns report={data} />
      </>
    );
  }

  return (
    <Card title="Goodwill spend" className="goodwill-spend" actions={<ExportSpendCsv disabled={!data} />}>
      <PeriodPicker range={range} onChange={(next) => void load(next)} now={now} />
      <p className="spend-summary" aria-live="polite" aria-busy={report.status === 'loading'}>
        {data ? <Summary report={data} /> : null}
        {report.status === 'loading' && data ? <span className="spend-updating"> Updating…</span> : null}
      </p>
      {body}
    </Card>
  );
}
