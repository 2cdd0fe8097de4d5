import type { Bridge } from '../platform/bridge';
import type { KnowledgeIndex } from '../features/knowledge/protocol';
import { useApprovalsStore } from './approvals';
import { setStateBridge } from './bridgeRef';
import { useBudgetsStore } from './budgets';
import { callContextOf, useCallsStore } from './calls';
import { applyPhoneSystemStatus, telephonyKeys } from './telephony';
import { useCaseTabsStore } from './caseTabs';
import { useCatalogueStore } from './catalogue';
import { useConnectionStore } from './connection';
import { useCustomersStore } from './customers';
import { forgetErasedCustomers } from './erasure';
import { useFeedbackStore } from './feedback';
import { useGoodwillStore } from './goodwill';
import { useHomesStore } from './homes';
import { useKnowledgeStore } from './knowledge';
import { useNotesStore } from './notes';
import { usePublishingStore } from './publishing';
import { caseChanged, customerChanged, customerFlagsChanged, queryClient } from './queries';
import { useQueuesStore } from './queues';
import { useSessionStore } from './session';
import { useSetupStore } from './setup';

export * from './approvals';
export * from './audit';
export * from './budgets';
export * from './calls';
export * from './telephony';
export * from './caseTabs';
export * from './caseWork';
export * from './catalogue';
export * from './console';
export * from './connection';
export * from './customers';
export * from './erasure';
export * from './privacy';
export * from './feedback';
export * from './goodwill';
export * from './homes';
export * from './knowledge';
export * from './notes';
export * from './noteInsert';
export * from './people';
export * from './publishing';
export * from './queries';
export * from './queues';
export * from './session';
export * from './setup';
export * from './two-factor';
export type { Loadable } from './loadable';
export { dataOf } from './loadable';

/** Runs after the next frame is painted: a task queued from requestAnimationFrame runs after that frame. */
function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
    setTimeout(run, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(run, 0));
}

/**
 * Wires pushes and link changes into the slices, and keeps per-person data (knowledge cache
 * index, home figures) in step with who is signed in.
 */
