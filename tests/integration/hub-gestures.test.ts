import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { budgetOf, customerPool, donation, flowers, hamper, newKey, openCase } from '../support/gestures';
import { listen } from '../support/live';

type Session = Awaited<ReturnType<typeof signInAs>>;

for (const backend of backends()) {
  describe(`gestures of goodwill on ${backend.name}`, () => {
    let hub: Hub;
    let pool: Awaited<ReturnType<typeof customerPool>>;
    let advisor: Session;
    let advisor2: Session;
    let supervisor: Session;
    let otherSiteSupervisor: Session;
    let head: Session;
    const auditActions = async (requestId: string) => {
      const res = await head.client.get('/api/audit?entity=gesture_request&limit=500');
      return (res.body.entries as { action: string; entityId: string }[]).filter((e) => e.entityId === requestId).map((e) => e.action);
    };

    beforeAll(async () => {
      hub = await testHub(backend);
      pool = await customerPool(hub.context.db);
      [advisor, advisor2, supervisor, otherSiteSupervisor, head] = await Promise.all(
        ['advisor1.mcr', 'advisor2.mcr', 'supervisor.mcr', 'supervisor.lds', 'admin.mcr'].map((u) => signInAs(hub.url, u)),
      ) as [Session, Session, Session, Session, Session];
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    it('approves a request within the advisor limit at once, on the case and in the customer’s history, with a follow-up', async () => {
      const customer = pool.next();
      const caseId = await openCase(advisor.client, customer);
      const before = await budgetOf(supervisor.client, 'site_mcr');
      const res = await advisor.client.post('/api/gestures/requests', flowers(caseId, 2000));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.request).toMatchObject({ status: 'approved', approverLevel: 'advisor', amountPence: 2000, fulfilmentStatus: 'approved' });
      expect(res.body.budget.committedPence).toBe(before.committedPence + 2000);
      const onCase = await advisor.client.get(`/api/cases/${caseId}`);
      expect(onCase.body.notes.map((n: { body: string }) => n.body).join('\n')).toMatch(/Gesture of goodwill requested: Bunch of seasonal flowers, £20\.00\. Reason: The delivery arrived two days late and the frozen food had thawed\. Approved at once/);
      const history = await advisor2.client.get(`/api/customers/${customer}/gestures`);
      expect(history.body).toMatchObject({ usedPence: 2000, capPence: 10000, leftPence: 8000 });
      const followUps = await advisor.client.get('/api/gestures/follow-ups');
      expect(followUps.body.followUps.map((f: { requestId: string }) => f.requestId)).toContain(res.body.request.id);
      expect(await auditActions(res.body.request.id)).toEqual(expect.arrayContaining(['gesture.requested', 'gesture.approved']));
    });

    it('over the limit waits, reserves, reaches the site’s approvers live, and commits when a supervisor approves', async () => {
      const caseId = await openCase(advisor.client, pool.next());
      const supLive = await listen(hub.url, supervisor.token);
      const elsewhere = await listen(hub.url, otherSiteSupervisor.token);
      const mine = await listen(hub.url, advisor.token);
      const before = await budgetOf(supervisor.client, 'site_mcr');
      const res = await advisor.client.post('/api/gestures/requests', hamper(caseId, 5000));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.request).toMatchObject({ status: 'pending', approverLevel: 'supervisor', fulfilmentStatus: null });
      expect(res.body.request.message).toContain('Jo Bloggs');
      expect(await budgetOf(supervisor.client, 'site_mcr')).toMatchObject({ reservedPence: before.reservedPence + 5000, committedPence: before.committedPence });
      const heard = await supLive.next('gesture.requested');
      expect(heard.data).toMatchObject({ requestId: res.body.request.id, amountPence: 5000, approverLevel: 'supervisor' });

      const inbox = await supervisor.client.get('/api/gestures/approvals');
      const entry = inbox.body.approvals.find((a: { request: { id: string } }) => a.request.id === res.body.request.id);
      expect(entry).toMatchObject({ canDecide: true, case: { id: caseId }, history: { usedPence: 5000 } });
      expect(entry.budget.leftPence).toBeGreaterThan(0);

      const approved = await supervisor.client.post(`/api/gestures/requests/${res.body.request.id}/approve`, { reason: 'A fair gesture for a ruined order.' });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body.request).toMatchObject({ status: 'approved', decidedBy: supervisor.user.id, fulfilmentStatus: 'approved' });
      expect(await budgetOf(supervisor.client, 'site_mcr')).toMatchObject({ reservedPence: before.reservedPence, committedPence: before.committedPence + 5000 });
      const decided = await mine.next('gesture.decided');
      expect(decided.data).toMatchObject({ requestId: res.body.request.id, status: 'approved' });
      await supLive.next('gesture.resolved');
      expect(elsewhere.events.map((e) => e.name)).not.toContain('gesture.requested');
      expect((await supervisor.client.post(`/api/gestures/requests/${res.body.request.id}/approve`, {})).status).toBe(409);
      expect(await auditActions(res.body.request.id)).toEqual(expect.arrayContaining(['gesture.requested', 'gesture.approved']));
      for (const l of [supLive, elsewhere, mine]) l.close();
    });

    it('nobody approves their own request; a supervisor’s own goes to another supervisor or a head of service', async () => {
      const mine = await supervisor.client.post('/api/gestures/requests', hamper(await openCase(supervisor.client, pool.next()), 4000));
      expect(mine.body.request.status).toBe('pending');
      const self = await supervisor.client.post(`/api/gestures/requests/${mine.body.request.id}/approve`, {});
      expect(self.status).toBe(403);
      expect(self.body.error.code).toBe('own_request');
      const foreign = await otherSiteSupervisor.client.post(`/api/gestures/requests/${mine.body.request.id}/approve`, {});
      expect(foreign.status).toBe(403);
      const made = await head.client.post('/api/users', {
        username: 'supervisor2.mcr', displayName: 'Second Supervisor', role: 'supervisor', siteId: 'site_mcr', password: 'a-long-test-password',
      });
      expect(made.status).toBe(201);
      const second = await signInAs(hub.url, 'supervisor2.mcr', 'a-long-test-password');
      const inbox = await supervisor.client.get('/api/gestures/approvals');
      const own = inbox.body.approvals.find((a: { request: { id: string } }) => a.request.id === mine.body.request.id);
      expect(own).toMatchObject({ canDecide: false });
      expect(own.why).toMatch(/own request/);
      const ok = await second.client.post(`/api/gestures/requests/${mine.body.request.id}/approve`, { reason: 'Agreed.' });
      expect(ok.status).toBe(200);
      expect(ok.body.request.decidedBy).toBe(second.user.id);

      // An advisor's own request cannot be approved by the advisor, whose role cannot approve at all.
      const adv = await advisor.client.post('/api/gestures/requests', hamper(await openCase(advisor.client, pool.next()), 3500));
      expect((await advisor.client.post(`/api/gestures/requests/${adv.body.request.id}/approve`, {})).status).toBe(403);
      const headOwn = await head.client.post(`/api/gestures/requests/${adv.body.request.id}/approve`, {});
      expect(headOwn.status).toBe(200);
    });

    it('above a supervisor’s limit only a head of service decides', async () => {
      await head.client.put('/api/gestures/settings', { customerCapPence: 50000 });
      const farHead = await signInAs(hub.url, 'head.mcr');
      const farLive = await listen(hub.url, farHead.token);
      try {
        const caseId = await openCase(advisor.client, pool.next(), 'membership', 'Member has died: closing the account');
        const req = await advisor.client.post('/api/gestures/requests', donation(caseId, 20000, {
          itemId: 'memorial-bench-plaque-contribution',
          personalisation: { recipientName: 'Sam Taylor', plaqueWording: 'In loving memory', benchLocation: 'Heaton Park' },
          message: 'We hope this gives the family a quiet place to remember.',
        }));
        expect(req.status, JSON.stringify(req.body)).toBe(201);
        expect(req.body.request.approverLevel).toBe('head');
        const sup = await supervisor.client.post(`/api/gestures/requests/${req.body.request.id}/approve`, {});
        expect(sup.status).toBe(403);
        expect(sup.body.error.code).toBe('above_limit');
        // Every head of service hears of it, wherever they are based.
        expect((await farLive.next('gesture.requested')).data).toMatchObject({ requestId: req.body.request.id, approverLevel: 'head' });
        expect((await head.client.post(`/api/gestures/requests/${req.body.request.id}/approve`, {})).status).toBe(200);
      } finally {
        farLive.close();
        await head.client.put('/api/gestures/settings', { customerCapPence: 10000 });
      }
    });

    it('rejection, withdrawal and expiry each release the reservation, and each is audited', async () => {
      const start = await budgetOf(supervisor.client, 'site_mcr');
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await advisor.client.post('/api/gestures/requests', hamper(await openCase(advisor.client, pool.next()), 4000 + i * 100));
        expect(r.status).toBe(201);
        ids.push(r.body.request.id);
      }
      const [toReject, toWithdraw, toExpire] = ids as [string, string, string];
      expect((await budgetOf(supervisor.client, 'site_mcr')).reservedPence).toBe(start.reservedPence + 12300);

      const noReason = await supervisor.client.post(`/api/gestures/requests/${toReject}/reject`, {});
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.problems[0].path).toBe('reason');
      const rejected = await supervisor.client.post(`/api/gestures/requests/${toReject}/reject`, { reason: 'An apology card fits this better.' });
      expect(rejected.body.request).toMatchObject({ status: 'rejected', decisionReason: 'An apology card fits this better.' });

      expect((await advisor2.client.post(`/api/gestures/requests/${toWithdraw}/withdraw`, {})).status).toBe(403);
      const withdrawn = await advisor.client.post(`/api/gestures/requests/${toWithdraw}/withdraw`, { reason: 'Customer would rather have a refund.' });
      expect(withdrawn.body.request.status).toBe('withdrawn');

      await hub.context.db.run('UPDATE gesture_requests SET expires_at = ? WHERE id = ?', [Date.now() - 1000, toExpire]);
      await supervisor.client.get('/api/gestures/approvals');
      expect((await advisor.client.get(`/api/gestures/requests/${toExpire}`)).body.request.status).toBe('expired');
      expect((await budgetOf(supervisor.client, 'site_mcr')).reservedPence).toBe(start.reservedPence);
      expect((await supervisor.client.post(`/api/gestures/requests/${toExpire}/approve`, {})).status).toBe(409);

      expect(await auditActions(toReject)).toContain('gesture.rejected');
      expect(await auditActions(toWithdraw)).toContain('gesture.withdrawn');
      expect(await auditActions(toExpire)).toContain('gesture.expired');
    });

    it('a sensitive case refuses a celebratory or unsuitable item with a clear 422, whatever the client says', async () => {
      const bereaved = pool.next('bereaved');
      const caseId = await openCase(advisor.client, bereaved, 'food', 'Birthday cake order went wrong');
      const cake = await advisor.client.post('/api/gestures/requests', {
        ...flowers(caseId, 2000), itemId: 'dressing-up-box-child', sensitive: false, bereavementSuitable: true,
        personalisation: { recipientName: 'Jo', deliveryAddress: '1 High Street', childAge: '6', childInterests: 'pirates' },
      });
      expect(cake.status).toBe(422);
      expect(cake.body.error.code).toBe('unsuitable_item');
      expect(cake.body.error.message).toMatch(/celebratory item is never sent to a bereaved customer/);

      const funeral = await openCase(advisor.client, pool.next(), 'funeralcare', 'Flowers for the service');
      const plainFlowers = await advisor.client.post('/api/gestures/requests', flowers(funeral, 2000));
      expect(plainFlowers.status).toBe(422);
      expect(plainFlowers.body.error.message).toMatch(/not marked as suitable/);

      const toDeceased = await advisor.client.post('/api/gestures/requests', donation(funeral, 2000, {
        personalisation: { recipientName: 'Margaret Taylor', charityName: 'Hospice', inMemoryOf: 'Margaret Taylor' },
      }));
      expect(toDeceased.status).toBe(422);
      expect(toDeceased.body.error.problems.map((p: { path: string }) => p.path)).toContain('personalisation.recipientName');

      const ok = await advisor.client.post('/api/gestures/requests', donation(funeral, 2000));
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      expect(ok.body.request.sensitive).toBe(true);

      const suggestions = await advisor.client.get(`/api/cases/${caseId}/gesture-suggestions`);
      expect(suggestions.body).toMatchObject({ sensitive: true, suppress: { marketing: true, surveys: true } });
      expect(suggestions.body.suggestions.length).toBeGreaterThan(0);
      expect(suggestions.body.suggestions.every((s: { tone: string }) => s.tone !== 'celebratory')).toBe(true);
      expect(await head.client.get('/api/audit?entity=gesture_request&limit=50').then((r) => r.body.entries.map((e: { action: string }) => e.action))).toContain('gesture.refused');
    });

    it('requires a reason', async () => {
      const caseId = await openCase(advisor.client, pool.next());
      const { reason: _r, reasonCode: _c, ...bare } = flowers(caseId);
      const res = await advisor.client.post('/api/gestures/requests', bare);
      expect(res.status).toBe(400);
      expect(res.body.error.problems.map((p: { path: string }) => p.path)).toEqual(expect.arrayContaining(['reason', 'reasonCode']));
      expect((await advisor.client.post('/api/gestures/requests', { ...flowers(caseId), reason: '  ' })).status).toBe(400);
    });

    it('accepts an idempotency key once, even when the same send arrives several times at once', async () => {
      const caseId = await openCase(advisor.client, pool.next());
      const body = hamper(caseId, 3000);
      const replies = await Promise.all(Array.from({ length: 6 }, () => advisor.client.post('/api/gestures/requests', body)));
      expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(replies.map((r) => r.body.request.id)).size).toBe(1);
      expect(replies.filter((r) => r.body.replayed)).toHaveLength(5);
      const rows = await hub.context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM gesture_requests WHERE idempotency_key = ?', [body.idempotencyKey]);
      expect(Number(rows!.n)).toBe(1);
      const reused = await advisor.client.post('/api/gestures/requests', { ...body, amountPence: 3100 });
      expect(reused.status).toBe(409);
      expect(reused.body.error.code).toBe('idempotency_key_reused');
      // Another person may happen to mint the same key: keys are per requester.
      expect((await advisor2.client.post('/api/gestures/requests', hamper(await openCase(advisor2.client, pool.next()), 3000, { idempotencyKey: body.idempotencyKey }))).status).toBe(201);
    });

    it('never edits a sent request: withdraw and ask again', async () => {
      const caseId = await openCase(advisor.client, pool.next());
      const sent = await advisor.client.post('/api/gestures/requests', hamper(caseId, 3000));
      const id = sent.body.request.id as string;
      expect((await advisor.client.patch(`/api/gestures/requests/${id}`, { amountPence: 7000 })).status).toBe(405);
      expect((await advisor.client.put(`/api/gestures/requests/${id}`, { amountPence: 7000 })).status).toBe(405);
      expect((await advisor.client.get(`/api/gestures/requests/${id}`)).body.request.amountPence).toBe(3000);
      await advisor.client.post(`/api/gestures/requests/${id}/withdraw`, {});
      const again = await advisor.client.post('/api/gestures/requests', hamper(caseId, 3500));
      expect(again.status).toBe(201);
      expect(again.body.request.id).not.toBe(id);
    });

    it('holds each customer to the 12-month cap across sites', async () => {
      const customer = pool.next();
      const lds = await signInAs(hub.url, 'advisor1.lds');
      const first = await advisor.client.post('/api/gestures/requests', hamper(await openCase(advisor.client, customer), 4500));
      const second = await lds.client.post('/api/gestures/requests', hamper(await openCase(lds.client, customer), 4500));
      expect([first.status, second.status]).toEqual([201, 201]);
      const third = await advisor.client.post('/api/gestures/requests', flowers(await openCase(advisor.client, customer), 1500));
      expect(third.status).toBe(409);
      expect(third.body.error.code).toBe('customer_cap_reached');
      expect(third.body.error.message).toMatch(/£100\.00.*£10\.00 is left/);
      await lds.client.post(`/api/gestures/requests/${second.body.request.id}/withdraw`, {});
      expect((await advisor.client.post('/api/gestures/requests', flowers(await openCase(advisor.client, customer), 1500))).status).toBe(201);
    });

    it('exports the budget report as CSV, in-house and partner sites side by side', async () => {
      const report = await supervisor.client.get('/api/gestures/report');
      expect(report.status).toBe(200);
      expect(report.body.report.sites.map((s: { siteKind: string }) => s.siteKind)).toEqual(['in_house', 'partner', 'partner']);
      expect(report.body.report.byReason.map((r: { key: string }) => r.key)).toContain('delivery_problem');
      const csv = await supervisor.client.get('/api/gestures/report.csv');
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = String(csv.body).trim().split(/\r\n/);
      expect(lines[0]).toMatch(/^site,site_kind,partner,from,to,budget_pence,committed_pence/);
      expect(lines).toHaveLength(4);
      const mcr = report.body.report.sites.find((s: { siteId: string }) => s.siteId === 'site_mcr');
      expect(lines[1]).toContain(`,${mcr.committedPence},`);
      const perRequest = await head.client.get('/api/gestures/report.csv?by=request');
      expect(String(perRequest.body).split(/\r\n/)[0]).toMatch(/^request_id,created_at,month,site/);
      expect((await advisor.client.get('/api/gestures/report.csv')).status).toBe(403);
      expect(newKey()).not.toBe(newKey());
    });
  });
}
