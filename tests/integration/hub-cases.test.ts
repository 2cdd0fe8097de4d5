import { describe, expect, it } from 'vitest';
import { backends } from '../support/backends';
import { hubPerSuite } from '../support/hub-per-suite';
import { signInAs } from '../support/client';

for (const backend of backends()) {
  describe(`customers and cases on ${backend.name}`, () => {
    const hub = hubPerSuite(backend);

    it('finds a customer by a national, spaced or international phone number', async () => {
      const { client } = await signInAs(hub().url, 'advisor1.gla');
      const any = await hub().context.db.get<{ id: string; phone: string }>("SELECT id, phone FROM customers WHERE phone LIKE '+447700900%' LIMIT 1");
      const national = '0' + any!.phone.slice(3);
      for (const q of [national, `${national.slice(0, 5)} ${national.slice(5)}`, any!.phone, '0044' + any!.phone.slice(3)]) {
        const res = await client.get(`/api/customers?q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
        expect(res.body.customers.map((c: { id: string }) => c.id)).toContain(any!.id);
      }
      const card = await client.get(`/api/customers/${any!.id}`);
      expect(card.body.customer.phone).toBe(any!.phone);
      expect(card.body.customer.flags).toHaveProperty('bereaved');
    });

    it('opens a case, masks a card number and security code in notes before storing, and lists it as mine', async () => {
      const { client } = await signInAs(hub().url, 'advisor2.lds');
      const opened = await client.post('/api/cases', { customerId: 'cus_000001', channel: 'phone', line: 'food', subject: 'Refund for a damaged delivery' });
      expect(opened.status).toBe(201);
      expect(opened.body.case.reference).toMatch(/^RP-\d+$/);
      const note = await client.post(`/api/cases/${opened.body.case.id}/notes`, {
        body: 'Customer read out card 4111 1111 1111 1111 and CVV 123 before I could stop them.',
      });
      expect(note.status).toBe(201);
      const stored = await hub().context.db.get<{ body: string }>('SELECT body FROM case_notes WHERE case_id = ?', [opened.body.case.id]);
      expect(stored!.body).toContain('411111••••••1111');
      expect(stored!.body).not.toContain('4111 1111 1111 1111');
      expect(stored!.body).toContain('CVV •••');
      const mine = await client.get('/api/cases?scope=mine');
      expect(mine.body.cases[0].id).toBe(opened.body.case.id);
    });

    it('closes a case only with a wrap-up code of its own line', async () => {
      const { client } = await signInAs(hub().url, 'advisor1.mcr');
      const opened = await client.post('/api/cases', { channel: 'phone', line: 'funeralcare', subject: 'First call' });
      const wrong = await client.patch(`/api/cases/${opened.body.case.id}`, { status: 'closed', wrapupCode: 'food-refund' });
      expect(wrong.status).toBe(400);
      const right = await client.patch(`/api/cases/${opened.body.case.id}`, { status: 'closed', wrapupCode: 'fc-first-call' });
      expect(right.status).toBe(200);
      expect(right.body.case.closedAt).toBeGreaterThan(0);
    });
  });
}

for (const backend of backends()) {
  describe(`knowledge feedback on ${backend.name}`, () => {
    const hub = hubPerSuite(backend);

    it('takes "helpful" and "flag for fix" from an advisor and shows flags to admins only', async () => {
      const advisor = await signInAs(hub().url, 'advisor3.lds');
      expect((await advisor.client.post('/api/knowledge/articles/mouldy-bread/feedback', { kind: 'helpful' })).status).toBe(201);
      const noComment = await advisor.client.post('/api/knowledge/articles/mouldy-bread/feedback', { kind: 'flag' });
      expect(noComment.status).toBe(400);
      const flag = await advisor.client.post('/api/knowledge/articles/mouldy-bread/feedback', {
        kind: 'flag',
        comment: 'The refund limit changed to £10 last month; customer paid with 4111 1111 1111 1111',
      });
      expect(flag.status).toBe(201);
      const hidden = await advisor.client.post('/api/knowledge/articles/managing-team-goodwill-budget/feedback', { kind: 'helpful' });
      expect(hidden.status).toBe(404); // a supervisor-only article is not the advisor's to rate
      const admin = await signInAs(hub().url, 'head.mcr');
      const list = await admin.client.get('/api/knowledge/feedback');
      expect(list.status).toBe(200);
      const mine = list.body.feedback.find((f: { id: string }) => f.id === flag.body.id);
      expect(mine).toMatchObject({ kind: 'flag', articleId: 'mouldy-bread', userName: 'Faye Robinson', siteName: 'Leeds (Northpoint Contact)' });
      expect(mine.comment).toContain('411111••••••1111');
      expect((await admin.client.post(`/api/knowledge/feedback/${flag.body.id}/resolve`)).status).toBe(204);
      expect((await advisor.client.get('/api/knowledge/feedback')).status).toBe(403);
    });
  });
}
