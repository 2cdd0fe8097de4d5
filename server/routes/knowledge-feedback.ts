import { z } from 'zod';
import { articleFeedback, type FeedbackView } from '../../shared/schemas/knowledge';
import { audit } from '../audit';
import { notFound } from '../http/errors';
import { route } from '../http/router';
import { newId } from '../ids';
import { findArticle, visibleTo } from '../knowledge/articles';

const listQuery = z.object({ status: z.enum(['open', 'resolved']).default('open') });

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
        const article = await findArticle(q, params.id!);
        if (!visibleTo(article, actor)) throw notFound('That article');
        const comment = 'comment' in body && body.comment ? body.comment : null;
        await q.run(
          'INSERT INTO knowledge_feedback (id, article_id, user_id, site_id, kind, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [id, article.id, actor.userId, actor.siteId, body.kind, comment, Date.now()],
        );
        await audit(q, actor, { action: `article.feedback_${body.kind}`, entity: 'article', entityId: article.id, detail: { feedbackId: id } });
      });
      if (body.kind === 'flag') {
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
      const rows = await hub.db.all<Record<string, unknown>>(
        `SELECT f.id, f.article_id, a.title, f.kind, f.comment, f.status, u.display_name, s.name AS site_name, f.created_at
         FROM knowledge_feedback f JOIN knowledge_articles a ON a.id = f.article_id JOIN users u ON u.id = f.user_id
         JOIN sites s ON s.id = f.site_id WHERE f.status = ? ORDER BY f.created_at DESC LIMIT 200`,
        [query.status],
      );
      const counts = await hub.db.all<{ article_id: string; kind: string; n: number }>(
        'SELECT article_id, kind, COUNT(*) AS n FROM knowledge_feedback GROUP BY article_id, kind',
      );
      const feedback: FeedbackView[] = rows.map((r) => ({
        id: String(r.id),
        articleId: String(r.article_id),
        articleTitle: String(r.title),
        kind: r.kind as FeedbackView['kind'],
        comment: (r.comment as string | null) ?? null,
        status: r.status as FeedbackView['status'],
        userName: String(r.display_name),
        siteName: String(r.site_name),
        createdAt: Number(r.created_at),
      }));
      return { body: { feedback, counts: counts.map((c) => ({ articleId: c.article_id, kind: c.kind, count: Number(c.n) })) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/knowledge/feedback/:id/resolve',
    access: ['org_admin'],
    summary: 'Mark a flag as dealt with',
    async handle({ hub, actor, params }) {
      await hub.db.tx(async (q) => {
        const r = await q.run("UPDATE knowledge_feedback SET status = 'resolved' WHERE id = ?", [params.id!]);
        if (r.changes === 0) throw notFound('That feedback');
        await audit(q, actor, { action: 'article.feedback_resolved', entity: 'knowledge_feedback', entityId: params.id! });
      });
      return { status: 204 };
    },
  }),
];
