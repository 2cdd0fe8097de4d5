import { describe, expect, it } from 'vitest';
import { backends } from '../support/backends';
import { hubPerSuite } from '../support/hub-per-suite';
import { signInAs } from '../support/client';
import { openCase } from '../support/gestures';

const ids = (res: { body: { customers: { id: string }[] } }) => res.body.customers.map((c) => c.id);

for (const backend of backends()) {
  describe(`customers: search, create, edit, flags and link on ${backend.name}`, () => {
    const hub = hubPerSuite(backend);

    it('finds a customer by name, postcode, membership number or case reference', async () => {
      const { client } = await signInAs(hub().url, 'advisor1.gla');
      const c = await hub().context.db.get<{ id: string; name: string; postcode: string; membership_number: string }>(
        'SELECT id, name, postcode, membership_number FROM customers WHERE membership_number IS NOT NULL AND postcode IS NOT NULL ORDER BY id LIMIT 1',
      );
      const ref = await hub().context.db.get<{ reference: string }>('SELECT reference FROM cases WHERE customer_id IS NOT NULL ORDER BY reference LIMIT 1');
      const refOwner = await hub().context.db.get<{ customer_id: string }>('SELECT customer_id FROM cases WHERE reference = ?', [ref!.reference]);
      expect(ids(await client.get(`/api/customers?q=${encodeURIComponent(c!.name.split(' ')[1]!)}`))).toContain(c!.id);
      expect(ids(await client.get(`/api/customers?q=${encodeURIComponent(c!.postcode.toLowerCase().replace(' ', ''))}`))).toContain(c!.id);
      expect(ids(await client.get(`/api/customers?q=${c!.membership_number}`))).toEqual([c!.id]);
      expect(ids(await client.get(`/api/customers?q=${ref!.reference.toLowerCase()}`))).toEqual([refOwner!.customer_id]);
      expect((await client.get('/api/customers?q=x')).status).toBe(400);
    });

    it('creates a customer from the caller’s number, links an unlinked case, and corrects details with an audit of what they were', async () => {
      const { client } = await signInAs(hub().url, 'advisor2.lds');
      const caseId = await openCase(client, null, 'food', 'Call from an unknown number');
      const bad = await client.post('/api/customers', { name: 'Jo', phone: 'not a phone' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.problems.map((p: { path: string }) => p.path)).toContain('phone');
      const created = await client.post('/api/customers', { name: 'Jo Pennington', phone: '07700 900 123', postcode: 'ls1 4ab', address: '4 Park Row, Leeds' });
      expect(created.status).toBe(201);
      expect(created.body.customer).toMatchObject({ name: 'Jo Pennington', phone: '+447700900123', postcode: 'LS1 4AB', address: '4 Park Row, Leeds' });
      const customerId = created.body.customer.id as string;

      const linked = await client.put(`/api/cases/${caseId}/customer`, { customerId });
      expect(linked.status).toBe(200);
      expect(linked.body.case).toMatchObject({ customerId, customerName: 'Jo Pennington' });
      const glasgow = await signInAs(hub().url, 'advisor1.gla');
      expect((await glasgow.client.put(`/api/cases/${caseId}/customer`, { customerId })).status).toBe(403);

      const edited = await client.patch(`/api/customers/${customerId}`, { email: 'jo@example.org', postcode: 'LS2 7HY' });
      expect(edited.status).toBe(200);
      expect(edited.body.customer).toMatchObject({ email: 'jo@example.org', postcode: 'LS2 7HY' });
      expect((await client.patch(`/api/customers/${customerId}`, {})).status).toBe(400);
      const audit = await hub().context.db.get<{ detail: string }>(
        "SELECT detail FROM audit_log WHERE action = 'customer.contact_updated' AND entity_id = ? ORDER BY id DESC LIMIT 1",
        [customerId],
      );
      expect(JSON.parse(audit!.detail)).toEqual({ fields: ['email', 'postcode'], before: { email: null, postcode: 'LS1 4AB' } });
    });

    it('records flags that follow the person, and a profile with the timeline from every site', async () => {
      const mcr = await signInAs(hub().url, 'advisor1.mcr');
      const lds = await signInAs(hub().url, 'advisor2.lds');
      const customer = (await mcr.client.post('/api/customers', { name: 'Ruth Ackroyd', phone: '07700 900 456' })).body.customer as { id: string };
      const mcrCase = await openCase(mcr.client, customer.id, 'funeralcare', 'Arranging a cremation service');
      await mcr.client.post(`/api/cases/${mcrCase}/notes`, { body: 'Ruth has a Tell Us Once reference.' });
      const ldsCase = await openCase(lds.client, customer.id, 'membership', 'Points missing from last shop');

      const vulnerable = await lds.client.put(`/api/customers/${customer.id}/vulnerability`, { vulnerable: true, needs: ['Needs more time', 'Prefers email'] });
      expect(vulnerable.body.customer).toMatchObject({ flags: { vulnerable: true }, vulnerabilityNeeds: ['Needs more time', 'Prefers email'] });
      expect((await lds.client.put(`/api/customers/${customer.id}/vulnerability`, { vulnerable: 'yes' })).status).toBe(400);

      expect((await lds.client.get(`/api/cases/${ldsCase}/gesture-suggestions`)).body.sensitive).toBe(false);
      expect((await mcr.client.post(`/api/customers/${customer.id}/bereavement`, { date: '2999-01-01' })).status).toBe(400);
      const flagged = await mcr.client.post(`/api/customers/${customer.id}/bereavement`, { service: 'tell_us_once', reference: 'TUO-4471', date: '2026-11-30' });
      expect(flagged.status).toBe(200);
      expect(flagged.body.customer).toMatchObject({
        flags: { bereaved: true, marketingSuppressed: true, surveysSuppressed: true },
        bereavementService: 'tell_us_once', bereavementRef: 'TUO-4471', bereavementDate: '2026-11-30',
      });
      // Tell us once: the Leeds case on the membership line is now bereavement-only.
      const leedsList = (await lds.client.get(`/api/cases/${ldsCase}/gesture-suggestions`)).body;
      expect(leedsList.sensitive).toBe(true);
      expect((leedsList.suggestions as { tone: string }[]).every((s) => s.tone !== 'celebratory')).toBe(true);
      expect((await lds.client.put(`/api/customers/${customer.id}/suppressions`, { marketing: false, surveys: true })).status).toBe(409);

      // The hub's call records from both sites: an answered call at Manchester, a missed one at Leeds; another caller's is not hers.
      const at = Date.now() - 60 * 60 * 1000;
      const call = { direction: 'in', queue: 'funeralcare', transferredTo: null };
      await mcr.client.post('/api/telephony/call-records', {
        ...call, callId: 'ruth-1', customerNumber: '+447700900456', offeredAt: at, connectedAt: at + 5_000, endedAt: at + 130_000, outcome: 'Answered', phase: 'ended',
      });
      await lds.client.post('/api/telephony/call-records', {
        ...call, callId: 'ruth-2', queue: 'membership', customerNumber: '+447700900456', offeredAt: at + 600_000, connectedAt: null, endedAt: at + 620_000, outcome: 'Missed', phase: 'missed',
      });
      await lds.client.post('/api/telephony/call-records', {
        ...call, callId: 'other-1', customerNumber: '+447700900999', offeredAt: at, connectedAt: null, endedAt: at + 1_000, outcome: 'Missed', phase: 'missed',
      });

      const profile = (await lds.client.get(`/api/customers/${customer.id}/profile`)).body;
      const kinds = (profile.timeline as { kind: string; siteName: string | null }[]).map((e) => `${e.kind}@${e.siteName}`);
      expect(kinds).toEqual(expect.arrayContaining(['case@Manchester', 'case@Leeds (Northpoint Contact)', 'note@Manchester', 'flag@null']));
      const calls = (profile.timeline as { kind: string }[]).filter((e) => e.kind === 'call');
      expect(calls).toEqual([
        expect.objectContaining({ at: at + 600_000, siteName: 'Leeds (Northpoint Contact)', line: 'membership', channel: 'phone', title: 'Call from them', body: 'Missed' }),
        expect.objectContaining({ at, siteName: 'Manchester', line: 'funeralcare', who: 'Amira Hussain', body: 'Answered, 2 min 5 s' }),
      ]);
      const times = (profile.timeline as { at: number }[]).map((e) => e.at);
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('asks once per customer to record a bereavement after a funeral-care call or a case that says someone has died', async () => {
      const { client } = await signInAs(hub().url, 'advisor1.mcr');
      const a = (await client.post('/api/customers', { name: 'Ann Whitely' })).body.customer as { id: string };
      const plain = await openCase(client, a.id, 'food', 'Delivery two hours late');
      expect((await client.get(`/api/cases/${plain}/bereavement-prompt`)).body.prompt).toBeNull();
      const funeral = await openCase(client, a.id, 'funeralcare', 'Questions about the funeral estimate');
      expect((await client.get(`/api/cases/${funeral}/bereavement-prompt`)).body.prompt).toMatchObject({ customerId: a.id, why: 'funeral_call' });
      expect((await client.post(`/api/customers/${a.id}/bereavement-prompt`, {})).status).toBe(200);
      expect((await client.get(`/api/cases/${funeral}/bereavement-prompt`)).body.prompt).toBeNull();
      const again = await openCase(client, a.id, 'membership', 'Member has died: closing the account');
      expect((await client.get(`/api/cases/${again}/bereavement-prompt`)).body.prompt).toBeNull();

      const b = (await client.post('/api/customers', { name: 'Bill Tanner' })).body.customer as { id: string };
      const death = await openCase(client, b.id, 'membership', 'Member has died: closing the account');
      expect((await client.get(`/api/cases/${death}/bereavement-prompt`)).body.prompt).toMatchObject({ why: 'death_on_case' });
      await client.post(`/api/customers/${b.id}/bereavement`, { reference: 'DNS-1' });
      expect((await client.get(`/api/cases/${death}/bereavement-prompt`)).body.prompt).toBeNull();
    });
  });
}
