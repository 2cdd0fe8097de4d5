import { describe, expect, it } from 'vitest';
import { backends } from '../support/backends';
import { hubPerSuite } from '../support/hub-per-suite';
import { signInAs } from '../support/client';

const HOUR = 60 * 60 * 1000;

for (const backend of backends()) {
  describe(`what the console sends later, and the not-ready reasons, on ${backend.name}`, () => {
    const hub = hubPerSuite(backend);

    it('keeps the time a note and a wrap-up were written offline, but not a time in the future or from weeks ago', async () => {
      const { client } = await signInAs(hub().url, 'advisor1.mcr');
      const opened = await client.post('/api/cases', { customerId: 'cus_000002', channel: 'phone', line: 'food', subject: 'Late delivery' });
      const caseId = opened.body.case.id as string;
      const before = Date.now();
      const written = before - 2 * HOUR;
      expect((await client.post(`/api/cases/${caseId}/notes`, { body: 'Written on the train.', idempotencyKey: 'offline-note-1', writtenAt: written })).status).toBe(201);
      await client.post(`/api/cases/${caseId}/notes`, { body: 'A clock far ahead.', idempotencyKey: 'offline-note-2', writtenAt: before + 24 * HOUR });
      await client.post(`/api/cases/${caseId}/notes`, { body: 'A clock stuck weeks ago.', idempotencyKey: 'offline-note-3', writtenAt: before - 30 * 24 * HOUR });
      const notes = (await client.get(`/api/cases/${caseId}`)).body.notes as { body: string; createdAt: number }[];
      const at = (body: string) => notes.find((n) => n.body === body)!.createdAt;
      expect(at('Written on the train.')).toBe(written);
      expect(at('A clock far ahead.')).toBeGreaterThanOrEqual(before);
      expect(at('A clock far ahead.')).toBeLessThanOrEqual(Date.now());
      expect(at('A clock stuck weeks ago.')).toBeGreaterThanOrEqual(before);
      // The same note resent keeps its first time and stays one note.
      await client.post(`/api/cases/${caseId}/notes`, { body: 'Written on the train.', idempotencyKey: 'offline-note-1', writtenAt: written + 5000 });
      expect(((await client.get(`/api/cases/${caseId}`)).body.notes as unknown[]).length).toBe(3);

      const wrapped = before - HOUR;
      const closed = await client.patch(`/api/cases/${caseId}`, { status: 'closed', wrapupCode: 'food-refund', closedAt: wrapped });
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      expect(closed.body.case.closedAt).toBe(wrapped);
      expect((await client.patch(`/api/cases/${caseId}`, { closedAt: 'yesterday' })).status).toBe(400);
    });

    it('lets an admin keep the not-ready reasons, and takes only reasons from the list', async () => {
      const admin = (await signInAs(hub().url, 'admin.mcr')).client;
      const advisor = (await signInAs(hub().url, 'advisor2.mcr')).client;
      expect((await advisor.get('/api/agent/not-ready-reasons')).body.reasons).toContain('Team huddle');

      const refused = await admin.put('/api/agent/not-ready-reasons', { reasons: ['Coaching', 'coaching ', 'x'] });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('in the list twice');
      expect((await admin.put('/api/agent/not-ready-reasons', { reasons: [] })).status).toBe(400);
      expect((await advisor.put('/api/agent/not-ready-reasons', { reasons: ['Nap'] })).status).toBe(403);
      // One list for every site: a partner site's admin reads it but does not change it.
      const siteAdmin = (await signInAs(hub().url, 'admin.lds')).client;
      expect((await siteAdmin.put('/api/agent/not-ready-reasons', { reasons: ['Nap'] })).status).toBe(403);

      const saved = await admin.put('/api/agent/not-ready-reasons', { reasons: ['Coaching', '  One-to-one  ', 'System problem'] });
      expect(saved.status).toBe(200);
      expect(saved.body.reasons).toEqual(['Coaching', 'One-to-one', 'System problem']);
      expect((await advisor.get('/api/agent/not-ready-reasons')).body.reasons).toEqual(['Coaching', 'One-to-one', 'System problem']);

      const off = await advisor.post('/api/agent/state', { state: 'not_ready', reason: 'one-to-one' });
      expect(off.status).toBe(200);
      expect(off.body.reason).toBe('One-to-one');
      const unknown = await advisor.post('/api/agent/state', { state: 'not_ready', reason: 'Team huddle' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.code).toBe('unknown_reason');
      // A protected pause records whatever reason the advisor gave.
      const pause = await advisor.post('/api/agent/state', { state: 'protected_pause', minutes: 5, reason: 'After a hard call' });
      expect(pause.body).toMatchObject({ state: 'protected_pause', reason: 'After a hard call' });
      const audit = await hub().context.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'agent.reasons_changed'");
      expect(Number(audit!.n)).toBe(1);
    });
  });
}
