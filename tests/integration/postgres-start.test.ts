import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/db/postgres';
import { dropTestSchemas, postgresBackend } from '../support/backends';

const url = process.env.DATABASE_URL;

describe.runIf(url)('hub instances starting at once on a new PostgreSQL schema', () => {
  afterAll(dropTestSchemas);

  it('all open it: the schema is created once, nobody fails on the race', async () => {
    for (let round = 0; round < 5; round++) {
      const { pgSchema } = await postgresBackend(url!).fresh();
      const opened = await Promise.allSettled(
        Array.from({ length: 6 }, () => openPostgres({ url: url!, schema: pgSchema!, max: 2 })),
      );
      const failures = opened.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason));
      for (const o of opened) if (o.status === 'fulfilled') await o.value.pool.end();
      expect(failures).toEqual([]);
    }
  });
});
