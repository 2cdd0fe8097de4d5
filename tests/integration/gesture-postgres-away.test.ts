import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { dropTestSchemas, postgresBackend, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { customerPool, flowers, newKey, openCase } from '../support/gestures';

/** A TCP hop in front of PostgreSQL that can be taken away: open connections cut, new ones refused. */
async function postgresHop(url: string) {
  const target = new URL(url);
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const via = new URL(url);
  via.hostname = '127.0.0.1';
  via.port = String(port);
  return {
    url: via.toString(),
    async takeAway() {
      await new Promise<void>((r) => {
        server.close(() => r());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

const url = process.env.DATABASE_URL;
describe.skipIf(!url)('a gesture request while PostgreSQL is away', () => {
  let hub: Hub | undefined;
  afterAll(async () => {
    await hub?.close().catch(() => undefined);
    await dropTestSchemas();
  });

  it('is answered 503, saying the database cannot be reached, on a session the hub saw lately too', { timeout: 60_000 }, async () => {
    const hop = await postgresHop(url!);
    const opts = await postgresBackend(url!).fresh();
    hub = await testHub(postgresBackend(url!), { ...opts, databaseUrl: hop.url });
    const pool = await customerPool(hub.context.db);
    const advisor = await signInAs(hub.url, 'advisor1.mcr');
    const caseId = await openCase(advisor.client, pool.next());
    expect((await advisor.client.post('/api/gestures/requests', flowers(caseId))).status).toBe(201);

    await hop.takeAway();
    const body = flowers(caseId, 2000, { idempotencyKey: newKey() });
    const away = await advisor.client.post('/api/gestures/requests', body);
    expect(away.status).toBe(503);
    expect(away.body.error.code).toBe('database_unreachable');
    expect(away.headers.get('retry-after')).toBe('5');
  });
});
