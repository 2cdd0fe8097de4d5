import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallHistoryEntry } from '../../shared/contract/calls';
import type { PushFrame } from '../../shared/contract/envelope';
import { DesktopCore } from '../../electron/core/core';
import { coreHandlers } from '../../electron/core/handlers';
import { route } from '../../electron/core/router';
import { DesktopStore } from '../../electron/core/store';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';
import { sqliteBytes } from '../support/card-corpus';
import { signInAs } from '../support/client';
import { waitUntil } from '../support/wait';

const DAY = 24 * 60 * 60 * 1000;
type Client = Awaited<ReturnType<typeof signInAs>>['client'];
interface Person {
  id: string;
  name: string;
  phone: string;
}

const call = (callId: string, caller: string, customerName: string | null, customerId: string | null = null, at = Date.now()): CallHistoryEntry => ({
  callId, caller, customerName, customerId, line: 'food', phase: 'ended', outcome: 'Answered', at, durationSeconds: 60, wrapupCode: null, wrapupLabel: null, callBack: false,
});

function desktop(hubUrl: string, dataDir = mkdtempSync(join(tmpdir(), 'rapport-erasure-'))) {
  // Outboxes are flushed on connect and when told; no timer runs during a test.
  const core = new DesktopCore({ dataDir, hubUrl, resyncEveryMs: 60 * 60_000 });
  const pushes: PushFrame[] = [];
  core.onPush((f) => pushes.push(f));
  const call = async (name: string, args: unknown = {}) => (await route(coreHandlers(core), { id: 1, name, args }))!.result;
  return { core, pushes, call, dataDir };
}

/** A waiting or refused note (or gesture) in a store's outbox for a case. */
function queueFor(store: DesktopStore, kind: 'note' | 'gesture', caseId: string, text: string, state: 'waiting' | 'refused') {
  const id = `row-${Math.random().toString(36).slice(2)}`;
  const key = `key-${id}`;
  const body = kind === 'note' ? { caseId, caseReference: null, callId: null, body: text, idempotencyKey: key } : { caseId, message: text, idempotencyKey: key };
  store.queue({ id, key, kind, body, summary: `${kind} on ${caseId}` });
  if (state === 'refused') store.outboxAttempted(id, { state: 'refused', error: 'kept for the advisor to see' });
}

