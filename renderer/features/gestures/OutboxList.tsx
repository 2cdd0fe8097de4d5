import type { OutboxEntry } from '../../../shared/contract/gestures';
import { useGoodwillAction, useGoodwillActions } from '../../state';
import { Badge } from '../../ui/Badge';
import { DateTime } from '../../ui/DateTime';
import { InlineError } from '../../ui/States';

function OutboxRow({ entry }: { entry: OutboxEntry }) {
  const { discard } = useGoodwillActions();
  const { busy, error } = useGoodwillAction(`discard:${entry.id}`);
  return (
    <li className="request-row" data-testid="outbox-entry">
      <div className="request-main">
        <span className="request-item">{entry.summary}</span>
        {entry.state === 'refused' ? (
          <Badge tone="danger">Refused by the hub</Badge>
        ) : (
          <Badge tone="warning">Waiting to send</Badge>
        )}
      </div>
      <p className="request-meta">
        Saved <DateTime ms={entry.createdAt} />
        {entry.attempts ? ` · ${entry.attempts} attempt${entry.attempts === 1 ? '' : 's'}` : ''}
      </p>
      {entry.error ? <p className="request-decision">{entry.error}</p> : null}
      {entry.state === 'refused' ? (
        <div className="request-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy}
            onClick={() => void discard(entry.id)}
          >
            Discard
          </button>
        </div>
      ) : null}
      {error ? <InlineError error={error} lead="Not discarded" /> : null}
    </li>
  );
}

/** Requests made while the hub was out of reach: they wait here and go once, when it is back. */
export function OutboxList({ entries }: { entries: OutboxEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="outbox" aria-label="Waiting to send">
      <h4 className="list-title">Waiting to send from this computer</h4>
      <ul className="requests">
        {entries.map((e) => (
          <OutboxRow key={e.id} entry={e} />
        ))}
      </ul>
    </section>
  );
}
