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
  onLinkState(callback: (state: 'open' | 'reconnecting') => void): () => void {
    linkListeners.add(callback);
    return () => linkListeners.delete(callback);
  },
});
