import type { Role, SiteKind } from '../../shared/roles';
import type { Article, AudienceScope, KnowledgeChange } from '../../shared/schemas/knowledge';
import type { Queryable } from '../db/types';
import { notFound } from '../http/errors';

/** The live copy of an article that has been published at least once: all that desktops ever read. */
export interface ArticleRow {
  id: string;
  title: string;
  summary: string;
  body: string;
  line: Article['line'];
  category: string;
  tags: string;
  audience_scope: AudienceScope;
  audience_roles: string;
  audience_sites: string;
  status: 'published' | 'retired';
  created_at: number;
  updated_at: number;
  published_at: number | null;
  change_seq: number;
  live_version: number | null;
  retire_at: number | null;
}

export const ARTICLE_COLUMNS =
  'id, title, summary, body, line, category, tags, audience_scope, audience_roles, audience_sites, status, created_at, updated_at, published_at, change_seq, live_version, retire_at';

export const list = (s: string | null): string[] => (s ? s.split(',').filter(Boolean) : []);

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

/** Who is reading: their role, their site and whether that site is in-house. */
export interface Reader {
  role: Role;
  siteId: string;
  siteKind: SiteKind;
}

/** Knowledge is the same at every site unless an admin narrows an article to in-house sites, chosen sites or roles. */
export function visibleTo(r: ArticleRow, who: Reader): boolean {
  if (r.status !== 'published') return false;
  const roles = list(r.audience_roles);
  if (roles.length > 0 && !roles.includes(who.role)) return false;
  const scope = r.audience_scope ?? 'all';
  if (scope === 'in_house') return who.siteKind === 'in_house';
  const sites = list(r.audience_sites);
  // An article saved before audiences had a scope narrows by its site list alone.
  return sites.length === 0 || sites.includes(who.siteId);
}

export function toChange(r: ArticleRow, who: Reader): KnowledgeChange {
  const seq = Number(r.change_seq);
  return visibleTo(r, who) ? { kind: 'upsert', seq, article: toArticle(r) } : { kind: 'remove', seq, id: r.id };
}

export async function readerOf(q: Queryable, who: { role: Role; siteId: string }): Promise<Reader> {
  const site = await q.get<{ kind: SiteKind }>('SELECT kind FROM sites WHERE id = ?', [who.siteId]);
  return { role: who.role, siteId: who.siteId, siteKind: site?.kind ?? 'partner' };
}

export async function findLiveArticle(q: Queryable, id: string): Promise<ArticleRow> {
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
