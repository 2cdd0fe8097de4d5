import type { PushName, Pushes } from '../../shared/contract/pushes';
import type { HubLiveEvent } from '../../shared/hub/events';
import type { ErasureChange } from '../../shared/schemas/erasure';
import type { allowedCallSources } from '../../shared/schemas/deployment';
import { CallDesk } from './call-desk';
import { DeskOutbox } from './desk-outbox';
import { ErasureSync } from './erasure-sync';
import { GestureOutbox } from './gesture-outbox';
import type { HubClient } from './hub-client';
import { HubLive } from './hub-live';
import { KnowledgeSync, type SyncProgress } from './knowledge-sync';
import type { CoreLog } from './log';
import { NoteJournal } from './note-journal';
import type { SavedSession } from './session-vault';
import { DesktopStore } from './store';

/** What one signed-in person's desktop holds while they are signed in. */
export interface SignedIn {
  saved: SavedSession;
  store: DesktopStore;
  sync: KnowledgeSync;
  live: HubLive;
  desk: CallDesk;
  outbox: GestureOutbox;
  notes: NoteJournal;
  erasures: ErasureSync;
  /** The erasure feed has been read since the live link last opened: waiting notes may go. */
  erasuresCurrent: boolean;
}

/** The core's parts and hooks a signed-in desktop is wired to. */
export interface SignedInWiring {
  hub: HubClient;
  hubUrl: string;
  dataDir: string;
  log: CoreLog;
  emit<P extends PushName>(push: P, data: Pushes[P]): void;
  syncPageSize?: number;
  ctiUrl: string | null;
  sources: ReturnType<typeof allowedCallSources>;
  wrapUpSeconds?: number;
  onSyncProgress(progress: SyncProgress | null): void;
  onLiveOpen(): void;
  onLiveEvent(event: HubLiveEvent): void;
  /** A live event that did not parse, by name (a knowledge push is repaired from the feed). */
  onLiveDropped(name: string | null): void;
  onLiveClose(code: number): void;
  onErased(changes: ErasureChange[]): void;
}

/** Opens this person's store on this computer and the services that work from it; nothing is started yet. */
export function openSignedIn(saved: SavedSession, w: SignedInWiring): SignedIn {
  const store = DesktopStore.forUser(w.dataDir, saved.user.id);
  const sync = new KnowledgeSync(
    w.hub,
    store,
    {
      onPage: (changes, cursor) =>
        w.emit('knowledge.changed', {
          upserts: changes.flatMap((c) => (c.kind === 'upsert' ? [c.article] : [])),
          removed: changes.flatMap((c) => (c.kind === 'remove' ? [c.id] : [])),
          cursor,
        }),
      onProgress: (progress) => w.onSyncProgress(progress),
    },
    w.syncPageSize,
  );
  const live = new HubLive(
    w.hubUrl,
    saved.token,
    { onOpen: w.onLiveOpen, onEvent: w.onLiveEvent, onDropped: w.onLiveDropped, onClose: w.onLiveClose },
    w.log,
  );
  const notes = new NoteJournal(w.hub, store, (entries) => w.emit('notes.journal', entries));
  const desk = new CallDesk({
    hub: w.hub,
    store,
    notes,
    outbox: new DeskOutbox(w.hub, store),
    emitCall: (view) => w.emit('call.changed', view),
    emitDesk: (view) => w.emit('calls.desk', view),
    emitAgent: (view) => w.emit('agent.state', view),
    ctiUrl: w.ctiUrl,
    sources: w.sources,
    wrapUpSeconds: w.wrapUpSeconds,
  });
  const outbox = new GestureOutbox(w.hub, store, () => w.emit('gestures.changed', { what: 'outbox', requestId: null }));
  const erasures = new ErasureSync(w.hub, store, w.onErased);
  return { saved, store, sync, live, desk, outbox, notes, erasures, erasuresCurrent: false };
}

/** Erased customers leave this desktop: its calls, drafts and waiting work for them, and every screen showing them. */
export function forgetErased(active: SignedIn, changes: ErasureChange[], emit: SignedInWiring['emit']): void {
  const customerIds = changes.map((c) => c.customerId);
  const caseIds = changes.flatMap((c) => c.caseIds);
  active.desk.forgetCustomers(new Set(customerIds), new Set(changes.flatMap((c) => c.callIds)));
  emit('notes.journal', active.notes.entries());
  emit('gestures.changed', { what: 'outbox', requestId: null });
  emit('customers.erased', { customerIds, caseIds });
}
