import type { ErasureLogEntry } from '../../../shared/schemas/erasure';
import { queryClient, useErasureLog } from '../../state';
import { Card } from '../../ui/Card';
import { DateTime } from '../../ui/DateTime';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { isoToUk } from '../../ui/ukDate';

/** UK GDPR gives one month; a little over 30 days is already late in a short month. */
const LATE_AFTER_DAYS = 28;

function What({ counts }: { counts: ErasureLogEntry['counts'] }) {
  const parts = [
    `${counts.cases} case${counts.cases === 1 ? '' : 's'}`,
    `${counts.notes} note${counts.notes === 1 ? '' : 's'}`,
    `${counts.gestures} gesture${counts.gestures === 1 ? '' : 's'}`,
    `${counts.auditEntries} audit entr${counts.auditEntries === 1 ? 'y' : 'ies'}`,
  ];
  return <>{parts.join(', ')}</>;
}

/** The data-protection officer's record: who erased whom (by reference only), when, and how long after the request. */
export function ErasureLogCard() {
  const log = useErasureLog();
  return (
    <Card title="Erasure log" className="admin-erasure-log">
      <p className="muted">For the data-protection officer: references, dates and who carried each erasure out. It holds nobody’s personal data.</p>
      <Loaded
        value={log}
        loadingLabel="Loading the erasure log…"
        errorTitle="The erasure log could not be loaded."
        onRetry={() => void queryClient.invalidateQueries({ queryKey: ['privacy', 'erasures'] })}
      >
        {(entries) =>
          entries.length === 0 ? (
            <EmptyState>No customer has been erased yet</EmptyState>
          ) : (
            <div className="table-wrap admin-scroll">
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th scope="col">Reference</th>
                    <th scope="col">Asked on</th>
                    <th scope="col">Erased</th>
                    <th scope="col">By</th>
                    <th scope="col">Request logged in</th>
                    <th scope="col">Days taken</th>
                    <th scope="col">What went</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={e.reference}>
                      <td className="mono">{e.reference}</td>
                      <td>{isoToUk(e.requestedOn)}</td>
                      <td>
                        <DateTime ms={e.erasedAt} />
                      </td>
                      <td>{e.erasedByName}</td>
                      <td className="mono">{e.requestCaseReference}</td>
                      <td>
                        {e.daysTaken}
                        {e.daysTaken > LATE_AFTER_DAYS ? <span className="badge badge-danger erasure-late">Late</span> : null}
                      </td>
                      <td>
                        <What counts={e.counts} />
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
