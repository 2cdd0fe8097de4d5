import { useEffect, useState } from 'react';
import { addMonths, monthOf } from '../../../shared/gestures/policy';
import { useCatalogueNotice, useCatalogueStore } from '../../state';
import { Card } from '../../ui/Card';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { useRetryWhenOnline } from '../home/useRetryWhenOnline';
import { BudgetDefaults } from './BudgetDefaults';
import { BudgetRow } from './BudgetRow';
import { monthLabel } from './labels';

/** Each site's goodwill budget for one month: what is set, reserved by waiting requests, spent and left. */
export function BudgetsCard() {
  const budgets = useCatalogueStore((s) => s.budgets);
  const load = useCatalogueStore((s) => s.loadBudgets);
  const notice = useCatalogueNotice('budgets');
  const [month, setMonth] = useState(() => monthOf(Date.now()));
  const thisMonth = monthOf(Date.now());
  useEffect(() => void load(month), [load, month]);
  useRetryWhenOnline(budgets.status === 'error', () => load(month));

  const nav = (
    <div className="month-nav">
      <button type="button" className="button button-secondary button-small" onClick={() => setMonth(addMonths(month, -1))}>
        <span aria-hidden="true">‹</span> Previous month
      </button>
      <button type="button" className="button button-secondary button-small" onClick={() => setMonth(addMonths(month, 1))}>
        Next month <span aria-hidden="true">›</span>
      </button>
    </div>
  );

  return (
    <Card title="Monthly budgets" actions={nav}>
      <p className="publish-status" role="status">
        {notice ?? ''}
      </p>
      <p className="month-label" aria-live="polite">
        {monthLabel(month)}
        {month === thisMonth ? <span className="muted"> (this month)</span> : null}
      </p>
      <Loaded
        value={budgets}
        loadingLabel="Loading budgets…"
        errorTitle="Budgets could not be loaded."
        onRetry={() => void load(month)}
      >
        {(data) =>
          data.budgets.length === 0 ? (
            <EmptyState>No sites have a budget</EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table table-compact budgets-table">
                <caption className="visually-hidden">Budgets for {monthLabel(data.month)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Site</th>
                    <th scope="col">Budget</th>
                    <th scope="col" className="num">
                      Reserved
                    </th>
                    <th scope="col" className="num">
                      Spent
                    </th>
                    <th scope="col" className="num">
                      Left
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.budgets.map((b) => (
                    <BudgetRow key={`${b.siteId}:${data.month}`} budget={b} month={data.month} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <BudgetDefaults />
    </Card>
  );
}
