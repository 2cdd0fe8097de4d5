import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import type { NoteOutcome } from '../../shared/contract/notes';
import { DesktopCore } from '../../electron/core/core';
import { coreHandlers } from '../../electron/core/handlers';
import { route } from '../../electron/core/router';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { dropTestSchemas, postgresBackend } from '../support/backends';
import { signInAs } from '../support/client';
import { spawnHub, type Running } from '../support/processes';

const waitFor = async <T>(find: () => T | undefined | false, what: string, ms = 45_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const CARD = '4111 1111 1111 1111';
const MASKED = '411111••••••1111';

/** The hub as its own process, on SQLite or on a fresh PostgreSQL schema, restartable on the same port. */
async function hubProcess(backend: 'sqlite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-journal-hub-'));
  const db = backend === 'postgres' ? await postgresBackend(process.env.DATABASE_URL!).fresh() : null;
  const env = { RAPPORT_DATA_DIR: dataDir, DATABASE_URL: db?.databaseUrl ?? '', RAPPORT_PG_SCHEMA: db?.pgSchema ?? '' };
  let running: Running = await spawnHub({ ...env, RAPPORT_HUB_PORT: '0' });
  const url = running.url;
  return {
    url,
    kill: () => running.stop('SIGKILL'),
    restart: async () => {
      running = await spawnHub({ ...env, RAPPORT_HUB_PORT: new URL(url).port });
    },
    stop: () => running.stop(),
  };
}

function storeFile(dataDir: string) {
  return new Database(join(dataDir, 'users', 'usr_advisor1_mcr', 'store.sqlite')) as unknown as {
    prepare(sql: string): { all(): Record<string, string>[] };
    close(): void;
  };
}

