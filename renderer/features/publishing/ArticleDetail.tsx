import { useEffect, useState } from 'react';
import type { ArticleHistory, ArticleVersion } from '../../../shared/schemas/knowledge';
import { usePublishingStore } from '../../state';
import { Badge } from '../../ui/Badge';
import { Markdown } from '../../ui/Markdown';
import { formatDateTime } from '../../ui/format';
import { ArticleEditor } from './ArticleEditor';
import { formOf } from './draftForm';
import { VERSION_LABEL } from './labels';
import { RetireBox } from './RetireBox';
import { ReviewBox } from './ReviewBox';
import { VersionHistory } from './VersionHistory';

/** One article: the version being worked on (or the live one), what may be done next, and its history. */
export function ArticleDetail({ history }: { history: ArticleHistory }) {
  const { entry } = history;
  const run = usePublishingStore((s) => s.run);
  const busy = usePublishingStore((s) => s.busy);
  const loadVersion = usePublishingStore((s) => s.loadVersion);
  const shownVersion = entry.open?.version ?? entry.liveVersion ?? history.versions[0]?.version ?? 1;
  const [version, setVersion] = useState<ArticleVersion | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    let live = true;
    setVersion(null);
    void loadVersion(entry.id, shownVersion).then((v) => live && setVersion(v));
    return () => {
      live = false;
    };
  }, [entry.id, shownVersion, history, loadVersion]);

  if (editing && version) return <ArticleEditor id={entry.id} initial={formOf(version)} onDone={() => setEditing(false)} />;
  const open = entry.open;
  const [label, tone] = open ? VERSION_LABEL[open.state] : entry.status === 'retired' ? VERSION_LABEL.retired : VERSION_LABEL.published;
  return (
    <article className="pub-detail" aria-labelledby="pub-detail-title">
      <header className="pub-detail-head">
        <h3 id="pub-detail-title" className="pub-detail-title">{version?.title ?? entry.title}</h3>
        <div className="pub-item-meta">
          <Badge tone={tone}>{label} · version {shownVersion}</Badge>
          {open && entry.liveVersion ? <Badge tone="good">Version {entry.liveVersion} stays live until then</Badge> : null}
          {entry.ownerName ? <span>Owner: {entry.ownerName}</span> : null}
          {entry.reviewBy ? <span>Review by {new Date(`${entry.reviewBy}T12:00:00`).toLocaleDateString('en-GB', { dateStyle: 'medium' })}</span> : null}
          {open?.state === 'approved' && open.publishAt ? <span>Publishes {formatDateTime(open.publishAt)}</span> : null}
        </div>
        {open?.reviewNote && open.state === 'draft' ? <p className="pub-note" role="note">Sent back: “{open.reviewNote}”</p> : null}
      </header>
      <div className="pub-actions">
        {!open || open.state === 'draft' ? (
          <button type="button" className="button button-secondary" disabled={!version || busy !== null} onClick={() => setEditing(true)}>
            {open ? 'Edit draft' : 'Edit as a new version'}
          </button>
        ) : null}
        {open?.state === 'draft' ? (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void run('publishing.submit', { id: entry.id }, 'Sent for review')}>
            Send for review
          </button>
        ) : null}
        {open ? (
          <button type="button" className="button button-quiet" disabled={busy !== null} onClick={() => void run('publishing.discard', { id: entry.id }, `Version ${open.version} discarded`)}>
            Discard version {open.version}
          </button>
        ) : null}
      </div>
      {open?.state === 'in_review' && version ? <ReviewBox entry={entry} open={open} editors={version.editors} /> : null}
      {entry.status === 'published' && !open ? <RetireBox entry={entry} /> : null}
      {version ? (
        <section className="pub-read" aria-label="Article text">
          <p className="pub-summary">{version.summary}</p>
          <Markdown source={version.body} />
        </section>
      ) : null}
      <VersionHistory history={history} />
    </article>
  );
}
