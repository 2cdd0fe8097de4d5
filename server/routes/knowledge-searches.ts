import { z } from 'zod';
import { searchMiss, type OverdueArticle, type UnansweredSearch } from '../../shared/schemas/knowledge';
import { route } from '../http/router';
import { newId } from '../ids';

const attentionQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });

/** Knowledge-centred service: what advisors looked for and did not find, and articles due a review. */
export const knowledgeSearchRoutes = [
  route({
    method: 'POST',
    path: '/api/knowledge/searches',
    access: 'signed_in',
    summary: 'A search this person ran and opened nothing from (card numbers masked where the body enters the hub; kept 90 days)',
    body: searchMiss,
    async handle({ hub, actor, body }) {
      const query = body.query.toLowerCase().replace(/\s+/g, ' ');
      await hub.db.run('INSERT INTO knowledge_search_misses (id, user_id, site_id, query, result_count, at) VALUES (?, ?, ?, ?, ?, ?)', [
        newId('ksm'),
        actor.userId,
        actor.siteId,
        query,
        body.resultCount,
        Date.now(),
      ]);
      return { status: 204 };
    },
  }),
  route({
    method: 'GET',
    path: '/api/knowledge/attention',
    access: ['org_admin'],
    summary: 'Searches that found nothing useful, and live articles past their review-by date',
    query: attentionQuery,
    async handle({ hub, query }) {
      const since = Date.now() - query.days * 86_400_000;
      const rows = await hub.db.all<{ query: string; times: number; advisors: number; last_at: number; result_count: number }>(
        `SELECT query, COUNT(*) AS times, COUNT(DISTINCT user_id) AS advisors, MAX(at) AS last_at, MIN(result_count) AS result_count
         FROM knowledge_search_misses WHERE at >= ? GROUP BY query ORDER BY COUNT(*) DESC, MAX(at) DESC LIMIT 100`,
        [since],
      );
      const unanswered: UnansweredSearch[] = rows.map((r) => ({
        query: r.query,
        times: Number(r.times),
        advisors: Number(r.advisors),
        lastAt: Number(r.last_at),
        resultCount: Number(r.result_count),
      }));
      const today = new Date().toISOString().slice(0, 10);
      const overdueRows = await hub.db.all<{ id: string; title: string; review_by: string; owner: string | null }>(
        `SELECT a.id, a.title, v.review_by, u.display_name AS owner FROM knowledge_articles a
         JOIN knowledge_versions v ON v.article_id = a.id AND v.version = a.live_version LEFT JOIN users u ON u.id = v.owner_id
         WHERE a.status = 'published' AND v.review_by IS NOT NULL AND v.review_by < ? ORDER BY v.review_by`,
        [today],
      );
      const overdue: OverdueArticle[] = overdueRows.map((r) => ({ id: r.id, title: r.title, reviewBy: r.review_by, ownerName: r.owner }));
      return { body: { unanswered, overdue } };
    },
  }),
];