export function startState(bridge: Bridge, knowledgeIndex: KnowledgeIndex): void {
  setStateBridge(bridge);
  useKnowledgeStore.getState().attachIndex(knowledgeIndex);

  bridge.on('session.changed', (state) => useSessionStore.getState().applySessionState(state));
  bridge.on('setup.changed', (status) => useSetupStore.getState().apply(status));
  void useSetupStore.getState().load();
  bridge.on('connection.changed', (status) => useConnectionStore.getState().applyStatus(status));
  bridge.onBulk('knowledge.changed', (frame) => void useKnowledgeStore.getState().applyChange(frame));
  // Browser mode: the worker's own link brings the pushes, and says when it missed some.
  knowledgeIndex.onPush((frame) => void useKnowledgeStore.getState().applyChange(frame));
  knowledgeIndex.onRelinked(() => {
    if (useSessionStore.getState().session) void useKnowledgeStore.getState().loadAll();
  });
  bridge.on('publishing.changed', ({ what, articleId }) => {
    usePublishingStore.getState().changed(articleId);
    if (what === 'feedback_replied') void useFeedbackStore.getState().replied(articleId);
  });
  bridge.on('call.changed', (view) => useCallsStore.getState().applyCall(view));
  bridge.on('customers.erased', (erased) => forgetErasedCustomers(erased));
  bridge.on('calls.desk', (desk) => useCallsStore.getState().applyDesk(desk));
  bridge.on('agent.state', (agent) => useCallsStore.getState().applyAgent(agent));
  bridge.on('queues.changed', (change) => useQueuesStore.getState().applyChange(change));
  bridge.on('telephony.status', (status) => applyPhoneSystemStatus(status));
  bridge.on('notes.journal', (entries) => {
    const before = new Set(useNotesStore.getState().journal.map((e) => e.caseId));
    useNotesStore.getState().applyJournal(entries);
    // A note that left the journal is now on the hub: its case's tab shows it.
    for (const caseId of before) if (!entries.some((e) => e.caseId === caseId)) caseChanged(caseId);
  });
  bridge.on('customers.changed', () => customerFlagsChanged());
  bridge.on('gestures.changed', ({ what, requestId }) => {
    useGoodwillStore.getState().refresh();
    useApprovalsStore.getState().changed(what, requestId);
    if (what === 'decided' && requestId) void useGoodwillStore.getState().noteDecision(requestId);
  });

  // Admins take no calls; everyone else's desk is loaded at sign-in and again after a lost link.
  const takesCalls = () => {
    const role = useSessionStore.getState().session?.user.role;
    return role === 'advisor' || role === 'supervisor';
  };

  useConnectionStore.getState().setLink(bridge.linkState);
  bridge.onLinkState((link) => {
    const wasDown = useConnectionStore.getState().link === 'reconnecting';
    useConnectionStore.getState().setLink(link);
    // Pushes sent while the link was down are lost, and the core may have restarted: ask again.
    if (link === 'open' && wasDown) {
      void useSessionStore.getState().loadStatus({ quiet: true });
      void useSetupStore.getState().load();
      void queryClient.invalidateQueries({ queryKey: telephonyKeys.status });
      if (useSessionStore.getState().session) void useKnowledgeStore.getState().loadAll();
      if (takesCalls()) void useCallsStore.getState().loadDesk();
      if (takesCalls()) void useNotesStore.getState().loadJournal();
      if (useQueuesStore.getState().floor.status !== 'idle') void useQueuesStore.getState().load();
    }
  });

  let signedInUser: string | null = null;
  useSessionStore.subscribe((state) => {
    const userId = state.session?.user.id ?? null;
    if (userId === signedInUser) return;
    signedInUser = userId;
    useHomesStore.getState().clear();
    useCatalogueStore.getState().clear();
    useBudgetsStore.getState().clear();
    usePublishingStore.getState().clear();
    useQueuesStore.getState().clear();
    useNotesStore.getState().clear();
    useFeedbackStore.getState().clear();
    useCallsStore.getState().clear();
    useGoodwillStore.getState().clear();
    useApprovalsStore.getState().clear();
    useKnowledgeStore.getState().clear();
    useCaseTabsStore.getState().clear();
    useCustomersStore.getState().clear();
    queryClient.clear();
    if (userId) void useKnowledgeStore.getState().loadAll();
    if (userId && takesCalls()) void useCallsStore.getState().loadDesk();
    if (userId && takesCalls()) void useNotesStore.getState().loadJournal();
  });

  // Suggestions follow the call on screen: its line, the IVR's intent and the card's notes. They
  // wait until the frame with the call has been painted (a ringing call's card comes first), and
  // several changes in one frame ask the search worker once.
  let contextPending = false;
  useCallsStore.subscribe((state, previous) => {
    if (state.current === previous.current) return;
    const before = previous.current;
    const now = state.current;
    useCaseTabsStore.getState().followCall(now);
    // A new contact starts with a clean knowledge panel: the last caller's query and article are not theirs.
    if (now && now.call.callId !== before?.call.callId) useKnowledgeStore.getState().startContact();
    // The card changed (a flag, a note): the timeline beside it asks again.
    if (now?.card && now.card !== before?.card) customerChanged();
    // A case opened or a call finished: the advisor's recent cases follow without a new sign-in.
    if ((now?.caseId ?? null) !== (before?.caseId ?? null) || (before && !now)) {
      if (useHomesStore.getState().advisor.status !== 'idle') void useHomesStore.getState().loadAdvisor();
    }
    if (contextPending) return;
    contextPending = true;
    afterNextPaint(() => {
      contextPending = false;
      useKnowledgeStore.getState().setCallContext(callContextOf(useCallsStore.getState().current));
    });
  });

  void useSessionStore.getState().loadStatus();
}
