import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import type { OutboxEntry } from '../../shared/contract/gestures';
import type { RequestArgs } from '../../shared/contract/requests';
import type { FollowUpView, GestureRequestView } from '../../shared/schemas/gestures';
import { actionRunner, withoutError } from './actionRunner';
import { bridge } from './bridgeRef';
import { useCaseTabsStore } from './caseTabs';
import { fetchInto } from './fetchInto';
import { useHomesStore } from './homes';
import { idle, type Loadable } from './loadable';
import { caseChanged, customerChanged } from './queries';

export type GestureDraft = RequestArgs<'gestures.send'>;
export type OpenCaseArgs = RequestArgs<'cases.open'>;

/** What became of the last gesture the advisor sent: decided by the hub, or waiting on this computer. */
export type SendOutcome = { kind: 'sent'; request: GestureRequestView } | { kind: 'queued'; entry: OutboxEntry };

interface GoodwillStore {
  mine: Loadable<GestureRequestView[]>;
  followUps: Loadable<FollowUpView[]>;
  outbox: OutboxEntry[];
  /** What became of the last gesture sent, with the case it was for (only that case's tab says so). */
  lastSent: (SendOutcome & { caseId: string }) | null;
  /** A supervisor has just decided one of this advisor's requests: the toast says so. */
  decision: GestureRequestView | null;
  /** Busy flags and errors per action key, such as `send`, `withdraw:<id>` or `followUp:<id>`. */
  busy: Partial<Record<string, boolean>>;
  errors: Partial<Record<string, BridgeError>>;
  /** Opens the case in its own tab of the case workspace (or brings its tab forward). */
  openCase(caseId: string, title?: string): void;
  openNewCase(args: OpenCaseArgs): Promise<boolean>;
  loadMine(): Promise<void>;
  loadFollowUps(): Promise<void>;
  loadOutbox(): Promise<void>;
  send(draft: GestureDraft): Promise<boolean>;
  withdraw(requestId: string, reason: string): Promise<boolean>;
  discard(outboxId: string): Promise<boolean>;
  completeFollowUp(followUpId: string, outcome: string): Promise<boolean>;
  clearError(key: string): void;
  dismissSent(): void;
  /** The hub says a request of mine was decided: fetch it, raise the toast, update the case's banner. */
  noteDecision(requestId: string): Promise<void>;
  dismissDecision(): void;
  /** Something about gestures changed on the hub or in the outbox: reload what is on screen. */
  refresh(): void;
  clear(): void;
}

const blank = {
  mine: idle,
  followUps: idle,
  outbox: [] as OutboxEntry[],
  lastSent: null,
  decision: null,
  busy: {},
  errors: {},
} satisfies Partial<GoodwillStore>;

let refreshTimer: ReturnType<typeof setTimeout> | null = null;

export const useGoodwillStore = create<GoodwillStore>()((set, get) => {
  const loaders = {
    mine: fetchInto(
      () => get().mine,
      (mine) => set({ mine }),
      () => bridge().call('gestures.mine', {}),
      (v) => v.gestures,
    ),
    followUps: fetchInto(
      () => get().followUps,
      (followUps) => set({ followUps }),
      () => bridge().call('gestures.followUps', { state: 'open' }),
      (v) => v.followUps,
    ),
  };

  const run = actionRunner<string>(get, set);

  return {
    ...blank,

    openCase: (id, title) => useCaseTabsStore.getState().openCase(id, title),

    openNewCase: (args) =>
      run(
        'openCase',
        () => bridge().call('cases.open', args),
        ({ case: opened }) => {
          get().openCase(opened.id, opened.customerName ?? opened.reference);
          void useHomesStore.getState().loadAdvisor();
        },
      ),

    loadMine: loaders.mine.load,
    loadFollowUps: loaders.followUps.load,

    async loadOutbox() {
      const result = await bridge().call('gestures.outbox', {});
      if (result.ok) set({ outbox: result.value });
    },

    send: (draft) =>
      run(
        'send',
        () => bridge().call('gestures.send', draft),
        (answer) => {
          set({
            lastSent:
              'sent' in answer
                ? { kind: 'sent', request: answer.sent.request, caseId: draft.caseId }
                : { kind: 'queued', entry: answer.queued, caseId: draft.caseId },
          });
          get().refresh();
        },
      ),

    withdraw: (requestId, reason) =>
      run(
        `withdraw:${requestId}`,
        () => bridge().call('gestures.withdraw', { requestId, reason }),
        () => get().refresh(),
      ),

    discard: (outboxId) =>
      run(
        `discard:${outboxId}`,
        () => bridge().call('gestures.discard', { outboxId }),
        (outbox) => set({ outbox }),
      ),

    completeFollowUp: (followUpId, outcome) =>
      run(
        `followUp:${followUpId}`,
        () => bridge().call('gestures.followUpDone', { followUpId, outcome }),
        ({ followUps }) => set({ followUps: { status: 'ready', data: followUps } }),
      ),

    clearError: (key) => set({ errors: withoutError(get().errors, key) }),

    dismissSent: () => set({ lastSent: null }),

    async noteDecision(requestId) {
      await get().loadMine();
      const mine = get().mine;
      const request = 'data' in mine ? mine.data?.find((r) => r.id === requestId) : undefined;
      if (!request) return;
      const sent = get().lastSent;
      set({
        decision: request,
        ...(sent?.kind === 'sent' && sent.request.id === requestId ? { lastSent: { ...sent, request } } : {}),
      });
    },

    dismissDecision: () => set({ decision: null }),

    refresh() {
      if (refreshTimer) clearTimeout(refreshTimer);
      // A decision arrives as several pushes at once (resolved, decided): one reload is enough.
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        const { mine, followUps } = get();
        caseChanged();
        customerChanged();
        void get().loadOutbox();
        if (mine.status !== 'idle') void get().loadMine();
        if (followUps.status !== 'idle') void get().loadFollowUps();
      }, 150);
    },

    // One person's customers and requests must never show on the next person's screen.
    clear() {
      Object.values(loaders).forEach((l) => l.cancel());
      if (refreshTimer) clearTimeout(refreshTimer);
      refreshTimer = null;
      set(blank);
    },
  };
});

export const useGoodwillLists = () => {
  const mine = useGoodwillStore((s) => s.mine);
  const followUps = useGoodwillStore((s) => s.followUps);
  const outbox = useGoodwillStore((s) => s.outbox);
  return { mine, followUps, outbox };
};
export const useLastSent = () => useGoodwillStore((s) => s.lastSent);
export const useGestureDecision = () => useGoodwillStore((s) => s.decision);
/** Busy flag and last error of one action key, and a way to dismiss the error. */
export const useGoodwillAction = (key: string) => {
  const busy = useGoodwillStore((s) => s.busy[key] ?? false);
  const error = useGoodwillStore((s) => s.errors[key] ?? null);
  const clearError = useGoodwillStore((s) => s.clearError);
  return { busy, error, clearError: () => clearError(key) };
};
export const useGoodwillActions = () => {
  const s = useGoodwillStore.getState();
  return {
    openCase: s.openCase,
    openNewCase: s.openNewCase,
    loadMine: s.loadMine,
    loadFollowUps: s.loadFollowUps,
    loadOutbox: s.loadOutbox,
    send: s.send,
    withdraw: s.withdraw,
    discard: s.discard,
    completeFollowUp: s.completeFollowUp,
    dismissSent: s.dismissSent,
    dismissDecision: s.dismissDecision,
  };
};
/** Customers by name, phone or membership number, for opening a case by hand. */
export const searchCustomers = (q: string) => bridge().call('customers.search', { q });
