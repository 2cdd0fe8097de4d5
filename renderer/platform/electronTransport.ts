import type { LinkState, Transport } from './transport';

/** What the preload exposes; nothing else of Electron is visible to the page. */
export interface RapportPreloadBridge {
  send(frame: object): void;
  onFrame(cb: (frame: unknown) => void): () => void;
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
    knowledgeLinkUrl: null,
    send: (frame) => preload.send(frame),
    onFrame: (cb) => preload.onFrame(cb),
    onLinkState: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}
