import { useCallDesk, useNoteJournal } from '../../state';
import { formatTime } from '../../ui/format';
import { formatPhoneForReading } from '../../ui/phone';
import { useNow } from '../../ui/useNow';
import { AGENT_STATE_LABELS, SOURCE_LABELS } from './callText';
import { JournalNotice } from './PendingNotes';
import './calls.css';
import './callbar.css';

const RECENT_MISS_MS = 10 * 60_000;

/** Between calls: where calls come from, and a missed call the advisor may not have seen. */
export function Waiting() {
  const { desk } = useCallDesk();
  const now = useNow(30_000);
  const journal = useNoteJournal();
  if (desk.status !== 'ready') return null;
  const { source, agent, history } = desk.data;
  const missed = history.find((h) => h.callBack && now - h.at < RECENT_MISS_MS);
  return (
    <section id="call-idle" className="call-bar call-bar-idle" aria-label="Call" tabIndex={-1}>
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
    </section>
  );
}

