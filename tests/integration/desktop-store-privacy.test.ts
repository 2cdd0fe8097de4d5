import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../electron/core/core';
import { coreHandlers } from '../../electron/core/handlers';
import { route } from '../../electron/core/router';
import { DesktopStore } from '../../electron/core/store';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';
import { sqliteBytes } from '../support/card-corpus';

const checkpoint = (path: string) => {
  const other = new Database(path) as unknown as { exec(sql: string): void; close(): void };
  other.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  other.close();
};

describe('what the desktop store keeps on disk', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await testHub(sqliteBackend);
  });
  afterAll(async () => {
    await hub.close();
  });

  it('never writes a card number half typed into the note draft, and saves it masked once it is finished', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-draft-'));
    const core = new DesktopCore({ dataDir, hubUrl: hub.url });
    await core.signIn({ username: 'advisor1.mcr', password: DEMO_PASSWORD });
    const file = join(dataDir, 'users', 'usr_advisor1_mcr', 'store.sqlite');
    const save = async (body: string) => {
      const reply = (await route(coreHandlers(core), { id: 1, name: 'notes.saveDraft', args: { callId: 'draft-1', body } }))!.result;
      expect(reply.ok).toBe(true);
    };
    const card = '4111 1111 1111 1111';
    const before = 'Customer read out ';
    // Saved on every keystroke, as if the advisor typed fast enough to beat no timer at all.
    for (let k = 1; k <= card.length; k++) {
      await save(before + card.slice(0, k));
      const raw = sqliteBytes(file);
      const typed = card.slice(0, k);
      if (typed.replace(/\D/g, '').length > 6) expect(raw, `after typing "${typed}"`).not.toContain(typed);
      expect(raw).not.toContain('4111111');
    }
    // All 16 typed: masked where it entered the core, and its last four still held back.
    expect(core.requireSignedIn().notes.draft('draft-1')).toBe(`${before}411111••••••`);
    await save(`${before}${card}, then stopped them`);
    expect(core.requireSignedIn().notes.draft('draft-1')).toBe(`${before}411111••••••1111, then stopped them`);
    const raw = sqliteBytes(file);
    expect(raw).toContain('411111••••••1111, then stopped them');
    expect(raw).not.toContain(card);
    await core.stop();
  });

  it('overwrites deleted rows (secure_delete): a sent outbox request leaves nothing in the file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rapport-secure-delete-')), 'store.sqlite');
    const store = new DesktopStore(path);
    const marker = 'Recipient Ms Evelyn Marker-Quixotic, 14 Thistle Lane';
    store.queue({ id: 'row-1', key: 'g-secure-delete-1', kind: 'gesture', body: { reason: marker }, summary: 'Flowers' });
    checkpoint(path);
    expect(sqliteBytes(path)).toContain(marker);
    store.outboxDone('row-1');
    checkpoint(path);
    expect(sqliteBytes(path)).not.toContain(marker);
    store.close();
  });
});
