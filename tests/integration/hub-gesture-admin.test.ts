import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { budgetOf, customerPool, donation, flowers, hamper, openCase } from '../support/gestures';
import { listen } from '../support/live';

type Session = Awaited<ReturnType<typeof signInAs>>;

const newItem = {
  id: 'garden-centre-voucher',
  name: 'Garden centre voucher',
  description: 'A voucher for a local garden centre.',
  kind: 'voucher',
  minPence: 1000,
  maxPence: 2000,
  tone: 'neutral',
  bereavementSuitable: false,
  fields: [{ key: 'recipientName', label: 'Recipient’s name', kind: 'text', required: true }],
  templates: ['Dear {recipientName}, with our apologies.'],
  fulfilment: 'partner_gift_supplier',
  lines: ['food'],
  sites: [],
  tags: ['garden', 'plants'],
};

for (const backend of backends()) {
  describe(`gesture administration, fulfilment and follow-ups on ${backend.name}`, () => {
    let hub: Hub;
    let pool: Awaited<ReturnType<typeof customerPool>>;
    let advisor: Session;
    let supervisor: Session;
    let admin: Session;

    beforeAll(async () => {
      hub = await testHub(backend);
      pool = await customerPool(hub.context.db);
      [advisor, supervisor, admin] = await Promise.all(['advisor3.gla', 'supervisor.gla', 'admin.mcr'].map((u) => signInAs(hub.url, u))) as [
        Session,
        Session,
        Session,
      ];
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    it('lets an admin add, edit and retire an item; a retired item stays on past requests', async () => {
      const live = await listen(hub.url, advisor.token);
      const made = await admin.client.post('/api/catalogue/items', newItem);
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      await live.next('catalogue.changed');
      expect((await admin.client.post('/api/catalogue/items', newItem)).status).toBe(409);
      const celebratoryButSuitable = await admin.client.post('/api/catalogue/items', { ...newItem, id: 'party-box', tone: 'celebratory', bereavementSuitable: true });
      expect(celebratoryButSuitable.status).toBe(400);
      expect((await advisor.client.post('/api/catalogue/items', newItem)).status).toBe(403);

      const caseId = await openCase(advisor.client, pool.next());
      const req = await advisor.client.post('/api/gestures/requests', {
        ...flowers(caseId, 1500), itemId: newItem.id, personalisation: { recipientName: 'Alex Reid' }, message: '', templateIndex: 0,
      });
      expect(req.status, JSON.stringify(req.body)).toBe(201);
      expect(req.body.request.message).toBe('Dear Alex Reid, with our apologies.');

      const edited = await admin.client.put(`/api/catalogue/items/${newItem.id}`, { ...newItem, id: 'ignored', name: 'Garden centre gift card' });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      expect(edited.body.item).toMatchObject({ id: newItem.id, name: 'Garden centre gift card', retired: false });
      const retired = await admin.client.post(`/api/catalogue/items/${newItem.id}/retire`);
      expect(retired.body.item.retired).toBe(true);
      const stillRetired = await admin.client.put(`/api/catalogue/items/${newItem.id}`, { ...newItem, description: 'Typo fixed.' });
      expect(stillRetired.body.item.retired).toBe(true);

      const past = await advisor.client.get(`/api/gestures/requests/${req.body.request.id}`);
      expect(past.body.request).toMatchObject({ itemId: newItem.id, itemName: 'Garden centre voucher', kind: 'voucher' });
      const seen = await advisor.client.get('/api/catalogue');
      expect(seen.body.items.map((i: { id: string }) => i.id)).not.toContain(newItem.id);
      const again = await advisor.client.post('/api/gestures/requests', { ...flowers(caseId, 1500), itemId: newItem.id, personalisation: { recipientName: 'Alex' } });
      expect(again.status).toBe(422);
      expect(again.body.error.code).toBe('item_retired');
      live.close();
    });

    it('lets an admin set limits and caps, and budgets never below what is already spent', async () => {
      const before = (await advisor.client.get('/api/gestures/settings')).body.settings;
      expect(before).toMatchObject({ limits: { advisorPence: 2500, supervisorPence: 15000 }, customerCapPence: 10000 });
      expect((await supervisor.client.put('/api/gestures/settings', { customerCapPence: 1 })).status).toBe(403);
      const bad = await admin.client.put('/api/gestures/settings', { limits: { advisorPence: 20000, supervisorPence: 15000 } });
      expect(bad.status).toBe(400);
      const raised = await admin.client.put('/api/gestures/settings', { limits: { advisorPence: 3000, supervisorPence: 15000 } });
      expect(raised.body.settings.limits.advisorPence).toBe(3000);
      const atThirty = await advisor.client.post('/api/gestures/requests', hamper(await openCase(advisor.client, pool.next()), 3000));
      expect(atThirty.body.request.status).toBe('approved');
      await admin.client.put('/api/gestures/settings', { limits: before.limits });

      const budget = await budgetOf(admin.client, 'site_gla');
      expect(budget.budgetPence).toBe(150000);
      expect((await budgetOf(admin.client, 'site_mcr')).budgetPence).toBe(200000);
      const tooLow = await admin.client.put(`/api/gestures/budgets/site_gla/${budget.month}`, { budgetPence: budget.committedPence - 1 });
      expect(tooLow.status).toBe(409);
      const set = await admin.client.put(`/api/gestures/budgets/site_gla/${budget.month}`, { budgetPence: 160000 });
      expect(set.body.budget).toMatchObject({ budgetPence: 160000, siteKind: 'partner' });
      expect((await admin.client.put('/api/gestures/budgets/site_gla/2026-13', { budgetPence: 1 })).status).toBe(400);
      const audit = await admin.client.get('/api/audit?entity=budget');
      expect(audit.body.entries[0]).toMatchObject({ action: 'budget.set', entityId: `site_gla:${budget.month}` });
    });

    it('tracks fulfilment in order and tells the advisor; donations are confirmed, not delivered', async () => {
      const mine = await listen(hub.url, advisor.token);
      const gift = await advisor.client.post('/api/gestures/requests', flowers(await openCase(advisor.client, pool.next()), 2000));
      const id = gift.body.request.id as string;
      expect((await supervisor.client.post(`/api/gestures/requests/${id}/fulfilment`, { status: 'delivered' })).status).toBe(409);
      expect((await supervisor.client.post(`/api/gestures/requests/${id}/fulfilment`, { status: 'ordered' })).body.request.fulfilmentStatus).toBe('ordered');
      expect((await mine.next('gesture.fulfilment')).data).toMatchObject({ requestId: id, fulfilmentStatus: 'ordered' });
      expect((await supervisor.client.post(`/api/gestures/requests/${id}/fulfilment`, { status: 'donation_confirmed' })).status).toBe(409);
      expect((await admin.client.post(`/api/gestures/requests/${id}/fulfilment`, { status: 'delivered' })).body.request.fulfilmentStatus).toBe('delivered');

      const gift2 = await advisor.client.post('/api/gestures/requests', donation(await openCase(advisor.client, pool.next()), 2000));
      const id2 = gift2.body.request.id as string;
      await supervisor.client.post(`/api/gestures/requests/${id2}/fulfilment`, { status: 'ordered' });
      const confirmed = await supervisor.client.post(`/api/gestures/requests/${id2}/fulfilment`, { status: 'donation_confirmed', note: 'Receipt from the hospice' });
      expect(confirmed.body.request.fulfilmentStatus).toBe('donation_confirmed');

      const pending = await advisor.client.post('/api/gestures/requests', hamper(await openCase(advisor.client, pool.next()), 4000));
      expect((await supervisor.client.post(`/api/gestures/requests/${pending.body.request.id}/fulfilment`, { status: 'ordered' })).status).toBe(409);
      mine.close();
    });

    it('gives the advisor follow-ups to check the customer was happy, and only they can close them', async () => {
      const open = await advisor.client.get('/api/gestures/follow-ups');
      expect(open.body.followUps.length).toBeGreaterThanOrEqual(3);
      const first = open.body.followUps[0];
      expect(first.dueAt).toBeGreaterThan(Date.now());
      const other = await signInAs(hub.url, 'advisor1.gla');
      expect((await other.client.post(`/api/gestures/follow-ups/${first.id}/done`, { outcome: 'Happy' })).status).toBe(403);
      expect((await advisor.client.post(`/api/gestures/follow-ups/${first.id}/done`, {})).status).toBe(400);
      const done = await advisor.client.post(`/api/gestures/follow-ups/${first.id}/done`, { outcome: 'Customer loved the flowers.' });
      expect(done.status).toBe(200);
      expect(done.body.followUps.map((f: { id: string }) => f.id)).not.toContain(first.id);
      expect((await advisor.client.post(`/api/gestures/follow-ups/${first.id}/done`, { outcome: 'Again' })).status).toBe(409);
      const closed = await advisor.client.get('/api/gestures/follow-ups?state=done');
      expect(closed.body.followUps[0]).toMatchObject({ id: first.id, outcome: 'Customer loved the flowers.' });
    });

    it('ranks suggestions for the case by fit: a child mentioned, what went wrong; the advisor’s limit only breaks ties', async () => {
      const customer = pool.next();
      const caseId = await openCase(advisor.client, customer, 'food', 'Foreign body found in a ready meal');
      await advisor.client.post(`/api/cases/${caseId}/notes`, { body: 'Her son, aged 6, was upset by it. He loves dressing up as a pirate.' });
      const res = await advisor.client.get(`/api/cases/${caseId}/gesture-suggestions`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ sensitive: false, childMentioned: true, advisorLimitPence: 2500, customerCap: { leftPence: 10000 } });
      const list = res.body.suggestions as { itemId: string; withinAdvisorLimit: boolean; why: string[]; suggestedAmountPence: number }[];
      expect(list[0]!.itemId).toBe('dressing-up-box-child');
      expect(list[0]!.why).toContain('A child is mentioned on the case');
      expect(list[0]!.suggestedAmountPence).toBe(2500);
      const scores = (list as unknown as { score: number }[]).map((s) => s.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(list.every((s) => s.withinAdvisorLimit === s.suggestedAmountPence <= 2500)).toBe(true);
      expect(list.some((s) => s.itemId === 'unbranded-condolence-card' && s.why.length > 0)).toBe(false);
    });

    it('a case that says someone has died offers only bereavement-suitable items before the bereavement is recorded', async () => {
      const customer = pool.next();
      const caseId = await openCase(advisor.client, customer, 'membership', 'Member has died: closing the account');
      const res = await advisor.client.get(`/api/cases/${caseId}/gesture-suggestions`);
      expect(res.body).toMatchObject({ sensitive: true, deathOnCase: true, suppress: { marketing: true } });
      const ids = (res.body.suggestions as { itemId: string; tone: string }[]).map((s) => s.itemId);
      expect(ids).not.toContain('baby-welcome-box');
      expect((res.body.suggestions as { tone: string }[]).every((s) => s.tone !== 'celebratory')).toBe(true);
      const baby = await advisor.client.post('/api/gestures/requests', flowers(caseId, 2000, {
        itemId: 'baby-welcome-box',
        personalisation: { recipientName: 'Sam Jones', deliveryAddress: '1 High Street, Leeds', babyName: 'Ada' },
        message: 'Congratulations on the new arrival',
      }));
      expect(baby.status, JSON.stringify(baby.body)).toBe(422);
      expect(baby.body.error.message).toMatch(/bereave|suitable/i);
    });

    it('a wrap-up code that an admin marked as meaning a death makes the case bereavement-only, whatever its words', async () => {
      const codes = (await advisor.client.get('/api/wrapup-codes')).body.codes as { id: string; meansDeath: boolean; line: string; label: string }[];
      const kept = codes.filter((c) => c.line === 'membership').map((c) => ({ id: c.id, label: c.label, meansDeath: c.meansDeath }));
      const put = await admin.client.put('/api/wrapup-codes/membership', { codes: [...kept, { label: 'Account closed for a relative', meansDeath: true }] });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      const after = (await advisor.client.get('/api/wrapup-codes')).body.codes as { id: string; label: string }[];
      const code = after.find((c) => c.label === 'Account closed for a relative')!;
      const caseId = await openCase(advisor.client, pool.next(), 'membership', 'Closing the account');
      expect((await advisor.client.get(`/api/cases/${caseId}/gesture-suggestions`)).body).toMatchObject({ deathOnCase: false });
      expect((await advisor.client.patch(`/api/cases/${caseId}`, { wrapupCode: code.id })).status).toBe(200);
      const res = await advisor.client.get(`/api/cases/${caseId}/gesture-suggestions`);
      expect(res.body).toMatchObject({ sensitive: true, deathOnCase: true });
      expect((res.body.suggestions as { tone: string }[]).every((s) => s.tone !== 'celebratory')).toBe(true);
    });
  });
}
