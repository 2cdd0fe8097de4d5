import { useCallDesk, useCurrentCall, useNoteJournal } from '../../state';
import { ErrorState, LoadingState } from '../../ui/States';
import { formatTime } from '../../ui/format';
import { formatPhoneForReading } from '../../ui/phone';
import { useNow } from '../../ui/useNow';
import { CallCard } from './CallCard';
import { AGENT_STATE_LABELS, SOURCE_LABELS } from './callText';
import { JournalNotice } from './PendingNotes';
import './calls.css';

const RECENT_MISS_MS = 10 * 60_000;

/** Between calls: where calls come from, and a missed call the advisor may not have seen. */
function Waiting() {
  const { desk } = useCallDesk();
  const now = useNow(30_000);
  const journal = useNoteJournal();
  if (desk.status !== 'ready') return null;
  const { source, agent, history } = desk.data;
  const missed = history.find((h) => h.callBack && now - h.at < RECENT_MISS_MS);
  return (
    <div className="calls-idle">
      <span className="calls-idle-dot" data-state={agent.state} aria-hidden="true" />
      <p className="calls-idle-text">
        <strong>No call right now.</strong>
        <span className="calls-idle-meta">
          Status: {AGENT_STATE_LABELS[agent.state]}
          <span aria-hidden="true"> · </span>
          Calls from: {SOURCE_LABELS[source]}
        </span>
      </p>
      {missed ? (
        <p className="calls-idle-missed">
          Missed call from {missed.customerName ?? formatPhoneForReading(missed.caller)} at {formatTime(missed.at)}: it is in Call back.
        </p>
      ) : null}
      <JournalNotice entries={journal} />
    </div>
  );
}

/** The top of an advisor's or supervisor's workspace: the call in hand, or a quiet line between calls. */
export function CallsArea() {
  const { desk, load } = useCallDesk();
  const current = useCurrentCall();

  const content = () => {
    if (current) return <CallCard view={current} />;
    if (desk.status === 'error' && !desk.data) {
      return <ErrorState title="Calls could not be loaded." error={desk.error} onRetry={() => void load()} />;
    }
    if (desk.status === 'idle' || (desk.status === 'loading' && !desk.data)) return <LoadingState label="Loading your calls…" />;
    return <Waiting />;
  };

  return (
    <section className="calls" aria-labelledby="calls-heading">
      <h2 id="calls-heading" className="visually-hidden">
        Calls
      </h2>
      {content()}
    </section>
  );
}
