import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { guarded, guardedRequests } from '../../shared/guard';

describe('guarded listeners', () => {
  it('hand a thrown error and a rejected promise to onError, with the listener arguments', async () => {
    const seen: string[] = [];
    const listener = guarded(
      (n: number) => {
        if (n === 1) throw new Error('at once');
        return Promise.reject(new Error('later'));
      },
      (err, n) => seen.push(`${n}:${(err as Error).message}`),
    );
    listener(1);
    listener(2);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['1:at once', '2:later']);
  });

  it('drop a failure of onError itself instead of throwing it', () => {
    const listener = guarded(
      () => {
        throw new Error('work');
      },
      () => {
        throw new Error('handler');
      },
    );
    expect(() => listener()).not.toThrow();
  });

  it('answer 500 over real HTTP when a request handler fails, and keep serving', async () => {
    const logged: unknown[] = [];
    const server = createServer(
      guardedRequests(
        async (req: IncomingMessage, res: ServerResponse) => {
          if (req.url === '/boom') throw new Error('boom');
          res.end('fine');
        },
        (err) => logged.push(err),
      ),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const bad = await fetch(`${base}/boom`);
      expect(bad.status).toBe(500);
      expect((await bad.json()).error.code).toBe('internal');
      expect(logged).toHaveLength(1);
      expect(await (await fetch(`${base}/ok`)).text()).toBe('fine');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
