import type { ArticleEntry, ArticleHistory } from '../../shared/schemas/knowledge';
import type { Queryable } from '../db/types';
import { notFound } from '../http/errors';
import { OPEN_STATES, toVersionSummary, type VersionRow } from './versions';

interface LiveRow {
  id: string;
  status: 'published' | 'retired';
  title: string;
  live_version: number | null;
  retire_at: number | null;
}

const isOpen = (v: VersionRow) => (OPEN_STATES as readonly string[]).includes(v.state);

function entryOf(versions: VersionRow[], live: LiveRow | undefined, names: Map<string, string>): ArticleEntry {
  const latest = versions.reduce((a, b) => (Number(b.version) > Number(a.version) ? b : a));
  const open = versions.find(isOpen) ?? null;
  const liveVersion = live?.live_version ? versions.find((v) => Number(v.version) === Number(live.live_version)) : undefined;
  const current = open ?? liveVersion ?? latest;
  return {
    id: latest.article_id,
    status: live?.status ?? 'draft',
    title: current.title,
    line: current.line,
    category: current.category,
    liveVersion: live?.live_version ? Number(live.live_version) : null,
    liveTitle: live?.title ?? null,
    open: open ? toVersionSummary(open) : null,
    ownerId: current.owner_id,
    ownerName: current.owner_id ? (names.get(current.owner_id) ?? null) : null,
    reviewBy: (liveVersion ?? current).review_by,
    retireAt: live?.retire_at ? Number(live.retire_at) : null,
    updatedAt: Math.max(...versions.map((v) => Number(v.updated_at))),
  };
}

async function userNames(q: Queryable): Promise<Map<string, string>> {
  return new Map((await q.all<{ id: string; display_name: string }>('SELECT id, display_name FROM users')).map((u) => [u.id, u.display_name]));
}

/** Every article the knowledge team has, newest work first; bodies stay out of the list. */
export async function listEntries(q: Queryable): Promise<ArticleEntry[]> {
  const versions = await q.all<VersionRow>(
    `SELECT article_id, version, title, '' AS summary, '' AS body, line, category, tags, audience_scope, audience_roles, audience_sites,
       owner_id, review_by, state, based_on, editors, created_by, created_at, updated_at, submitted_by, submitted_at, reviewed_by,
       reviewed_at, review_note, publish_at, published_by, published_at, ended_at FROM knowledge_versions`,
  );
  const live = new Map((await q.all<LiveRow>('SELECT id, status, title, live_version, retire_at FROM knowledge_articles')).map((r) => [r.id, r]));
  const names = await userNames(q);
  const byArticle = new Map<string, VersionRow[]>();
  for (const v of versions) byArticle.set(v.article_id, [...(byArticle.get(v.article_id) ?? []), v]);
  return [...byArticle.values()].map((vs) => entryOf(vs, live.get(vs[0]!.article_id), names)).sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function loadHistory(q: Queryable, id: string): Promise<ArticleHistory> {
  const versions = await q.all<VersionRow>('SELECT * FROM knowledge_versions WHERE article_id = ? ORDER BY version DESC', [id]);
  if (versions.length === 0) throw notFound('That article');
  const live = await q.get<LiveRow>('SELECT id, status, title, live_version, retire_at FROM knowledge_articles WHERE id = ?', [id]);
  const names = await userNames(q);
  const involved = new Set(
    versions.flatMap((v) => [v.created_by, v.submitted_by, v.reviewed_by, v.published_by, v.owner_id, ...v.editors.split(',')]).filter(Boolean),
  );
  return {
    entry: entryOf(versions, live, names),
    versions: versions.map(toVersionSummary),
    names: Object.fromEntries([...involved].map((u) => [u!, names.get(u!) ?? 'someone no longer here'])),
  };
}
