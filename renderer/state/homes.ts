import { create } from 'zustand';
import type { AdminHome, AdvisorHome, SupervisorHome } from '../../shared/contract/requests';
import { bridge } from './bridgeRef';
import { idle, loading, type Loadable } from './loadable';

interface HomesStore {
  advisor: Loadable<AdvisorHome>;
  supervisor: Loadable<SupervisorHome>;
  admin: Loadable<AdminHome>;
  loadAdvisor(): Promise<void>;
  loadSupervisor(): Promise<void>;
  loadAdmin(): Promise<void>;
  clear(): void;
}

export const useHomesStore = create<HomesStore>()((set, get) => ({
  advisor: idle,
  supervisor: idle,
  admin: idle,

  async loadAdvisor() {
    set({ advisor: loading(get().advisor) });
    const result = await bridge().call('home.advisor', {});
    set({ advisor: result.ok ? { status: 'ready', data: result.value } : { status: 'error', error: result.error } });
  },

  async loadSupervisor() {
    set({ supervisor: loading(get().supervisor) });
    const result = await bridge().call('home.supervisor', {});
    set({ supervisor: result.ok ? { status: 'ready', data: result.value } : { status: 'error', error: result.error } });
  },

  async loadAdmin() {
    set({ admin: loading(get().admin) });
    const result = await bridge().call('home.admin', {});
    set({ admin: result.ok ? { status: 'ready', data: result.value } : { status: 'error', error: result.error } });
  },

  // One person's figures must never show on the next person's screen.
  clear: () => set({ advisor: idle, supervisor: idle, admin: idle }),
}));

export const useAdvisorHome = () => {
  const home = useHomesStore((s) => s.advisor);
  const load = useHomesStore((s) => s.loadAdvisor);
  return { home, load };
};
export const useSupervisorHome = () => {
  const home = useHomesStore((s) => s.supervisor);
  const load = useHomesStore((s) => s.loadSupervisor);
  return { home, load };
};
export const useAdminHome = () => {
  const home = useHomesStore((s) => s.admin);
  const load = useHomesStore((s) => s.loadAdmin);
  return { home, load };
};
