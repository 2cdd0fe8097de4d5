import { create } from 'zustand';
import type { ConnectionStatus } from '../../shared/contract/pushes';
import type { LinkState } from '../platform/transport';
import { bridge } from './bridgeRef';

interface ConnectionStore {
  /** The link between this page and its desktop core (not the hub). */
  link: LinkState;
  /** What the core last told us about its own link to the hub; null until it says. */
  status: ConnectionStatus | null;
  syncRequested: boolean;
  setLink(link: LinkState): void;
  applyStatus(status: ConnectionStatus): void;
  syncNow(): Promise<void>;
}

/** A first sync reports progress after every page: the bar moves a few times a second, no more. */
export const PROGRESS_EVERY_MS = 250;

/** True when `next` only moves the progress bar of `current` and the last move was too recent. */
export function deferProgress(current: ConnectionStatus | null, next: ConnectionStatus, sinceLastMs: number): boolean {
  if (!current?.progress || !next.progress) return false;
  return current.state === next.state && current.lastSyncedAt === next.lastSyncedAt && sinceLastMs < PROGRESS_EVERY_MS;
}

let shownAt = 0;
let deferred: ReturnType<typeof setTimeout> | null = null;

export const useConnectionStore = create<ConnectionStore>()((set, get) => ({
  link: 'connecting',
  status: null,
  syncRequested: false,
  setLink: (link) => set({ link }),
  applyStatus(status) {
    if (deferred) clearTimeout(deferred);
    deferred = null;
    const since = Date.now() - shownAt;
    if (deferProgress(get().status, status, since)) {
      deferred = setTimeout(() => {
        deferred = null;
        shownAt = Date.now();
        set({ status });
      }, PROGRESS_EVERY_MS - since);
      return;
    }
    shownAt = Date.now();
    set({ status });
  },
  async syncNow() {
    set({ syncRequested: true });
    await bridge().call('knowledge.syncNow', {});
    set({ syncRequested: false });
  },
}));

export const useLinkState = () => useConnectionStore((s) => s.link);
export const useConnectionStatus = () => useConnectionStore((s) => s.status);
export const useSyncNow = () => {
  const syncNow = useConnectionStore((s) => s.syncNow);
  const syncRequested = useConnectionStore((s) => s.syncRequested);
  return { syncNow, syncRequested };
};
