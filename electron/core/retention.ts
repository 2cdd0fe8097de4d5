import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFileWhole } from './whole-file';
import { join } from 'node:path';
import { z } from 'zod';
import { wipeIfStale } from './erasure-sync';
import { privacySettings } from '../../shared/schemas/erasure';
import type { HubClient } from './hub-client';
import { DesktopStore } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long this computer keeps what it holds about callers. An organisation admin sets them on the
 * hub; each desktop writes the hub's values to `retention.json` in its data folder whenever it
 * hears them, so they hold at the next start too, before anyone signs in or while the hub is away.
 */
export const retentionSettings = z.object({
  /** Recent calls (numbers and names) on this computer. */
  callHistoryDays: z.number().int().min(1).max(3650).default(30),
  /** Unsent note drafts, for a call long over. */
  noteDraftDays: z.number().int().min(1).max(3650).default(7),
  /** Shared computers: each person's customer data goes when they sign out. */
  wipeAtSignOut: z.boolean().default(false),
  /** A store that has not read the erasure feed for this long is wiped of customer data. */
  erasureDeadlineDays: z.number().int().min(1).max(3650).default(30),
});
export type RetentionSettings = z.infer<typeof retentionSettings>;

const settingsFile = (dataDir: string) => join(dataDir, 'retention.json');

/** The periods as set; a missing file is written with the defaults, a bad one is named and the defaults used. */
export function loadRetention(dataDir: string): RetentionSettings {
  const path = settingsFile(dataDir);
  if (!existsSync(path)) return saveRetention(dataDir, {});
  try {
    return retentionSettings.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (err) {
    console.error(`[core] ${path} is not valid (${(err as Error).message.split('\n')[0]}); keeping the default periods`);
    return retentionSettings.parse({});
  }
}

export function saveRetention(dataDir: string, change: Partial<RetentionSettings>): RetentionSettings {
  const settings = retentionSettings.parse(change);
  writeFileWhole(settingsFile(dataDir), `${JSON.stringify(settings, null, 2)}\n`);
  return settings;
}

/** What one store dropped; `wiped` counts stores that had not read the erasure feed within the deadline. */
export interface Pruned {
  calls: number;
  drafts: number;
  wiped: number;
}

export function pruneStore(store: DesktopStore, settings: RetentionSettings, now: number): Pruned {
  const wiped = wipeIfStale(store, settings.erasureDeadlineDays, now);
  const pruned = store.prune({ callsBefore: now - settings.callHistoryDays * DAY_MS, draftsBefore: now - settings.noteDraftDays * DAY_MS });
  return { calls: pruned.calls + (wiped?.calls.length ?? 0), drafts: pruned.drafts + (wiped?.drafts ?? 0), wiped: wiped ? 1 : 0 };
}

/**
 * The one pruning mechanism: every person's store on this computer, not only whoever is signed in
 * (a partner site's shared PC may not see that person again for months), at start and then daily.
 */
export class RetentionKeeper {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataDir: string,
    /** The store open in this process, if any: pruned through its own connection. */
    private readonly openStore: () => DesktopStore | null,
  ) {}

  start(): void {
    this.runNow();
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => this.runNow(), DAY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The organisation's retention rules, read from the hub and kept on this computer for the next start. */
  async takeFromHub(hub: HubClient): Promise<void> {
    const reply = await hub.get<{ settings: unknown }>('/api/privacy/settings').catch(() => null);
    const parsed = privacySettings.safeParse(reply?.settings);
    if (!parsed.success) return;
    saveRetention(this.dataDir, parsed.data);
    this.runNow();
  }

  runNow(now = Date.now()): Pruned {
    const settings = loadRetention(this.dataDir);
    const total: Pruned = { calls: 0, drafts: 0, wiped: 0 };
    const usersDir = join(this.dataDir, 'users');
    if (!existsSync(usersDir)) return total;
    const open = this.openStore();
    for (const user of readdirSync(usersDir)) {
      const path = join(usersDir, user, 'store.sqlite');
      if (!existsSync(path)) continue;
      try {
        const store = open?.path === path ? open : new DesktopStore(path);
        try {
          const pruned = pruneStore(store, settings, now);
          total.calls += pruned.calls;
          total.drafts += pruned.drafts;
          total.wiped += pruned.wiped;
        } finally {
          if (store !== open) store.close();
        }
      } catch (err) {
        console.error(`[core] could not prune ${path}: ${(err as Error).message}`);
      }
    }
    return total;
  }
}
