import { bridgeAddresses, takeEarlySocket } from './early-bridge';
import type { LinkState, Transport } from './transport';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

/**
 * Browser mode: the contract over a WebSocket to the local web host. Frames sent while the socket
 * is down are held and sent on reconnect; the bridge's own timeout bounds how long they wait.
 */
export function websocketTransport(token: string): Transport & { stop(): void } {
  // The search worker connects for bulk knowledge itself, so this socket need not carry it.
  const { page: url, knowledge: knowledgeLinkUrl } = bridgeAddresses(location.protocol, location.host, token);
  const frameListeners = new Set<(frame: unknown) => void>();
  const linkListeners = new Set<(state: LinkState) => void>();
  const waiting: string[] = [];
  let socket: WebSocket | null = null;
  let state: LinkState = 'connecting';
  let retryMs = FIRST_RETRY_MS;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const setState = (next: LinkState) => {
    if (next === state) return;
    state = next;
    for (const cb of linkListeners) cb(next);
  };

  const deliver = (data: unknown) => {
    if (typeof data !== 'string') return;
    for (const cb of frameListeners) cb(data);
  };
  const listen = (ws: WebSocket) => {
    socket = ws;
    ws.addEventListener('open', () => {
      retryMs = FIRST_RETRY_MS;
      setState('open');
      for (const text of waiting.splice(0)) ws.send(text);
    });
    ws.addEventListener('message', (event: MessageEvent<unknown>) => deliver(event.data));
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      setState('reconnecting');
      // Jitter keeps many desktops from hammering a restarted host in lock-step.
      const delay = retryMs + Math.floor(Math.random() * 250);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      retry = setTimeout(connect, delay);
    });
  };
  const connect = () => listen(new WebSocket(url));

  // The socket the page's early script opened, if any, with what the desktop sent it meanwhile.
  const early = takeEarlySocket(url);
  if (early) {
    early.stop();
    listen(early.socket);
    if (early.socket.readyState === WebSocket.OPEN) state = 'open';
    // Its events arrive as tasks, after these: the kept frames go to the app's listeners once this
    // script has put them on (startState, just after the bridge is made).
    queueMicrotask(() => early.frames.forEach(deliver));
  } else connect();

  return {
    get linkState() {
      return state;
    },
    knowledgeLink: { kind: 'socket', url: knowledgeLinkUrl },
    send(frame) {
      const text = JSON.stringify(frame);
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(text);
      else waiting.push(text);
    },
    onFrame(cb) {
      frameListeners.add(cb);
      return () => frameListeners.delete(cb);
    },
    onLinkState(cb) {
      linkListeners.add(cb);
      return () => linkListeners.delete(cb);
    },
    /** Closes the link for good, with no reconnect after it (whoever made it is done with it). */
    stop() {
      // With no socket of its own, a closing socket's handler schedules nothing.
      clearTimeout(retry);
      socket?.close();
      socket = null;
    },
  };
}
