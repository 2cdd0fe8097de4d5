import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/roles';
import type { Hub } from '../../server/hub';
import { routes } from '../../server/routes';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { hubClient, signInAs } from '../support/client';
import { customerPool, flowers, hamper, openCase } from '../support/gestures';

/**
 * The policy as the founders wrote it, stated here on its own: not read from the router's table, so a
 * route whose access drifts fails this test instead of redefining what is expected.
 */
const A: Role = 'advisor';
const S: Role = 'supervisor';
const SA: Role = 'site_admin';
const OA: Role = 'org_admin';
type Who = 'public' | 'signed_in' | readonly Role[];
const AGENTS = [A, S];
const LEADS = [S, SA, OA];
const ADMINS = [SA, OA];
const APPROVERS = [S, OA];

const EXPECTED: Record<string, Who> = {
  'POST /api/session': 'public',
  'GET /api/session': 'signed_in',
  'DELETE /api/session': 'signed_in',
  'POST /api/session/two-factor': 'public',
  'POST /api/session/two-factor/enrolment': 'public',
  'GET /api/me/two-factor': 'signed_in',
  'POST /api/me/two-factor/enrolment': 'signed_in',
  'POST /api/me/two-factor/confirm': 'signed_in',
  'POST /api/me/two-factor/recovery-codes': 'signed_in',
  'POST /api/me/two-factor/disable': 'signed_in',
  'GET /api/two-factor/policy': ADMINS,
  'PUT /api/two-factor/policy': [OA],
  'DELETE /api/users/:id/two-factor': ADMINS,
  'GET /api/users': LEADS,
  'POST /api/users': ADMINS,
  'PATCH /api/users/:id': ADMINS,
  'POST /api/users/:id/password': ADMINS,
  'GET /api/sites': 'signed_in',
  'POST /api/sites': [OA],
  'PATCH /api/sites/:id': [OA],
  'GET /api/teams': 'signed_in',
  'POST /api/teams': ADMINS,
  'GET /api/audit': ADMINS,
  'GET /api/audit/export': ADMINS,
  'GET /api/queues': 'signed_in',
  'GET /api/wrapup-codes': 'signed_in',
  'GET /api/catalogue': 'signed_in',
  'GET /api/customers': 'signed_in',
  'GET /api/customers/:id': 'signed_in',
  'GET /api/screen-pop': 'signed_in',
  'POST /api/customers/:id/bereavement': AGENTS,
  'POST /api/customers': AGENTS,
  'PATCH /api/customers/:id': AGENTS,
  'GET /api/customers/:id/profile': 'signed_in',
  'PUT /api/customers/:id/vulnerability': AGENTS,
  'PUT /api/customers/:id/suppressions': AGENTS,
  'POST /api/customers/:id/bereavement-prompt': AGENTS,
  'GET /api/cases/:id/bereavement-prompt': 'signed_in',
  'PUT /api/cases/:id/customer': AGENTS,
  'GET /api/cases': 'signed_in',
  'GET /api/cases/:id': 'signed_in',
  'POST /api/cases': AGENTS,
  'PATCH /api/cases/:id': AGENTS,
  'POST /api/cases/:id/notes': AGENTS,
  'POST /api/cases/:id/notes/:noteId/revisions': AGENTS,
  'GET /api/cases/:id/notes/:noteId/revisions': 'signed_in',
  'GET /api/cases/:id/tasks': 'signed_in',
  'POST /api/cases/:id/tasks': AGENTS,
  'POST /api/tasks/:id/done': AGENTS,
  'GET /api/tasks/due': AGENTS,
  'GET /api/tasks/assignees': AGENTS,
  'PUT /api/wrapup-codes/:line': [OA],
  'GET /api/note-templates': 'signed_in',
  'PUT /api/note-templates/:line': [OA],
  'GET /api/knowledge/changes': 'signed_in',
  'GET /api/knowledge/articles': [OA],
  'POST /api/knowledge/articles': [OA],
  'GET /api/knowledge/articles/:id': [OA],
  'GET /api/knowledge/articles/:id/versions/:version': [OA],
  'GET /api/knowledge/authors': [OA],
  'GET /api/knowledge/settings': [OA],
  'PUT /api/knowledge/settings': [OA],
  'PUT /api/knowledge/articles/:id/draft': [OA],
  'POST /api/knowledge/articles/:id/submit': [OA],
  'POST /api/knowledge/articles/:id/review': [OA],
  'POST /api/knowledge/articles/:id/discard': [OA],
  'POST /api/knowledge/articles/:id/restore': [OA],
  'POST /api/knowledge/articles/:id/retire': [OA],
  'POST /api/knowledge/articles/:id/retirement/cancel': [OA],
  'POST /api/knowledge/articles/:id/feedback': 'signed_in',
  'GET /api/knowledge/feedback': [OA],
  'GET /api/knowledge/my-feedback': 'signed_in',
  'POST /api/knowledge/feedback/:id/reply': [OA],
  'POST /api/knowledge/feedback/:id/resolve': [OA],
  'POST /api/knowledge/searches': 'signed_in',
  'GET /api/knowledge/attention': [OA],
  'GET /api/overview/team': LEADS,
  'GET /api/overview/admin': ADMINS,
  'GET /api/telephony/pbx': [OA],
  'PUT /api/telephony/pbx': [OA],
  'POST /api/telephony/pbx/test': [OA],
  'GET /api/telephony/status': [A, S, SA, OA],
  'GET /api/agent/state': AGENTS,
  'POST /api/agent/state': AGENTS,
  'POST /api/floor/advisors/:id/state': [S],
  'GET /api/agent/not-ready-reasons': 'signed_in',
  'PUT /api/agent/not-ready-reasons': [OA],
  'POST /api/telephony/calls/:callId/hangup': AGENTS,
  'POST /api/telephony/calls/:callId/transfer': AGENTS,
  'POST /api/telephony/dial': AGENTS,
  'GET /api/telephony/queues': LEADS,
  'GET /api/telephony/call-records': LEADS,
  'GET /api/telephony/directory': [A, S, SA, OA],
  'POST /api/telephony/call-records': AGENTS,
  'GET /api/cases/:id/gesture-suggestions': 'signed_in',
  'GET /api/cases/:id/gestures': 'signed_in',
  'GET /api/customers/:id/gestures': 'signed_in',
  'POST /api/gestures/requests': AGENTS,
  'GET /api/gestures/requests': 'signed_in',
  'GET /api/gestures/requests/:id': 'signed_in',
  'POST /api/gestures/requests/:id/withdraw': AGENTS,
  'POST /api/gestures/requests/:id/approve': APPROVERS,
  'POST /api/gestures/requests/:id/reject': APPROVERS,
  'POST /api/gestures/requests/:id/fulfilment': APPROVERS,
  'GET /api/gestures/approvals': APPROVERS,
  'GET /api/gestures/fulfilment': APPROVERS,
  'GET /api/gestures/decided': APPROVERS,
  'GET /api/gestures/follow-ups': AGENTS,
  'POST /api/gestures/follow-ups/:id/done': AGENTS,
  'POST /api/catalogue/items': [OA],
  'PUT /api/catalogue/items/:id': [OA],
  'POST /api/catalogue/items/:id/retire': [OA],
  'GET /api/gestures/settings': 'signed_in',
  'PUT /api/gestures/settings': [OA],
  'GET /api/gestures/budgets': LEADS,
  'PUT /api/gestures/budgets/:siteId/:month': ADMINS,
  'GET /api/gestures/report': LEADS,
  'GET /api/gestures/report.csv': LEADS,
  'POST /api/gestures/expire': ADMINS,
  'GET /api/erasures/preview': [OA],
  'POST /api/erasures': [OA],
  'GET /api/erasures': [OA],
  'GET /api/erasures/changes': 'signed_in',
  'GET /api/privacy/settings': 'signed_in',
  'PUT /api/privacy/settings': [OA],
};

