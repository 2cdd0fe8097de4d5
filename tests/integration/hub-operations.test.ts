import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHub, type Hub } from '../../server/hub';
import { backupSqlite, checkHubDatabase, restoreSqlite } from '../../server/ops/backup';
import { hubLogger } from '../../server/ops/log';
import { hubClient, signInAs } from '../support/client';

const started: Hub[] = [];
const hubAt = async (opts: Parameters<typeof startHub>[0]) => {
  const hub = await startHub({ port: 0, ...opts });
  started.push(hub);
  return hub;
};
afterAll(async () => {
  await Promise.all(started.map((h) => h.close().catch(() => undefined)));
});
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `rapport-ops-${name}-`));

describe('TLS built into the hub', () => {
  it('serves HTTPS and WSS with a certificate from RAPPORT_TLS_CERT/KEY (a self-signed one made here with openssl)', async () => {
    const dir = tmp('tls');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const cert = readFileSync(join(dir, 'cert.pem'));
    const hub = await hubAt({ sqlitePath: join(dir, 'hub.sqlite'), tls: { cert, key: readFileSync(join(dir, 'key.pem')) } });
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const get = (path: string, ca: Buffer | undefined) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${hub.url}${path}`, { ca }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.end();
      });
    expect(await get('/health', cert)).toMatchObject({ status: 200 });
    await expect(get('/health', undefined)).rejects.toThrow(/self.signed|certificate/i);
    // Plain HTTP to the TLS port gets no answer a client could mistake for the hub's.
    await expect(fetch(hub.url.replace('https', 'http') + '/health')).rejects.toThrow();

    const { token } = await new Promise<{ token: string }>((resolve, reject) => {
      const req = request(`${hub.url}/api/session`, { method: 'POST', ca: cert, headers: { 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(JSON.parse(body)));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ username: 'advisor1.mcr', password: 'rapport-demo-2026' }));
    });
    const ws = new WebSocket(hub.url.replace('https', 'wss') + '/api/live', { ca: cert, headers: { authorization: `Bearer ${token}` } });
    const hello = await new Promise<string>((resolve, reject) => {
      ws.once('message', (m) => resolve(String(m)));
      ws.once('error', reject);
    });
    expect(JSON.parse(hello)).toMatchObject({ type: 'hello' });
    ws.close();
  });
});

describe('GET /metrics', () => {
  it('counts requests by route pattern and status, times them, and reports live sockets and the PBX link', async () => {
    const hub = await hubAt({ sqlitePath: join(tmp('metrics'), 'hub.sqlite') });
    const { token } = await signInAs(hub.url, 'advisor1.mcr');
    const client = hubClient(hub.url, token);
    await client.get('/api/customers/cus_does_not_exist_1');
    await client.get('/api/customers/cus_does_not_exist_2');
    await hubClient(hub.url).get('/api/session');
    await fetch(`${hub.url}/api/%E0%A4%A`); // a malformed escape must not break counting
    const ws = new WebSocket(hub.url.replace('http', 'ws') + '/api/live', { headers: { authorization: `Bearer ${token}` } });
    await new Promise((r) => ws.once('message', r));

    const res = await fetch(`${hub.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}()[\].*+?^$|\\]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    expect(value('rapport_hub_requests_total{method="POST",route="/api/session",status="201"}')).toBe(1);
    expect(value('rapport_hub_requests_total{method="GET",route="/api/customers/:id",status="404"}')).toBe(2);
    expect(value('rapport_hub_requests_total{method="GET",route="/api/session",status="401"}')).toBe(1);
    expect(text).not.toContain('cus_does_not_exist');
    expect(value('rapport_hub_live_sockets')).toBe(1);
    expect(value('rapport_hub_pbx_configured')).toBe(0);
    expect(value('rapport_hub_pbx_connected')).toBe(0);
    const count = value('rapport_hub_request_duration_seconds_count');
    expect(count).toBeGreaterThanOrEqual(5);
    expect(value('rapport_hub_request_duration_seconds_bucket{le="+Inf"}')).toBe(count);
    // Every line is a comment or `name{labels} number`: what Prometheus' parser accepts.
    for (const line of text.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? -?[\d.e+-]+)$/);
    ws.close();
    await expect.poll(async () => /rapport_hub_live_sockets 0/.test(await (await fetch(`${hub.url}/metrics`)).text())).toBe(true);
  });

  it('asks for a bearer token when RAPPORT_METRICS_TOKEN is set', async () => {
    const hub = await hubAt({ sqlitePath: join(tmp('metrics-token'), 'hub.sqlite'), metricsToken: 'scrape-me-please-123' });
    expect((await fetch(`${hub.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${hub.url}/metrics`, { headers: { authorization: 'Bearer scrape-me-please-123' } })).status).toBe(200);
  });
});

