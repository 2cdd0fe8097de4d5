/**
 * Every keystroke sends a search; while one runs, the next keystrokes' searches wait in the
 * worker's message queue. Each search first lets the messages already waiting arrive, and runs only
 * if no newer search came meanwhile: a superseded search is skipped, not run to the end.
 */
export class LatestSearch {
  private latest = -1;

  /** Called as a search message arrives, before it waits in the queue. */
  arrived(requestId: number): void {
    this.latest = requestId;
  }

  /** True when this search is still the newest once the messages already waiting have arrived. */
  async stillWanted(requestId: number): Promise<boolean> {
    await nextTask();
    return requestId === this.latest;
  }
}

/** Resolves after one trip through the event loop's task queue (no timer clamping, unlike setTimeout). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
