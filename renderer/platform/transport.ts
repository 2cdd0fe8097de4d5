/** How the bridge client reaches its core, whichever host it runs in. */
export type LinkState = 'connecting' | 'open' | 'reconnecting';

export interface Transport {
  /** Frames are plain objects; the transport decides how they travel. */
  send(frame: object): void;
  onFrame(cb: (frame: unknown) => void): () => void;
  onLinkState(cb: (state: LinkState) => void): () => void;
  readonly linkState: LinkState;
  /** Where a second connection for bulk knowledge goes (browser mode); null when there is none. */
  readonly knowledgeLinkUrl: string | null;
}
