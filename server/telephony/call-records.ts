import { z } from 'zod';
import { advance, isLive, outcomeOf, type CallState } from '../../shared/telephony/call-machine';
import type { CallSignal } from '../../shared/telephony/signals';
import { toE164 } from '../../shared/phone';
import type { Queryable } from '../db/types';
import { CALL_RECORD_OUTCOMES, type CallRecordOutcome } from '../../shared/contract/telephony';

/**
 * Calls are records: every call an advisor was offered or made, kept by the hub so a supervisor's
 * reports and the customer's timeline show calls from every site. The gateway runs each advisor's
 * signals through the same call state machine as the desk, and writes the call when it is over.
 */
export interface CallRecord {
  callId: string;
  userId: string;
  source: 'pbx' | 'desktop';
  direction: 'in' | 'out';
  customerNumber: string;
  queue: string | null;
  offeredAt: number;
  connectedAt: number | null;
  endedAt: number;
  outcome: string;
  phase: CallState['phase'];
  transferredTo: string | null;
}

export class CallRecorder {
  private readonly calls = new Map<string, CallState>();

  /** The record of the advisor's call once this signal has ended it, else null. */
  track(signal: CallSignal, userId: string): CallRecord | null {
    const key = `${signal.callId}\u0000${userId}`;
    const step = advance(this.calls.get(key), signal);
    if (!step.changed || !step.state) return null;
    if (isLive(step.state)) {
      this.calls.set(key, step.state);
      if (this.calls.size > 5000) this.calls.delete(this.calls.keys().next().value!);
      return null;
    }
    this.calls.delete(key);
    return recordOf(step.state, userId, 'pbx');
  }
}

export function recordOf(s: CallState, userId: string, source: CallRecord['source']): CallRecord {
  const number = s.direction === 'out' ? (s.to ?? '') : s.from;
  return {
    callId: s.callId,
    userId,
    source,
    direction: s.direction,
    customerNumber: toE164(number) ?? number,
    queue: s.queue,
    offeredAt: s.offeredAt,
    connectedAt: s.connectedAt,
    endedAt: s.endedAt ?? Date.now(),
    outcome: outcomeOf(s),
    phase: s.phase,
    transferredTo: s.transferredTo,
  };
}

/** One row per call and advisor; a second report of the same call (a retry) replaces the first. */
export async function saveCallRecord(q: Queryable, r: CallRecord): Promise<void> {
  const duration = r.connectedAt !== null ? Math.max(0, Math.round((r.endedAt - r.connectedAt) / 1000)) : null;
  await q.run(
    `INSERT INTO call_records (call_id, user_id, site_id, extension, source, direction, customer_number, queue, offered_at, connected_at, ended_at, duration_seconds, outcome, phase, transferred_to)
     SELECT ?, id, site_id, extension, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM users WHERE id = ?
     ON CONFLICT (call_id, user_id) DO UPDATE SET connected_at = excluded.connected_at, ended_at = excluded.ended_at,
       duration_seconds = excluded.duration_seconds, outcome = excluded.outcome, phase = excluded.phase, transferred_to = excluded.transferred_to`,
    [r.callId, r.source, r.direction, r.customerNumber, r.queue, r.offeredAt, r.connectedAt, r.endedAt, duration, r.outcome, r.phase, r.transferredTo, r.userId],
  );
}

/** What a softphone desktop reports of a call the hub's gateway never saw. */
export const reportedCall = z.object({
  callId: z.string().min(1).max(250),
  direction: z.enum(['in', 'out']),
  customerNumber: z.string().max(40),
  queue: z.string().max(80).nullable(),
  offeredAt: z.number().int().positive(),
  connectedAt: z.number().int().positive().nullable(),
  endedAt: z.number().int().positive(),
  outcome: z.string().min(1).max(120),
  phase: z.enum(['ended', 'missed', 'abandoned']),
  transferredTo: z.string().max(80).nullable(),
});

export const callRecordQuery = z.object({
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
  userId: z.string().min(1).max(64).optional(),
  siteId: z.string().min(1).max(64).optional(),
  outcome: z.enum(CALL_RECORD_OUTCOMES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Each outcome a supervisor filters by, in the words outcomeOf (shared/telephony/call-machine.ts) writes. */
const OUTCOME_CLAUSES: Record<CallRecordOutcome, string> = {
  answered: "r.direction = 'in' AND r.phase = 'ended' AND r.outcome NOT LIKE 'Transferred%'",
  missed: "r.phase = 'missed'",
  abandoned: "r.phase = 'abandoned'",
  transferred: "r.outcome LIKE 'Transferred%'",
  outbound: "r.direction = 'out'",
};

interface Row {
  call_id: string;
  user_id: string;
  display_name: string;
  site_id: string;
  site_name: string;
  source: string;
  direction: string;
  customer_number: string;
  queue: string | null;
  offered_at: number;
  connected_at: number | null;
  ended_at: number;
  duration_seconds: number | null;
  outcome: string;
  phase: string;
  transferred_to: string | null;
}

/** Call records of one site (or every site), newest first. */
export async function listCallRecords(q: Queryable, where: Omit<z.infer<typeof callRecordQuery>, 'siteId'> & { siteId: string | null }) {
  const clauses: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, value: string | number | undefined | null) => {
    if (value === undefined || value === null) return;
    clauses.push(clause);
    args.push(value);
  };
  add('r.site_id = ?', where.siteId);
  add('r.user_id = ?', where.userId);
  add('r.offered_at >= ?', where.from);
  add('r.offered_at < ?', where.to);
  if (where.outcome) clauses.push(OUTCOME_CLAUSES[where.outcome]);
  const rows = await q.all<Row>(
    `SELECT r.*, u.display_name, s.name AS site_name FROM call_records r JOIN users u ON u.id = r.user_id JOIN sites s ON s.id = r.site_id ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
     ORDER BY r.offered_at DESC LIMIT ?`,
    [...args, where.limit],
  );
  return rows.map((r) => ({
    callId: r.call_id,
    advisor: { id: r.user_id, name: r.display_name },
    siteId: r.site_id,
    siteName: r.site_name,
    source: r.source,
    direction: r.direction,
    customerNumber: r.customer_number,
    queue: r.queue,
    offeredAt: Number(r.offered_at),
    connectedAt: r.connected_at === null ? null : Number(r.connected_at),
    endedAt: Number(r.ended_at),
    durationSeconds: r.duration_seconds === null ? null : Number(r.duration_seconds),
    outcome: r.outcome,
    phase: r.phase,
    transferredTo: r.transferred_to,
  }));
}
