import type { Result } from '../../shared/contract/envelope';
import type { PushName, Pushes } from '../../shared/contract/pushes';
import type { RequestArgs, RequestName, RequestResults } from '../../shared/contract/requests';
import { electronTransport, findPreloadBridge } from './electronTransport';
import { parseIncomingFrame } from './frames';
import { takeBridgeToken } from './token';
import type { KnowledgeLinkTarget, LinkState, Transport } from './transport';
import { websocketTransport } from './websocketTransport';

export const CALL_TIMEOUT_MS = 30_000;

/**
 * Knowledge arrives in bulk (50,000 articles on a first sync). Those frames skip parsing here and
 * go to the search worker as they came, so the page's thread never parses article bodies.
 */
export type BulkRequest = 'knowledge.page' | 'knowledge.byIds';
export type BulkPush = 'knowledge.changed';
/** The frame as it travelled: JSON text over a WebSocket, an object over Electron's port. */
export type BulkFrame = string | object;

export interface Bridge {
  call<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<Result<RequestResults[N]>>;
  /** Resolves with the whole reply frame, unparsed; a failure to deliver it resolves as a Result error. */
  callBulk<N extends BulkRequest>(name: N, args: RequestArgs<N>): Promise<{ ok: true; frame: BulkFrame } | Result<never>>;
  onBulk(name: BulkPush, cb: (frame: BulkFrame) => void): () => void;
  on<P extends PushName>(name: P, cb: (data: Pushes[P]) => void): () => void;
  onLinkState(cb: (state: LinkState) => void): () => void;
  readonly linkState: LinkState;
  /** For the search worker's own link for bulk knowledge; null when the transport has none. */
  readonly knowledgeLink: KnowledgeLinkTarget | null;
}

interface Pending {
  resolve: (result: Result<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
  bulk?: (frame: BulkFrame) => void;
}

/** Reads only the head of a frame: its reply id or its push name. */
function peek(raw: unknown): { id?: number; push?: string } {
  if (typeof raw === 'string') {
    const m = /^\{"(id|push)":(?:(\d+)|"([a-z.A-Z]+)")/.exec(raw.slice(0, 64));
    if (!m) return {};
    return m[1] === 'id' ? { id: Number(m[2]) } : { push: m[3] };
  }
  if (raw && typeof raw === 'object') {
    const f = raw as { id?: unknown; push?: unknown };
    return { id: typeof f.id === 'number' ? f.id : undefined, push: typeof f.push === 'string' ? f.push : undefined };
  }
  return {};
}

const failure = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** The typed client over any transport; every call settles, never throws. */
export function createBridge(transport: Transport): Bridge {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const pushListeners = new Map<PushName, Set<(data: unknown) => void>>();
  const bulkListeners = new Set<(frame: BulkFrame) => void>();

  transport.onFrame((raw) => {
    const head = peek(raw);
    if (head.push === 'knowledge.changed' && raw !== null && (typeof raw === 'string' || typeof raw === 'object')) {
      for (const cb of bulkListeners) cb(raw as BulkFrame);
      return;
    }
    const bulk = head.id !== undefined ? pending.get(head.id) : undefined;
    if (bulk?.bulk && head.id !== undefined) {
      pending.delete(head.id);
      clearTimeout(bulk.timer);
      bulk.bulk(raw as BulkFrame);
      return;
    }
    const frame = parseIncomingFrame(raw);
    if (!frame) return;
    if (frame.kind === 'reply') {
      const waiting = pending.get(frame.id);
      if (!waiting) return;
      pending.delete(frame.id);
      clearTimeout(waiting.timer);
      waiting.resolve(frame.result);
      return;
    }
    for (const cb of pushListeners.get(frame.name) ?? []) cb(frame.data);
  });

  // Replies to calls sent on a socket that has gone will never come; say so now, not in 30 s.
  transport.onLinkState((state) => {
    if (state !== 'reconnecting') return;
    for (const [id, waiting] of pending) {
      clearTimeout(waiting.timer);
      waiting.resolve(failure('disconnected', 'Lost the connection to Rapport on this computer. Try again.'));
      pending.delete(id);
    }
  });

  /** Sends one request; it settles with its reply, a bulk frame, or a timeout, never throws. */
  function send<T>(name: string, args: unknown, bulk: ((frame: BulkFrame) => T) | null): Promise<T | Result<never>> {
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(failure('timeout', 'Rapport did not answer within 30 seconds. Try again.'));
      }, CALL_TIMEOUT_MS);
      // The cast records the core's promise: it builds each reply from its own state and from hub
      // answers and live events it has parsed (shared/hub/), or relays a hub list the contract types.
      pending.set(id, { resolve: resolve as (result: Result<unknown>) => void, timer, bulk: bulk ? (frame) => resolve(bulk(frame)) : undefined });
      transport.send({ id, name, args });
    });
  }

  return {
    get linkState() {
      return transport.linkState;
    },
    knowledgeLink: transport.knowledgeLink,
    call: (name, args) => send(name, args, null) as never,
    callBulk: (name, args) => send(name, args, (frame) => ({ ok: true as const, frame })),
    onBulk(_name, cb) {
      bulkListeners.add(cb);
      return () => bulkListeners.delete(cb);
    },
    on(name, cb) {
      const listeners = pushListeners.get(name) ?? new Set<(data: unknown) => void>();
      pushListeners.set(name, listeners);
      const listener = cb as (data: unknown) => void;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onLinkState: (cb) => transport.onLinkState(cb),
  };
}

export type BridgeConnection = { kind: 'ready'; bridge: Bridge } | { kind: 'no-token' };

/** Electron's preload wins when present; otherwise browser mode needs the token from `npm start`. */
export function connectBridge(): BridgeConnection {
  const preload = findPreloadBridge();
  if (preload) return { kind: 'ready', bridge: createBridge(electronTransport(preload)) };
  const token = takeBridgeToken();
  if (!token) return { kind: 'no-token' };
  return { kind: 'ready', bridge: createBridge(websocketTransport(token)) };
}
