import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import type { ApprovalView, GestureRequestView } from '../../shared/schemas/gestures';
import { actionRunner, withoutError } from './actionRunner';
import { bridge } from './bridgeRef';
import { fetchInto } from './fetchInto';
import { useHomesStore } from './homes';
import { idle, type Loadable } from './loadable';

export type FulfilmentStep = 'ordered' | 'delivered' | 'donation_confirmed';

/** A request that has just arrived in the inbox, for the alert at the top of the screen. */
export interface ApprovalAlert {
  requestId: string;
  at: number;
}

interface ApprovalsStore {
  inbox: Loadable<ApprovalView[]>;
  fulfilment: Loadable<GestureRequestView[]>;
  decided: Loadable<GestureRequestView[]>;
  alert: ApprovalAlert | null;
  /** Busy flags and errors per action key: `decide:<id>`, `fulfil:<id>`. */
  busy: Partial<Record<string, boolean>>;
  errors: Partial<Record<string, BridgeError>>;
  loadInbox(): Promise<void>;
  loadFulfilment(): Promise<void>;
  loadDecided(): Promise<void>;
  decide(requestId: string, decision: 'approve' | 'reject', reason: string): Promise<boolean>;
  recordFulfilment(requestId: string, status: FulfilmentStep, note?: string): Promise<boolean>;
  /** The hub said a gesture changed; a new request also raises the alert. */
  changed(what: string, requestId: string | null): void;
  dismissAlert(): void;
  clearError(key: string): void;
  clear(): void;
}

let reloadTimer: ReturnType<typeof setTimeout> | null = null;

export const useApprovalsStore = create<ApprovalsStore>()((set, get) => {
  const inbox = fetchInto(
    () => get().inbox,
    (v) => set({ inbox: v }),
    () => bridge().call('gestures.approvals', {}),
    (v) => v.approvals,
  );
  const fulfilment = fetchInto(
    () => get().fulfilment,
    (v) => set({ fulfilment: v }),
    () => bridge().call('gestures.fulfilmentQueue', {}),
    (v) => v.gestures,
  );
  const decided = fetchInto(
    () => get().decided,
    (v) => set({ decided: v }),
    () => bridge().call('gestures.decided', {}),
    (v) => v.gestures,
  );
  const run = actionRunner<string>(get, set);
  const reload = () => {
    void inbox.load();
    if (get().fulfilment.status !== 'idle') void fulfilment.load();
    if (get().decided.status !== 'idle') void decided.load();
    // The home's "Pending approvals" counts the same requests: it follows each decision, here or anywhere.
    const homes = useHomesStore.getState();
    if (homes.supervisor.status !== 'idle') void homes.loadSupervisor();
  };

  return {
    inbox: idle,
    fulfilment: idle,
    decided: idle,
    alert: null,
    busy: {},
    errors: {},
    loadInbox: inbox.load,
    loadFulfilment: fulfilment.load,
    loadDecided: decided.load,

    decide: (requestId, decision, reason) =>
      run(
        `decide:${requestId}`,
        () => bridge().call('gestures.decide', { requestId, decision, ...(reason.trim() ? { reason } : {}) }),
        reload,
      ),

    recordFulfilment: (requestId, status, note) =>
      run(
        `fulfil:${requestId}`,
        () => bridge().call('gestures.fulfilment', { requestId, status, ...(note?.trim() ? { note } : {}) }),
        () => void fulfilment.load(),
      ),

    changed(what, requestId) {
      if (what === 'requested' && requestId) set({ alert: { requestId, at: Date.now() } });
      if (reloadTimer) clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => {
        reloadTimer = null;
        if (get().inbox.status !== 'idle' || get().decided.status !== 'idle' || useHomesStore.getState().supervisor.status !== 'idle') reload();
      }, 150);
    },

    dismissAlert: () => set({ alert: null }),
    clearError: (key) => set({ errors: withoutError(get().errors, key) }),

    clear() {
      inbox.cancel();
      fulfilment.cancel();
      decided.cancel();
      if (reloadTimer) clearTimeout(reloadTimer);
      reloadTimer = null;
      set({ inbox: idle, fulfilment: idle, decided: idle, alert: null, busy: {}, errors: {} });
    },
  };
});

export const useApprovals = () => {
  const inbox = useApprovalsStore((s) => s.inbox);
  const fulfilment = useApprovalsStore((s) => s.fulfilment);
  const decided = useApprovalsStore((s) => s.decided);
  const alert = useApprovalsStore((s) => s.alert);
  return { inbox, fulfilment, decided, alert };
};
export const useApprovalAction = (key: string) => {
  const busy = useApprovalsStore((s) => s.busy[key] ?? false);
  const error = useApprovalsStore((s) => s.errors[key] ?? null);
  const clearError = useApprovalsStore((s) => s.clearError);
  return { busy, error, clearError: () => clearError(key) };
};
export const useApprovalActions = () => {
  const s = useApprovalsStore.getState();
  return {
    loadInbox: s.loadInbox,
    loadFulfilment: s.loadFulfilment,
    loadDecided: s.loadDecided,
    decide: s.decide,
    recordFulfilment: s.recordFulfilment,
    dismissAlert: s.dismissAlert,
  };
};
