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

export const useConnectionStore = create<ConnectionStore>()((set) => ({
  link: 'connecting',
  status: null,
  syncRequested: false,
  setLink: (link) => set({ link }),
  applyStatus: (status) => set({ status }),
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
