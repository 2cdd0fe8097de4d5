import { describe, expect, it } from 'vitest';
import { deferProgress, PROGRESS_EVERY_MS } from '../../renderer/state/connection';

const syncing = (done: number) => ({ state: 'syncing' as const, lastSyncedAt: 10, progress: { done, total: 100 } });

describe('sync progress on screen', () => {
  it('moves the bar a few times a second, not after every page', () => {
    expect(deferProgress(syncing(10), syncing(20), 40)).toBe(true);
    expect(deferProgress(syncing(10), syncing(20), PROGRESS_EVERY_MS)).toBe(false);
  });

  it('shows at once anything but a moving bar', () => {
    expect(deferProgress(null, syncing(20), 0)).toBe(false);
    expect(deferProgress(syncing(10), { state: 'online', lastSyncedAt: 11, progress: null }, 0)).toBe(false);
    expect(deferProgress(syncing(10), { ...syncing(20), state: 'offline' }, 0)).toBe(false);
    expect(deferProgress({ state: 'syncing', lastSyncedAt: 10, progress: null }, syncing(20), 0)).toBe(false);
  });
});
