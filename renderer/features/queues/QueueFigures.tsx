import type { QueueStatView } from '../../../shared/contract/queues';
import { LINE_LABELS } from '../../../shared/roles';
import { formatClock, formatCount } from '../../ui/format';
import { EmptyState } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import { ScrollBox } from '../../ui/ScrollBox';

/** The longest wait keeps counting between the hub's figures, as the caller's wait does. */
function LongestWait({ queue, figuresAt, live }: { queue: QueueStatView; figuresAt: number; live: boolean }) {
  const now = useNow(1000);
  if (queue.waiting === 0) return <span className="muted">–</span>;
  // Away from the hub the figures are as they stood: counting on would pretend to know.
  const seconds = queue.longestWaitSeconds + (live ? Math.max(0, (now - figuresAt) / 1000) : 0);
  return <span className="queue-wait">{formatClock(seconds)}</span>;
}

/** Calls waiting per queue, or a plain word that the phone system is not there to say. */
export function QueueFigures({
  connected,
  queues,
  figuresAt,
  live,
}: {
  connected: boolean;
  queues: QueueStatView[];
  figuresAt: number;
  /** False while the view is out of date (hub away): the longest wait then stops counting. */
  live: boolean;
}) {
  if (!connected) {
    return (
      <p className="queues-note" role="note">
        The phone system is not connected to the hub, so calls waiting and wait times cannot be shown. Advisors’ states below are
        the ones they set in Rapport.
      </p>
    );
  }
  if (queues.length === 0) return <EmptyState>The phone system has not reported any queues yet</EmptyState>;
  return (
    <ScrollBox label="Calls waiting per queue">
      <table className="table table-compact queues-table" aria-label="Calls waiting">
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col" className="queues-num">
              Waiting
            </th>
            <th scope="col" className="queues-num">
              Longest wait
            </th>
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => (
            <tr key={q.queue} data-waiting={q.waiting > 0 ? 'yes' : 'no'}>
              <th scope="row" className="queues-name">
                {q.name}
                {q.line && LINE_LABELS[q.line] !== q.name ? <span className="muted"> · {LINE_LABELS[q.line]}</span> : null}
              </th>
              <td className="queues-num queues-waiting">{formatCount(q.waiting)}</td>
              <td className="queues-num">
                <LongestWait queue={q} figuresAt={figuresAt} live={live} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
