import { describe, expect, it } from 'vitest';
import { pruneSearchMisses } from '../../server/knowledge/scheduler';
import { backends } from '../support/backends';
import { hubPerSuite } from '../support/hub-per-suite';
import { signInAs } from '../support/client';
import { AUTHOR } from '../support/knowledge';
import { listen } from '../support/live';

for (const backend of backends()) {
  describe(`the knowledge team's inbox on ${backend.name}`, () => {
    const hub = hubPerSuite(backend);

    it('takes "not helpful" with a comment, and the advisor sees the team’s reply (live and in their list)', async () => {
      const advisor = await signInAs(hub().url, 'advisor2.lds');
      const admin = await signInAs(hub().url, AUTHOR);
      const fb = await advisor.client.post('/api/knowledge/articles/mouldy-bread/feedback', { kind: 'not_helpful', comment: 'Does not say what to do about a loaf bought online.' });
      expect(fb.status).toBe(201);
      const open = (await admin.client.get('/api/knowledge/feedback')).body.feedback.find((f: any) => f.id === fb.body.id);
      expect(open).toMatchObject({ kind: 'not_helpful', status: 'open', reply: null });

      const live = await listen(hub().url, advisor.token);
      const r = await admin.client.post(`/api/knowledge/feedback/${fb.body.id}/reply`, { reply: 'Thank you: online orders are covered in section 3 now.' });
      expect(r.status).toBe(204);
      expect((await live.next('knowledge.feedback_replied')).data.feedbackId).toBe(fb.body.id);
      live.close();
      const mine = (await advisor.client.get('/api/knowledge/my-feedback')).body.feedback;
      expect(mine.find((f: any) => f.id === fb.body.id)).toMatchObject({ reply: 'Thank you: online orders are covered in section 3 now.', repliedBy: admin.user.displayName, status: 'resolved' });
      expect((await (await signInAs(hub().url, 'advisor1.lds')).client.get('/api/knowledge/my-feedback')).body.feedback.some((f: any) => f.id === fb.body.id)).toBe(false);
      expect((await advisor.client.post(`/api/knowledge/feedback/${fb.body.id}/reply`, { reply: 'me too' })).status).toBe(403);
      expect((await admin.client.post(`/api/knowledge/feedback/${fb.body.id}/resolve`)).status).toBe(409);
      expect((await admin.client.post('/api/knowledge/feedback/fb_nothing/reply', { reply: 'hello there' })).status).toBe(404);
    });

    it('collects searches that found nothing, card numbers masked, and prunes them after 90 days', async () => {
      const a = await signInAs(hub().url, 'advisor1.mcr');
      const b = await signInAs(hub().url, 'advisor1.gla');
      for (const who of [a, a, b]) expect((await who.client.post('/api/knowledge/searches', { query: 'Oat milk  shortage', resultCount: 0 })).status).toBe(204);
      await a.client.post('/api/knowledge/searches', { query: 'refund to card 4111 1111 1111 1111', resultCount: 3 });
      expect((await a.client.post('/api/knowledge/searches', { query: 'x', resultCount: 0 })).status).toBe(400);
      const admin = await signInAs(hub().url, AUTHOR);
      const { unanswered } = (await admin.client.get('/api/knowledge/attention')).body;
      expect(unanswered[0]).toMatchObject({ query: 'oat milk shortage', times: 3, advisors: 2, resultCount: 0 });
      const carded = unanswered.find((u: any) => u.query.startsWith('refund to card'));
      expect(carded.query).not.toContain('4111 1111 1111 1111');
      expect(carded.query).toContain('1111');
      const stored = await hub().context.db.all<{ query: string }>('SELECT query FROM knowledge_search_misses');
      expect(stored.some((s) => /4111\s?1111\s?1111\s?1111/.test(s.query))).toBe(false);
      expect((await a.client.get('/api/knowledge/attention')).status).toBe(403);

      await hub().context.db.run("UPDATE knowledge_search_misses SET at = ? WHERE query = 'oat milk shortage'", [Date.now() - 91 * 86_400_000]);
      expect(await pruneSearchMisses(hub().context)).toBe(3);
      expect((await admin.client.get('/api/knowledge/attention')).body.unanswered.some((u: any) => u.query === 'oat milk shortage')).toBe(false);
    });

    it('lists live articles past their review-by date with their owner', async () => {
      const admin = await signInAs(hub().url, AUTHOR);
      await hub().context.db.run("UPDATE knowledge_versions SET review_by = '2020-01-31' WHERE article_id = 'mouldy-bread'");
      const { overdue } = (await admin.client.get('/api/knowledge/attention')).body;
      expect(overdue[0]).toMatchObject({ id: 'mouldy-bread', reviewBy: '2020-01-31' });
      expect(overdue[0].ownerName).toBeTruthy();
    });
  });
}