describe('desktop versions in the field', () => {
  it('announces the oldest desktop it serves and answers an older one 426 "update needed"', async () => {
    const hub = await hubAt({ sqlitePath: join(tmp('versions'), 'hub.sqlite'), minDesktopVersion: '1.4.0' });
    expect(await (await fetch(`${hub.url}/api/version`)).json()).toEqual({ hub: '0.1.0', minDesktop: '1.4.0' });
    const signIn = (version: string) =>
      fetch(`${hub.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-rapport-desktop-version': version }, body: JSON.stringify({ username: 'advisor1.mcr', password: 'rapport-demo-2026' }) });
    const old = await signIn('1.3.9');
    expect(old.status).toBe(426);
    expect((await old.json()).error).toMatchObject({ code: 'update_needed', message: expect.stringContaining('1.4.0') });
    expect((await signIn('1.4.0')).status).toBe(201);
    expect((await signIn('not-a-version')).status).toBe(201); // a malformed header is not a reason to refuse
  });
});

describe('structured logs', () => {
  it('writes JSON lines per request with the route pattern, and never a card number', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _e, done) => (lines.push(...String(chunk).trim().split('\n')), done()) });
    const log = hubLogger(sink, 'info');
    const hub = await hubAt({ sqlitePath: join(tmp('logs'), 'hub.sqlite'), log });
    await fetch(`${hub.url}/api/customers/4111111111111111`);
    log.warn({ note: 'caller read out 4111 1111 1111 1111 and CVV 123' }, 'card 5500-0000-0000-0004 seen');
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.find((r) => r.msg === 'request')).toMatchObject({ level: 'info', component: 'hub', method: 'GET', route: '/api/customers/:id', status: 401 });
    const all = lines.join('\n');
    expect(all).not.toMatch(/4111 ?1111 ?1111 ?1111|5500-0000-0000-0004|CVV 123/);
    expect(all).toContain('411111••••••1111');
    expect(records.every((r) => typeof r.time === 'string' && !Number.isNaN(Date.parse(r.time as string)))).toBe(true);
  });
});

describe('backups of the embedded SQLite hub', () => {
  it('backs up online while the hub is writing, and a restore brings the data back after a loss', async () => {
    const dir = tmp('backup');
    const path = join(dir, 'hub.sqlite');
    let hub = await hubAt({ sqlitePath: path });
    const { token } = await signInAs(hub.url, 'admin.mcr');
    const admin = hubClient(hub.url, token);
    // Writes go on while the backup runs: the backup is one consistent moment, the hub never waits long.
    // The backup runs in its own process, as `npm run backup` does, while this one keeps signing people in.
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) await signInAs(hub.url, `advisor${(writes++ % 3) + 1}.mcr`);
    })();
    const backupProcess = spawn(process.execPath, ['-e', `require('tsx/cjs');const {backupSqlite}=require('./server/ops/backup.ts');console.log(JSON.stringify(backupSqlite(${JSON.stringify(path)},${JSON.stringify(join(dir, 'backup-1.sqlite'))})))`]);
    let out = '';
    backupProcess.stdout.on('data', (c) => (out += c));
    const code = await new Promise<number>((r) => backupProcess.on('exit', (c) => r(c ?? 1)));
    const writesDuringBackup = writes;
    writing = false;
    await writer;
    expect(code).toBe(0);
    expect(writesDuringBackup).toBeGreaterThan(0);
    const done = JSON.parse(out) as { migrations: string[] };
    expect(done.migrations.length).toBeGreaterThan(3);
    expect(checkHubDatabase(join(dir, 'backup-1.sqlite'))).toMatchObject({ ok: true });
    const sessionsAtBackup = (await admin.get('/api/session')).status;
    expect(sessionsAtBackup).toBe(200);
    const before = await hub.context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM users');

    // Disaster: the hub stops and its file is lost.
    await hub.close();
    writeFileSync(path, 'this disk went bad');
    const restored = restoreSqlite(join(dir, 'backup-1.sqlite'), path, new Date('2026-12-05T12:00:00Z'));
    expect(restored.keptAs).toBe(`${path}.before-restore-2026-12-05T12-00-00-000Z`);
    expect(readFileSync(restored.keptAs!, 'utf8')).toBe('this disk went bad'); // nothing is thrown away
    hub = await hubAt({ sqlitePath: path });
    expect(await hub.context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM users')).toEqual(before);
    expect((await hubClient(hub.url, token).get('/api/session')).status).toBe(200); // the admin's session came back too
  });

  it('refuses a damaged or foreign backup without touching the database, and never overwrites a backup', async () => {
    const dir = tmp('restore-refused');
    const path = join(dir, 'hub.sqlite');
    const hub = await hubAt({ sqlitePath: path });
    backupSqlite(path, join(dir, 'good.sqlite'));
    expect(() => backupSqlite(path, join(dir, 'good.sqlite'))).toThrow(/already exists/);
    await hub.close();
    const original = readFileSync(path);
    writeFileSync(join(dir, 'garbage.sqlite'), Buffer.alloc(8192, 7));
    expect(() => restoreSqlite(join(dir, 'garbage.sqlite'), path)).toThrow(/not a readable SQLite database|integrity/);
    execFileSync(process.execPath, ['-e', `const D=require('libsql');const d=new D(${JSON.stringify(join(dir, 'other.sqlite'))});d.exec('CREATE TABLE t(x)');d.close()`]);
    expect(() => restoreSqlite(join(dir, 'other.sqlite'), path)).toThrow(/not a Rapport hub database/);
    expect(() => restoreSqlite(join(dir, 'missing.sqlite'), path)).toThrow(/does not exist/);
    expect(readFileSync(path).equals(original)).toBe(true);
    expect(existsSync(`${path}.restoring`)).toBe(false);
  });

  it('npm run backup and npm run restore work from the command line, and restore refuses while a hub listens', async () => {
    const dataDir = tmp('cli');
    const hub = await hubAt({ sqlitePath: join(dataDir, 'hub', 'hub.sqlite') });
    const tsx = (script: string, args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], { encoding: 'utf8', env: { ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '', ...env }, timeout: 60_000 });
    const backup = tsx('scripts/backup.ts', [join(dataDir, 'nightly.sqlite')]);
    expect(backup.stdout).toContain('integrity checked');
    expect(backup.status).toBe(0);
    const refused = tsx('scripts/restore.ts', [join(dataDir, 'nightly.sqlite')], { RAPPORT_HUB_PORT: String(hub.port) });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('stop it before restoring');
    await hub.close();
    const restored = tsx('scripts/restore.ts', [join(dataDir, 'nightly.sqlite')], { RAPPORT_HUB_PORT: String(hub.port) });
    expect(restored.stdout).toContain('The previous database is kept as');
    expect(restored.status).toBe(0);
  }, 90_000);
});

describe.runIf(process.env.DATABASE_URL && spawnSync('pg_dump', ['--version']).status === 0)('the PostgreSQL backup routine in README (pg_dump / pg_restore)', () => {
  it('restores a dropped schema from a pg_dump custom-format file', async () => {
    const url = process.env.DATABASE_URL!;
    const schema = `t_ops_${process.pid}_${Date.now().toString(36)}`;
    const hub = await hubAt({ databaseUrl: url, pgSchema: schema });
    const users = await hub.context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM users');
    await hub.close();
    const file = join(tmp('pg'), 'rapport.dump');
    execFileSync('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${file}`, url]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      execFileSync('pg_restore', ['--exit-on-error', `--dbname=${url}`, file]);
      const again = await hubAt({ databaseUrl: url, pgSchema: schema });
      expect(await again.context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM users')).toEqual(users);
      await again.close();
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });
});
