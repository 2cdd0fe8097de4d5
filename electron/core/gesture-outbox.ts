import { randomUUID } from 'node:crypto';
import type { OutboxEntry } from '../../shared/contract/gestures';
import { redactCardData } from '../../shared/redaction';
import type { CreateGestureRequest, CreateGestureResult } from '../../shared/schemas/gestures';
import { CoreError } from './errors';
import type { HubClient } from './hub-client';
import type { DesktopStore } from './store';

type Draft = Omit<CreateGestureRequest, 'idempotencyKey'>;

/** Card data never reaches the outbox file: masked before the first write, as on the hub. */
function masked(draft: Draft): Draft {
  return {
    ...draft,
    message: redactCardData(draft.message),
    reason: redactCardData(draft.reason),
    personalisation: Object.fromEntries(Object.entries(draft.personalisation).map(([k, v]) => [k, redactCardData(v)])),
  };
}

/** The hub away or failing: worth trying again later, unlike a definite no. */
const transient = (err: unknown) => err instanceof CoreError && (err.code === 'hub_unreachable' || (err.status ?? 0) >= 500);

/**
 * Gesture requests made while the hub is out of reach wait here, each with the idempotency key
 * minted when the advisor pressed send, and go once the hub is back: a resend after a dropped
 * reply is the same request, never a second one.
 */
export class GestureOutbox {
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly hub: HubClient,
    private readonly store: DesktopStore,
    private readonly changed: () => void,
  ) {}

  entries(): OutboxEntry[] {
    return this.store.outbox().map((r) => {
      const body = r.body as CreateGestureRequest;
      return {
        id: r.id,
        idempotencyKey: r.key,
        summary: r.summary,
        amountPence: body.amountPence,
        caseId: body.caseId,
        createdAt: r.createdAt,
        attempts: r.attempts,
        state: r.state === 'refused' ? 'refused' : 'waiting',
        error: r.error,
      };
    });
  }

  async send(draft: Draft, summary: string): Promise<{ sent: CreateGestureResult } | { queued: OutboxEntry }> {
    const body: CreateGestureRequest = { ...masked(draft), idempotencyKey: `g-${randomUUID()}` };
    try {
      return { sent: await this.hub.post<CreateGestureResult>('/api/gestures/requests', body) };
    } catch (err) {
      if (!transient(err)) throw err;
    }
    const id = randomUUID();
    this.store.queue({ id, key: body.idempotencyKey, kind: 'gesture', body, summary });
    this.changed();
    return { queued: this.entries().find((e) => e.id === id)! };
  }

  discard(id: string): OutboxEntry[] {
    this.store.outboxDone(id);
    this.changed();
    return this.entries();
  }

  /** Sends what waits, oldest first; stops at the first sign the hub is still away. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    // Cleared only once the run has finished, even when there was nothing to send.
    const run = this.sendWaiting().finally(() => {
      if (this.flushing === run) this.flushing = null;
    });
    this.flushing = run;
    return run;
  }

  private async sendWaiting(): Promise<void> {
    for (const row of this.store.outbox()) {
      if (row.state !== 'waiting') continue;
      try {
        await this.hub.post<CreateGestureResult>('/api/gestures/requests', row.body);
        this.store.outboxDone(row.id);
      } catch (err) {
        if (transient(err)) {
          this.store.outboxAttempted(row.id, { state: 'waiting', error: null });
          this.changed();
          break;
        }
        // A definite answer (budget spent, item retired...): shown to the advisor, not retried.
        this.store.outboxAttempted(row.id, { state: 'refused', error: err instanceof Error ? err.message : String(err) });
      }
      this.changed();
    }
  }
}
