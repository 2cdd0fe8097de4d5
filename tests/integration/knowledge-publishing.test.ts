import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { runDueKnowledge } from '../../server/knowledge/scheduler';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { AUTHOR, feedIds, REVIEWER, sampleArticle } from '../support/knowledge';
import { listen } from '../support/live';
import { waitUntil } from '../support/wait';

type Signed = Awaited<ReturnType<typeof signInAs>>;

for (const backend of backends()) {
  describe(`knowledge publishing on ${backend.name}`, () => {
    let hub: Hub;
    let author: Signed;
    let reviewer: Signed;
    let advisor: Signed;
    let partner: Signed;
    beforeAll(async () => {
      hub = await testHub(backend, { config: { knowledgeScheduleMs: 100 } });
      [author, reviewer, advisor, partner] = await Promise.all([
        signInAs(hub.url, AUTHOR),
        signInAs(hub.url, REVIEWER),
        signInAs(hub.url, 'advisor1.mcr'),
        signInAs(hub.url, 'advisor1.gla'),
      ]);
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    const history = async (id: string) => (await author.client.get(`/api/knowledge/articles/${id}`)).body;

    it('keeps a draft and an article under review off advisors’ feeds and live links, ids included; publishes on a second admin’s approval', async () => {
      const live = await listen(hub.url, advisor.token);
      const before = (await advisor.client.get('/api/knowledge/changes?after=0&limit=1')).body.latest;
      const made = await author.client.post('/api/knowledge/articles', sampleArticle('Substituted items in a grocery order'));
      expect(made.status).toBe(201);
      const id = made.body.entry.id;
      expect(made.body.entry.status).toBe('draft');
      expect(made.body.versions[0]).toMatchObject({ version: 1, state: 'draft', createdBy: author.user.id });

      expect((await author.client.post(`/api/knowledge/articles/${id}/submit`)).body.entry.open.state).toBe('in_review');
      expect(await feedIds(advisor.client)).not.toContain(id);
      expect((await advisor.client.get('/api/knowledge/changes?after=0&limit=1')).body.latest).toBe(before);
      expect((await advisor.client.get(`/api/knowledge/articles/${id}`)).status).toBe(403);
      expect((await advisor.client.post(`/api/knowledge/articles/${id}/feedback`, { kind: 'helpful' })).status).toBe(404);

      // Four eyes: the author cannot approve their own words.
      const own = await author.client.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve' });
      expect(own.status).toBe(403);
      expect(own.body.error.message).toMatch(/second organisation admin/);

      const approved = await reviewer.client.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve' });
      expect(approved.status).toBe(200);
      expect(approved.body.entry).toMatchObject({ status: 'published', liveVersion: 1, open: null });
      expect(approved.body.versions[0]).toMatchObject({ state: 'published', reviewedBy: reviewer.user.id, publishedBy: reviewer.user.id });

      const push = await live.next('knowledge.changed');
      expect(push.data.change).toMatchObject({ kind: 'upsert', article: { id, title: 'Substituted items in a grocery order' } });
      expect(push.data.seq).toBe(before + 1);
      // Nothing was pushed for the draft or the review: this is the first event the advisor heard.
      expect(live.events.filter((e) => e.name === 'knowledge.changed')).toHaveLength(1);
      expect(await feedIds(advisor.client, before)).toEqual([id]);
      live.close();

      const audit = (await author.client.get('/api/audit?limit=50')).body;
      const actions = JSON.stringify(audit);
      for (const a of ['article.drafted', 'article.submitted', 'article.approved', 'article.published']) expect(actions).toContain(a);
    });

    it('edits a published article as a new version while the old one stays live; sends back, approves at a chosen time, restores', async () => {
      const made = await author.client.post('/api/knowledge/articles', sampleArticle('Late delivery refunds'));
      const id = made.body.entry.id;
      await author.client.post(`/api/knowledge/articles/${id}/submit`);
      await reviewer.client.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve' });

      const edit = await author.client.put(`/api/knowledge/articles/${id}/draft`, sampleArticle('Late delivery refunds', { body: 'Refund the delivery charge in full.' }));
      expect(edit.status).toBe(200);
      expect(edit.body.entry).toMatchObject({ status: 'published', liveVersion: 1, open: { version: 2, state: 'draft', basedOn: 1 } });
      const live1 = (await advisor.client.get('/api/knowledge/changes?after=0&limit=1000')).body.changes.find((c: any) => c.article?.id === id);
      expect(live1.article.body).toContain('Check the order');

      await author.client.post(`/api/knowledge/articles/${id}/submit`);
      const back = await reviewer.client.post(`/api/knowledge/articles/${id}/review`, { decision: 'reject', note: 'Say how long the refund takes.' });
      expect(back.body.entry.open).toMatchObject({ state: 'draft', reviewNote: 'Say how long the refund takes.' });
      // A second try at the same approval is a clear conflict, not a double publication.
      expect((await reviewer.client.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve' })).status).toBe(409);

      await author.client.put(`/api/knowledge/articles/${id}/draft`, sampleArticle('Late delivery refunds', { body: 'Refund the delivery charge; it reaches the card in 3 to 5 days.' }));
      await author.client.post(`/api/knowledge/articles/${id}/submit`);
      const live = await listen(hub.url, advisor.token);
      const publishAt = Date.now() + 400;
      const later = await reviewer.client.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve', publishAt });
      expect(later.body.entry.open).toMatchObject({ version: 2, state: 'approved', publishAt });
      expect(later.body.entry.liveVersion).toBe(1);

      // The push of version 1's publication may reach a socket that opened just after it (PostgreSQL
      // notifies asynchronously); the desktop applies changes by sequence, so wait for version 2's.
      const push = await live.next('knowledge.changed', 10_000, (d) => /3 to 5 days/.test(d.change?.article?.body ?? ''));
      expect(push.data.change.article.body).toContain('3 to 5 days');
      expect(Date.now()).toBeGreaterThanOrEqual(publishAt);
      const h = await history(id);
      expect(h.entry.liveVersion).toBe(2);
      expect(h.versions.map((v: any) => [v.version, v.state])).toEqual([[2, 'published'], [1, 'superseded']]);
      expect(h.versions[0].publishedBy).toBe(reviewer.user.id);
      live.close();

      const v1 = (await author.client.get(`/api/knowledge/articles/${id}/versions/1`)).body.version;
      expect(v1.body).toContain('Check the order');
      const restored = await author.client.post(`/api/knowledge/articles/${id}/restore`, { version: 1 });
      expect(restored.body.entry.open).toMatchObject({ version: 3, state: 'draft', basedOn: 1 });
      expect((await author.client.post(`/api/knowledge/articles/${id}/restore`, { version: 1 })).status).toBe(409);
      expect((await author.client.get(`/api/knowledge/articles/${id}/versions/3`)).body.version.body).toBe(v1.body);
      expect((await author.client.get(`/api/knowledge/articles/${id}/versions/x`)).status).toBe(400);
      expect((await author.client.post(`/api/knowledge/articles/${id}/discard`)).body.entry.open).toBeNull();
    });

    it('retires at a chosen time, and the advisor’s desktop is told to remove it', async () => {
      const made = await author.client.post('/api/knowledge/articles', sampleArticle('Paper bags at the till'));
      const id = made.body.entry.id;
      await author.client.post(`/api/knowledge/articles/${id}/submit`);
      await reviewer.client.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve' });
      const live = await listen(hub.url, advisor.token);
      const retireAt = Date.now() + 300;
      const scheduled = await author.client.post(`/api/knowledge/articles/${id}/retire`, { retireAt });
      expect(scheduled.body.entry).toMatchObject({ status: 'published', retireAt });
      // The publication's own push may reach this socket late (see above): wait for the removal.
      const push = await live.next('knowledge.changed', 10_000, (d) => d.change?.kind === 'remove');
      expect(push.data.change).toEqual({ kind: 'remove', seq: push.data.seq, id });
      expect((await history(id)).versions[0].state).toBe('retired');
      expect((await author.client.post(`/api/knowledge/articles/${id}/retire`, {})).status).toBe(409);
      live.close();
    });

    it('reaches only the audience chosen: in-house only, chosen sites, roles', async () => {
      const inHouse = await publish('Colleague discount codes', { audienceScope: 'in_house' });
      const glasgow = await publish('Glasgow store opening hours', { audienceScope: 'sites', audienceSites: ['site_gla'] });
      const leads = await publish('Covering a supervisor’s queue', { audienceRoles: ['supervisor'] });
      const mine = await feedIds(advisor.client);
      const theirs = await feedIds(partner.client);
      const upserts = async (c: Signed) =>
        ((await c.client.get('/api/knowledge/changes?after=0&limit=1000')).body.changes as any[]).filter((x) => x.kind === 'upsert').map((x) => x.article.id);
      expect(await upserts(advisor)).toContain(inHouse);
      expect(await upserts(partner)).not.toContain(inHouse);
      expect(await upserts(partner)).toContain(glasgow);
      expect(await upserts(advisor)).not.toContain(glasgow);
      expect(await upserts(advisor)).not.toContain(leads);
      expect(await upserts(await signInAs(hub.url, 'supervisor.mcr'))).toContain(leads);
      expect(mine.length).toBe(theirs.length);
      const noSite = await author.client.post('/api/knowledge/articles', sampleArticle('Nowhere at all', { audienceScope: 'sites', audienceSites: [] }));
      expect(noSite.status).toBe(400);
      const badSite = await author.client.post('/api/knowledge/articles', sampleArticle('Nowhere at all', { audienceScope: 'sites', audienceSites: ['site_xyz'] }));
      expect(badSite.status).toBe(400);
    });

    it('lets one of two simultaneous approvals win and refuses the other', async () => {
      const made = await author.client.post('/api/knowledge/articles', sampleArticle('Two reviewers at once'));
      const id = made.body.entry.id;
      await author.client.post(`/api/knowledge/articles/${id}/submit`);
      const third = await signInAs(hub.url, 'head.mcr');
      const results = await Promise.all([
        reviewer.client.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve' }),
        third.client.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await history(id)).versions).toHaveLength(1);
    });

    it('turns four eyes off as an organisation setting, audited', async () => {
      expect((await author.client.get('/api/knowledge/settings')).body).toEqual({ fourEyes: true });
      expect((await author.client.put('/api/knowledge/settings', { fourEyes: false })).body).toEqual({ fourEyes: false });
      const made = await author.client.post('/api/knowledge/articles', sampleArticle('Single pair of eyes'));
      await author.client.post(`/api/knowledge/articles/${made.body.entry.id}/submit`);
      expect((await author.client.post(`/api/knowledge/articles/${made.body.entry.id}/review`, { decision: 'approve' })).status).toBe(200);
      await author.client.put('/api/knowledge/settings', { fourEyes: true });
      expect(JSON.stringify((await author.client.get('/api/audit?limit=100')).body)).toContain('knowledge.settings_changed');
      const site = await signInAs(hub.url, 'admin.gla');
      expect((await site.client.put('/api/knowledge/settings', { fourEyes: false })).status).toBe(403);
      expect((await site.client.post('/api/knowledge/articles', sampleArticle('Site admins write none'))).status).toBe(403);
    });

    async function publish(title: string, extra: Record<string, unknown>): Promise<string> {
      const made = await author.client.post('/api/knowledge/articles', sampleArticle(title, extra));
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const id = made.body.entry.id;
      await author.client.post(`/api/knowledge/articles/${id}/submit`);
      expect((await reviewer.client.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve' })).status).toBe(200);
      return id;
    }
  });

  describe(`the publishing schedule on ${backend.name}: restarts and two instances`, () => {
    it('publishes a scheduled article after a restart, once, with the schedule run twice at once (by two instances on PostgreSQL)', async () => {
      const opts = await backend.fresh();
      const manual = { knowledgeScheduleMs: 0 };
      const a = await testHub({ name: backend.name, fresh: async () => opts }, { config: manual });
      const author = await signInAs(a.url, AUTHOR);
      const reviewer = await signInAs(a.url, REVIEWER);
      const made = await author.client.post('/api/knowledge/articles', sampleArticle('Scheduled for the new year'));
      const id = made.body.entry.id;
      await author.client.post(`/api/knowledge/articles/${id}/submit`);
      const publishAt = Date.now() + 200;
      await reviewer.client.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve', publishAt });
      await a.close(); // the hub stops before the time comes

      const b = await testHub({ name: backend.name, fresh: async () => opts }, { config: manual });
      // Two instances share one database on PostgreSQL; an SQLite hub runs alone, so there the race is within one.
      const c = backend.name === 'postgres' ? await testHub({ name: backend.name, fresh: async () => opts }, { config: manual }) : b;
      try {
        await waitUntil(async () => Date.now() > publishAt, 'the chosen time');
        const done = await Promise.all([runDueKnowledge(b.context), runDueKnowledge(c.context), runDueKnowledge(b.context)]);
        expect(done.reduce((x, y) => x + y, 0)).toBe(1);
        const admin = await signInAs(b.url, AUTHOR);
        const h = (await admin.client.get(`/api/knowledge/articles/${id}`)).body;
        expect(h.entry).toMatchObject({ status: 'published', liveVersion: 1 });
        const audit = await b.context.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'article.published' AND entity_id = ?", [id]);
        expect(Number(audit[0]!.n)).toBe(1);
      } finally {
        await b.close();
        if (c !== b) await c.close();
        await dropTestSchemas();
      }
    });
  });
}
