import { z } from 'zod';
import { articleDraft, changesQuery } from '../../shared/schemas/knowledge';
import { audit } from '../audit';
import { nextCounter } from '../counters';
import type { HubContext } from '../context';
import { badRequest } from '../http/errors';
import { route } from '../http/router';
import {
  ARTICLE_COLUMNS,
  findArticle,
  insertArticle,
  slugFor,
  toAdminArticle,
  toChange,
  type ArticleRow,
} from '../knowledge/articles';

const changed = (hub: HubContext, seq: number) =>
  hub.events.publish({ name: 'knowledge.changed', data: { seq }, audience: { kind: 'everyone' } });

const adminListQuery = z.object({ status: z.enum(['draft', 'published', 'retired']).optional() });

export const knowledgeRoutes = [
  route({
    method: 'GET',
    path: '/api/knowledge/changes',
    access: 'signed_in',
    summary: 'Change feed by cursor: what this person may read, and what they may no longer',
    query: changesQuery,
    async handle({ hub, actor, query }) {
      const rows = await hub.db.all<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM knowledge_articles WHERE change_seq > ? ORDER BY change_seq LIMIT ?`,
        [query.after, query.limit + 1],
      );
      const more = rows.length > query.limit;
      const page = rows.slice(0, query.limit);
      const latest = await hub.db.get<{ value: number }>("SELECT value FROM counters WHERE name = 'knowledge'");
      return {
        body: {
          // A draft never published was never anyone's to cache: its id is not news for the feed.
          changes: page.filter((r) => r.published_at !== null).map((r) => toChange(r, actor)),
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
    summary: 'Every article, drafts and retired ones included',
    query: adminListQuery,
    async handle({ hub, query }) {
      const rows = query.status
        ? await hub.db.all<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM knowledge_articles WHERE status = ? ORDER BY updated_at DESC`, [query.status])
        : await hub.db.all<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM knowledge_articles ORDER BY updated_at DESC`);
      return { body: { articles: rows.map(toAdminArticle) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/knowledge/articles',
    access: ['org_admin'],
    summary: 'Write an article, as a draft or published at once',
    body: articleDraft,
    async handle({ hub, actor, body }) {
      const { publish, ...fields } = body;
      const seq = await hub.db.tx(async (q) => {
        let id = slugFor(fields.title);
        if (await q.get('SELECT id FROM knowledge_articles WHERE id = ?', [id])) id = `${id}-${Date.now().toString(36)}`;
        const s = await nextCounter(q, 'knowledge');
        await insertArticle(q, { ...fields, id, status: publish ? 'published' : 'draft', authorId: actor.userId, seq: s, at: Date.now() });
        await audit(q, actor, { action: publish ? 'article.published' : 'article.drafted', entity: 'article', entityId: id, detail: { title: fields.title } });
        return { s, id };
      });
      await changed(hub, seq.s);
      return { status: 201, body: { article: toAdminArticle(await findArticle(hub.db, seq.id)) } };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/knowledge/articles/:id',
    access: ['org_admin'],
    summary: 'Edit an article (publishing it if asked)',
    body: articleDraft,
    async handle({ hub, actor, params, body }) {
      const { publish, ...f } = body;
      const seq = await hub.db.tx(async (q) => {
        const before = await findArticle(q, params.id!);
        if (before.status === 'retired' && !publish) throw badRequest('A retired article is republished, not edited.');
        const status = publish ? 'published' : before.status;
        const s = await nextCounter(q, 'knowledge');
        const now = Date.now();
        await q.run(
          `UPDATE knowledge_articles SET title = ?, summary = ?, body = ?, line = ?, category = ?, tags = ?, audience_roles = ?,
             audience_sites = ?, status = ?, updated_at = ?, published_at = ?, change_seq = ? WHERE id = ?`,
          [f.title, f.summary, f.body, f.line, f.category, f.tags.join(','), f.audienceRoles.join(','), f.audienceSites.join(','),
            status, now, status === 'published' ? now : before.published_at, s, before.id],
        );
        await audit(q, actor, { action: 'article.updated', entity: 'article', entityId: before.id, detail: { status, title: f.title } });
        return s;
      });
      await changed(hub, seq);
      return { body: { article: toAdminArticle(await findArticle(hub.db, params.id!)) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/knowledge/articles/:id/retire',
    access: ['org_admin'],
    summary: 'Retire an article: it leaves every desktop’s cache and search',
    async handle({ hub, actor, params }) {
      const seq = await hub.db.tx(async (q) => {
        const before = await findArticle(q, params.id!);
        const s = await nextCounter(q, 'knowledge');
        await q.run("UPDATE knowledge_articles SET status = 'retired', updated_at = ?, change_seq = ? WHERE id = ?", [Date.now(), s, before.id]);
        await audit(q, actor, { action: 'article.retired', entity: 'article', entityId: before.id, detail: { title: before.title } });
        return s;
      });
      await changed(hub, seq);
      return { body: { article: toAdminArticle(await findArticle(hub.db, params.id!)) } };
    },
  }),
];
