import { randomUUID } from 'node:crypto';
import type { OutboxEntry } from '../../shared/contract/gestures';
import type { CreateGestureRequest, CreateGestureResult } from '../../shared/schemas/gestures';
import type { HubClient } from './hub-client';
import { OutboxQueue, transient } from './outbox';
import type { DesktopStore } from './store';

type Draft = Omit<CreateGestureRequest, 'idempotencyKey'>;

/**
 * Gesture requests made while the hub is out of reach wait here, each with the idempotency key
 * minted when the advisor pressed send, and go once the hub is back: a resend after a dropped
 * reply is the same request, never a second one.
 */
export class GestureOutbox {
  private readonly queue: OutboxQueue;

  constructor(
    private readonly hub: HubClient,
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

  async send(draft: Draft, summary: string): Promise<{ sent: CreateGestureResult } | { queued: OutboxEntry }> {
    const body: CreateGestureRequest = { ...draft, idempotencyKey: `g-${randomUUID()}` };
    try {
      return { sent: await this.hub.post<CreateGestureResult>('/api/gestures/requests', body) };
    } catch (err) {
      if (!transient(err)) throw err;
    }
    const id = randomUUID();
    this.queue.add({ id, key: body.idempotencyKey, body, summary });
    return { queued: this.entries().find((e) => e.id === id)! };
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