const mayCall = (who: Who, role: Role): boolean => who === 'public' || who === 'signed_in' || who.includes(role);

/** One demo person per role: a Manchester advisor and supervisor, Leeds' site admin, Manchester's head of service. */
const demoUser: Record<Role, string> = { advisor: 'advisor1.mcr', supervisor: 'supervisor.mcr', site_admin: 'admin.lds', org_admin: 'admin.mcr' };

for (const backend of backends()) {
  describe(`role matrix on ${backend.name}: every route, every role and nobody`, () => {
    let hub: Hub;
    const tokens = new Map<Role, string>();
    beforeAll(async () => {
      hub = await testHub(backend);
      for (const role of ROLES) tokens.set(role, (await signInAs(hub.url, demoUser[role])).token);
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    it('has an expectation for every route the hub serves', () => {
      const served = routes.map((r) => `${r.method} ${r.path}`);
      expect(served.filter((r) => !(r in EXPECTED)), 'routes with no stated policy').toEqual([]);
      expect(served.length).toBeGreaterThanOrEqual(60);
    });

    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      const path = r.path.replace(/:[a-zA-Z]+/g, 'no-such-id');
      it(`${key} is open to ${JSON.stringify(EXPECTED[key] ?? 'nobody stated')}`, async () => {
        const who = EXPECTED[key];
        expect(who, 'a stated policy').toBeDefined();
        const anonymous = await hubClient(hub.url).call(r.method, path, r.method === 'GET' ? undefined : {});
        if (who === 'public') expect(anonymous.status).not.toBe(401);
        else expect(anonymous.status, 'nobody signed in').toBe(401);

        for (const role of ROLES) {
          const res = await hubClient(hub.url, tokens.get(role)).call(r.method, path, r.method === 'GET' ? undefined : {});
          if (mayCall(who!, role)) {
            expect([401, 403], `${role} is allowed`).not.toContain(res.status);
            expect(res.status, `${role}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
          } else {
            expect(res.status, `${role} is not allowed`).toBe(403);
          }
          // A route that ends the session (sign-out) must not spoil the next checks.
          const still = await hubClient(hub.url, tokens.get(role)).get('/api/session');
          if (still.status === 401) tokens.set(role, (await signInAs(hub.url, demoUser[role])).token);
        }
      });
    }
  });
}

for (const backend of backends()) {
  describe(`role matrix on ${backend.name}: another site's ids and another person's ids`, () => {
    let hub: Hub;
    type Client = ReturnType<typeof hubClient>;
    const as: Record<string, Client> = {};
    let pool: Awaited<ReturnType<typeof customerPool>>;
    let mcrCase: string;
    let mcrCustomer: string;
    let mcrGesture: string;
    let mcrPending: string;
    let userId: (username: string) => Promise<string>;
    beforeAll(async () => {
      hub = await testHub(backend);
      for (const u of ['advisor1.mcr', 'advisor2.mcr', 'supervisor.mcr', 'admin.mcr', 'head.mcr', 'advisor1.lds', 'supervisor.lds', 'admin.lds', 'admin.gla']) {
        as[u] = (await signInAs(hub.url, u)).client;
      }
      userId = async (username) => (await hub.context.db.get<{ id: string }>('SELECT id FROM users WHERE username = ?', [username]))!.id;
      pool = await customerPool(hub.context.db);
      mcrCustomer = pool.next();
      mcrCase = await openCase(as['advisor1.mcr']!, mcrCustomer);
      const given = await as['advisor1.mcr']!.post('/api/gestures/requests', flowers(mcrCase));
      expect(given.status).toBe(201);
      mcrGesture = given.body.request.id;
      const waiting = await as['advisor1.mcr']!.post('/api/gestures/requests', hamper(await openCase(as['advisor1.mcr']!, pool.next())));
      expect(waiting.status).toBe(201);
      mcrPending = waiting.body.request.id;
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    it('lets another site read a case and add a note or a flag, but not change its status, wrap-up or subject', async () => {
      const leeds = as['advisor1.lds']!;
      expect((await leeds.get(`/api/cases/${mcrCase}`)).status).toBe(200);
      expect((await leeds.post(`/api/cases/${mcrCase}/notes`, { body: 'Customer rang Leeds back about this.' })).status).toBe(201);
      expect((await leeds.post(`/api/customers/${mcrCustomer}/bereavement`, { reference: 'TUO-1' })).status).toBe(200);
      for (const change of [{ status: 'closed' }, { subject: 'Renamed from Leeds' }, { wrapupCode: 'food-refund' }]) {
        const res = await leeds.patch(`/api/cases/${mcrCase}`, change);
        expect(res.status, JSON.stringify(change)).toBe(403);
        expect(res.body.error.code).toBe('other_site');
      }
      const after = (await leeds.get(`/api/cases/${mcrCase}`)).body.case;
      expect(after).toMatchObject({ status: 'open', subject: 'Delivery two hours late' });
      expect((await as['advisor2.mcr']!.patch(`/api/cases/${mcrCase}`, { subject: 'Delivery late (own site)' })).status).toBe(200);
    });

    it('keeps gestures on another site’s case with that site: no offer, no fulfilment, no recipient', async () => {
      const offered = await as['advisor1.lds']!.post('/api/gestures/requests', flowers(mcrCase));
      expect(offered.status).toBe(403);
      expect((await as['supervisor.lds']!.post(`/api/gestures/requests/${mcrGesture}/fulfilment`, { status: 'ordered' })).status).toBe(403);
      for (const who of ['advisor1.lds', 'supervisor.lds', 'advisor2.mcr']) {
        const res = await as[who]!.get(`/api/gestures/requests/${mcrGesture}`);
        if (who === 'advisor2.mcr') expect(res.status, who).toBe(200);
        else {
          expect(res.status, who).toBe(404);
          expect(JSON.stringify(res.body)).not.toContain('Jo Bloggs');
        }
      }
      // The history crosses sites (the cap is shared) without saying to whom or where a gift went.
      const history = await as['advisor1.lds']!.get(`/api/customers/${mcrCustomer}/gestures`);
      expect(history.status).toBe(200);
      expect(history.body.gestures[0]).toMatchObject({ id: mcrGesture, amountPence: 2000, personalisation: {}, message: '' });
      expect(JSON.stringify(history.body)).not.toContain('High Street');
      const caseView = await as['advisor1.lds']!.get(`/api/cases/${mcrCase}/gestures`);
      expect(JSON.stringify(caseView.body)).not.toContain('High Street');
      expect((await as['admin.mcr']!.get(`/api/gestures/requests/${mcrGesture}`)).body.request.personalisation.recipientName).toBe('Jo Bloggs');
      expect((await as['supervisor.mcr']!.post(`/api/gestures/requests/${mcrGesture}/fulfilment`, { status: 'ordered' })).status).toBe(200);
    });

    it('lets a supervisor decide their own site only, a site admin nothing, a head of service anything', async () => {
      expect((await as['supervisor.lds']!.post(`/api/gestures/requests/${mcrPending}/approve`, { reason: '' })).status).toBe(403);
      expect((await as['admin.lds']!.post(`/api/gestures/requests/${mcrPending}/approve`, { reason: '' })).status).toBe(403);
      // A lower supervisor limit puts a £60 hamper (inside the £100 customer cap) above it.
      expect((await as['admin.mcr']!.put('/api/gestures/settings', { limits: { advisorPence: 2500, supervisorPence: 5000 } })).status).toBe(200);
      const above = await as['advisor1.lds']!.post('/api/gestures/requests', hamper(await openCase(as['advisor1.lds']!, pool.next()), 6000));
      expect(above.body.request?.approverLevel).toBe('head');
      expect((await as['supervisor.lds']!.post(`/api/gestures/requests/${above.body.request.id}/approve`, { reason: '' })).status).toBe(403);
      expect((await as['admin.mcr']!.post(`/api/gestures/requests/${above.body.request.id}/approve`, { reason: '' })).status).toBe(200);
    });

    it('keeps another person’s request and follow-ups theirs', async () => {
      expect((await as['advisor2.mcr']!.post(`/api/gestures/requests/${mcrPending}/withdraw`, { reason: 'not mine' })).status).toBe(403);
      const ups = (await as['advisor1.mcr']!.get('/api/gestures/follow-ups?state=open')).body.followUps as { id: string }[];
      expect(ups.length).toBeGreaterThan(0);
      expect((await as['advisor2.mcr']!.post(`/api/gestures/follow-ups/${ups[0]!.id}/done`, { outcome: 'happy' })).status).toBe(403);
    });

    it('keeps a site admin to their own site: people, teams, budget and audit', async () => {
      const leeds = as['admin.lds']!;
      const month = (await leeds.get('/api/gestures/budgets')).body.month as string;
      expect((await leeds.put(`/api/gestures/budgets/site_mcr/${month}`, { budgetPence: 90_000_000 })).status).toBe(403);
      expect((await leeds.put(`/api/gestures/budgets/site_lds/${month}`, { budgetPence: 300_000 })).status).toBe(200);
      expect((await leeds.post(`/api/users/${await userId('admin.mcr')}/password`, { password: 'taken-over-2026' })).status).toBe(403);
      expect((await signInAs(hub.url, 'admin.mcr')).token).toBeTruthy();
      expect((await leeds.patch(`/api/users/${await userId('supervisor.mcr')}`, { role: 'advisor' })).status).toBe(403);
      expect((await leeds.patch(`/api/users/${await userId('advisor1.lds')}`, { siteId: 'site_mcr' })).status).toBe(403);
      const user = (role: string, siteId: string, username: string) => ({ username, displayName: 'New Person', role, siteId, password: 'a-long-password-1' });
      expect((await leeds.post('/api/users', user('site_admin', 'site_mcr', 'intruder.mcr'))).status).toBe(403);
      expect((await leeds.post('/api/users', user('org_admin', 'site_lds', 'boss.lds'))).status).toBe(403);
      expect((await leeds.post('/api/users', user('site_admin', 'site_lds', 'deputy.lds'))).status).toBe(201);
      expect((await leeds.post('/api/teams', { name: 'Night shift', siteId: 'site_mcr' })).status).toBe(403);
      expect((await leeds.post('/api/teams', { name: 'Night shift', siteId: 'site_lds' })).status).toBe(201);
      const users = (await leeds.get('/api/users?siteId=site_mcr')).body.users as { siteId: string }[];
      expect(new Set(users.map((u) => u.siteId))).toEqual(new Set(['site_lds']));
      const audit = (await leeds.get('/api/audit?limit=500')).body.entries as { siteId: string | null }[];
      expect(audit.length).toBeGreaterThan(0);
      expect(audit.every((e) => e.siteId === 'site_lds')).toBe(true);
    });

    it('never tells anyone the id of a draft that was never published', async () => {
      const article = { title: 'Unannounced price change', summary: 'Not for the floor yet.', body: 'A draft for the knowledge team only.', line: 'food', category: 'Prices', tags: [] };
      const before = (await as['advisor1.lds']!.get('/api/knowledge/changes?after=0&limit=1')).body.latest as number;
      const draft = await as['admin.mcr']!.post('/api/knowledge/articles', article);
      expect(draft.status).toBe(201);
      const id = draft.body.entry.id as string;
      const feed = await as['advisor1.lds']!.get(`/api/knowledge/changes?after=0&limit=1000`);
      expect(feed.status).toBe(200);
      expect(JSON.stringify(feed.body.changes)).not.toContain(id);
      expect(feed.body.latest).toBe(before);
      // Once published and then retired, its removal is news to those who had it.
      await as['admin.mcr']!.post(`/api/knowledge/articles/${id}/submit`);
      const head = (await signInAs(hub.url, 'head.mcr')).client;
      expect((await head.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve' })).status).toBe(200);
      await as['admin.mcr']!.post(`/api/knowledge/articles/${id}/retire`);
      const later = await as['advisor1.lds']!.get(`/api/knowledge/changes?after=${before}&limit=50`);
      expect(later.body.changes.at(-1)).toMatchObject({ kind: 'remove', id });
    });

    it('lets nobody change an account of equal or higher rank at another site, or of higher rank at their own', async () => {
      const head = as['admin.mcr']!;
      expect((await head.post(`/api/users/${await userId('head.mcr')}/password`, { password: 'second-pair-2026' })).status).toBe(204);
      expect((await head.patch(`/api/users/${await userId('admin.gla')}`, { displayName: 'Morag Campbell-Reid' })).status).toBe(200);
      const made = await head.post('/api/users', { username: 'head.lds', displayName: 'Far Head', role: 'org_admin', siteId: 'site_lds', password: 'a-long-password-1' });
      expect(made.status).toBe(403);
      expect((await as['admin.gla']!.patch(`/api/users/${await userId('admin.mcr')}`, { disabled: true })).status).toBe(403);
      expect((await as['supervisor.mcr']!.patch(`/api/users/${await userId('advisor1.mcr')}`, { displayName: 'x' })).status).toBe(403);
      expect((await head.patch(`/api/users/${await userId('admin.mcr')}`, { role: 'site_admin' })).status).toBe(400);
    });
  });
}
