import type { Result } from '../../shared/contract/envelope';
import type { PushName, Pushes } from '../../shared/contract/pushes';
import type { RequestArgs, RequestName, RequestResults } from '../../shared/contract/requests';
import { electronTransport, findPreloadBridge } from './electronTransport';
import { parseIncomingFrame } from './frames';
import { takeBridgeToken } from './token';
import type { LinkState, Transport } from './transport';
import { websocketTransport } from './websocketTransport';

export const CALL_TIMEOUT_MS = 30_000;

export interface Bridge {
  call<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<Result<RequestResults[N]>>;
  on<P extends PushName>(name: P, cb: (data: Pushes[P]) => void): () => void;
  onLinkState(cb: (state: LinkState) => void): () => void;
  readonly linkState: LinkState;
}

interface Pending {
  resolve: (result: Result<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
}

const failure = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** The typed client over any transport; every call settles, never throws. */
export function createBridge(transport: Transport): Bridge {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const pushListeners = new Map<PushName, Set<(data: unknown) => void>>();

  transport.onFrame((raw) => {
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

  return {
    get linkState() {
      return transport.linkState;
    },
    call(name, args) {
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(failure('timeout', 'Rapport did not answer within 30 seconds. Try again.'));
        }, CALL_TIMEOUT_MS);
        // The core parses every reply's value against the contract; the cast records that promise.
        pending.set(id, { resolve: resolve as (result: Result<unknown>) => void, timer });
        transport.send({ id, name, args });
      });
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
