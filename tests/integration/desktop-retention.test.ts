import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallHistoryEntry } from '../../shared/contract/calls';
import { DesktopCore } from '../../electron/core/core';
import { loadRetention, RetentionKeeper } from '../../electron/core/retention';
import { DesktopStore } from '../../electron/core/store';
import { sqliteBytes } from '../support/card-corpus';

const DAY = 24 * 60 * 60 * 1000;

const call = (callId: string, caller: string, customerName: string, at: number): CallHistoryEntry => ({
  callId, caller, customerName, line: 'food', phase: 'ended', outcome: 'Answered', at, durationSeconds: 60, wrapupCode: null, wrapupLabel: null, callBack: false,
});

/** A person's store on this computer with one call and one draft of each age. */
function personStore(dataDir: string, userId: string, now: number) {
  const store = DesktopStore.forUser(dataDir, userId);
  store.setMeta('erasures_synced_at', String(now)); // read the erasure feed just now: not wiped as stale
  store.saveCall(call(`${userId}-old`, '+447700900111', `Old Caller ${userId}`, now - 31 * DAY));
  store.saveCall(call(`${userId}-recent`, '+447700900222', `Recent Caller ${userId}`, now - 29 * DAY));
  store.saveDraft(`${userId}-old-draft`, `Old draft of ${userId}`);
  store.saveDraft(`${userId}-recent-draft`, `Recent draft of ${userId}`);
  store.close();
  const db = new Database(store.path) as unknown as { prepare(s: string): { run(p: unknown[]): unknown }; close(): void };
  db.prepare('UPDATE note_drafts SET updated_at = ? WHERE call_id = ?').run([now - 8 * DAY, `${userId}-old-draft`]);
  db.prepare('UPDATE note_drafts SET updated_at = ? WHERE call_id = ?').run([now - 6 * DAY, `${userId}-recent-draft`]);
  db.close();
  return store.path;
}

const contents = (path: string, userId: string) => {
  const store = new DesktopStore(path);
  const calls = store.recentCalls().map((c) => c.callId);
  const drafts = [store.draft(`${userId}-old-draft`), store.draft(`${userId}-recent-draft`)];
  store.close();
  return { calls, drafts };
};

describe('what stays on this computer, and for how long', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('at start, prunes every person’s store: calls after 30 days, drafts after 7, nothing left in the file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-retention-'));
    const now = Date.now();
    const paths = ['usr_a', 'usr_b'].map((u) => personStore(dataDir, u, now));
    const core = new DesktopCore({ dataDir, hubUrl: '' });
    await core.start();
    for (const [i, path] of paths.entries()) {
      const user = ['usr_a', 'usr_b'][i]!;
      const store = new DesktopStore(path);
      expect(store.recentCalls().map((c) => c.callId)).toEqual([`${user}-recent`]);
      expect(store.draft(`${user}-old-draft`)).toBe('');
      expect(store.draft(`${user}-recent-draft`)).toBe(`Recent draft of ${user}`);
      store.close();
      const raw = sqliteBytes(path);
      expect(raw).not.toContain(`Old Caller ${user}`);
      expect(raw).not.toContain('+447700900111');
      expect(raw).not.toContain(`Old draft of ${user}`);
      expect(raw).toContain(`Recent Caller ${user}`);
    }
    // The periods are settings on this computer, written out so an administrator can change them.
    expect(JSON.parse(readFileSync(join(dataDir, 'retention.json'), 'utf8'))).toEqual({ callHistoryDays: 30, noteDraftDays: 7, wipeAtSignOut: false, erasureDeadlineDays: 30 });
    await core.stop();
  });

  it('uses the periods as set, and runs again every day', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-retention-daily-'));
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const now = Date.now();
    const path = personStore(dataDir, 'usr_c', now);
    writeFileSync(join(dataDir, 'retention.json'), JSON.stringify({ callHistoryDays: 60, noteDraftDays: 10 }));
    expect(loadRetention(dataDir)).toEqual({ callHistoryDays: 60, noteDraftDays: 10, wipeAtSignOut: false, erasureDeadlineDays: 30 });
    const keeper = new RetentionKeeper(dataDir, () => null);
    keeper.start();
    expect(contents(path, 'usr_c').calls).toEqual(['usr_c-recent', 'usr_c-old']); // 31 days < 60: kept
    writeFileSync(join(dataDir, 'retention.json'), JSON.stringify({ callHistoryDays: 30, noteDraftDays: 7 }));
    vi.advanceTimersByTime(DAY);
    // A day on: the recent call is 30 days old, the recent draft 7: both still inside; the others go.
    expect(contents(path, 'usr_c')).toEqual({ calls: ['usr_c-recent'], drafts: ['', 'Recent draft of usr_c'] });
    vi.advanceTimersByTime(DAY);
    expect(contents(path, 'usr_c')).toEqual({ calls: [], drafts: ['', ''] });
    keeper.stop();
  });

  it('names a bad settings file and keeps the default periods', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-retention-bad-'));
    writeFileSync(join(dataDir, 'retention.json'), '{"callHistoryDays": -4}');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(loadRetention(dataDir)).toEqual({ callHistoryDays: 30, noteDraftDays: 7, wipeAtSignOut: false, erasureDeadlineDays: 30 });
    expect(errors.mock.calls.join(' ')).toContain('retention.json is not valid');
    errors.mockRestore();
  });
});
