import type { CallHistoryEntry } from '../../../shared/contract/calls';
import { useCallAction, useCallActions, useCallDesk, useWrapUpLabels } from '../../state';
import { Card } from '../../ui/Card';
import { DateTime } from '../../ui/DateTime';
import { formatClock, formatTime, isSameDay, lineLabel } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { formatPhoneForReading, telHref } from '../../ui/phone';
import { DialButton } from './DialButton';
import { EmptyState, InlineError } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import '../../ui/controls.css';
import './history.css';
import { ScrollBox } from '../../ui/ScrollBox';

function When({ at, now }: { at: number; now: number }) {
  if (!isSameDay(at, now)) return <DateTime ms={at} />;
  return <time dateTime={new Date(at).toISOString()}>{formatTime(at)}</time>;
}

/** Missed and abandoned calls first: someone wanted help and did not get it yet. */
function CallBackList({ entries, now }: { entries: CallHistoryEntry[]; now: number }) {
  const { markCalledBack } = useCallActions();
  const { busy, error } = useCallAction('markCalledBack');
  return (
    <div className="call-back">
      <h3 className="call-back-title">Call back</h3>
      <ul className="call-back-list">
        {entries.map((e) => {
          const number = formatPhoneForReading(e.caller);
          return (
            <li key={e.callId} className="call-back-item">
              <div className="call-back-main">
                <a className="call-back-number" href={telHref(e.caller)} aria-label={`Call ${e.customerName ?? number} on ${number}`}>
                  {number}
                </a>
                <DialButton number={e.caller} />
                <span className="call-back-meta">
                  {e.customerName ?? 'Unknown caller'}
                  <span aria-hidden="true"> · </span>
                  {e.outcome}
                  <span aria-hidden="true"> · </span>
                  <When at={e.at} now={now} />
                  {e.line ? ` · ${lineLabel(e.line)}` : ''}
                </span>
              </div>
              <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => void markCalledBack(e.callId)}>
                Mark called back
              </button>
            </li>
          );
        })}
      </ul>
      {error ? (
        <InlineError error={error} />
      ) : null}
    </div>
  );
}

/** Today's calls on this desktop, kept by the core so they survive a restart or the hub being away. */
export function RecentCalls() {
  const { desk, load } = useCallDesk();
  const labels = useWrapUpLabels();
  const now = useNow(60_000);

  return (
    <Card title="Recent calls">
      <Loaded value={desk} loadingLabel="Loading your calls…" errorTitle="Your calls could not be loaded." onRetry={() => void load()}>
        {({ history }) => {
          if (history.length === 0) return <EmptyState>No calls yet today</EmptyState>;
          const callBack = history.filter((h) => h.callBack);
          return (
            <>
              {callBack.length > 0 ? <CallBackList entries={callBack} now={now} /> : null}
              <ScrollBox label="Recent calls table">
                <table className="table table-compact calls-table">
                  <caption className="visually-hidden">Recent calls, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Time</th>
                      <th scope="col">Caller</th>
                      <th scope="col">Customer</th>
                      <th scope="col">Line</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">Duration</th>
                      <th scope="col">Wrap-up code</th>
                    </tr>
                  </thead>
                  <tbody>
                    {history.map((h) => (
                      <tr key={h.callId}>
                        <td className="nowrap">
                          <When at={h.at} now={now} />
                        </td>
                        <td className="nowrap">
                          {h.direction === 'out' ? <span className="muted">To </span> : null}
                          {formatPhoneForReading(h.caller)} {/^\+?\d{6,}$/.test(h.caller) ? <DialButton number={h.caller} /> : null}
                        </td>
                        <td>{h.customerName ?? <span className="muted">Unknown</span>}</td>
                        <td className="nowrap">{h.line ? lineLabel(h.line) : <span className="muted">—</span>}</td>
                        <td>{h.outcome}</td>
                        <td className="nowrap num">{h.durationSeconds === null ? <span className="muted">—</span> : formatClock(h.durationSeconds)}</td>
                        <td>{h.wrapupCode ? <span title={h.wrapupCode}>{labels[h.wrapupCode] ?? h.wrapupCode}</span> : <span className="muted">—</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            </>
          );
        }}
      </Loaded>
    </Card>
  );
}
