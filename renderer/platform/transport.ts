/** How the bridge client reaches its core, whichever host it runs in. */
export type LinkState = 'connecting' | 'open' | 'reconnecting';

/**
 * Where the search worker's own link to the core comes from: a WebSocket address (browser mode),
 * or ports the Electron preload hands over (one now, another after the core restarts).
 */
export type KnowledgeLinkTarget = { kind: 'socket'; url: string } | { kind: 'port'; onPort(cb: (port: MessagePort) => void): void };

export interface Transport {
  /** Frames are plain objects; the transport decides how they travel. */
  send(frame: object): void;
  onFrame(cb: (frame: unknown) => void): () => void;
  onLinkState(cb: (state: LinkState) => void): () => void;
  readonly linkState: LinkState;
  /** The search worker's own link for bulk knowledge; null when the host offers none. */
  readonly knowledgeLink: KnowledgeLinkTarget | null;
}
