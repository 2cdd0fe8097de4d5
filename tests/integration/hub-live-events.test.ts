import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { backends, dropTestSchemas, postgresBackend, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { listen } from '../support/live';
import { spawnHub } from '../support/processes';
import { publishArticle } from '../support/knowledge';

const article = {
  title: 'Checking a batch code on frozen peas',
  summary: 'Where to find the batch code on frozen vegetables.',
  body: 'The batch code is printed on the back of the bag, near the best-before date.',
  line: 'food',
  category: 'Product recalls',
  tags: ['batch', 'frozen'],
};

for (const backend of backends()) {
  describe(`live events on ${backend.name}`, () => {
    let hub: Hub;
    beforeAll(async () => {
      hub = await testHub(backend);
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    it('refuses a live connection without a valid session', async () => {
      await expect(listen(hub.url, 'not-a-real-token-but-long-enough')).rejects.toThrow(/401/);
    });

    it('pushes knowledge.changed to an advisor when an admin publishes, and closes the socket at sign-out', async () => {
      const advisor = await signInAs(hub.url, 'advisor1.gla');
      const live = await listen(hub.url, advisor.token);
      const published = await publishArticle(hub.url, article);
      const event = await live.next('knowledge.changed');
      expect(event.data.change.article.id).toBe(published.entry.id);
      const closed = live.closed();
      await advisor.client.del('/api/session');
      expect(await closed).toBe(4401);
    });
  });
}

const url = process.env.DATABASE_URL;
if (url) {
  describe('two hub processes on one PostgreSQL database', () => {
    const hubs: Awaited<ReturnType<typeof spawnHub>>[] = [];
    afterAll(async () => {
      await Promise.all(hubs.map((h) => h.stop()));
      await dropTestSchemas();
    });

    // Two hub processes start and seed one schema: slow on a busy two-core machine, so a longer budget.
    it('an event raised on one instance reaches a client connected to the other', { timeout: 180_000 }, async () => {
      const { pgSchema } = await postgresBackend(url).fresh();
      const env = { DATABASE_URL: url, RAPPORT_PG_SCHEMA: pgSchema!, RAPPORT_HUB_PORT: '0' };
      hubs.push(...(await Promise.all([spawnHub(env), spawnHub(env)])));
      const [a, b] = hubs as [(typeof hubs)[0], (typeof hubs)[0]];
      expect(a.url).not.toBe(b.url);
      // Sessions live in the database: a token from instance A works on instance B.
      const advisor = await signInAs(a.url, 'advisor2.mcr');
      const live = await listen(b.url, advisor.token);
      const published = await publishArticle(a.url, article);
      const event = await live.next('knowledge.changed');
      expect(event.data.change).toMatchObject({ kind: 'upsert', article: { id: published.entry.id, title: article.title } });
      live.close();
    });
  });
}
