import type { FeedbackView } from '../../../shared/schemas/knowledge';
import { DateTime } from '../../ui/DateTime';
import { formatRelative } from '../../ui/format';
import { EmptyState } from '../../ui/States';

/** "Flag for fix" reports from advisors at every site, newest first: the knowledge team's to-do list. */
export function FlaggedArticles({ flags, now }: { flags: FeedbackView[]; now: number }) {
  if (flags.length === 0) return <EmptyState>No articles are flagged for a fix</EmptyState>;
  const newestFirst = [...flags].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <ul className="flags" aria-label="Flagged articles">
      {newestFirst.map((f) => (
        <li key={f.id} className="flag">
          <p className="flag-title">{f.articleTitle}</p>
          {f.comment ? <blockquote className="flag-comment">{f.comment}</blockquote> : null}
          <p className="flag-meta">
            {f.userName}
            <span aria-hidden="true"> · </span>
            {f.siteName}
            <span aria-hidden="true"> · </span>
            <DateTime ms={f.createdAt} /> <span className="flag-ago">({formatRelative(f.createdAt, now)})</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
