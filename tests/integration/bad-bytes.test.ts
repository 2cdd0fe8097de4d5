import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { backends } from '../support/backends';
import { hubPerSuite } from '../support/hub-per-suite';
import { signInAs } from '../support/client';
import { spawnDesktop, type Running } from '../support/processes';
import { rawRequest } from '../support/raw-http';

const CTI_TOKEN = 'bad-bytes-cti-token-0123456789';

/** One request with a malformed escape or a strange token must cost a 4xx, never the process. */
describe('the desktop under bad bytes', () => {
  let desktop: Running;
  let base: URL;
  let cti: string;
  beforeAll(async () => {
    desktop = await spawnDesktop({
      RAPPORT_DATA_DIR: mkdtempSync(join(tmpdir(), 'rapport-bad-bytes-')),
      RAPPORT_PORT: '0',
      RAPPORT_CTI_PORT: '0',
      RAPPORT_CTI_TOKEN: CTI_TOKEN,
      RAPPORT_HUB_URL: 'http://127.0.0.1:9',
    });
    base = new URL(desktop.url);
    cti = /softphone webhook at (http:\/\/127\.0\.0\.1:\d+)/.exec(desktop.output())![1]!;
  });
  afterAll(async () => {
    await desktop.stop();
  });

  const stillServing = async () => {
    expect(desktop.proc.exitCode).toBeNull();
    expect((await rawRequest(base.origin, { path: '/' })).status).toBe(200);
  };

  it('answers a malformed escape on the page host with a 400', async () => {
    for (const path of ['/%c0%ae%c0%ae/etc/passwd', '/%E0%A4%A', '/assets/%']) {
      expect((await rawRequest(base.origin, { path })).status).toBe(400);
    }
    await stillServing();
  });

  it('answers a malformed escape on the softphone webhook with a 400, and a wrong token of any shape with a 401', async () => {
    expect((await rawRequest(cti, { method: 'POST', path: '/api/v1/cti/%E0' })).status).toBe(400);
    // As long as the real token, but with a multi-byte character: once a throw in timingSafeEqual.
    const multibyte = 'é' + CTI_TOKEN.slice(1);
    for (const token of [encodeURIComponent(multibyte), 'short', 'x'.repeat(500)]) {
      expect((await rawRequest(cti, { method: 'POST', path: `/api/v1/cti/${token}` })).status).toBe(401);
    }
    const body = 'event=newCall&from=%E0&to=1&direction=in&callId=x';
    const badForm = await rawRequest(cti, {
      method: 'POST',
      path: `/api/v1/cti/${CTI_TOKEN}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(badForm.status).toBe(400);
    await stillServing();
  });

  it('drops a bridge connection that sends an oversized frame or a broken address, and keeps going', async () => {
    const token = new URLSearchParams(base.hash.slice(1)).get('token')!;
    const ws = new WebSocket(`ws://127.0.0.1:${base.port}/bridge?token=${token}`, { origin: base.origin });
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.on('error', () => undefined);
    ws.send('x'.repeat(2 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const refused = new WebSocket(`ws://127.0.0.1:${base.port}/bridge?token=%E0`, { origin: base.origin });
    const status = await new Promise<number>((r) => {
      refused.on('unexpected-response', (_q, res) => r(res.statusCode ?? 0));
      refused.on('error', () => undefined);
    });
    expect(status).toBe(401);
    const multibyte = encodeURIComponent('é' + token.slice(1));
    const wrong = new WebSocket(`ws://127.0.0.1:${base.port}/bridge?token=${multibyte}`, { origin: base.origin });
    const wrongStatus = await new Promise<number>((r) => {
      wrong.on('unexpected-response', (_q, res) => r(res.statusCode ?? 0));
      wrong.on('error', () => undefined);
    });
    expect(wrongStatus).toBe(401);
    await stillServing();
  });
});

for (const backend of backends()) {
  describe(`the hub under bad bytes on ${backend.name}`, () => {
    const hub = hubPerSuite(backend);

    it('answers a malformed escape in a route parameter with a 400 that says so', async () => {
      const { token } = await signInAs(hub().url, 'advisor1.gla');
      const res = await rawRequest(hub().url, { path: '/api/cases/%E0%A4%A', headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text).error.code).toBe('bad_encoding');
      expect((await rawRequest(hub().url, { path: '/health' })).status).toBe(200);
    });

    it('refuses a live-events upgrade with a malformed address without stopping', async () => {
      const res = await rawRequest(hub().url, {
        path: '/api/live/%E0',
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      }).catch((err: Error) => ({ status: -1, text: err.message }));
      expect(res.status).not.toBe(101);
      expect((await rawRequest(hub().url, { path: '/health' })).status).toBe(200);
    });
  });
}
