import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCtiReceiver } from '../../electron/core/cti-receiver';
import type { WebhookEvent } from '../../shared/telephony/webhook';
import { rawRequest } from '../support/raw-http';

const TOKEN = 'cti-webhook-test-token-42';

/** The softphone webhook takes a PBX script or curl, and refuses what a browser sends from a web page. */
describe('the softphone webhook and web pages', () => {
  const received: WebhookEvent[] = [];
  let receiver: Awaited<ReturnType<typeof startCtiReceiver>>;
  let base: string;
  beforeAll(async () => {
    receiver = await startCtiReceiver({
      port: 0,
      token: TOKEN,
      handle: (event) => {
        received.push(event);
        return { status: 200, reply: {} };
      },
    });
    base = `http://127.0.0.1:${receiver.port}`;
  });
  afterAll(async () => {
    await receiver.close();
  });

  const ring = (callId: string, headers: Record<string, string> = {}) =>
    rawRequest(base, {
      method: 'POST',
      path: `/api/v1/cti/${TOKEN}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: `event=newCall&from=07700900123&to=08081570002&direction=in&callId=${callId}`,
    });

  it('refuses a form posted from another site, a no-cors fetch and a sandboxed page, and rings nothing', async () => {
    const tries: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' },
    ];
    for (const headers of tries) {
      const res = await ring('from-a-page', headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(res.text).error).toMatch(/web pages/);
    }
    expect(received).toEqual([]);
  });

  it('takes a PBX script or curl, which send neither header', async () => {
    expect((await ring('from-a-script')).status).toBe(200);
    expect(received.map((e) => e.callId)).toEqual(['from-a-script']);
  });
});
