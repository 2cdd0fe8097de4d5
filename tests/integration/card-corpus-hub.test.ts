import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import type { Hub } from '../../server/hub';
import { backends, dropTestSchemas, testHub, type Backend } from '../support/backends';
import { CLEAN, corpusTexts, judge, sqliteBytes } from '../support/card-corpus';
import { signInAs } from '../support/client';
import { customerPool, flowers, hamper, openCase } from '../support/gestures';

type Session = Awaited<ReturnType<typeof signInAs>>;

/** Every row of every table in the hub's PostgreSQL schema, as text. */
async function postgresContents(url: string, schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
    const parts: string[] = [];
    for (const { table_name } of tables.rows) {
      const rows = await client.query(`SELECT * FROM "${schema}"."${table_name}"`);
      parts.push(JSON.stringify(rows.rows));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

/**
 * The corpus (28 card numbers, 3 security codes, 13 look-alikes) sent straight to the hub on every
 * free-text path, by a client that masks nothing; then the hub's raw storage is read: the SQLite
 * file and its WAL byte for byte, or every PostgreSQL table, and everything the hub logged.
 */
for (const backend of backends()) {
  describe(`the card corpus through every free-text path of the hub (${backend.name})`, () => {
    let hub: Hub;
    let raw: () => Promise<string>;
    let advisor: Session;
    let supervisor: Session;
    let pool: Awaited<ReturnType<typeof customerPool>>;
    const logged: string[] = [];

    beforeAll(async () => {
      for (const method of ['log', 'error', 'warn', 'info'] as const) {
        const original = console[method].bind(console);
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
          original(...args);
        });
      }
      const opts = await backend.fresh();
      const fixed: Backend = { name: backend.name, fresh: async () => opts };
      hub = await testHub(fixed);
      raw = () => (opts.sqlitePath ? Promise.resolve(sqliteBytes(opts.sqlitePath)) : postgresContents(opts.databaseUrl!, opts.pgSchema!));
      pool = await customerPool(hub.context.db);
      [advisor, supervisor] = await Promise.all([signInAs(hub.url, 'advisor1.mcr'), signInAs(hub.url, 'supervisor.mcr')]);
    });
    afterAll(async () => {
      vi.restoreAllMocks();
      await hub.close();
      await dropTestSchemas();
    });

    const ok = (res: { status: number; body: unknown }, status = 200) => expect(res.status, JSON.stringify(res.body)).toBe(status);
    const pendingHamper = async (reason?: string): Promise<string> => {
      const caseId = await openCase(advisor.client, pool.next());
      const res = await advisor.client.post('/api/gestures/requests', hamper(caseId, 5000, reason ? { reason } : {}));
      ok(res, 201);
      return res.body.request.id as string;
    };

    /** Each path sends the corpus in as many texts as its field's limit needs, then the raw storage is judged. */
    const paths: [tag: string, max: number, send: (text: string) => Promise<void>][] = [
      ['subject', 200, async (text) => void (await openCase(advisor.client, null, 'food', text))],
      ['patched', 200, async (text) => {
        const caseId = await openCase(advisor.client, null);
        ok(await advisor.client.patch(`/api/cases/${caseId}`, { subject: text }));
      }],
      ['note', 10_000, async (text) => {
        const caseId = await openCase(advisor.client, null);
        ok(await advisor.client.post(`/api/cases/${caseId}/notes`, { body: text }), 201);
      }],
      ['gesturereason', 1000, async (text) => void (await pendingHamper(text))],
      ['gesturemessage', 2000, async (text) => {
        const caseId = await openCase(advisor.client, pool.next());
        ok(await advisor.client.post('/api/gestures/requests', flowers(caseId, 2000, { message: text })), 201);
      }],
      ['approve', 1000, async (text) => ok(await supervisor.client.post(`/api/gestures/requests/${await pendingHamper()}/approve`, { reason: text }))],
      ['reject', 1000, async (text) => ok(await supervisor.client.post(`/api/gestures/requests/${await pendingHamper()}/reject`, { reason: text }))],
      ['withdraw', 1000, async (text) => ok(await advisor.client.post(`/api/gestures/requests/${await pendingHamper()}/withdraw`, { reason: text }))],
      ['fulfilment', 1000, async (text) => {
        const caseId = await openCase(advisor.client, pool.next());
        const made = await advisor.client.post('/api/gestures/requests', flowers(caseId, 2000));
        ok(made, 201);
        ok(await supervisor.client.post(`/api/gestures/requests/${made.body.request.id}/fulfilment`, { status: 'ordered', note: text }));
      }],
      ['followup', 1000, async (text) => {
        const caseId = await openCase(advisor.client, pool.next());
        const made = await advisor.client.post('/api/gestures/requests', flowers(caseId, 2000));
        ok(made, 201);
        const open = await advisor.client.get('/api/gestures/follow-ups');
        const due = (open.body.followUps as { id: string; requestId: string }[]).find((f) => f.requestId === made.body.request.id)!;
        ok(await advisor.client.post(`/api/gestures/follow-ups/${due.id}/done`, { outcome: text }));
      }],
      // Not-ready reasons come from the admin's list; a protected pause takes the advisor's own words.
      ['pause', 80, async (text) => ok(await advisor.client.post('/api/agent/state', { state: 'protected_pause', minutes: 1, reason: text }))],
      ['feedback', 2000, async (text) => {
        const articles = await advisor.client.get('/api/knowledge/changes');
        const id = (articles.body.changes as { kind: string; article?: { id: string } }[]).find((c) => c.article)!.article!.id;
        ok(await advisor.client.post(`/api/knowledge/articles/${encodeURIComponent(id)}/feedback`, { kind: 'flag', comment: text }), 201);
      }],
    ];

    for (const [tag, max, send] of paths) {
      it(`${tag}: 28/28 cards and 3/3 codes masked, 0 look-alikes changed, in the raw storage and the log`, async () => {
        for (const text of corpusTexts(tag, max)) await send(text);
        expect(judge(await raw(), tag)).toEqual(CLEAN());
        const log = logged.join('\n');
        expect(judge(log, tag)).toMatchObject({ cardsInClear: [], codesInClear: [] });
      });
    }

    it('the audit entry of a PATCHed case holds the masked body, not the raw one', async () => {
      const entries = await hub.context.db.all<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'case.updated'");
      expect(judge(entries.map((e) => String(typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail))).join('\n'), 'patched')).toEqual(CLEAN());
    });
  });
}
