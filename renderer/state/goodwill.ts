import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import type { OutboxEntry } from '../../shared/contract/gestures';
import type { RequestArgs } from '../../shared/contract/requests';
import type { CaseNoteView, CaseView } from '../../shared/schemas/customers';
import type { FollowUpView, GestureRequestView, SuggestionsView } from '../../shared/schemas/gestures';
import { actionRunner, withoutError } from './actionRunner';
import { bridge } from './bridgeRef';
import { fetchInto } from './fetchInto';
import { useHomesStore } from './homes';
import { idle, type Loadable } from './loadable';

export type GestureDraft = RequestArgs<'gestures.send'>;
export type OpenCaseArgs = RequestArgs<'cases.open'>;

/** What became of the last gesture the advisor sent: decided by the hub, or waiting on this computer. */
export type SendOutcome = { kind: 'sent'; request: GestureRequestView } | { kind: 'queued'; entry: OutboxEntry };

interface GoodwillStore {
  /** The case on screen (opened by a call or by hand); gestures always belong to a case. */
  caseId: string | null;
  caseView: Loadable<{ case: CaseView; notes: CaseNoteView[] }>;
  suggestions: Loadable<SuggestionsView>;
  caseGestures: Loadable<GestureRequestView[]>;
  mine: Loadable<GestureRequestView[]>;
  followUps: Loadable<FollowUpView[]>;
  outbox: OutboxEntry[];
  lastSent: SendOutcome | null;
  /** Busy flags and errors per action key, such as `send`, `withdraw:<id>` or `followUp:<id>`. */
  busy: Partial<Record<string, boolean>>;
  errors: Partial<Record<string, BridgeError>>;
  openCase(caseId: string): void;
  closeCase(): void;
  openNewCase(args: OpenCaseArgs): Promise<boolean>;
  loadCase(): Promise<void>;
  loadMine(): Promise<void>;
  loadFollowUps(): Promise<void>;
  loadOutbox(): Promise<void>;
  send(draft: GestureDraft): Promise<boolean>;
  withdraw(requestId: string, reason: string): Promise<boolean>;
  discard(outboxId: string): Promise<boolean>;
  completeFollowUp(followUpId: string, outcome: string): Promise<boolean>;
  clearError(key: string): void;
  dismissSent(): void;
  /** Something about gestures changed on the hub or in the outbox: reload what is on screen. */
  refresh(): void;
  clear(): void;
}

const blank = {
  caseId: null,
  caseView: idle,
  suggestions: idle,
  caseGestures: idle,
  mine: idle,
  followUps: idle,
  outbox: [] as OutboxEntry[],
  lastSent: null,
  busy: {},
  errors: {},
} satisfies Partial<GoodwillStore>;

let refreshTimer: ReturnType<typeof setTimeout> | null = null;

export const useGoodwillStore = create<GoodwillStore>()((set, get) => {
  const caseId = () => get().caseId ?? '';
  const loaders = {
    caseView: fetchInto(
      () => get().caseView,
      (caseView) => set({ caseView }),
      () => bridge().call('cases.get', { caseId: caseId() }),
      (v) => v,
    ),
    suggestions: fetchInto(
      () => get().suggestions,
      (suggestions) => set({ suggestions }),
      () => bridge().call('gestures.suggestions', { caseId: caseId() }),
      (v) => v,
    ),
    caseGestures: fetchInto(
      () => get().caseGestures,
      (caseGestures) => set({ caseGestures }),
      () => bridge().call('gestures.forCase', { caseId: caseId() }),
      (v) => v.gestures,
    ),
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

    openCase(id) {
      if (get().caseId === id) return void get().loadCase();
      loaders.caseView.cancel();
      set({ caseId: id, caseView: idle, suggestions: idle, caseGestures: idle, lastSent: null, errors: {} });
      void get().loadCase();
    },

    closeCase: () => set({ caseId: null, caseView: idle, suggestions: idle, caseGestures: idle, lastSent: null }),

    openNewCase: (args) =>
      run(
        'openCase',
        () => bridge().call('cases.open', args),
        ({ case: opened }) => {
          get().openCase(opened.id);
          void useHomesStore.getState().loadAdvisor();
        },
      ),

    async loadCase() {
      if (!get().caseId) return;
      await Promise.all([loaders.caseView.load(), loaders.suggestions.load(), loaders.caseGestures.load(), get().loadOutbox()]);
    },

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
              'sent' in answer ? { kind: 'sent', request: answer.sent.request } : { kind: 'queued', entry: answer.queued },
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

    refresh() {
      if (refreshTimer) clearTimeout(refreshTimer);
      // A decision arrives as several pushes at once (resolved, decided): one reload is enough.
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        const { caseId: open, mine, followUps } = get();
        if (open) void get().loadCase();
        else void get().loadOutbox();
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

export const useOpenCase = () => {
  const caseId = useGoodwillStore((s) => s.caseId);
  const caseView = useGoodwillStore((s) => s.caseView);
  const suggestions = useGoodwillStore((s) => s.suggestions);
  const caseGestures = useGoodwillStore((s) => s.caseGestures);
  return { caseId, caseView, suggestions, caseGestures };
};
export const useGoodwillLists = () => {
  const mine = useGoodwillStore((s) => s.mine);
  const followUps = useGoodwillStore((s) => s.followUps);
  const outbox = useGoodwillStore((s) => s.outbox);
  return { mine, followUps, outbox };
};
export const useLastSent = () => useGoodwillStore((s) => s.lastSent);
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
    closeCase: s.closeCase,
    openNewCase: s.openNewCase,
    loadCase: s.loadCase,
    loadMine: s.loadMine,
    loadFollowUps: s.loadFollowUps,
    loadOutbox: s.loadOutbox,
    send: s.send,
    withdraw: s.withdraw,
    discard: s.discard,
    completeFollowUp: s.completeFollowUp,
    dismissSent: s.dismissSent,
  };
};
/** Customers by name, phone or membership number, for opening a case by hand. */
export const searchCustomers = (q: string) => bridge().call('customers.search', { q });
