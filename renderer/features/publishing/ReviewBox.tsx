import { useState } from 'react';
import type { ArticleEntry, VersionSummary } from '../../../shared/schemas/knowledge';
import { usePublishingStore, useSignedIn } from '../../state';
import { futureTime } from './draftForm';

/**
 * The second pair of eyes: approve to publish now or at a chosen time, or send back with a note.
 * The hub refuses an approval by anyone who wrote the version while four eyes are on; the screen
 * says so up front.
 */
export function ReviewBox({ entry, open, editors }: { entry: ArticleEntry; open: VersionSummary; editors: string[] }) {
  const run = usePublishingStore((s) => s.run);
  const busy = usePublishingStore((s) => s.busy);
  const fourEyes = usePublishingStore((s) => s.settings?.fourEyes ?? true);
  const me = useSignedIn()?.user.id;
  const [when, setWhen] = useState('');
  const [note, setNote] = useState('');
  const mine = me !== undefined && editors.includes(me);
  const at = futureTime(when);
  return (
    <section className="pub-review" aria-labelledby="pub-review-title">
      <h3 id="pub-review-title" className="pub-section-title">Review version {open.version}</h3>
      {fourEyes && mine ? (
        <p className="field-hint" role="note">You wrote part of this version, so another organisation admin must approve it.</p>
      ) : null}
      <div className="pub-row">
        <label className="field">
          <span className="field-label">Publish at (leave empty for now)</span>
          <input type="datetime-local" className="input" value={when} onChange={(e) => setWhen(e.target.value)} />
        </label>
      </div>
      <div className="pub-actions">
        <button type="button" className="button" disabled={busy !== null || (fourEyes && mine) || (when !== '' && at === null)}
          onClick={() => void run('publishing.review', { id: entry.id, decision: { decision: 'approve', publishAt: at } }, at ? 'Approved: it will publish at the time chosen' : 'Approved and published')}>
          {at ? 'Approve and schedule' : 'Approve and publish'}
        </button>
      </div>
      {when !== '' && at === null ? <p className="field-problem">Choose a time in the future.</p> : null}
      <label className="field">
        <span className="field-label">What needs changing</span>
        <textarea className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="pub-actions">
        <button type="button" className="button button-secondary" disabled={busy !== null || note.trim().length < 3}
          onClick={() => void run('publishing.review', { id: entry.id, decision: { decision: 'reject', note } }, 'Sent back to the author')}>
          Send back
        </button>
      </div>
    </section>
  );
}
