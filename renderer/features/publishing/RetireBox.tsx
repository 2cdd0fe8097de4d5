import { useState } from 'react';
import type { ArticleEntry } from '../../../shared/schemas/knowledge';
import { usePublishingStore } from '../../state';
import { formatDateTime } from '../../ui/format';
import { futureTime } from './draftForm';

/** Taking a live article off every desktop, now or at a chosen time; a scheduled retirement can be called off. */
export function RetireBox({ entry }: { entry: ArticleEntry }) {
  const run = usePublishingStore((s) => s.run);
  const busy = usePublishingStore((s) => s.busy);
  const [when, setWhen] = useState('');
  const at = futureTime(when);
  if (entry.retireAt) {
    return (
      <section className="pub-retire" aria-label="Retirement">
        <p>Retires {formatDateTime(entry.retireAt)}.</p>
        <button type="button" className="button button-secondary" disabled={busy !== null}
          onClick={() => void run('publishing.cancelRetirement', { id: entry.id }, 'Retirement called off')}>
          Keep it live
        </button>
      </section>
    );
  }
  return (
    <section className="pub-retire" aria-label="Retirement">
      <label className="field">
        <span className="field-label">Retire at (leave empty for now)</span>
        <input type="datetime-local" className="input" value={when} onChange={(e) => setWhen(e.target.value)} />
      </label>
      <button type="button" className="button button-secondary" disabled={busy !== null || (when !== '' && at === null)}
        onClick={() => void run('publishing.retire', { id: entry.id, retireAt: at }, at ? 'Retirement scheduled' : 'Retired: it has left every desktop')}>
        {at ? 'Schedule retirement' : 'Retire now'}
      </button>
    </section>
  );
}
