import type { LinkState, Transport } from './transport';

/** What the preload exposes; nothing else of Electron is visible to the page. */
export interface RapportPreloadBridge {
  send(frame: object): void;
  onFrame(cb: (frame: unknown) => void): () => void;
  /** The page is listening for the search worker's knowledge ports (older preloads lack it). */
  wantKnowledgePort?(): void;
  /** When the core restarts, the link goes down and comes back on a new port (older preloads lack it). */
  onLinkState?(cb: (state: 'open' | 'reconnecting') => void): () => void;
}

declare global {
  interface Window {
    rapportBridge?: RapportPreloadBridge;
  }
}

function looksLikePreloadBridge(value: unknown): value is RapportPreloadBridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof RapportPreloadBridge, unknown>>;
  return typeof candidate.send === 'function' && typeof candidate.onFrame === 'function';
}

export function findPreloadBridge(): RapportPreloadBridge | null {
  const exposed: unknown = window.rapportBridge;
  return looksLikePreloadBridge(exposed) ? exposed : null;
}

/** Each knowledge port the preload posts to this window (never from another frame or page). */
function knowledgePorts(preload: RapportPreloadBridge, cb: (port: MessagePort) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { rapport?: unknown } | null;
    if (event.source !== window || data?.rapport !== 'knowledge-port' || !event.ports[0]) return;
    cb(event.ports[0]);
  });
  preload.wantKnowledgePort?.();
}

/**
 * The MessagePort behind the preload drops only when the core process stops; main restarts it and
 * the preload reports the link going down and coming back, so calls in flight fail at once.
 */
export function electronTransport(preload: RapportPreloadBridge): Transport {
  let linkState: LinkState = 'open';
  const listeners = new Set<(state: LinkState) => void>();
  preload.onLinkState?.((state) => {
    linkState = state;
    listeners.forEach((l) => l(state));
  });
  return {
    get linkState() {
      return linkState;
    },
    knowledgeLink: preload.wantKnowledgePort ? { kind: 'port', onPort: (cb) => knowledgePorts(preload, cb) } : null,
    send: (frame) => preload.send(frame),
    onFrame: (cb) => preload.onFrame(cb),
    onLinkState: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}
