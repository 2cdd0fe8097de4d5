import { create } from 'zustand';
import type { CallView } from '../../shared/contract/calls';

/**
 * One tab in the case workspace. A call's tab is made the moment the phone rings (before there is
 * a case) and keeps the call's last view, so its note box and drafts stay with that caller after
 * the next call comes in. A tab opened from a list holds only its case.
 */
export interface CaseTab {
  key: string;
  caseId: string | null;
  callId: string | null;
  /** The call as last seen: the note box and "which caller" need it after the call has ended. */
  call: CallView | null;
  title: string;
}

/** A list of open tabs beyond this drops the oldest that is not the current call's. */
const MOST_TABS = 8;

interface CaseTabsStore {
  tabs: CaseTab[];
  /** The tab on screen; null shows the home lists. */
  active: string | null;
  /** The call in hand (ringing, live or in wrap-up); its tab is first and marked. */
  currentCallId: string | null;
  openCase(caseId: string, title?: string): void;
  /** The call on screen changed: a new contact gets its own tab, an update refreshes its tab. */
  followCall(view: CallView | null): void;
  activate(key: string | null): void;
  close(key: string): void;
  clear(): void;
}

export const callTabKey = (callId: string) => `call:${callId}`;
export const caseTabKey = (caseId: string) => `case:${caseId}`;

function callTitle(view: CallView): string {
  if (view.card) return view.card.customer.name;
  return view.lookup === 'unknown' ? 'New customer' : view.caller;
}

const trimmed = (tabs: CaseTab[], keep: string | null): CaseTab[] => {
  if (tabs.length <= MOST_TABS) return tabs;
  const drop = tabs.find((t) => t.key !== keep);
  return drop ? tabs.filter((t) => t !== drop) : tabs;
};

export const useCaseTabsStore = create<CaseTabsStore>()((set, get) => ({
  tabs: [],
  active: null,
  currentCallId: null,

  openCase(caseId, title) {
    const existing = get().tabs.find((t) => t.caseId === caseId);
    if (existing) return set({ active: existing.key });
    const tab: CaseTab = { key: caseTabKey(caseId), caseId, callId: null, call: null, title: title ?? 'Case' };
    set({ tabs: trimmed([...get().tabs, tab], get().currentCallId && callTabKey(get().currentCallId!)), active: tab.key });
  },

  followCall(view) {
    if (!view) {
      // A call that rang and was missed never had a case: nothing of it is worth a tab.
      const ended = get().currentCallId;
      const caseless = ended ? get().tabs.find((t) => t.key === callTabKey(ended) && !t.caseId) : undefined;
      if (caseless) get().close(caseless.key);
      return set({ currentCallId: null });
    }
    const key = callTabKey(view.call.callId);
    const tabs = get().tabs;
    const existing = tabs.find((t) => t.key === key);
    if (existing) {
      const updated: CaseTab = { ...existing, call: view, caseId: view.caseId ?? existing.caseId, title: callTitle(view) };
      // A case opened by hand for the same case as the call folds into the call's tab.
      const rest = tabs.filter((t) => t !== existing && !(updated.caseId && t.caseId === updated.caseId && t.callId === null));
      const wasActive = get().active;
      const active = wasActive && !rest.some((t) => t.key === wasActive) ? key : wasActive;
      return set({ tabs: [updated, ...rest.filter((t) => t.key !== key)], currentCallId: view.call.callId, active });
    }
    // A new contact: its own tab, first and on screen; earlier tabs keep their drafts behind it.
    const tab: CaseTab = { key, caseId: view.caseId, callId: view.call.callId, call: view, title: callTitle(view) };
    set({ tabs: trimmed([tab, ...tabs], key), active: key, currentCallId: view.call.callId });
  },

  activate: (key) => set({ active: key }),

  close(key) {
    const tabs = get().tabs;
    const index = tabs.findIndex((t) => t.key === key);
    if (index < 0) return;
    const rest = tabs.filter((t) => t.key !== key);
    const active = get().active === key ? (rest[Math.min(index, rest.length - 1)]?.key ?? null) : get().active;
    set({ tabs: rest, active });
  },

  // One person's customers must never show on the next person's screen.
  clear: () => set({ tabs: [], active: null, currentCallId: null }),
}));

export const useCaseTabs = () => {
  const tabs = useCaseTabsStore((s) => s.tabs);
  const active = useCaseTabsStore((s) => s.active);
  const currentCallId = useCaseTabsStore((s) => s.currentCallId);
  return { tabs, active, currentCallId };
};
export const useCaseTabActions = () => {
  const s = useCaseTabsStore.getState();
  return { openCase: s.openCase, activate: s.activate, close: s.close };
};
