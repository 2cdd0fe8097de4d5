/**
 * The search worker's own connection to the desktop core (browser mode), for bulk knowledge only:
 * pages of articles and `knowledge.changed` pushes are large text frames, and a frame received on
 * the page's socket is decoded on the page's main thread (50,000 articles made long tasks there).
 * Here they are received, parsed and indexed without the page's thread touching them.
 */
export type LinkedRequest = 'knowledge.page' | 'knowledge.byIds' | 'knowledge.manifest';

export interface KnowledgeLink {
  /** Resolves with the reply frame's text; rejects if the link drops or the reply is late. */
  call(name: LinkedRequest, args: object): Promise<string>;
  close(): void;
}

export interface LinkEvents {
  /** A `knowledge.changed` push, as text. */
  onPush(frame: string): void;
  /** Open again after a drop: pushes sent meanwhile were lost. */
  onReopened(): void;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;
const CALL_TIMEOUT_MS = 30_000;

interface Waiting {
  resolve(frame: string): void;
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
      return new Promise<string>((resolve, reject) => {
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
