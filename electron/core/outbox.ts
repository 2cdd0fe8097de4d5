import { CoreError } from './errors';
import type { DesktopStore, OutboxRow } from './store';

/** The hub away or failing: worth trying again later, unlike a definite no. */
export const transient = (err: unknown): boolean =>
  err instanceof CoreError && (err.code === 'hub_unreachable' || (err.status ?? 0) >= 500);

/**
 * One kind of request waiting in the desktop's outbox table (gesture requests, case notes), each
 * row already masked and carrying the idempotency key minted when the advisor pressed the button.
 * Rows go oldest first, one at a time; the first sign that the hub is still away stops the run,
 * and a definite refusal is kept for the advisor to see instead of being retried forever.
 */
export class OutboxQueue {
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: DesktopStore,
    private readonly kind: string,
    private readonly deliver: (row: OutboxRow) => Promise<unknown>,
    private readonly changed: () => void,
  ) {}

  rows(): OutboxRow[] {
    return this.store.outbox(this.kind);
  }

  /** Written before anything is sent: the store is `synchronous=FULL`, so once this returns the row is on disk. */
  add(row: { id: string; key: string; body: unknown; summary: string }): void {
    this.store.queue({ ...row, kind: this.kind });
    this.changed();
  }

  /** The row waiting with this key, or this one written now: a retry of one request is one row. */
  ensure(row: { id: string; key: string; body: unknown; summary: string }): OutboxRow {
    const waiting = this.rows().find((r) => r.key === row.key);
    if (waiting) return waiting;
    this.add(row);
    return this.rows().find((r) => r.id === row.id)!;
  }

  remove(id: string): void {
    this.store.outboxDone(id);
    this.changed();
  }

  /** Tries one row now (for example right after it was written); says whether it went. */
  async sendNow(row: OutboxRow, delivered?: (reply: unknown) => void): Promise<boolean> {
    try {
      const reply = await this.deliver(row);
      this.remove(row.id);
      delivered?.(reply);
      return true;
    } catch (err) {
      if (!transient(err)) throw err;
      this.store.outboxAttempted(row.id, { state: 'waiting', error: null });
      this.changed();
      return false;
    }
  }

  /** Sends what waits; concurrent calls share one run. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    // Cleared only once the run has finished, even when there was nothing to send.
    const run = this.sendWaiting()
      .catch((err: unknown) => console.error(`[core] the ${this.kind} outbox could not be sent:`, err)) // e.g. signed out mid-run
      .finally(() => {
        if (this.flushing === run) this.flushing = null;
      });
    this.flushing = run;
    return run;
  }

  private async sendWaiting(): Promise<void> {
    for (const row of this.rows()) {
      if (row.state !== 'waiting') continue;
      try {
        if (!(await this.sendNow(row))) break;
      } catch (err) {
        // A definite answer (budget spent, case gone...): shown to the advisor, not retried.
        this.store.outboxAttempted(row.id, { state: 'refused', error: err instanceof Error ? err.message : String(err) });
        this.changed();
      }
    }
  }
}
