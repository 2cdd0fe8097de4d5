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

/** Reads only the head of a frame: its reply id, or whether it is the knowledge push. */
export function frameHead(text: string): { id?: number; knowledgePush?: boolean } {
  const m = /^\{"(id|push)":(?:(\d+)|"([a-z.A-Z]+)")/.exec(text.slice(0, 64));
  if (!m) return {};
  return m[1] === 'id' ? { id: Number(m[2]) } : { knowledgePush: m[3] === 'knowledge.changed' };
}

export function openKnowledgeLink(url: string, events: LinkEvents, Socket: typeof WebSocket = WebSocket): KnowledgeLink {
  const waiting = new Map<number, Waiting>();
  const queued: string[] = [];
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retryMs = FIRST_RETRY_MS;
  let opened = false;
  let closed = false;

  const failAll = (message: string) => {
    for (const w of waiting.values()) {
      clearTimeout(w.timer);
      w.reject(new Error(message));
    }
    waiting.clear();
  };

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
      const w = head.id !== undefined ? waiting.get(head.id) : undefined;
      if (!w || head.id === undefined) return;
      waiting.delete(head.id);
      clearTimeout(w.timer);
      w.resolve(event.data);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      failAll('Lost the connection to Rapport on this computer. Try again.');
      if (closed) return;
      const delay = retryMs + Math.floor(Math.random() * 250);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      setTimeout(connect, delay);
    });
  };
  connect();

  return {
    call(name, args) {
      const id = nextId++;
      const text = JSON.stringify({ id, name, args });
      return new Promise<LinkFrame>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error('Rapport did not answer within 30 seconds. Try again.'));
        }, CALL_TIMEOUT_MS);
        waiting.set(id, { resolve, reject, timer });
        if (socket && socket.readyState === Socket.OPEN) socket.send(text);
        else queued.push(text);
      });
    },
    close() {
      closed = true;
      socket?.close();
      failAll('The knowledge link was closed.');
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
  const waiting = new Map<number, Waiting>();
  const queued: object[] = [];
  let port: MessagePort | null = null;
  let nextId = 1;
  let closed = false;

  const failAll = (message: string) => {
    for (const w of waiting.values()) {
      clearTimeout(w.timer);
      w.reject(new Error(message));
    }
    waiting.clear();
  };

  return {
    attach(next) {
      if (closed) return next.close();
      const reopened = port !== null;
      port?.close();
      // Replies to the old port's requests will not come: they fail now, and are asked again.
      if (reopened) failAll('Lost the connection to Rapport on this computer. Try again.');
      port = next;
      next.onmessage = (event: MessageEvent<unknown>) => {
        const frame = event.data;
        if (typeof frame !== 'object' || frame === null) return;
        const head = objectHead(frame);
        if (head.knowledgePush) return events.onPush(frame);
        const w = head.id !== undefined ? waiting.get(head.id) : undefined;
        if (!w || head.id === undefined) return;
        waiting.delete(head.id);
        clearTimeout(w.timer);
        w.resolve(frame);
      };
      next.start();
      for (const frame of queued.splice(0)) next.postMessage(frame);
      if (reopened) events.onReopened();
    },
    call(name, args) {
      const id = nextId++;
      const frame = { id, name, args };
      return new Promise<LinkFrame>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error('Rapport did not answer within 30 seconds. Try again.'));
        }, CALL_TIMEOUT_MS);
        waiting.set(id, { resolve, reject, timer });
        if (port) port.postMessage(frame);
        else queued.push(frame);
      });
    },
    close() {
      closed = true;
      port?.close();
      port = null;
      failAll('The knowledge link was closed.');
    },
  };
}
