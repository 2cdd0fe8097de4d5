import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../electron/core/core';
import { coreHandlers } from '../../electron/core/handlers';
import { route } from '../../electron/core/router';
import type { Bridge } from '../../renderer/platform/bridge';
import { setStateBridge } from '../../renderer/state/bridgeRef';
import { useNotesStore } from '../../renderer/state/notes';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';

/** The page's bridge, in process: every call goes through the core's own router, as over the WebSocket. */
function inProcessBridge(core: DesktopCore): Bridge {
  const handlers = coreHandlers(core);
  let id = 0;
  const unused = () => {
    throw new Error('not used here');
  };
  return {
    call: async (name, args) => (await route(handlers, { id: ++id, name, args }))!.result as never,
    callBulk: unused,
    onBulk: unused,
    on: () => () => undefined,
    onLinkState: () => () => undefined,
    linkState: 'open' as never,
    knowledgeLink: null,
  };
}

describe('a note draft this computer cannot keep', () => {
  let hub: Hub;
  let core: DesktopCore;
  beforeAll(async () => {
    hub = await testHub(sqliteBackend);
    core = new DesktopCore({ dataDir: mkdtempSync(join(tmpdir(), 'rapport-draft-')), hubUrl: hub.url });
    setStateBridge(inProcessBridge(core));
  });
  afterAll(async () => {
    await core.stop();
    await hub.close();
  });

  it('is reported to its box with the cause (the store held by another program), and clears when a later save works', async () => {
    const bridge = inProcessBridge(core);
    expect(await bridge.call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    const notes = useNotesStore.getState();
    await notes.saveDraft('call-1', 'Customer’s eggs arrived broken');
    expect(useNotesStore.getState().draftTrouble).toEqual({});

    // Another program holds the store's write lock (a second Rapport, a backup tool).
    const storePath = core.requireSignedIn().store.path;
    const other = new Database(storePath);
    other.exec('BEGIN IMMEDIATE');
    await notes.saveDraft('call-1', 'Customer’s eggs arrived broken; wants a refund');
    const trouble = useNotesStore.getState().draftTrouble['call-1'];
    expect(trouble).toMatchObject({ code: 'store_busy' });
    expect(trouble!.message).toMatch(/held by another program/);
    // The other box's draft is not touched by this one's trouble.
    expect(Object.keys(useNotesStore.getState().draftTrouble)).toEqual(['call-1']);

    other.exec('ROLLBACK');
    other.close();
    await notes.saveDraft('call-1', 'Customer’s eggs arrived broken; wants a refund.');
    expect(useNotesStore.getState().draftTrouble).toEqual({});
    expect(await notes.loadDraft('call-1')).toBe('Customer’s eggs arrived broken; wants a refund.');
  });
});
