import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { signInAs } from '../support/client';

for (const backend of backends()) {
  describe(`demo organisation and admin API on ${backend.name}`, () => {
    let hub: Hub;
    let admin: Awaited<ReturnType<typeof signInAs>>;
    beforeAll(async () => {
      hub = await testHub(backend);
      admin = await signInAs(hub.url, 'admin.mcr');
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    it('seeds an in-house site and two partner sites, each with two advisors, a supervisor and an admin', async () => {
      const sites = (await admin.client.get('/api/sites')).body.sites;
      expect(sites.filter((s: { kind: string }) => s.kind === 'in_house')).toHaveLength(1);
      expect(sites.filter((s: { kind: string }) => s.kind === 'partner')).toHaveLength(2);
      const users = (await admin.client.get('/api/users')).body.users as { role: string; siteId: string; teamId: string | null }[];
      for (const site of sites) {
        const here = users.filter((u) => u.siteId === site.id);
        expect(here.filter((u) => u.role === 'advisor').length).toBeGreaterThanOrEqual(2);
        expect(here.filter((u) => u.role === 'supervisor').length).toBeGreaterThanOrEqual(1);
        const admins = here.filter((u) => u.role === 'site_admin' || u.role === 'org_admin');
        // A site admin at each partner site; two organisation admins (heads of service) in-house.
        if (site.kind === 'partner') expect(admins.map((u) => u.role)).toEqual(['site_admin']);
        else expect(admins.map((u) => u.role)).toEqual(['org_admin', 'org_admin']);
      }
      const teams = (await admin.client.get('/api/teams')).body.teams;
      expect(teams.length).toBeGreaterThanOrEqual(6);
    });

    it('seeds queues, wrap-up codes, customers, cases, knowledge and a catalogue', async () => {
      const db = hub.context.db;
      const count = async (table: string) => Number((await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n);
      expect(await count('customers')).toBeGreaterThanOrEqual(1000);
      expect(await count('cases')).toBeGreaterThan(300);
      expect(await count('knowledge_articles')).toBeGreaterThanOrEqual(60);
      expect(await count('gesture_items')).toBeGreaterThanOrEqual(15);
      const queues = (await admin.client.get('/api/queues')).body.queues.map((q: { id: string }) => q.id).sort();
      expect(queues).toEqual(['food', 'funeralcare', 'membership']);
      const codes = (await admin.client.get('/api/wrapup-codes')).body.codes as { line: string }[];
      expect(new Set(codes.map((c) => c.line))).toEqual(new Set(['food', 'funeralcare', 'membership']));
      const flags = await db.get<{ b: number; v: number; m: number }>(
        'SELECT SUM(bereaved) AS b, SUM(vulnerable) AS v, SUM(marketing_suppressed) AS m FROM customers',
      );
      expect(Number(flags!.b)).toBeGreaterThan(5);
      expect(Number(flags!.v)).toBeGreaterThan(5);
      expect(Number(flags!.m)).toBeGreaterThan(Number(flags!.b));
      const items = (await admin.client.get('/api/catalogue')).body.items as { bereavementSuitable: boolean; tone: string }[];
      expect(items.filter((i) => i.bereavementSuitable).length).toBeGreaterThanOrEqual(5);
      expect(items.some((i) => i.bereavementSuitable && i.tone === 'celebratory')).toBe(false);
    });

    it('creates a user, rejects a duplicate username and a team from another site, and audits each change', async () => {
      const created = await admin.client.post('/api/users', {
        username: 'new.advisor',
        displayName: 'New Advisor',
        role: 'advisor',
        siteId: 'site_lds',
        teamId: 'team_lds_care',
        extension: '2999',
        password: 'a-long-enough-password',
      });
      expect(created.status).toBe(201);
      expect(created.body.user).toMatchObject({ username: 'new.advisor', siteId: 'site_lds', disabled: false });
      const dup = await admin.client.post('/api/users', { ...created.body.user, teamId: null, password: 'a-long-enough-password' });
      expect(dup.status).toBe(409);
      const wrongTeam = await admin.client.patch(`/api/users/${created.body.user.id}`, { teamId: 'team_gla_care' });
      expect(wrongTeam.status).toBe(400);
      const moved = await admin.client.patch(`/api/users/${created.body.user.id}`, { role: 'supervisor', siteId: 'site_gla' });
      expect(moved.body.user).toMatchObject({ role: 'supervisor', siteId: 'site_gla', teamId: null });
      const signIn = await signInAs(hub.url, 'new.advisor', 'a-long-enough-password');
      expect(signIn.user.role).toBe('supervisor');
      const audit = (await admin.client.get('/api/audit?entity=user')).body.entries as { action: string; actorId: string; entityId: string }[];
      const mine = audit.filter((e) => e.entityId === created.body.user.id).map((e) => e.action);
      expect(mine).toEqual(expect.arrayContaining(['user.created', 'user.updated']));
      expect(audit.find((e) => e.action === 'user.created')!.actorId).toBe('usr_admin_mcr');
    });

    it('adds a partner site and a team, refusing a partner site without a partner name', async () => {
      const bad = await admin.client.post('/api/sites', { name: 'Cardiff', kind: 'partner', city: 'Cardiff' });
      expect(bad.status).toBe(400);
      const site = await admin.client.post('/api/sites', { name: 'Cardiff (Harbour CX)', kind: 'partner', partnerName: 'Harbour CX', city: 'Cardiff' });
      expect(site.status).toBe(201);
      const team = await admin.client.post('/api/teams', { name: 'Membership', siteId: site.body.site.id });
      expect(team.status).toBe(201);
      expect((await admin.client.post('/api/teams', { name: 'Membership', siteId: site.body.site.id })).status).toBe(409);
    });

    it('lets a supervisor see their own site’s people only', async () => {
      const sup = await signInAs(hub.url, 'supervisor.gla');
      const users = (await sup.client.get('/api/users?siteId=site_mcr')).body.users as { siteId: string }[];
      expect(users.length).toBeGreaterThan(0);
      expect(users.every((u) => u.siteId === 'site_gla')).toBe(true);
      const overview = await sup.client.get('/api/overview/team');
      expect(overview.status).toBe(200);
      expect(overview.body.members.length).toBeGreaterThanOrEqual(3);
    });

    it('lists in a supervisor’s team every advisor their floor view shows, from every team of the site', async () => {
      const sup = await signInAs(hub.url, 'supervisor.gla');
      const members = ((await sup.client.get('/api/overview/team')).body.members as { id: string; siteId: string; teamId: string | null }[]);
      const floor = (await sup.client.get('/api/telephony/queues')).body.advisors as { userId: string }[];
      expect(floor.length).toBeGreaterThanOrEqual(3);
      expect(floor.map((a) => a.userId).filter((id) => !members.some((m) => m.id === id))).toEqual([]);
      expect(new Set(members.map((m) => m.teamId)).size).toBeGreaterThan(1);
      expect(members.every((m) => m.siteId === 'site_gla')).toBe(true);
    });

    it('counts a site admin’s own site’s people on their overview, and everyone for a head of service', async () => {
      const everyone = (await admin.client.get('/api/users')).body.users as { siteId: string }[];
      expect((await admin.client.get('/api/overview/admin')).body.users).toBe(everyone.length);
      const leeds = await signInAs(hub.url, 'admin.lds');
      const own = everyone.filter((u) => u.siteId === leeds.user.siteId).length;
      expect(own).toBeLessThan(everyone.length);
      expect((await leeds.client.get('/api/overview/admin')).body.users).toBe(own);
    });
  });
}