const backendNames: ('sqlite' | 'postgres')[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

for (const backend of backendNames) {
  describe(`case notes written while the hub (${backend}) is down are journalled and sent once`, () => {
    afterAll(async () => {
      await dropTestSchemas();
    });

    it(
      'stores the note masked, keeps it across a core restart, and the restarted hub gets it exactly once',
      { timeout: 120_000 },
      async () => {
        const hub = await hubProcess(backend);
        const dataDir = mkdtempSync(join(tmpdir(), 'rapport-journal-desk-'));
        const core = new DesktopCore({ dataDir, hubUrl: hub.url });
        const call = async (c: DesktopCore, name: string, args: unknown) =>
          (await route(coreHandlers(c), { id: 1, name, args }))!.result;
        try {
          await core.signIn({ username: 'advisor1.mcr', password: DEMO_PASSWORD });
          core.webhook(
            {
              event: 'newCall',
              from: '07700900123',
              to: '08081570002',
              direction: 'in',
              callId: 'journal-1',
              queue: 'funeralcare',
            },
            Date.now(),
          );
          core.webhook({ event: 'answer', callId: 'journal-1' }, Date.now());
          const caseId = await waitFor(
            () => core.requireSignedIn().desk.liveCallOf('journal-1')?.caseId,
            'a case for the call',
            10_000,
          );

          // Online, a note goes straight to the hub and leaves nothing behind.
          expect(
            await call(core, 'calls.addNote', { callId: 'journal-1', body: 'Caller asked about the service times.' }),
          ).toEqual({ ok: true, value: { state: 'sent' } });
          expect(core.requireSignedIn().notes.entries()).toEqual([]);

          await hub.kill();
          const saved = await call(core, 'calls.addNote', {
            callId: 'journal-1',
            body: `Refund to card ${CARD}, CVV 123, agreed with the family.`,
          });
          if (!saved.ok) throw new Error(saved.error.message);
          const outcome = saved.value as NoteOutcome;
          expect(outcome.state).toBe('saved');
          if (outcome.state !== 'saved') return;
          expect(outcome.entry).toMatchObject({
            caseId,
            callId: 'journal-1',
            state: 'waiting',
            body: `Refund to card ${MASKED}, CVV •••, agreed with the family.`,
          });
          expect(await call(core, 'notes.saveDraft', { callId: 'journal-1', body: `Half a thought about ${CARD}.` })).toEqual({
            ok: true,
            value: { ok: true },
          });

          // Nothing on disk holds the card number: not the journal, not the draft.
          const file = storeFile(dataDir);
          const rows = file.prepare("SELECT body FROM outbox WHERE kind = 'note'").all();
          const drafts = file.prepare('SELECT body FROM note_drafts').all();
          file.close();
          expect(rows).toHaveLength(1);
          expect(rows[0]!.body).toContain(MASKED);
          expect(JSON.stringify([rows, drafts])).not.toContain(CARD);
          expect(JSON.stringify([rows, drafts])).not.toContain('CVV 123');
          expect(drafts[0]!.body).toBe(`Half a thought about ${MASKED}.`);

          // The desktop restarts while the hub is still away: the note and the draft are still there.
          await core.stop();
          const again = new DesktopCore({ dataDir, hubUrl: hub.url });
          try {
            await again.start();
            expect(again.sessionState).toMatchObject({ signedIn: true, offline: true });
            expect(again.requireSignedIn().notes.entries()).toMatchObject([
              { id: outcome.entry.id, idempotencyKey: outcome.entry.idempotencyKey, state: 'waiting' },
            ]);
            expect(await call(again, 'notes.draft', { callId: 'journal-1' })).toEqual({
              ok: true,
              value: { body: `Half a thought about ${MASKED}.` },
            });

            // The hub comes back: the journal empties by itself, and the case has the note once.
            await hub.restart();
            await waitFor(() => again.requireSignedIn().notes.entries().length === 0, 'the journal to be sent');
            const advisor = await signInAs(hub.url, 'advisor1.mcr');
            const notes = async () =>
              ((await advisor.client.get(`/api/cases/${caseId}`)).body.notes as { body: string }[]).map((n) => n.body);
            expect(await notes()).toEqual([
              'Caller asked about the service times.',
              `Refund to card ${MASKED}, CVV •••, agreed with the family.`,
            ]);

            // A resend (a reply lost on the way back) is the same note, not a second one.
            const resent = await advisor.client.post(`/api/cases/${caseId}/notes`, {
              body: outcome.entry.body,
              idempotencyKey: outcome.entry.idempotencyKey,
            });
            expect(resent.status).toBe(200);
            expect(resent.body.replayed).toBe(true);
            await again.requireSignedIn().notes.flush();
            expect(await notes()).toHaveLength(2);
            // The same key on another case is a mistake, refused rather than filed in the wrong place.
            const other = await advisor.client.post('/api/cases', {
              customerId: null,
              channel: 'phone',
              line: 'food',
              subject: 'Another call',
            });
            const misfiled = await advisor.client.post(`/api/cases/${other.body.case.id}/notes`, {
              body: 'x',
              idempotencyKey: outcome.entry.idempotencyKey,
            });
            expect(misfiled.status).toBe(409);
          } finally {
            await again.stop();
          }
        } finally {
          await core.stop().catch(() => undefined);
          await hub.stop();
        }
      },
    );
  });
}

describe('the note box stays with the call when the advisor answers before the screen pop lands', () => {
  it('puts the card found late on the answered call, keeping its case', async () => {
    const { sqliteBackend, testHub } = await import('../support/backends');
    const hub = await testHub(sqliteBackend);
    const core = new DesktopCore({ dataDir: mkdtempSync(join(tmpdir(), 'rapport-journal-race-')), hubUrl: hub.url });
    const shown: { phase: string; caseId: string | null; lookup: string }[] = [];
    core.onPush((f) => {
      if (f.push !== 'call.changed' || !f.data) return;
      const v = f.data as { call: { phase: string }; caseId: string | null; lookup: string };
      shown.push({ phase: v.call.phase, caseId: v.caseId, lookup: v.lookup });
    });
    try {
      await core.signIn({ username: 'advisor1.mcr', password: DEMO_PASSWORD });
      // A slow hub (weak integrations lag seconds): the caller's card arrives after the answer.
      const get = core.hub.get.bind(core.hub) as (path: string, reply?: unknown) => Promise<unknown>;
      core.hub.get = (async (path: string, reply?: unknown) => {
        if (path.startsWith('/api/screen-pop')) await new Promise((r) => setTimeout(r, 600));
        return get(path, reply);
      }) as typeof core.hub.get;
      core.webhook({ event: 'newCall', from: '07700900123', to: '08081570001', direction: 'in', callId: 'race-1' }, Date.now());
      core.webhook({ event: 'answer', callId: 'race-1' }, Date.now());
      // The case opens once the card is known (so it is the customer's): wait for the view with both.
      await waitFor(() => shown.some((s) => s.lookup !== 'pending' && s.caseId !== null), 'the late screen pop and the case', 10_000);
      const last = shown.at(-1)!;
      expect(last).toMatchObject({ phase: 'connected', lookup: expect.stringMatching(/found|unknown/) });
      expect(last.caseId).toMatch(/^case_/);
    } finally {
      await core.stop();
      await hub.close();
    }
  });
});
