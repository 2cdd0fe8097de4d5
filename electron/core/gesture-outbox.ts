import { randomUUID } from 'node:crypto';
import type { OutboxEntry } from '../../shared/contract/gestures';
import type { CreateGestureRequest, CreateGestureResult } from '../../shared/schemas/gestures';
import type { HubClient } from './hub-client';
import { OutboxQueue } from './outbox';
import type { DesktopStore } from './store';

/**
 * Gesture requests made while the hub is out of reach wait here, each with the idempotency key
 * the form brought, and go once the hub is back: a resend after a dropped
 * reply is the same request, never a second one.
 */
export class GestureOutbox {
  private readonly queue: OutboxQueue;

  constructor(
    hub: HubClient,
    store: DesktopStore,
    changed: () => void,
  ) {
    this.queue = new OutboxQueue(store, 'gesture', (row) => hub.post<CreateGestureResult>('/api/gestures/requests', row.body), changed);
  }

  entries(): OutboxEntry[] {
    return this.queue.rows().map((r) => {
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

  /**
   * Written to the outbox (on disk) before the first try, under the key the form brought: if this
   * process dies after the hub has committed, the retry carries the same key and the hub answers
   * with the original request instead of making a second one.
   */
  async send(request: CreateGestureRequest, summary: string): Promise<{ sent: CreateGestureResult } | { queued: OutboxEntry }> {
    const row = this.queue.ensure({ id: randomUUID(), key: request.idempotencyKey, body: request, summary });
    let sent: CreateGestureResult | undefined;
    try {
      if (await this.queue.sendNow(row, (result) => (sent = result as CreateGestureResult))) return { sent: sent! };
    } catch (err) {
      // A definite no: the advisor still has the form open and decides what to change.
      this.queue.remove(row.id);
      throw err;
    }
    return { queued: this.entries().find((e) => e.id === row.id)! };
  }

  discard(id: string): OutboxEntry[] {
    this.queue.remove(id);
    return this.entries();
  }

  /** Sends what waits, oldest first; stops at the first sign the hub is still away. */
  flush(): Promise<void> {
    return this.queue.flush();
  }
}
