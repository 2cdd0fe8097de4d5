import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { formatPhone } from '../../shared/phone';
import { backends, dropTestSchemas, testHub, type Backend } from '../support/backends';
import { sqliteBytes } from '../support/card-corpus';
import { signInAs } from '../support/client';
import { budgetOf, flowers, hamper, openCase } from '../support/gestures';

type Client = Awaited<ReturnType<typeof signInAs>>['client'];

/** Every row of every table in the hub's PostgreSQL schema, as text. */
async function postgresContents(url: string, schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
    const parts: string[] = [];
    for (const { table_name } of tables.rows) parts.push(JSON.stringify((await client.query(`SELECT * FROM "${schema}"."${table_name}"`)).rows));
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

interface Person {
  id: string;
  name: string;
  phone: string;
  email: string;
  membership_number: string;
  postcode: string;
}

/** A seeded customer nobody else shares a name, email or postcode with, so finding them in raw bytes can only mean them. */
async function distinctCustomer(hub: Hub, skip: number): Promise<Person> {
  const rows = await hub.context.db.all<Person>(
    `SELECT id, name, phone, email, membership_number, postcode FROM customers c
     WHERE email IS NOT NULL AND membership_number IS NOT NULL AND bereaved = 0
       AND (SELECT COUNT(*) FROM customers d WHERE d.name = c.name) = 1
       AND (SELECT COUNT(*) FROM customers d WHERE d.postcode = c.postcode) = 1
     ORDER BY id LIMIT 2`,
  );
  return rows[skip]!;
}

for (const backend of backends()) {
  describe(`erasing a customer on request (${backend.name})`, () => {
    let hub: Hub;
    let raw: () => Promise<string>;
    let advisor: Client;
    let supervisor: Client;
    let head: Client;
    let person: Person;
    let other: Person;
    let caseRef: string;
    let caseId: string;
    let casesBefore = 0;
    const address = '14 Quietwater Lane, Leeds';
    const otherNote = 'Control note for a customer who stays: call back on Friday.';

    beforeAll(async () => {
      const opts = await backend.fresh();
      const fixed: Backend = { name: backend.name, fresh: async () => opts };
      hub = await testHub(fixed);
      raw = () => (opts.sqlitePath ? Promise.resolve(sqliteBytes(opts.sqlitePath)) : postgresContents(opts.databaseUrl!, opts.pgSchema!));
      const client = async (username: string) => (await signInAs(hub.url, username)).client;
      [advisor, supervisor, head] = await Promise.all([client('advisor1.mcr'), client('supervisor.mcr'), client('admin.mcr')]);
      person = await distinctCustomer(hub, 0);
      other = await distinctCustomer(hub, 1);

      // What an advisor writes down about a customer over a few calls, on every path that keeps text.
      caseId = await openCase(advisor, person.id, 'food', `Delivery for ${person.name}`);
      caseRef = (await advisor.get(`/api/cases/${caseId}`)).body.case.reference;
      expect((await advisor.patch(`/api/cases/${caseId}`, { subject: `Late delivery to ${person.postcode}, ${person.name}` })).status).toBe(200);
      const note = `${person.name} rang from ${formatPhone(person.phone)}; email ${person.email}, member ${person.membership_number}.`;
      const added = await advisor.post(`/api/cases/${caseId}/notes`, { body: note });
      expect(added.status).toBe(201);
      // An edit keeps the earlier wording as a revision; a follow-up task and an outcome name them too.
      const noteId = (added.body.notes as { id: string; body: string }[]).find((n) => n.body === note)!.id;
      expect((await advisor.post(`/api/cases/${caseId}/notes/${noteId}/revisions`, { body: `${note} Prefers the Wintergreen Road address.` })).status).toBe(201);
      expect((await advisor.post(`/api/cases/${caseId}/tasks`, { title: `Ring ${person.name} back about the refund`, dueAt: Date.now() + 86_400_000 })).status).toBe(201);
      const personal = { recipientName: person.name, deliveryAddress: `${address} ${person.postcode}` };
      const message = `Dear ${person.name.split(' ')[0]}, sorry about the frozen food.`;
      expect((await advisor.post('/api/gestures/requests', flowers(caseId, 2000, { personalisation: personal, message }))).status).toBe(201);
      const second = await openCase(advisor, person.id, 'membership', 'Points missing');
      expect((await advisor.post('/api/gestures/requests', hamper(second, 5000, { personalisation: { ...personal, dietaryNeeds: 'No nuts' } }))).status).toBe(201);
      expect((await advisor.post('/api/knowledge/searches', { query: `refund ${person.name}`, resultCount: 0 })).status).toBeLessThan(300);
      // Contact details corrected: the audit keeps what they were.
      const corrected = await advisor.patch(`/api/customers/${person.id}`, { email: 'new.address.for.them@example.org', address: '9 Lantern Court, Leeds' });
      expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
      const kept = await openCase(advisor, other.id, 'food', 'Eggs broken');
      expect((await advisor.post(`/api/cases/${kept}/notes`, { body: otherNote })).status).toBe(201);
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    it('is for an organisation admin only, who confirms with the case reference where the request was logged', async () => {
      const preview = await head.get(`/api/erasures/preview?customerId=${person.id}`);
      expect(preview.status).toBe(200);
      expect(preview.body.preview).toMatchObject({ name: person.name, erasedReference: null, gestures: 2, gesturePence: 7000 });
      // The seed's past cases and the two opened here.
      expect(preview.body.preview.cases.map((c: { reference: string }) => c.reference)).toContain(caseRef);
      casesBefore = preview.body.preview.cases.length;
      expect(casesBefore).toBeGreaterThanOrEqual(2);
      expect(preview.body.preview.notes).toBeGreaterThanOrEqual(3); // the note and each gesture's own note

      const request = { customerId: person.id, requestCaseReference: caseRef, requestedOn: '2026-11-20' };
      for (const who of ['advisor1.mcr', 'supervisor.mcr', 'admin.lds']) {
        expect((await (await signInAs(hub.url, who)).client.post('/api/erasures', request)).status, who).toBe(403);
      }
      const wrongCase = await head.post('/api/erasures', { ...request, requestCaseReference: 'RP-999999' });
      expect(wrongCase.status).toBe(400);
      expect(wrongCase.body.error.problems[0].path).toBe('requestCaseReference');
      expect((await head.post('/api/erasures', { ...request, requestedOn: '2099-01-01' })).status).toBe(400);
      expect((await head.post('/api/erasures', { ...request, requestedOn: '2026-02-30' })).status).toBe(400);
      expect((await head.post('/api/erasures', { customerId: 'cus_nobody', requestCaseReference: caseRef, requestedOn: '2026-11-20' })).status).toBe(404);
      // Nothing was erased by the refusals.
      expect((await advisor.get(`/api/customers/${person.id}`)).body.customer.name).toBe(person.name);
    });

    it('keeps the money and the audit trail, and leaves the person’s words nowhere in the database', async () => {
      const budgetBefore = await budgetOf(supervisor, 'site_mcr');
      const givenBefore = (await head.get(`/api/customers/${person.id}/gestures`)).body;

      const erased = await head.post('/api/erasures', { customerId: person.id, requestCaseReference: caseRef.toLowerCase(), requestedOn: '2026-11-20' });
      expect(erased.status, JSON.stringify(erased.body)).toBe(201);
      const reference = erased.body.erasure.reference as string;
      expect(reference).toMatch(/^E-\d{6}$/);
      expect(erased.body.erasure.counts).toMatchObject({ cases: casesBefore, gestures: 2 });

      expect(await budgetOf(supervisor, 'site_mcr')).toEqual(budgetBefore);
      const givenAfter = (await head.get(`/api/customers/${person.id}/gestures`)).body;
      const money = (body: { gestures: { amountPence: number; status: string; itemName: string }[] }) =>
        body.gestures.map((g) => [g.amountPence, g.status, g.itemName]);
      expect(money(givenAfter)).toEqual(money(givenBefore));
      expect(JSON.stringify(givenAfter)).not.toContain(address);

      const card = (await advisor.get(`/api/customers/${person.id}`)).body;
      expect(card.customer).toMatchObject({ name: `Erased customer ${reference}`, phone: null, email: null, membershipNumber: null, postcode: null });
      expect(JSON.stringify(card)).not.toContain(person.name);
      expect((await advisor.get(`/api/customers?q=${encodeURIComponent(person.name)}`)).body.customers).toEqual([]);
      expect((await advisor.get(`/api/screen-pop?number=${encodeURIComponent(person.phone)}`)).body.card).toBeNull();

      // The audit trail still says what happened to the case, under the reference.
      const audit = (await head.get('/api/audit?limit=500')).body.entries as { action: string; entityId: string | null; detail: Record<string, unknown> }[];
      const updated = audit.find((e) => e.action === 'case.updated' && e.entityId === caseId)!;
      expect(updated.detail).toMatchObject({ erasure: reference });
      expect(audit.find((e) => e.action === 'customer.erased')!.detail).toMatchObject({ reference, requestedOn: '2026-11-20' });

      const contents = await raw();
      const digits = person.phone.replace(/^\+44/, '');
      for (const text of [person.name, digits, formatPhone(person.phone), person.email, person.membership_number, person.postcode, address, 'No nuts', 'sorry about the frozen food',
        'new.address.for.them@example.org', '9 Lantern Court', 'Wintergreen Road', 'about the refund']) {
        const at = contents.indexOf(text);
        expect(at, `"${text}" is still stored: …${contents.slice(Math.max(0, at - 60), at + 60)}…`).toBe(-1);
      }
      expect(contents).toContain(otherNote);
      expect(contents).toContain(other.name);
    });

    it('logs the erasure for the data-protection officer, and puts it on the feed desktops read', async () => {
      const log = await head.get('/api/erasures');
      expect(log.status).toBe(200);
      expect(log.body.erasures[0]).toMatchObject({ requestedOn: '2026-11-20', erasedByName: 'Tom Fletcher', requestCaseReference: caseRef });
      expect(JSON.stringify(log.body)).not.toContain(person.id);

      const feed = await advisor.get('/api/erasures/changes?after=0');
      expect(feed.status).toBe(200);
      expect(feed.body).toMatchObject({ cursor: 1, latest: 1, more: false });
      const change = feed.body.changes[0];
      expect(change).toMatchObject({ customerId: person.id, reference: log.body.erasures[0].reference });
      expect(change.caseIds).toContain(caseId);
      const digest = createHash('sha256').update(`${change.phoneSalt}:${person.phone}`).digest('hex').slice(0, 32);
      expect(change.phoneDigests).toContain(digest);
      expect((await advisor.get('/api/erasures/changes?after=1')).body).toMatchObject({ changes: [], cursor: 1, more: false });
      expect((await advisor.get('/api/erasures/changes?after=-1')).status).toBe(400);

      const again = await head.post('/api/erasures', { customerId: person.id, requestCaseReference: caseRef, requestedOn: '2026-11-20' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('already_erased');
    });

    it('keeps the retention periods, wipe at sign-out and the erasure deadline as organisation settings', async () => {
      expect((await advisor.get('/api/privacy/settings')).body.settings).toEqual({ callHistoryDays: 30, noteDraftDays: 7, wipeAtSignOut: false, erasureDeadlineDays: 30 });
      const next = { callHistoryDays: 14, noteDraftDays: 3, wipeAtSignOut: true, erasureDeadlineDays: 20 };
      expect((await supervisor.put('/api/privacy/settings', next)).status).toBe(403);
      const bad = await head.put('/api/privacy/settings', { ...next, callHistoryDays: 0, erasureDeadlineDays: 90 });
      expect(bad.status).toBe(400);
      expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['callHistoryDays', 'erasureDeadlineDays']);
      const saved = await head.put('/api/privacy/settings', next);
      expect(saved.status).toBe(200);
      expect(saved.body.settings).toEqual(next);
      expect((await advisor.get('/api/privacy/settings')).body.settings).toEqual(next);
    });
  });
}
