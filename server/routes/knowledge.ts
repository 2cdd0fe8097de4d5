import { z } from 'zod';
import { changesQuery, knowledgeSettings } from '../../shared/schemas/knowledge';
import { audit } from '../audit';
import { badRequest } from '../http/errors';
import { route } from '../http/router';
import { ARTICLE_COLUMNS, readerOf, toChange, type ArticleRow } from '../knowledge/articles';
import { listEntries, loadHistory } from '../knowledge/entries';
import { knowledgeSettings as readSettings, saveKnowledgeSettings } from '../knowledge/settings';
import { findVersion, toArticleVersion } from '../knowledge/versions';

const listQuery = z.object({ status: z.enum(['draft', 'published', 'retired']).optional() });

const versionNumber = (raw: string | undefined): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw badRequest('A version is a whole number from 1.');
  return n;
};

/** The change feed (what desktops read) and what the knowledge team reads about articles. */
export const knowledgeRoutes = [
  route({
    method: 'GET',
    path: '/api/knowledge/changes',
    access: 'signed_in',
    summary: 'Change feed by cursor: published articles this person may read, and those they may no longer',
    query: changesQuery,
    async handle({ hub, actor, query }) {
      // Only knowledge_articles is read: it holds articles published at least once, never drafts.
      const rows = await hub.db.all<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM knowledge_articles WHERE change_seq > ? ORDER BY change_seq LIMIT ?`,
        [query.after, query.limit + 1],
      );
      const more = rows.length > query.limit;
      const page = rows.slice(0, query.limit);
      const latest = await hub.db.get<{ value: number }>("SELECT value FROM counters WHERE name = 'knowledge'");
      const reader = await readerOf(hub.db, actor);
      return {
        body: {
          changes: page.map((r) => toChange(r, reader)),
          cursor: page.length ? Number(page[page.length - 1]!.change_seq) : query.after,
          latest: Number(latest?.value ?? 0),
          more,
        },
      };
    },
  }),
  route({
    method: 'GET',
    path: '/api/knowledge/articles',
    access: ['org_admin'],
    summary: 'Every article with its live state and the version being worked on',
    query: listQuery,
    async handle({ hub, query }) {
      const all = await listEntries(hub.db);
      return { body: { articles: query.status ? all.filter((a) => a.status === query.status) : all } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/knowledge/articles/:id',
    access: ['org_admin'],
    summary: 'An article’s versions, with who did what and when',
    async handle({ hub, params }) {
      return { body: await loadHistory(hub.db, params.id!) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/knowledge/articles/:id/versions/:version',
    access: ['org_admin'],
    summary: 'One version in full, for reading, comparing or restoring',
    async handle({ hub, params }) {
      return { body: { version: toArticleVersion(await findVersion(hub.db, params.id!, versionNumber(params.version))) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/knowledge/authors',
    access: ['org_admin'],
    summary: 'Organisation admins, who may own and approve articles',
    async handle({ hub }) {
      const rows = await hub.db.all<{ id: string; display_name: string }>(
        "SELECT id, display_name FROM users WHERE role = 'org_admin' AND disabled = 0 ORDER BY display_name",
      );
      return { body: { authors: rows.map((r) => ({ id: r.id, displayName: r.display_name })) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/knowledge/settings',
    access: ['org_admin'],
    summary: 'The organisation’s knowledge settings (four eyes on publishing)',
    async handle({ hub }) {
      return { body: await readSettings(hub.db) };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/knowledge/settings',
    access: ['org_admin'],
    summary: 'Turn four eyes on publishing on or off',
    body: knowledgeSettings,
    async handle({ hub, actor, body }) {
      await hub.db.tx(async (q) => {
        await saveKnowledgeSettings(q, body);
        await audit(q, actor, { action: 'knowledge.settings_changed', entity: 'organisation', detail: body });
      });
      return { body: await readSettings(hub.db) };
    },
  }),
];
