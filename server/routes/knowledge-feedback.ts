import { z } from 'zod';
import { articleFeedback, feedbackReply, type FeedbackView } from '../../shared/schemas/knowledge';
import { audit } from '../audit';
import { conflict, notFound } from '../http/errors';
import { route } from '../http/router';
import { newId } from '../ids';
import { findLiveArticle, readerOf, visibleTo } from '../knowledge/articles';

const listQuery = z.object({ status: z.enum(['open', 'resolved']).default('open') });

interface FeedbackRow {
  id: string;
  article_id: string;
  title: string;
  kind: FeedbackView['kind'];
  comment: string | null;
  status: FeedbackView['status'];
  display_name: string;
  site_name: string;
  created_at: number;
  reply: string | null;
  replier: string | null;
  replied_at: number | null;
  resolved_at: number | null;
}

const FEEDBACK_SELECT = `SELECT f.id, f.article_id, a.title, f.kind, f.comment, f.status, u.display_name, s.name AS site_name, f.created_at,
    f.reply, r.display_name AS replier, f.replied_at, f.resolved_at
  FROM knowledge_feedback f JOIN knowledge_articles a ON a.id = f.article_id JOIN users u ON u.id = f.user_id
  JOIN sites s ON s.id = f.site_id LEFT JOIN users r ON r.id = f.replied_by`;

const toView = (r: FeedbackRow): FeedbackView => ({
  id: r.id,
  articleId: r.article_id,
  articleTitle: r.title,
  kind: r.kind,
  comment: r.comment,
  status: r.status,
  userName: r.display_name,
  siteName: r.site_name,
  createdAt: Number(r.created_at),
  reply: r.reply,
  repliedBy: r.replier,
  repliedAt: r.replied_at === null ? null : Number(r.replied_at),
  resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
});

export const knowledgeFeedbackRoutes = [
  route({
    method: 'POST',
    path: '/api/knowledge/articles/:id/feedback',
    access: 'signed_in',
    summary: 'Was this helpful, or flag it for a fix (with a comment for the knowledge team)',
    body: articleFeedback,
    async handle({ hub, actor, params, body }) {
      const id = newId('fb');
      await hub.db.tx(async (q) => {
        const article = await findLiveArticle(q, params.id!).catch(() => null);
        if (!article || !visibleTo(article, await readerOf(q, actor))) throw notFound('That article');
        const comment = 'comment' in body && body.comment ? body.comment : null;
        await q.run(
          'INSERT INTO knowledge_feedback (id, article_id, user_id, site_id, kind, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [id, article.id, actor.userId, actor.siteId, body.kind, comment, Date.now()],
        );
        await audit(q, actor, { action: `article.feedback_${body.kind}`, entity: 'article', entityId: article.id, detail: { feedbackId: id } });
      });
      if (body.kind !== 'helpful') {
        await hub.events.publish({ name: 'knowledge.flagged', data: { articleId: params.id!, feedbackId: id }, audience: { kind: 'roles', roles: ['org_admin'] } });
      }
      return { status: 201, body: { id } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/knowledge/feedback',
    access: ['org_admin'],
    summary: 'Flags and ratings from advisors, newest first',
    query: listQuery,
    async handle({ hub, query }) {
      const rows = await hub.db.all<FeedbackRow>(`${FEEDBACK_SELECT} WHERE f.status = ? ORDER BY f.created_at DESC LIMIT 200`, [query.status]);
      const counts = await hub.db.all<{ article_id: string; kind: string; n: number }>(
        'SELECT article_id, kind, COUNT(*) AS n FROM knowledge_feedback GROUP BY article_id, kind',
      );
      return { body: { feedback: rows.map(toView), counts: counts.map((c) => ({ articleId: c.article_id, kind: c.kind, count: Number(c.n) })) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/knowledge/my-feedback',
    access: 'signed_in',
    summary: 'What I told the knowledge team, and their replies',
    async handle({ hub, actor }) {
      const rows = await hub.db.all<FeedbackRow>(`${FEEDBACK_SELECT} WHERE f.user_id = ? AND f.kind <> 'helpful' ORDER BY f.created_at DESC LIMIT 100`, [
        actor.userId,
      ]);
      return { body: { feedback: rows.map(toView) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/knowledge/feedback/:id/reply',
    access: ['org_admin'],
    summary: 'Reply to an advisor’s feedback (they see it), resolving it unless asked not to',
    body: feedbackReply,
    async handle({ hub, actor, params, body }) {
      const to = await hub.db.tx(async (q) => {
        const fb = await q.get<{ user_id: string; article_id: string }>('SELECT user_id, article_id FROM knowledge_feedback WHERE id = ?', [params.id!]);
        if (!fb) throw notFound('That feedback');
        const now = Date.now();
        await q.run(
          `UPDATE knowledge_feedback SET reply = ?, replied_by = ?, replied_at = ?,
             status = CASE WHEN ? = 1 THEN 'resolved' ELSE status END, resolved_by = CASE WHEN ? = 1 THEN ? ELSE resolved_by END,
             resolved_at = CASE WHEN ? = 1 THEN ? ELSE resolved_at END WHERE id = ?`,
          [body.reply, actor.userId, now, Number(body.resolve), Number(body.resolve), actor.userId, Number(body.resolve), now, params.id!],
        );
        await audit(q, actor, { action: 'article.feedback_replied', entity: 'knowledge_feedback', entityId: params.id!, detail: { resolved: body.resolve } });
        return fb;
      });
      await hub.events.publish({ name: 'knowledge.feedback_replied', data: { feedbackId: params.id!, articleId: to.article_id }, audience: { kind: 'user', userId: to.user_id } });
      return { status: 204 };
    },
  }),
  route({
    method: 'POST',
    path: '/api/knowledge/feedback/:id/resolve',
    access: ['org_admin'],
    summary: 'Mark a flag as dealt with',
    async handle({ hub, actor, params }) {
      await hub.db.tx(async (q) => {
        const fb = await q.get<{ status: string }>('SELECT status FROM knowledge_feedback WHERE id = ?', [params.id!]);
        if (!fb) throw notFound('That feedback');
        if (fb.status === 'resolved') throw conflict('That feedback is already resolved.');
        await q.run("UPDATE knowledge_feedback SET status = 'resolved', resolved_by = ?, resolved_at = ? WHERE id = ?", [actor.userId, Date.now(), params.id!]);
        await audit(q, actor, { action: 'article.feedback_resolved', entity: 'knowledge_feedback', entityId: params.id! });
      });
      return { status: 204 };
    },
  }),
];
