import { guarded } from '../../shared/guard';
import { mayRequest, wantsPush, type ChannelKind } from './bridge-channels';
import type { DesktopCore } from './core';
import type { CoreLog } from './log';
import { route, type Handlers } from './router';

/** A message port as the core sees it: Electron's MessagePortMain in the app, Node's in tests. */
export interface FramePort {
  postMessage(frame: unknown): void;
  onMessage(cb: (data: unknown) => void): void;
  onClose(cb: () => void): void;
  start(): void;
}

/**
 * The bridge contract over a message port (Electron): the window's bridge, or the knowledge
 * channel its search worker holds. Frames are structured-cloned objects, parsed by the router.
 */
export function servePort(port: FramePort, core: DesktopCore, handlers: Handlers, kind: ChannelKind, log: CoreLog): void {
  const unsubscribe = core.onPush((frame) => {
    if (wantsPush(frame.push, kind)) port.postMessage(frame);
  });
  port.onClose(unsubscribe); // a reloaded window gets new ports; the old ones stop hearing
  port.onMessage(
    guarded(
      async (data: unknown) => {
        if (!mayRequest(data, kind.knowledgeChannel)) return;
        const reply = await route(handlers, data);
        if (reply) port.postMessage(reply);
      },
      (err) => log.error({ err }, 'a bridge request failed unexpectedly'),
    ),
  );
  port.start();
  if (kind.knowledgeChannel) return;
  // A window that connects (or reconnects) learns where things stand at once.
  port.postMessage({ push: 'session.changed', data: core.sessionState });
  port.postMessage({ push: 'connection.changed', data: core.connection });
  port.postMessage({ push: 'setup.changed', data: core.setupStatus });
}
