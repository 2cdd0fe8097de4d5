import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../server/hub';

describe('the embedded hub keeps its files to itself', () => {
  it('makes its data folder 0700 and its SQLite file 0600', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rapport-perm-')), 'hub');
    const hub = await startHub({ port: 0, sqlitePath: join(dir, 'hub.sqlite'), seed: false });
    try {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'hub.sqlite')).mode & 0o777).toBe(0o600);
    } finally {
      await hub.close();
    }
  });
});
