import type { Role } from '../../shared/roles';
import type { AdminArticle, Article, ArticleDraft, KnowledgeChange } from '../../shared/schemas/knowledge';
import type { Queryable } from '../db/types';
import { notFound } from '../http/errors';

export interface ArticleRow {
  id: string;
  title: string;
  summary: string;
  body: string;
  line: Article['line'];
  category: string;
  tags: string;
  audience_roles: string;
  audience_sites: string;
  status: 'draft' | 'published' | 'retired';
  created_at: number;
  updated_at: number;
  published_at: number | null;
  change_seq: number;
}

export const ARTICLE_COLUMNS =
  'id, title, summary, body, line, category, tags, audience_roles, audience_sites, status, created_at, updated_at, published_at, change_seq';

const list = (s: string): string[] => (s ? s.split(',').filter(Boolean) : []);

export const toArticle = (r: ArticleRow): Article => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  body: r.body,
  line: r.line,
  category: r.category,
  tags: list(r.tags),
  updatedAt: Number(r.updated_at),
  publishedAt: r.published_at === null ? null : Number(r.published_at),
});

export const toAdminArticle = (r: ArticleRow): AdminArticle => ({
  ...toArticle(r),
  status: r.status,
  audienceRoles: list(r.audience_roles) as Role[],
  audienceSites: list(r.audience_sites),
  changeSeq: Number(r.change_seq),
});

/** Knowledge is the same at every site unless an admin narrows an article to roles or sites. */
export function visibleTo(r: ArticleRow, who: { role: Role; siteId: string }): boolean {
  if (r.status !== 'published') return false;
  const roles = list(r.audience_roles);
  const sites = list(r.audience_sites);
  return (roles.length === 0 || roles.includes(who.role)) && (sites.length === 0 || sites.includes(who.siteId));
}

export function toChange(r: ArticleRow, who: { role: Role; siteId: string }): KnowledgeChange {
  const seq = Number(r.change_seq);
  return visibleTo(r, who) ? { kind: 'upsert', seq, article: toArticle(r) } : { kind: 'remove', seq, id: r.id };
}

export async function findArticle(q: Queryable, id: string): Promise<ArticleRow> {
  const row = await q.get<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM knowledge_articles WHERE id = ?`, [id]);
  if (!row) throw notFound('That article');
  return row;
}

export function slugFor(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'article'
  );
}

export type ArticleFields = Omit<ArticleDraft, 'publish'> & { tags: string[]; audienceRoles: Role[]; audienceSites: string[] };

export async function insertArticle(
  q: Queryable,
  a: ArticleFields & { id: string; status: ArticleRow['status']; authorId: string | null; seq: number; at: number },
): Promise<void> {
  await q.run(
    `INSERT INTO knowledge_articles (id, title, summary, body, line, category, tags, audience_roles, audience_sites, status,
       author_id, created_at, updated_at, published_at, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [a.id, a.title, a.summary, a.body, a.line, a.category, a.tags.join(','), a.audienceRoles.join(','), a.audienceSites.join(','),
      a.status, a.authorId, a.at, a.at, a.status === 'published' ? a.at : null, a.seq],
  );
}
