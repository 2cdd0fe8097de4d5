import { useState } from 'react';
import type { ArticleHistory } from '../../../shared/schemas/knowledge';
import { usePublishingStore } from '../../state';
import { Badge } from '../../ui/Badge';
import { formatDateTime } from '../../ui/format';
import { VERSION_LABEL } from './labels';
import { VersionDiff } from './VersionDiff';

/** Every version with who did what and when; any two compared; an old one restored as a new draft. */
export function VersionHistory({ history }: { history: ArticleHistory }) {
  const { entry, versions, names } = history;
  const run = usePublishingStore((s) => s.run);
  const busy = usePublishingStore((s) => s.busy);
  const newest = versions[0]?.version ?? 1;
  const [from, setFrom] = useState(Math.max(1, newest - 1));
  const [to, setTo] = useState(newest);
  const who = (id: string | null) => (id ? (names[id] ?? 'someone') : 'the schedule');
  return (
    <section className="pub-history" aria-labelledby="pub-history-title">
      <h3 id="pub-history-title" className="pub-section-title">Versions</h3>
      <ol className="pub-versions">
        {versions.map((v) => {
          const [label, tone] = VERSION_LABEL[v.state];
          return (
            <li key={v.version} className="pub-version">
              <div className="pub-version-head">
                <strong>Version {v.version}</strong> <Badge tone={tone}>{label}</Badge>
                {v.basedOn && v.basedOn !== v.version - 1 ? <span className="field-hint"> restored from version {v.basedOn}</span> : null}
              </div>
              <ul className="pub-version-events">
                <li>Written by {who(v.createdBy)}, {formatDateTime(v.createdAt)}</li>
                {v.submittedAt ? <li>Sent for review by {who(v.submittedBy)}, {formatDateTime(v.submittedAt)}</li> : null}
                {v.reviewedAt ? (
                  <li>
                    {v.state === 'draft' ? 'Sent back' : 'Approved'} by {who(v.reviewedBy)}, {formatDateTime(v.reviewedAt)}
                    {v.reviewNote ? `: “${v.reviewNote}”` : ''}
                  </li>
                ) : null}
                {v.publishAt && v.state === 'approved' ? <li>Publishes {formatDateTime(v.publishAt)}</li> : null}
                {v.publishedAt ? <li>Published by {who(v.publishedBy)}, {formatDateTime(v.publishedAt)}</li> : null}
                {v.endedAt ? <li>{v.state === 'withdrawn' ? 'Discarded' : v.state === 'retired' ? 'Retired' : 'Replaced'} {formatDateTime(v.endedAt)}</li> : null}
              </ul>
              {v.state === 'superseded' || v.state === 'retired' || v.state === 'withdrawn' ? (
                <button type="button" className="button button-small button-secondary" disabled={busy !== null || entry.open !== null}
                  onClick={() => void run('publishing.restore', { id: entry.id, version: v.version }, `Version ${v.version} restored as a new draft`)}>
                  Restore as a new draft
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      {versions.length > 1 ? (
        <div className="pub-compare">
          <h3 className="pub-section-title">Compare</h3>
          <div className="pub-row">
            <label className="pub-check">From <select className="input" aria-label="Compare from version" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
              {versions.map((v) => <option key={v.version} value={v.version}>Version {v.version}</option>)}
            </select></label>
            <label className="pub-check">to <select className="input" aria-label="Compare to version" value={to} onChange={(e) => setTo(Number(e.target.value))}>
              {versions.map((v) => <option key={v.version} value={v.version}>Version {v.version}</option>)}
            </select></label>
          </div>
          {from !== to ? <VersionDiff id={entry.id} from={from} to={to} /> : null}
        </div>
      ) : null}
    </section>
  );
}
