import { contextBridge, ipcRenderer } from 'electron';

/**
 * Exposes only the bridge contract's frames: no ipcRenderer, no Node. Main hands over a
 * MessagePort to the core; frames go straight to it.
 */
let port: MessagePort | null = null;
const pending: unknown[] = [];
const listeners = new Set<(frame: unknown) => void>();
const linkListeners = new Set<(state: 'open' | 'reconnecting') => void>();
let linkDown = false;

// Main says when the core has stopped (it restarts it and hands over a new port).
ipcRenderer.on('rapport:link-down', () => {
  linkDown = true;
  port?.close();
  port = null;
  linkListeners.forEach((l) => l('reconnecting'));
});

// Only main can send on this channel: renderers cannot message each other directly.
ipcRenderer.on('rapport:port', (event) => {
  port?.close();
  port = event.ports[0] ?? null;
  if (!port) return;
  port.onmessage = (e) => listeners.forEach((l) => l(e.data));
  port.start();
  pending.splice(0).forEach((f) => port!.postMessage(f));
  if (linkDown) {
    linkDown = false;
    linkListeners.forEach((l) => l('open'));
  }
});

// The search worker's own port for bulk knowledge, handed to the page's world once the page is
// listening (a port cannot cross contextBridge; window.postMessage to this same window can), and
// again after the core restarts. The page transfers it to its worker.
let knowledgePort: MessagePort | null = null;
let pageListening = false;
const handOverKnowledgePort = () => {
  if (!pageListening || !knowledgePort) return;
  window.postMessage({ rapport: 'knowledge-port' }, '*', [knowledgePort]);
  knowledgePort = null;
};
ipcRenderer.on('rapport:knowledge-port', (event) => {
  knowledgePort = event.ports[0] ?? null;
  handOverKnowledgePort();
});

contextBridge.exposeInMainWorld('rapportBridge', {
  send(frame: unknown): void {
    if (typeof frame !== 'object' || frame === null) return;
    if (port) port.postMessage(frame);
    else pending.push(frame);
  },
  onFrame(callback: (frame: unknown) => void): () => void {
    listeners.add(callback);
    return () => listeners.delete(callback);
  },
  /** The page listens for `{ rapport: 'knowledge-port' }` messages from now on. */
  wantKnowledgePort(): void {
    pageListening = true;
    handOverKnowledgePort();
  },
  onLinkState(callback: (state: 'open' | 'reconnecting') => void): () => void {
    linkListeners.add(callback);
    return () => linkListeners.delete(callback);
  },
});
