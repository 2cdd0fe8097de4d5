import { createHash } from 'node:crypto';
import { erasureChangesPage, PHONE_DIGEST_HEX, type ErasureChange } from '../../shared/schemas/erasure';
import { Coalesced } from './coalesce';
import { CoreError } from './errors';
import type { HubClient } from './hub-client';
import type { CustomerMatch, DesktopStore, Forgotten } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;
const CURSOR = 'erasure_cursor';
const SYNCED_AT = 'erasures_synced_at';

/** The hub's digest of a caller's number (sha256 of salt, colon, E.164), compared without the hub ever sending the number. */
const digestOf = (salt: string, caller: string) => createHash('sha256').update(`${salt}:${caller}`).digest('hex').slice(0, PHONE_DIGEST_HEX);

export function matchOf(change: ErasureChange): CustomerMatch {
  const digests = new Set(change.phoneDigests);
  const salt = change.phoneSalt;
  return {
    customerId: change.customerId,
    caseIds: change.caseIds,
    callIds: change.callIds,
    isTheirNumber: (caller) => salt !== null && digests.size > 0 && digests.has(digestOf(salt, caller)),
  };
}

/** When this store last read the whole erasure feed (before erasures existed: its last knowledge sync). */
export function erasuresSyncedAt(store: DesktopStore): number | null {
  const at = store.getMeta(SYNCED_AT) ?? store.getMeta('last_synced_at');
  return at ? Number(at) : null;
}

/**
 * A store that has not read the erasure feed within the deadline cannot show that it removed the
 * customers erased meanwhile, so everything it holds about customers goes (call history, drafts,
 * case copies, the unsent outbox); the knowledge cache stays. Returns what went, or null.
 */
export function wipeIfStale(store: DesktopStore, deadlineDays: number, now: number): Forgotten | null {
  if (!store.holdsCustomerData()) return null;
  const at = erasuresSyncedAt(store);
  if (at !== null && now - at <= deadlineDays * DAY_MS) return null;
  return store.wipeCustomerData({ keepOutbox: false });
}

/**
 * Reads the hub's erasure feed from this store's cursor, as knowledge sync does, and removes each
 * erased customer from the store as it goes (removal is idempotent, so a page applied twice after
 * a crash does no harm). Concurrent triggers collapse into one run plus, if needed, one more.
 */
export class ErasureSync {
  private readonly runs = new Coalesced(() => this.pullAll());

  constructor(
    private readonly hub: HubClient,
    private readonly store: DesktopStore,
    private readonly onErased: (changes: ErasureChange[]) => void,
    private readonly pageSize = 200,
  ) {}

  get cursor(): number {
    return Number(this.store.getMeta(CURSOR) ?? 0);
  }

  run(): Promise<number> {
    return this.runs.run();
  }

  private async pullAll(): Promise<number> {
    let cursor = this.cursor;
    for (;;) {
      const raw = await this.hub.get<unknown>(`/api/erasures/changes?after=${cursor}&limit=${this.pageSize}`);
      const page = erasureChangesPage.safeParse(raw);
      if (!page.success) throw new CoreError('hub_bad_reply', 'The hub sent an erasure page this desktop does not understand.');
      if (page.data.cursor < cursor) throw new CoreError('hub_bad_reply', 'The hub’s erasure cursor went backwards.');
      for (const change of page.data.changes) this.store.forgetCustomer(matchOf(change));
      cursor = page.data.cursor;
      this.store.setMeta(CURSOR, String(cursor));
      if (page.data.changes.length) this.onErased(page.data.changes);
      if (!page.data.more) {
        this.store.setMeta(SYNCED_AT, String(Date.now()));
        return cursor;
      }
    }
  }
}
