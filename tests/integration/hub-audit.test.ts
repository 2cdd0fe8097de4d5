import { describe, expect, it } from 'vitest';
import { backends } from '../support/backends';
import { signInAs } from '../support/client';
import { customerPool, hamper, openCase } from '../support/gestures';
import { hubPerSuite } from '../support/hub-per-suite';

for (const backend of backends()) {
  describe(`the audit log in words, searched and exported, on ${backend.name}`, () => {
    const hub = hubPerSuite(backend);
    let fixture: { customerName: string; caseReference: string; requestId: string; startedAt: number };

    const approvedHamper = async () => {
      if (fixture) return fixture;
      const startedAt = Date.now();
      const pool = await customerPool(hub().context.db);
      const advisor = await signInAs(hub().url, 'advisor1.mcr');
      const customerId = pool.next();
      const caseId = await openCase(advisor.client, customerId);
      const requested = await advisor.client.post('/api/gestures/requests', hamper(caseId, 6000));
      expect(requested.status).toBe(201);
      const supervisor = await signInAs(hub().url, 'supervisor.mcr');
      const approved = await supervisor.client.post(`/api/gestures/requests/${requested.body.request.id}/approve`, { reason: 'Fair for a spoilt delivery' });
      expect(approved.status).toBe(200);
      fixture = {
        customerName: requested.body.request.customerName,
        caseReference: requested.body.request.caseReference,
        requestId: requested.body.request.id,
        startedAt,
      };
      return fixture;
    };

    it('says an approval as a sentence and finds it by the customer’s name', async () => {
      const { customerName, caseReference, requestId } = await approvedHamper();
      const head = await signInAs(hub().url, 'head.mcr');
      const found = await head.client.get(`/api/audit?q=${encodeURIComponent(customerName.toUpperCase())}`);
      expect(found.status).toBe(200);
      const approval = found.body.entries.find((e: { action: string }) => e.action === 'gesture.approved');
      expect(approval).toMatchObject({
        entityId: requestId,
        actorName: 'Priya Shah',
        siteName: 'Manchester',
        customerName,
        caseReference,
        sentence: `Priya Shah approved a £60 hamper of local produce for ${customerName} (${caseReference}): “Fair for a spoilt delivery”`,
      });
      expect(found.body.entries.every((e: { customerName: string }) => e.customerName === customerName)).toBe(true);
      // Every word must match: a name that is not there finds nothing.
      expect((await head.client.get(`/api/audit?q=${encodeURIComponent(`${customerName} zzqx`)}`)).body.entries).toEqual([]);
      // A LIKE wildcard typed by the admin is a character, not "anything".
      expect((await head.client.get('/api/audit?q=%25%25')).body.entries).toEqual([]);
    });

    it('filters by person, kind, site and dates, each narrowing what the others found', async () => {
      const { startedAt, requestId } = await approvedHamper();
      await signInAs(hub().url, 'advisor1.lds');
      const head = await signInAs(hub().url, 'head.mcr');
      const byPriya = (await head.client.get('/api/audit?personId=usr_supervisor_mcr&entity=gesture_request')).body.entries;
      expect(byPriya.map((e: { action: string; entityId: string }) => [e.action, e.entityId])).toEqual([['gesture.approved', requestId]]);
      const leeds = (await head.client.get('/api/audit?siteId=site_lds&limit=500')).body.entries as { siteId: string }[];
      expect(leeds.length).toBeGreaterThan(0);
      expect(leeds.every((e) => e.siteId === 'site_lds')).toBe(true);
      const since = (await head.client.get(`/api/audit?from=${startedAt}&entity=gesture_request`)).body.entries;
      expect(since.map((e: { action: string }) => e.action)).toEqual(['gesture.approved', 'gesture.requested']);
      expect((await head.client.get(`/api/audit?to=${startedAt}&entity=gesture_request`)).body.entries).toEqual([]);
      const bad = await head.client.get('/api/audit?from=yesterday');
      expect(bad.status).toBe(400);
      expect(bad.body.error.problems[0].path).toBe('from');
    });

    it('gives a site admin their own site’s entries only, whatever site they ask for', async () => {
      const { customerName } = await approvedHamper();
      const leedsAdmin = await signInAs(hub().url, 'admin.lds');
      const own = (await leedsAdmin.client.get('/api/audit?siteId=site_mcr&limit=500')).body.entries as { siteId: string }[];
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((e) => e.siteId === 'site_lds')).toBe(true);
      expect((await leedsAdmin.client.get(`/api/audit?q=${encodeURIComponent(customerName)}`)).body.entries).toEqual([]);
      const csv = await leedsAdmin.client.get(`/api/audit/export?q=${encodeURIComponent(customerName)}`);
      expect(csv.body).toBe('When (UK time),Who,Role,Site,What happened,Customer,Case,Kind,Action\r\n');
    });

    it('exports the same entries as CSV with people and sites by name and UK dates', async () => {
      const { customerName, caseReference } = await approvedHamper();
      const head = await signInAs(hub().url, 'head.mcr');
      const res = await head.client.get(`/api/audit/export?q=${encodeURIComponent(customerName)}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = (res.body as string).trim().split('\r\n');
      expect(lines[0]).toBe('When (UK time),Who,Role,Site,What happened,Customer,Case,Kind,Action');
      const approved = lines.find((l) => l.endsWith(',gesture.approved'))!;
      expect(approved).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2},Priya Shah,supervisor,Manchester,/);
      expect(approved).toContain(`,${customerName},${caseReference},gesture request,gesture.approved`);
      expect(res.body).not.toMatch(/usr_|site_mcr/);
    });
  });
}
