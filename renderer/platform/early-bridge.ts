/**
 * Browser mode: the page's early script (written out at build time, see vite.config.ts) opens the
 * bridge's socket while the app's script is still loading and running, and keeps what the desktop
 * sends meanwhile (who is signed in, the link). The app's transport takes that socket and those
 * frames as if it had opened it itself, so the first screen it draws is the right one (the desk,
 * not "Starting Rapport…") without waiting for a handshake after its script has run.
 *
 * `readBridgeToken` and `bridgeAddresses` are written into the early script as their own text
 * (Function.prototype.toString), so they use nothing from outside themselves.
 */

/** The window property the early socket waits on until the transport takes it. */
export const EARLY_BRIDGE_GLOBAL = 'rapportEarlyBridge';

/** Where the per-run token is kept for this tab, so a reload still works. */
export const TOKEN_KEY = 'rapport.bridgeToken';

/** The token in the address (`#token=…`), else the one kept for this tab; `kept` may throw. */
export function readBridgeToken(hash: string, kept: () => string | null): { token: string; inAddress: boolean } | null {
  const inAddress = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  if (inAddress) return { token: inAddress, inAddress: true };
  try {
    const token = kept();
    return token ? { token, inAddress: false } : null;
  } catch {
    return null;
  }
}

/** The page's socket (knowledge travels on the worker's own) and the search worker's. */
export function bridgeAddresses(protocol: string, host: string, token: string): { page: string; knowledge: string } {
  const base = (protocol === 'https:' ? 'wss' : 'ws') + '://' + host + '/bridge?token=' + encodeURIComponent(token);
  return { page: base + '&knowledge=worker', knowledge: base + '&channel=knowledge' };
}

/** What the early script leaves for the transport. */
export interface EarlySocket {
  socket: WebSocket;
  /** Frames that arrived before the transport took the socket, in order. */
  frames: unknown[];
  /** Stops keeping frames: the transport listens from now on. */
  stop(): void;
}

/**
 * The early script's text. It does nothing without a token (Electron, or an address without one)
 * and any failure leaves the transport to open its own socket.
 */
export function earlyBridgeScript(): string {
  return `(function () {
  try {
    var readBridgeToken = ${readBridgeToken.toString()};
    var bridgeAddresses = ${bridgeAddresses.toString()};
    var found = readBridgeToken(location.hash, function () { return sessionStorage.getItem(${JSON.stringify(TOKEN_KEY)}); });
    if (!found) return;
    var socket = new WebSocket(bridgeAddresses(location.protocol, location.host, found.token).page);
    var early = { socket: socket, frames: [] };
    var keep = function (event) { early.frames.push(event.data); };
    early.stop = function () { socket.removeEventListener('message', keep); };
    socket.addEventListener('message', keep);
    window[${JSON.stringify(EARLY_BRIDGE_GLOBAL)}] = early;
  } catch (e) {}
})();
`;
}

/**
 * The early socket, handed out once, if it is for `address` and not closing; otherwise it is closed
 * and the transport opens its own.
 */
export function takeEarlySocket(address: string): EarlySocket | null {
  const scope = window as unknown as Record<string, EarlySocket | undefined>;
  const early = scope[EARLY_BRIDGE_GLOBAL];
  delete scope[EARLY_BRIDGE_GLOBAL];
  if (!early || !(early.socket instanceof WebSocket) || !Array.isArray(early.frames)) return null;
  if (early.socket.url === address && early.socket.readyState <= WebSocket.OPEN) return early;
  early.stop();
  early.socket.close();
  return null;
}
