/**
 * Which core process the window talks to. The core can crash and be restarted while the window
 * stays; the window can reload while the core stays. Either way the window must be given a port to
 * the core that is alive now, and be told when the link went down. Kept free of `electron` so it is
 * tested without the binary; main.ts passes in the real operations.
 */
export interface CoreLinkOps<Core> {
  startCore(): Core;
  /** A new MessageChannel: one end to the core, one to the window. */
  connect(core: Core): void;
  /** Tells the window's preload that its port is gone (the renderer shows "reconnecting"). */
  linkDown(): void;
  /** Waits before a restart, so a core that dies at once does not spin. */
  later(fn: () => void, ms: number): void;
}

export class CoreLink<Core> {
  private current: Core | null = null;
  private windowReady = false;
  private quitting = false;
  private restarts = 0;

  constructor(private readonly ops: CoreLinkOps<Core>) {}

  get core(): Core | null {
    return this.current;
  }

  start(): Core {
    this.current = this.ops.startCore();
    if (this.windowReady) this.ops.connect(this.current);
    return this.current;
  }

  /** The window (re)loaded its page: connect it to the core alive now, not the one it first had. */
  windowLoaded(): void {
    this.windowReady = true;
    if (this.current) this.ops.connect(this.current);
  }

  windowClosed(): void {
    this.windowReady = false;
  }

  /** The core process ended; unless the app is quitting, a new one starts and the window is reconnected. */
  coreExited(core: Core, code: number): void {
    if (core !== this.current) return;
    this.current = null;
    if (this.quitting) return;
    if (this.windowReady) this.ops.linkDown();
    if (code === 0) return; // it was asked to stop
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(this.restarts++, 5));
    this.ops.later(() => {
      if (!this.quitting && !this.current) this.start();
    }, delay);
  }

  /** A core that stayed up a while earns a quick restart next time. */
  coreSteady(): void {
    this.restarts = 0;
  }

  quit(): void {
    this.quitting = true;
  }
}