describe('desktops remove an erased customer from everything they keep', () => {
  let hub: Hub;
  let advisor: Client;
  let head: Client;
  let people: Person[];
  const erase = async (person: Person, caseRef: string) => {
    const res = await head.post('/api/erasures', { customerId: person.id, requestCaseReference: caseRef, requestedOn: '2026-11-30' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.erasure as { seq: number; reference: string };
  };
  const openCase = async (person: Person, callId: string | null) => {
    const res = await advisor.post('/api/cases', { customerId: person.id, channel: 'phone', line: 'food', subject: `Call from ${person.name}`, callId });
    expect(res.status).toBe(201);
    return res.body.case as { id: string; reference: string };
  };

  beforeAll(async () => {
    hub = await testHub(sqliteBackend);
    advisor = (await signInAs(hub.url, 'advisor3.mcr')).client;
    head = (await signInAs(hub.url, 'admin.mcr')).client;
    people = await hub.context.db.all<Person>(
      `SELECT id, name, phone FROM customers c WHERE phone LIKE '+447700900%' AND (SELECT COUNT(*) FROM customers d WHERE d.name = c.name) = 1 ORDER BY id LIMIT 4`,
    );
  });
  afterAll(async () => {
    await hub.close();
  });

  it('a signed-in desktop hears the erasure and purges its store, outbox, drafts, call history and the page', async () => {
    const [person, other] = people as [Person, Person];
    const theirCase = await openCase(person, 'call-erase-1');
    const d = desktop(hub.url);
    expect(await d.call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    await waitUntil(async () => d.core.connection.state === 'online', 'the desktop online');
    const { store } = d.core.requireSignedIn();

    // What an advisor's computer holds about them after a few calls.
    store.saveCall(call('call-erase-1', person.phone, person.name)); // the call their case was opened for
    store.saveCall(call('call-unlinked', person.phone, null)); // rang before they were known: only the number says so
    store.saveCall(call('call-linked', '+441134960999', person.name, person.id)); // from another phone, card linked
    store.saveCall(call('call-other', other.phone, other.name, other.id));
    store.saveDraft('call-erase-1', `Half a note about ${person.name}`);
    store.saveDraft('call-unlinked', 'Rang about a refund for the zebra-striped teapot');
    store.saveDraft('call-other', `Draft for ${other.name}`);
    store.cacheCase(theirCase.id, { case: { id: theirCase.id, customerName: person.name }, notes: [] });
    store.cacheCase('case_someone_else', { case: { id: 'case_someone_else', customerName: other.name }, notes: [] });
    queueFor(store, 'note', theirCase.id, `Note quoting ${person.name}`, 'refused');
    queueFor(store, 'gesture', theirCase.id, `Dear ${person.name}`, 'refused');
    queueFor(store, 'note', 'case_someone_else', `Note for ${other.name}`, 'refused');

    await erase(person, theirCase.reference);
    await waitUntil(async () => store.recentCalls().length === 1, 'the desktop to apply the erasure');

    expect(store.recentCalls().map((c) => c.callId)).toEqual(['call-other']);
    expect([store.draft('call-erase-1'), store.draft('call-unlinked'), store.draft('call-other')]).toEqual(['', '', `Draft for ${other.name}`]);
    expect(store.cachedCase(theirCase.id)).toBeNull();
    expect(store.cachedCase('case_someone_else')).not.toBeNull();
    expect(store.outbox().map((r) => r.summary)).toEqual(['note on case_someone_else']);
    const told = d.pushes.find((p) => p.push === 'customers.erased');
    expect(told?.data).toMatchObject({ customerIds: [person.id] });
    expect((told?.data as { caseIds: string[] }).caseIds).toContain(theirCase.id);
    // Search on this desktop asks the hub, which no longer knows them.
    expect(await d.call('customers.search', { q: person.name })).toMatchObject({ ok: true, value: { customers: [] } });

    const raw = sqliteBytes(store.path);
    for (const text of [person.name, person.phone, 'Half a note', 'zebra-striped teapot']) expect(raw.includes(text), text).toBe(false);
    expect(raw).toContain(other.name);
    await d.core.stop();
  });

  it('a desktop that was away reads the feed before it sends what waited, so a note about an erased customer never reaches the hub', async () => {
    const [, , person, other] = people as [Person, Person, Person, Person];
    const theirCase = await openCase(person, null);
    const otherCase = await openCase(other, null);
    const d = desktop(hub.url);
    await d.call('session.signIn', { username: 'advisor2.mcr', password: DEMO_PASSWORD });
    await waitUntil(async () => d.core.connection.state === 'online', 'the desktop online');
    const userId = d.core.requireSignedIn().saved.user.id;
    await d.core.stop(); // the computer is switched off; the session stays saved

    await erase(person, theirCase.reference);
    const offline = DesktopStore.forUser(d.dataDir, userId);
    queueFor(offline, 'note', theirCase.id, `Written offline about ${person.name}`, 'waiting');
    queueFor(offline, 'note', otherCase.id, 'Written offline: the other customer is happy now', 'waiting');
    offline.close();

    const back = desktop(hub.url, d.dataDir);
    await back.core.start();
    const notesOf = async (caseId: string) => JSON.stringify((await advisor.get(`/api/cases/${caseId}`)).body.notes);
    await waitUntil(async () => (await notesOf(otherCase.id)).includes('the other customer is happy now'), 'the other note on the hub');
    expect(await notesOf(theirCase.id)).not.toContain('Written offline');
    expect(back.core.requireSignedIn().store.outbox()).toEqual([]);
    await back.core.stop();
  });

  it('wipes at start every store on the computer that has not read the erasure feed within the deadline', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-erasure-stale-'));
    const now = Date.now();
    const fill = (userId: string, syncedAt: number) => {
      const store = DesktopStore.forUser(dataDir, userId);
      store.setMeta('erasures_synced_at', String(syncedAt));
      store.saveCall(call(`${userId}-call`, '+447700900555', `Caller of ${userId}`, null, now - DAY));
      store.saveDraft(`${userId}-call`, `Draft of ${userId}`);
      store.cacheCase(`${userId}-case`, { case: { customerName: `Cached customer of ${userId}` } });
      queueFor(store, 'note', `${userId}-case`, `Unsent note of ${userId}`, 'waiting');
      store.close();
      return store.path;
    };
    writeFileSync(join(dataDir, 'retention.json'), JSON.stringify({ callHistoryDays: 30, noteDraftDays: 7, wipeAtSignOut: false, erasureDeadlineDays: 14 }));
    const stale = fill('usr_away', now - 15 * DAY);
    const fresh = fill('usr_here', now - 2 * DAY);

    const core = new DesktopCore({ dataDir, hubUrl: '' });
    await core.start();
    const staleBytes = sqliteBytes(stale);
    for (const text of ['Caller of usr_away', 'Draft of usr_away', 'Cached customer of usr_away', 'Unsent note of usr_away']) {
      expect(staleBytes.includes(text), text).toBe(false);
    }
    const kept = new DesktopStore(fresh);
    expect(kept.recentCalls()).toHaveLength(1);
    expect(kept.outbox()).toHaveLength(1);
    kept.close();
    await core.stop();
  });

  it('follows the hub’s retention settings and, on a shared computer, wipes a person’s customer data when they sign out', async () => {
    const settings = { callHistoryDays: 10, noteDraftDays: 2, wipeAtSignOut: true, erasureDeadlineDays: 14 };
    expect((await head.put('/api/privacy/settings', settings)).status).toBe(200);
    const d = desktop(hub.url);
    await d.call('session.signIn', { username: 'advisor1.lds', password: DEMO_PASSWORD });
    const retention = join(d.dataDir, 'retention.json');
    await waitUntil(async () => existsSync(retention) && readFileSync(retention, 'utf8').includes('"wipeAtSignOut": true'), 'the hub’s settings on this computer');
    expect(JSON.parse(readFileSync(retention, 'utf8'))).toEqual(settings);

    const { store } = d.core.requireSignedIn();
    store.saveCall(call('call-11-days', '+447700900777', 'Eleven Days Ago', null, Date.now() - 11 * DAY));
    store.saveCall(call('call-today', '+447700900778', 'Rang Today'));
    expect(d.core.retention.runNow().calls).toBe(1);
    expect(store.recentCalls().map((c) => c.callId)).toEqual(['call-today']);
    store.saveDraft('call-today', 'Half-written on a shared computer');
    store.cacheCase('case_shared', { case: { customerName: 'Rang Today' } });
    queueFor(store, 'note', 'case_shared', 'Not yet on the hub', 'refused');

    // Another admin change arrives live.
    expect((await head.put('/api/privacy/settings', { ...settings, callHistoryDays: 12 })).status).toBe(200);
    await waitUntil(async () => readFileSync(retention, 'utf8').includes('"callHistoryDays": 12'), 'the live change');

    await d.call('session.signOut');
    const after = new DesktopStore(store.path);
    expect([after.recentCalls(), after.draft('call-today'), after.cachedCase('case_shared')]).toEqual([[], '', null]);
    expect(after.outbox().map((r) => r.summary)).toEqual(['note on case_shared']); // work not yet on the hub stays
    after.close();
    expect(sqliteBytes(store.path)).not.toContain('Rang Today');
    await d.core.stop();
  });
});
