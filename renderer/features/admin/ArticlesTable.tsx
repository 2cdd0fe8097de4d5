import type { ArticleEntry } from '../../../shared/schemas/knowledge';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { formatDateTime, lineLabel, sentenceCase } from '../../ui/format';

const STATUS_TONE: Record<ArticleEntry['status'], BadgeTone> = { published: 'good', draft: 'warning', retired: 'neutral' };

/** Newest first, so what was just published is at the top. */
export function ArticlesTable({ articles }: { articles: ArticleEntry[] }) {
  const sorted = [...articles].sort((a, b) => b.updatedAt - a.updatedAt);
  return (
    <div className="table-wrap admin-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Line</th>
            <th scope="col">Status</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((article) => (
            <tr key={article.id}>
              <td>{article.title}</td>
              <td className="nowrap">{lineLabel(article.line)}</td>
              <td>
                <Badge tone={STATUS_TONE[article.status]}>{sentenceCase(article.status)}</Badge>
              </td>
              <td className="nowrap">{formatDateTime(article.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
