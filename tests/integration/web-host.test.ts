import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { spawnDesktop, type Running } from '../support/processes';

/** Browser mode must let only the page it served drive the core. */
describe('the browser-mode host', () => {
  let host: Running;
  let base: URL;
  let token: string;
  beforeAll(async () => {
    host = await spawnDesktop({
      RAPPORT_DATA_DIR: mkdtempSync(join(tmpdir(), 'rapport-host-')),
      RAPPORT_PORT: '0',
      RAPPORT_HUB_URL: 'http://127.0.0.1:9', // no hub: the host must still start
    });
    base = new URL(host.url);
    token = new URLSearchParams(base.hash.slice(1)).get('token')!;
  });
  afterAll(async () => {
    await host.stop();
  });

  const connect = (opts: { token?: string; origin?: string; host?: string }) =>
    new Promise<{ opened: boolean; status?: number; first?: unknown }>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${base.port}/bridge?token=${opts.token ?? token}`, {
        origin: opts.origin ?? base.origin,
        headers: opts.host ? { host: opts.host } : {},
      });
      ws.on('message', (raw) => {
        resolve({ opened: true, first: JSON.parse(String(raw)) });
        ws.close();
      });
      ws.on('unexpected-response', (_req, res) => resolve({ opened: false, status: res.statusCode }));
      ws.on('error', () => undefined);
    });

  it('prints a loopback address with a long per-run token', () => {
    expect(base.hostname).toBe('127.0.0.1');
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('accepts the page it served and tells it the session state at once', async () => {
    const ok = await connect({});
    expect(ok.opened).toBe(true);
    expect(ok.first).toEqual({ push: 'session.changed', data: { signedIn: false } });
  });

  it('refuses a wrong token, a foreign origin and a rebinding Host', async () => {
    expect(await connect({ token: 'x'.repeat(token.length) })).toMatchObject({ opened: false, status: 401 });
    expect(await connect({ origin: 'https://evil.example' })).toMatchObject({ opened: false, status: 403 });
    expect(await connect({ host: `rebind.example:${base.port}` })).toMatchObject({ opened: false, status: 421 });
  });

  it('serves the built renderer with a strict CSP and nothing outside it', async () => {
    const index = await fetch(`${base.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const escape = await fetch(`${base.origin}/..%2f..%2fpackage.json`);
    expect(escape.status).toBe(404);
  });
});
