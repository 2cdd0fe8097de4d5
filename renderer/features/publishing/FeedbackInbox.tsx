import { useState } from 'react';
import type { FeedbackView } from '../../../shared/schemas/knowledge';
import { usePublishingStore } from '../../state';
import { Badge } from '../../ui/Badge';
import { Loaded } from '../../ui/Loaded';
import { EmptyState } from '../../ui/States';
import { formatDateTime } from '../../ui/format';

function FeedbackItem({ f }: { f: FeedbackView }) {
  const reply = usePublishingStore((s) => s.reply);
  const resolve = usePublishingStore((s) => s.resolve);
  const select = usePublishingStore((s) => s.select);
  const [text, setText] = useState('');
  return (
    <li className="pub-feedback">
      <div className="pub-item-meta">
        <Badge tone={f.kind === 'flag' ? 'warning' : 'neutral'}>{f.kind === 'flag' ? 'Flagged for a fix' : 'Not helpful'}</Badge>
        <button type="button" className="button-link" onClick={() => select(f.articleId)}>{f.articleTitle}</button>
        <span>{f.userName}, {f.siteName}, {formatDateTime(f.createdAt)}</span>
      </div>
      {f.comment ? <p className="pub-comment">“{f.comment}”</p> : null}
      <label className="field">
        <span className="field-label">Reply to {f.userName}</span>
        <textarea className="input" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="pub-actions">
        <button type="button" className="button button-small" disabled={text.trim().length < 2} onClick={() => void reply(f.id, text.trim())}>
          Reply and resolve
        </button>
        <button type="button" className="button button-small button-quiet" onClick={() => void resolve(f.id)}>
          Resolve without reply
        </button>
      </div>
    </li>
  );
}

/** What advisors told the knowledge team, what they searched for and did not find, and what is due a review. */
export function FeedbackInbox() {
  const inbox = usePublishingStore((s) => s.inbox);
  const loadInbox = usePublishingStore((s) => s.loadInbox);
  const select = usePublishingStore((s) => s.select);
  return (
    <Loaded value={inbox} loadingLabel="Loading the inbox…" errorTitle="The inbox could not be loaded." onRetry={() => void loadInbox()}>
      {({ feedback, unanswered, overdue }) => (
        <div className="pub-inbox">
          <section aria-labelledby="pub-fb-title">
            <h3 id="pub-fb-title" className="pub-section-title">From advisors ({feedback.length})</h3>
            {feedback.length === 0 ? <EmptyState>Nothing waiting: every flag has been dealt with</EmptyState> : (
              <ul className="pub-items">{feedback.map((f) => <FeedbackItem key={f.id} f={f} />)}</ul>
            )}
          </section>
          <section aria-labelledby="pub-overdue-title">
            <h3 id="pub-overdue-title" className="pub-section-title">Past their review-by date ({overdue.length})</h3>
            {overdue.length === 0 ? <EmptyState>Every live article is within its review date</EmptyState> : (
              <ul className="pub-plain">
                {overdue.map((o) => (
                  <li key={o.id}>
                    <button type="button" className="button-link" onClick={() => select(o.id)}>{o.title}</button>{' '}
                    <span className="field-hint">due {new Date(`${o.reviewBy}T12:00:00`).toLocaleDateString('en-GB', { dateStyle: 'medium' })}{o.ownerName ? `, ${o.ownerName}` : ''}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="pub-searches-title">
            <h3 id="pub-searches-title" className="pub-section-title">Searched for, nothing opened (last 30 days)</h3>
            {unanswered.length === 0 ? <EmptyState>No searches went unanswered</EmptyState> : (
              <table className="table">
                <thead><tr><th scope="col">Search</th><th scope="col">Times</th><th scope="col">Advisors</th><th scope="col">Last</th></tr></thead>
                <tbody>
                  {unanswered.map((u) => (
                    <tr key={u.query}><td>{u.query}</td><td>{u.times}</td><td>{u.advisors}</td><td className="nowrap">{formatDateTime(u.lastAt)}</td></tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
    </Loaded>
  );
}
