/**
 * The two channels a page has to its core, in both hosts: the bridge itself, and one for bulk
 * knowledge opened for the page's search worker (a WebSocket in browser mode, a MessagePort in
 * Electron), so 50,000 articles and their pushes are never decoded on the page's main thread.
 * The knowledge channel carries only knowledge requests and `knowledge.changed` pushes; a page
 * whose worker takes them no longer gets that push on its bridge.
 */
const KNOWLEDGE_REQUESTS = new Set(['knowledge.page', 'knowledge.byIds', 'knowledge.manifest']);

export interface ChannelKind {
  knowledgeChannel: boolean;
  workerTakesKnowledge: boolean;
}

/** Which pushes a channel gets, by what it said when it connected. */
export function wantsPush(push: string, opts: ChannelKind): boolean {
  if (opts.knowledgeChannel) return push === 'knowledge.changed';
  return !(opts.workerTakesKnowledge && push === 'knowledge.changed');
}

/** A knowledge channel may only ask for knowledge. */
export function mayRequest(frame: unknown, knowledgeChannel: boolean): boolean {
  if (!knowledgeChannel) return true;
  const name = frame && typeof frame === 'object' ? (frame as { name?: unknown }).name : undefined;
  return typeof name === 'string' && KNOWLEDGE_REQUESTS.has(name);
}
