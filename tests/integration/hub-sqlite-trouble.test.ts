import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { hubLogger } from '../../server/ops/log';
import { sqliteBackend, testHub } from '../support/backends';
import { hubClient, type Reply } from '../support/client';
import { spawnHub, type Running } from '../support/processes';

type Native = { exec(sql: string): void; close(): void };
const ADVISOR = { username: 'advisor1.gla', password: 'rapport-demo-2026' };

/** Waits for a state, never for a time. */
async function until(check: () => boolean): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 10_000) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Another program (a backup tool, an sqlite3 shell) takes the hub file's write lock and keeps it. */
function holdWriteLock(file: string): { release(): void } {
  const other = new Database(file) as unknown as Native;
  other.exec('BEGIN IMMEDIATE');
  return {
    release() {
      other.exec('ROLLBACK');
      other.close();
    },
  };
}

describe('the hub on a SQLite file another program has locked', () => {
  const running: Running[] = [];
  afterAll(async () => {
    await Promise.all(running.map((r) => r.stop()));
  });

  it(
    'keeps answering /health while a write waits, then says the database is locked; writes work once it is free',
    { timeout: 180_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'rapport-locked-'));
      const hub = await spawnHub({ RAPPORT_DATA_DIR: dataDir, RAPPORT_HUB_PORT: '0', DATABASE_URL: '' });
      running.push(hub);
      const client = hubClient(hub.url);
      expect((await client.post('/api/session', ADVISOR)).status).toBe(201);

      const lock = holdWriteLock(join(dataDir, 'hub', 'hub.sqlite'));
      let signIn: Reply | undefined;
      const waiting = client.post('/api/session', ADVISOR).then((r) => (signIn = r));
      const health: number[] = [];
      while (!signIn) {
        const started = performance.now();
        expect((await fetch(`${hub.url}/health`)).status).toBe(200);
        health.push(performance.now() - started);
      }
      await waiting;
      lock.release();
      health.sort((a, b) => a - b);
      const p90 = health[Math.floor(health.length * 0.9)]!;
      console.log(
        `/health while a write waited on the lock: ${health.length} answers, median ${health[health.length >> 1]!.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, max ${health.at(-1)!.toFixed(1)} ms`,
      );
      // Before: each write blocked the event loop for SQLite's 5 s busy timeout, so /health waited seconds.
      expect(health.length).toBeGreaterThan(10);
      expect(p90).toBeLessThan(100);
      expect(health.at(-1)!).toBeLessThan(1000);

      expect(signIn!.status).toBe(503);
      expect(signIn!.body.error.code).toBe('database_locked');
      expect(signIn!.body.error.message).toMatch(/database locked/);
      await until(() => /database locked/.test(hub.output()));
      expect(hub.output()).toMatch(/"level":"error".*database locked/);
      expect((await client.post('/api/session', ADVISOR)).status).toBe(201);
    },
  );

  it('will not start while another program holds the lock, and says why without a stack', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-locked-start-'));
    const first = await spawnHub({ RAPPORT_DATA_DIR: dataDir, RAPPORT_HUB_PORT: '0', DATABASE_URL: '' });
    await first.stop();
    const lock = holdWriteLock(join(dataDir, 'hub', 'hub.sqlite'));
    try {
      const failed = await spawnHub({ RAPPORT_DATA_DIR: dataDir, RAPPORT_HUB_PORT: '0', DATABASE_URL: '' }).then(
        () => '',
        (err: Error) => err.message,
      );
      expect(failed).toMatch(/exited with 2/);
      expect(failed).toMatch(/could not start: The hub’s database is locked by another program \(database locked\)/);
      expect(failed).not.toMatch(/\n\s+at /);
    } finally {
      lock.release();
    }
  });
});

describe('the hub on a full disk', () => {
  it('answers 503 "disk full" and logs the real cause, not a failed rollback', { timeout: 120_000 }, async () => {
    const logs = new PassThrough();
    let logged = '';
    logs.on('data', (c: Buffer) => (logged += c.toString()));
    const hub = await testHub(sqliteBackend, { log: hubLogger(logs, 'info') });
    try {
      const page = await hub.context.db.get<{ page_count: number }>('PRAGMA page_count');
      // SQLite's own limit on the file's size: the next page it needs fails as a full disk does.
      await hub.context.db.get(`PRAGMA max_page_count = ${page!.page_count}`);
      const client = hubClient(hub.url);
      let res = await client.post('/api/session', ADVISOR);
      for (let i = 0; res.status === 201 && i < 200; i++) res = await client.post('/api/session', ADVISOR);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('database_disk_full');
      expect(res.body.error.message).toMatch(/disk full/);
      expect(logged).toMatch(/disk full/);
      expect(logged).not.toMatch(/cannot rollback/);
    } finally {
      await hub.close();
    }
  });
});
