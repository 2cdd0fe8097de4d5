import type { LinkState, Transport } from './transport';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

/**
 * Browser mode: the contract over a WebSocket to the local web host. Frames sent while the socket
 * is down are held and sent on reconnect; the bridge's own timeout bounds how long they wait.
 */
export function websocketTransport(token: string): Transport {
  const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge?token=${encodeURIComponent(token)}`;
  // The search worker connects for bulk knowledge itself, so this socket need not carry it.
  const url = `${base}&knowledge=worker`;
  const knowledgeLinkUrl = `${base}&channel=knowledge`;
  const frameListeners = new Set<(frame: unknown) => void>();
  const linkListeners = new Set<(state: LinkState) => void>();
  const waiting: string[] = [];
  let socket: WebSocket | null = null;
  let state: LinkState = 'connecting';
  let retryMs = FIRST_RETRY_MS;

  const setState = (next: LinkState) => {
    if (next === state) return;
    state = next;
    for (const cb of linkListeners) cb(next);
  };

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      retryMs = FIRST_RETRY_MS;
      setState('open');
      for (const text of waiting.splice(0)) ws.send(text);
    });
    ws.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string') return;
      for (const cb of frameListeners) cb(event.data);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      setState('reconnecting');
      // Jitter keeps many desktops from hammering a restarted host in lock-step.
      const delay = retryMs + Math.floor(Math.random() * 250);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      setTimeout(connect, delay);
    });
  };
  connect();

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
  };
}
