/**
 * The search worker's own connection to the desktop core, for bulk knowledge only: pages of
 * articles and `knowledge.changed` pushes are large frames, and a frame received on the page's
 * own link is decoded on the page's main thread (50,000 articles made long tasks there). Here they
 * are received, parsed and indexed without the page's thread touching them: over a WebSocket in
 * browser mode (text frames), over a MessagePort in Electron (structured-cloned objects).
 */
export type LinkedRequest = 'knowledge.page' | 'knowledge.byIds' | 'knowledge.manifest';

/** A frame as it travelled: JSON text over a WebSocket, an object over a MessagePort. */
export type LinkFrame = string | object;

export interface KnowledgeLink {
  /** Resolves with the reply frame; rejects if the link drops or the reply is late. */
  call(name: LinkedRequest, args: object): Promise<LinkFrame>;
  close(): void;
}

export interface LinkEvents {
  /** A `knowledge.changed` push, as it came. */
  onPush(frame: LinkFrame): void;
  /** Open again after a drop: pushes sent meanwhile were lost. */
  onReopened(): void;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;
const CALL_TIMEOUT_MS = 30_000;

interface Waiting {
  resolve(frame: LinkFrame): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** The calls waiting for their replies on one link, matched by id; each fails after 30 seconds. */
class Replies {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  /** A new call's id and the promise of its reply frame. */
  expect(): { id: number; reply: Promise<LinkFrame> } {
    const id = this.nextId++;
    const reply = new Promise<LinkFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error('Rapport did not answer within 30 seconds. Try again.'));
      }, CALL_TIMEOUT_MS);
      this.waiting.set(id, { resolve, reject, timer });
    });
    return { id, reply };
  }

  /** A reply frame for one of the calls; anything else is ignored. */
  settle(id: number | undefined, frame: LinkFrame): void {
    const w = id !== undefined ? this.waiting.get(id) : undefined;
    if (!w || id === undefined) return;
    this.waiting.delete(id);
    clearTimeout(w.timer);
    w.resolve(frame);
  }

  failAll(message: string): void {
    for (const w of this.waiting.values()) {
      clearTimeout(w.timer);
      w.reject(new Error(message));
    }
    this.waiting.clear();
  }
}

/** Reads only the head of a frame: its reply id, or whether it is the knowledge push. */
export function frameHead(text: string): { id?: number; knowledgePush?: boolean } {
  const m = /^\{"(id|push)":(?:(\d+)|"([a-z.A-Z]+)")/.exec(text.slice(0, 64));
  if (!m) return {};
  return m[1] === 'id' ? { id: Number(m[2]) } : { knowledgePush: m[3] === 'knowledge.changed' };
}

export function openKnowledgeLink(url: string, events: LinkEvents, Socket: typeof WebSocket = WebSocket): KnowledgeLink {
  const replies = new Replies();
  const queued: string[] = [];
  let socket: WebSocket | null = null;
  let retryMs = FIRST_RETRY_MS;
  let opened = false;
  let closed = false;

  const connect = () => {
    const ws = new Socket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      retryMs = FIRST_RETRY_MS;
      for (const text of queued.splice(0)) ws.send(text);
      if (opened) events.onReopened();
      opened = true;
    });
    ws.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string') return;
      const head = frameHead(event.data);
      if (head.knowledgePush) return events.onPush(event.data);
      replies.settle(head.id, event.data);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      replies.failAll('Lost the connection to Rapport on this computer. Try again.');
      if (closed) return;
      const delay = retryMs + Math.floor(Math.random() * 250);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      setTimeout(connect, delay);
    });
  };
  connect();

  return {
    call(name, args) {
      const { id, reply } = replies.expect();
      const text = JSON.stringify({ id, name, args });
      if (socket && socket.readyState === Socket.OPEN) socket.send(text);
      else queued.push(text);
      return reply;
    },
    close() {
      closed = true;
      socket?.close();
      replies.failAll('The knowledge link was closed.');
    },
  };
}

/** Reads the head of an object frame (a MessagePort's): its reply id, or whether it is the knowledge push. */
function objectHead(frame: object): { id?: number; knowledgePush?: boolean } {
  const f = frame as { id?: unknown; push?: unknown };
  if (typeof f.id === 'number') return { id: f.id };
  return typeof f.push === 'string' ? { knowledgePush: f.push === 'knowledge.changed' } : {};
}

/** The Electron link: a port from the window (see electron/preload), replaced when the core restarts. */
export interface PortLink extends KnowledgeLink {
  attach(port: MessagePort): void;
}

export function openPortLink(events: LinkEvents): PortLink {
  const replies = new Replies();
  const queued: object[] = [];
  let port: MessagePort | null = null;
  let closed = false;

  return {
    attach(next) {
      if (closed) return next.close();
      const reopened = port !== null;
      port?.close();
      // Replies to the old port's requests will not come: they fail now, and are asked again.
      if (reopened) replies.failAll('Lost the connection to Rapport on this computer. Try again.');
      port = next;
      next.onmessage = (event: MessageEvent<unknown>) => {
        const frame = event.data;
        if (typeof frame !== 'object' || frame === null) return;
        const head = objectHead(frame);
        if (head.knowledgePush) return events.onPush(frame);
        replies.settle(head.id, frame);
      };
      next.start();
      for (const frame of queued.splice(0)) next.postMessage(frame);
      if (reopened) events.onReopened();
    },
    call(name, args) {
      const { id, reply } = replies.expect();
      const frame = { id, name, args };
      if (port) port.postMessage(frame);
      else queued.push(frame);
      return reply;
    },
    close() {
      closed = true;
      port?.close();
      port = null;
      replies.failAll('The knowledge link was closed.');
    },
  };
}
