import { useEffect, useState } from 'react';
import { CASE_STATUS_LABELS } from '../../../shared/cases/status-rules';
import { useAdvisorHome, useGoodwillActions } from '../../state';
import { Badge } from '../../ui/Badge';
import { STATUS_TONE } from './statusTone';
import { Card } from '../../ui/Card';
import { DateTime } from '../../ui/DateTime';
import { lineLabel } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { OpenCaseForm } from './OpenCaseForm';
import { useRetryWhenOnline } from '../home/useRetryWhenOnline';


/** The advisor's own latest cases, so a returning caller's story is one glance away. */
export function RecentCases() {
  const { home, load } = useAdvisorHome();
  const { openCase } = useGoodwillActions();
  const [opening, setOpening] = useState(false);
  useEffect(() => void load(), [load]);
  useRetryWhenOnline(home.status === 'error', load);

  return (
    <Card
      title="Recent cases"
      actions={
        opening ? null : (
          <button type="button" className="button button-small" onClick={() => setOpening(true)}>
            New case
          </button>
        )
      }
    >
      {opening ? <OpenCaseForm onClose={() => setOpening(false)} /> : null}
      <Loaded
        value={home}
        loadingLabel="Loading your recent cases…"
        errorTitle="Your recent cases could not be loaded."
        onRetry={() => void load()}
      >
        {({ recentCases }) =>
          recentCases.length === 0 ? (
            <EmptyState>No cases yet</EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table table-compact recent-cases-table">
                <colgroup>
                  <col className="recent-col-ref" />
                  <col />
                  <col className="recent-col-status" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">Reference</th>
                    <th scope="col">Customer and subject</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {recentCases.map((c) => (
                    <tr key={c.id}>
                      {/* Two facts a cell, so nothing is squeezed at 1280×720. */}
                      <td className="nowrap case-ref">
                        <button type="button" className="button button-quiet button-small" onClick={() => openCase(c.id, c.customerName ?? c.reference)} title="Open this case">
                          {c.reference}
                        </button>
                        <span className="recent-case-sub">
                          <DateTime ms={c.openedAt} />
                        </span>
                      </td>
                      <td>
                        <span className="recent-case-customer">{c.customerName ?? <span className="muted">Unknown caller</span>}</span>
                        <span className="recent-case-line"> · {lineLabel(c.line)}</span>
                        <span className="recent-case-subject">{c.subject}</span>
                      </td>
                      <td>
                        <Badge tone={STATUS_TONE[c.status]}>{CASE_STATUS_LABELS[c.status]}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </Card>
  );
}
