import type { ArticleFields } from '../../shared/schemas/knowledge';
import type { Queryable } from '../db/types';
import { fieldValues, FIELD_COLUMNS } from './versions';

/** A demo article published as version 1, as if it had been written, reviewed and approved. */
export async function seedPublishedArticle(
  q: Queryable,
  a: ArticleFields & { id: string; authorId: string | null; reviewerId: string | null; seq: number; at: number },
): Promise<void> {
  const f = fieldValues(a);
  await q.run(
    `INSERT INTO knowledge_versions (article_id, version, ${FIELD_COLUMNS}, state, editors, created_by, created_at, updated_at,
       submitted_by, submitted_at, reviewed_by, reviewed_at, published_by, published_at)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [a.id, ...f, a.authorId ?? '', a.authorId, a.at, a.at, a.authorId, a.at, a.reviewerId, a.at, a.reviewerId, a.at],
  );
  await q.run(
    `INSERT INTO knowledge_articles (id, title, summary, body, line, category, tags, audience_scope, audience_roles, audience_sites, status,
       author_id, created_at, updated_at, published_at, change_seq, live_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?, 1)`,
    [a.id, ...f.slice(0, 9), a.authorId, a.at, a.at, a.at, a.seq],
  );
}
