import type { Bridge } from '../platform/bridge';
import type { KnowledgeIndex } from '../features/knowledge/protocol';
import { setStateBridge } from './bridgeRef';
import { useConnectionStore } from './connection';
import { useHomesStore } from './homes';
import { useKnowledgeStore } from './knowledge';
import { usePublishingStore } from './publishing';
import { useSessionStore } from './session';

export * from './connection';
export * from './homes';
export * from './knowledge';
export * from './publishing';
export * from './session';
export type { Loadable } from './loadable';

/**
 * Wires pushes and link changes into the slices, and keeps per-person data (knowledge cache
 * index, home figures) in step with who is signed in.
 */
export function startState(bridge: Bridge, knowledgeIndex: KnowledgeIndex): void {
  setStateBridge(bridge);
  useKnowledgeStore.getState().attachIndex(knowledgeIndex);

  bridge.on('session.changed', (state) => useSessionStore.getState().applySessionState(state));
  bridge.on('connection.changed', (status) => useConnectionStore.getState().applyStatus(status));
  bridge.on('knowledge.changed', (change) => useKnowledgeStore.getState().applyChange(change));

  useConnectionStore.getState().setLink(bridge.linkState);
  bridge.onLinkState((link) => {
    const wasDown = useConnectionStore.getState().link === 'reconnecting';
    useConnectionStore.getState().setLink(link);
    // Pushes sent while the link was down are lost, and the core may have restarted: ask again.
    if (link === 'open' && wasDown) {
      void useSessionStore.getState().loadStatus({ quiet: true });
      if (useSessionStore.getState().session) void useKnowledgeStore.getState().loadAll();
    }
  });

  let signedInUser: string | null = null;
  useSessionStore.subscribe((state) => {
    const userId = state.session?.user.id ?? null;
    if (userId === signedInUser) return;
    signedInUser = userId;
    useHomesStore.getState().clear();
    usePublishingStore.getState().clear();
    useKnowledgeStore.getState().clear();
    if (userId) void useKnowledgeStore.getState().loadAll();
  });

  void useSessionStore.getState().loadStatus();
}
