import type { FollowUpView } from '../../shared/schemas/gestures';
import { writeTogether, type Write } from '../db/together';
import type { Queryable } from '../db/types';
import { newId } from '../ids';

/**
 * Each step of a gesture is written on the case as a note, so it shows in the customer's history at
 * every site (the customer card reads case notes) and nobody has to ask what was offered before.
 */
export async function addCaseNote(q: Queryable, caseId: string, authorId: string | null, body: string): Promise<void> {
  await writeTogether(q, caseNoteWrites(caseId, authorId, body));
}

/** The note and the case's last-changed time, as writes to go with the change's others. */
export function caseNoteWrites(caseId: string, authorId: string | null, body: string): Write[] {
  const now = Date.now();
  return [
    ['INSERT INTO case_notes (id, case_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)', [newId('note'), caseId, authorId, body, now]],
    ['UPDATE cases SET updated_at = ? WHERE id = ?', [now, caseId]],
  ];
}

/** Once a gesture is approved the advisor who asked checks, later, that it landed well. */
export async function createFollowUp(q: Queryable, requestId: string, advisorId: string, dueAt: number): Promise<void> {
  await q.run(...followUpWrite(requestId, advisorId, dueAt));
}

export function followUpWrite(requestId: string, advisorId: string, dueAt: number): Write {
  return ['INSERT INTO follow_ups (id, request_id, advisor_id, due_at, created_at) VALUES (?, ?, ?, ?, ?)', [newId('fup'), requestId, advisorId, dueAt, Date.now()]];
}

export const FOLLOW_UP_SELECT = `SELECT f.id, f.request_id, f.advisor_id, f.due_at, f.done_at, f.outcome, g.case_id, c.reference AS case_reference,
  cu.name AS customer_name, g.item_name, g.sensitive, g.fulfilment_status
  FROM follow_ups f JOIN gesture_requests g ON g.id = f.request_id
  LEFT JOIN cases c ON c.id = g.case_id LEFT JOIN customers cu ON cu.id = g.customer_id`;

export const toFollowUpView = (r: Record<string, unknown>): FollowUpView =>
  ({
    id: String(r.id),
    requestId: String(r.request_id),
    advisorId: String(r.advisor_id),
    dueAt: Number(r.due_at),
    doneAt: r.done_at === null || r.done_at === undefined ? null : Number(r.done_at),
    outcome: (r.outcome as string | null) ?? null,
    caseId: String(r.case_id),
    caseReference: (r.case_reference as string | null) ?? null,
    customerName: (r.customer_name as string | null) ?? null,
    itemName: String(r.item_name),
    sensitive: Boolean(Number(r.sensitive)),
    fulfilmentStatus: (r.fulfilment_status as FollowUpView['fulfilmentStatus']) ?? null,
  }) as FollowUpView;
