import type { LinkState, Transport } from './transport';

/** What the preload exposes; nothing else of Electron is visible to the page. */
export interface RapportPreloadBridge {
  send(frame: object): void;
  onFrame(cb: (frame: unknown) => void): () => void;
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

/** The MessagePort behind the preload never drops while the window lives, so it is always open. */
export function electronTransport(preload: RapportPreloadBridge): Transport {
  const linkState: LinkState = 'open';
  return {
    linkState,
    knowledgeLinkUrl: null,
    send: (frame) => preload.send(frame),
    onFrame: (cb) => preload.onFrame(cb),
    onLinkState: () => () => undefined,
  };
}
