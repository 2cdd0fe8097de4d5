import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AgentStateView } from '../../shared/contract/calls';
import type { HubClient } from './hub-client';
import { OutboxQueue, transient } from './outbox';
import type { DesktopStore, OutboxRow } from './store';
import { hubReplies } from '../../shared/hub/replies';

/** A wrap-up finished while the hub was away: read back from disk, so parsed, not trusted. */
const closing = z.object({ caseId: z.string().min(1), wrapupCode: z.string().min(1), closedAt: z.number().int().positive() });
type Closing = z.infer<typeof closing>;

const pendingState = z.object({
  state: z.enum(['ready', 'not_ready', 'break', 'after_call_work', 'protected_pause']),
  reason: z.string().optional(),
  minutes: z.number().int().optional(),
  writtenAt: z.number(),
});
type AgentChange = { state: AgentStateView['state']; reason?: string; minutes?: number };

const STATE_KEY = 'pending_agent_state';

/**
 * What the call desk does that must not wait for the hub: closing a case at wrap-up (queued with the
 * time it was finished, sent once, keyed by the case so a retry is the same close) and the
 * advisor's status (the latest change waits here and goes when the hub is back).
 */
export class DeskOutbox {
  private readonly wrapUps: OutboxQueue;

  constructor(
    private readonly hub: HubClient,
    private readonly store: DesktopStore,
  ) {
    const deliver = (row: OutboxRow) => {
      const c = closing.parse(row.body);
      return hub.request('PATCH', `/api/cases/${encodeURIComponent(c.caseId)}`, { status: 'closed', wrapupCode: c.wrapupCode, closedAt: c.closedAt });
    };
    this.wrapUps = new OutboxQueue(store, 'wrapup', deliver, () => undefined);
  }

  /** Closes the case now, or keeps the close on this computer; a definite refusal is thrown. */
  async closeCase(c: Closing): Promise<'sent' | 'saved'> {
    const key = `wrapup-${c.caseId}`;
    const existing = this.wrapUps.rows().find((r) => r.key === key);
    if (!existing) this.wrapUps.add({ id: randomUUID(), key, body: c, summary: `Wrap-up of ${c.caseId}` });
    const row = this.wrapUps.rows().find((r) => r.key === key)!;
    try {
      return (await this.wrapUps.sendNow(row)) ? 'sent' : 'saved';
    } catch (err) {
      this.wrapUps.remove(row.id);
      throw err;
    }
  }

  /** Sets the status on the hub, or keeps it here and says what it will be. */
  async setState(next: AgentChange): Promise<{ view: AgentStateView; saved: boolean }> {
    try {
      const view = await this.hub.post('/api/agent/state', next, hubReplies.agentState);
      this.store.setMeta(STATE_KEY, '');
      return { view, saved: false };
    } catch (err) {
      if (!transient(err)) throw err;
      this.store.setMeta(STATE_KEY, JSON.stringify({ ...next, writtenAt: Date.now() }));
      const until = next.minutes ? Date.now() + next.minutes * 60_000 : null;
      return { view: { state: next.state, reason: next.reason ?? null, until }, saved: true };
    }
  }

  /** What waits goes now, oldest first; returns the status the hub now holds if one was waiting. */
  async flush(): Promise<AgentStateView | null> {
    await this.wrapUps.flush();
    const saved = this.store.getMeta(STATE_KEY);
    if (!saved) return null;
    const parsed = pendingState.safeParse(JSON.parse(saved));
    if (!parsed.success) {
      this.store.setMeta(STATE_KEY, '');
      return null;
    }
    const { writtenAt, ...next } = parsed.data;
    // A timed pause keeps only what is left of it.
    const minutes = next.minutes ? Math.ceil((writtenAt + next.minutes * 60_000 - Date.now()) / 60_000) : undefined;
    const change = minutes !== undefined && minutes < 1 ? { state: 'ready' as const } : { ...next, ...(minutes ? { minutes } : {}) };
    try {
      const view = await this.hub.post('/api/agent/state', change, hubReplies.agentState);
      this.store.setMeta(STATE_KEY, '');
      return view;
    } catch (err) {
      if (!transient(err)) this.store.setMeta(STATE_KEY, '');
      return null;
    }
  }

  waitingWrapUps(): number {
    return this.wrapUps.rows().length;
  }
}
