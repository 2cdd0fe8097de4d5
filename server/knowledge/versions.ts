import type { Role } from '../../shared/roles';
import type { ArticleFields, ArticleVersion, VersionState, VersionSummary } from '../../shared/schemas/knowledge';
import type { Queryable } from '../db/types';
import { notFound } from '../http/errors';
import { list } from './articles';

export interface VersionRow {
  article_id: string;
  version: number;
  title: string;
  summary: string;
  body: string;
  line: ArticleVersion['line'];
  category: string;
  tags: string;
  audience_scope: ArticleVersion['audienceScope'];
  audience_roles: string;
  audience_sites: string;
  owner_id: string | null;
  review_by: string | null;
  state: VersionState;
  based_on: number | null;
  editors: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  submitted_by: string | null;
  submitted_at: number | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
  review_note: string | null;
  publish_at: number | null;
  published_by: string | null;
  published_at: number | null;
  ended_at: number | null;
}

/** Versions still being worked on: at most one per article (a unique index holds it). */
export const OPEN_STATES = ['draft', 'in_review', 'approved'] as const;
export const OPEN_STATES_SQL = "('draft', 'in_review', 'approved')";

const num = (v: number | null): number | null => (v === null ? null : Number(v));

export const toVersionSummary = (r: VersionRow): VersionSummary => ({
  articleId: r.article_id,
  version: Number(r.version),
  state: r.state,
  title: r.title,
  basedOn: num(r.based_on),
  createdBy: r.created_by,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
  submittedBy: r.submitted_by,
  submittedAt: num(r.submitted_at),
  reviewedBy: r.reviewed_by,
  reviewedAt: num(r.reviewed_at),
  reviewNote: r.review_note,
  publishAt: num(r.publish_at),
  publishedBy: r.published_by,
  publishedAt: num(r.published_at),
  endedAt: num(r.ended_at),
});

export const toArticleVersion = (r: VersionRow): ArticleVersion => ({
  ...toVersionSummary(r),
  summary: r.summary,
  body: r.body,
  line: r.line,
  category: r.category,
  tags: list(r.tags),
  audienceScope: r.audience_scope,
  audienceRoles: list(r.audience_roles) as Role[],
  audienceSites: list(r.audience_sites),
  ownerId: r.owner_id,
  reviewBy: r.review_by,
  editors: list(r.editors),
});

/** The version's fields in the order of FIELD_COLUMNS. */
export const FIELD_COLUMNS =
  'title, summary, body, line, category, tags, audience_scope, audience_roles, audience_sites, owner_id, review_by';
export const fieldValues = (f: ArticleFields) => [
  f.title,
  f.summary,
  f.body,
  f.line,
  f.category,
  f.tags.join(','),
  f.audienceScope,
  f.audienceRoles.join(','),
  f.audienceScope === 'sites' ? f.audienceSites.join(',') : '',
  f.ownerId,
  f.reviewBy,
];

export const fieldsOf = (r: VersionRow): ArticleFields => {
  const v = toArticleVersion(r);
  return {
    title: v.title,
    summary: v.summary,
    body: v.body,
    line: v.line,
    category: v.category,
    tags: v.tags,
    audienceScope: v.audienceScope,
    audienceRoles: v.audienceRoles,
    audienceSites: v.audienceSites,
    ownerId: v.ownerId,
    reviewBy: v.reviewBy,
  };
};

export async function findVersion(q: Queryable, articleId: string, version: number): Promise<VersionRow> {
  const row = await q.get<VersionRow>('SELECT * FROM knowledge_versions WHERE article_id = ? AND version = ?', [articleId, version]);
  if (!row) throw notFound('That version');
  return row;
}

export const findOpenVersion = (q: Queryable, articleId: string): Promise<VersionRow | undefined> =>
  q.get<VersionRow>(`SELECT * FROM knowledge_versions WHERE article_id = ? AND state IN ${OPEN_STATES_SQL}`, [articleId]);

export const latestVersion = async (q: Queryable, articleId: string): Promise<VersionRow | undefined> =>
  q.get<VersionRow>('SELECT * FROM knowledge_versions WHERE article_id = ? ORDER BY version DESC LIMIT 1', [articleId]);

export async function insertVersion(
  q: Queryable,
  v: { articleId: string; version: number; fields: ArticleFields; basedOn: number | null; by: string; at: number },
): Promise<void> {
  await q.run(
    `INSERT INTO knowledge_versions (article_id, version, ${FIELD_COLUMNS}, state, based_on, editors, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
    [v.articleId, v.version, ...fieldValues(v.fields), v.basedOn, v.by, v.by, v.at, v.at],
  );
}
