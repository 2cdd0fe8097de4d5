import { z } from 'zod';
import { addNoteRequest, createCaseRequest, updateCaseRequest, type CaseNoteView } from '../../shared/schemas/customers';
import { checkCaseAction } from '../access';
import { audit } from '../audit';
import { nextCounter } from '../counters';
import { CASE_SELECT, findCustomer, toCaseView } from '../customers/customers';
import type { Queryable } from '../db/types';
import { badRequest, HttpError, notFound } from '../http/errors';
import { route, type Actor } from '../http/router';
import { newId } from '../ids';

const listQuery = z.object({
  scope: z.enum(['mine', 'site', 'all']).default('mine'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

async function loadCase(q: Queryable, id: string) {
  const row = await q.get<Record<string, unknown>>(`${CASE_SELECT} WHERE c.id = ?`, [id]);
  if (!row) throw notFound('That case');
  return toCaseView(row);
}

async function loadNotes(q: Queryable, caseId: string): Promise<CaseNoteView[]> {
  const rows = await q.all<Record<string, unknown>>(
    `SELECT n.id, n.case_id, n.author_id, u.display_name AS author_name, n.body, n.created_at
     FROM case_notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.case_id = ? ORDER BY n.created_at, n.id`,
    [caseId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    caseId: String(r.case_id),
    authorId: (r.author_id as string | null) ?? null,
    authorName: (r.author_name as string | null) ?? null,
    body: String(r.body),
    createdAt: Number(r.created_at),
  }));
}

async function validWrapup(q: Queryable, line: string, code: string | null | undefined): Promise<void> {
  if (!code) return;
  const ok = await q.get('SELECT id FROM wrapup_codes WHERE id = ? AND line = ?', [code, line]);
  if (!ok) throw badRequest('That wrap-up code does not belong to this line.', [{ path: 'wrapupCode', message: 'unknown for this line' }]);
}

export async function openCase(
  q: Queryable,
  actor: Actor,
  input: z.infer<typeof createCaseRequest>,
): Promise<string> {
  if (input.customerId) await findCustomer(q, input.customerId);
  const id = newId('case');
  const reference = `RP-${await nextCounter(q, 'case_reference')}`;
  const now = Date.now();
  await q.run(
    `INSERT INTO cases (id, reference, customer_id, channel, line, queue_id, call_id, status, subject, site_id, owner_id, opened_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
    [id, reference, input.customerId ?? null, input.channel, input.line, input.queueId ?? null, input.callId ?? null,
      input.subject, actor.siteId, actor.userId, now, now],
  );
  await audit(q, actor, { action: 'case.opened', entity: 'case', entityId: id, detail: { reference, line: input.line } });
  return id;
}

/**
 * The time a desktop says it wrote something down offline, kept when it is believable: never in
 * the future (a fast clock) and never more than a week back (a stuck one); otherwise now.
 */
const WRITTEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
export function asWritten(writtenAt: number | undefined, now: number): number {
  if (writtenAt === undefined || writtenAt > now || writtenAt < now - WRITTEN_WINDOW_MS) return now;
  return writtenAt;
}

/**
 * Adds a note once per idempotency key and author. The unique index decides, so two resends racing
 * on two hub instances still leave one note; the same key on another case is a mistake, not a resend.
 */
async function addNote(q: Queryable, actor: Actor, caseId: string, input: z.infer<typeof addNoteRequest>): Promise<boolean> {
  const found = await loadCase(q, caseId);
  const key = input.idempotencyKey ?? null;
  const id = newId('note');
  const now = Date.now();
  const inserted = await q.run(
    `INSERT INTO case_notes (id, case_id, author_id, body, created_at, idempotency_key) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (author_id, idempotency_key) DO NOTHING`,
    [id, found.id, actor.userId, input.body, asWritten(input.writtenAt, now), key],
  );
  if (inserted.changes === 0) {
    const prior = await q.get<{ case_id: string }>('SELECT case_id FROM case_notes WHERE author_id = ? AND idempotency_key = ?', [actor.userId, key]);
    if (prior?.case_id !== found.id) throw new HttpError(409, 'idempotency_key_reused', 'That idempotency key was already used for a note on another case.');
    return false;
  }
  await q.run('UPDATE cases SET updated_at = ? WHERE id = ?', [now, found.id]);
  await audit(q, actor, { action: 'case.note_added', entity: 'case', entityId: found.id, detail: { noteId: id, idempotencyKey: key } });
  return true;
}

export const caseRoutes = [
  route({
    method: 'GET',
    path: '/api/cases',
    access: 'signed_in',
    summary: 'Recent cases: mine, my site’s, or (supervisors and admins) every site’s',
    query: listQuery,
    async handle({ hub, actor, query }) {
      const scope = actor.role === 'advisor' && query.scope === 'all' ? 'site' : query.scope;
      const where = scope === 'mine' ? 'WHERE c.owner_id = ?' : scope === 'site' ? 'WHERE c.site_id = ?' : '';
      const args = scope === 'mine' ? [actor.userId] : scope === 'site' ? [actor.siteId] : [];
      const rows = await hub.db.all<Record<string, unknown>>(`${CASE_SELECT} ${where} ORDER BY c.updated_at DESC LIMIT ?`, [
        ...args,
        query.limit,
      ]);
      return { body: { cases: rows.map(toCaseView) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/cases/:id',
    access: 'signed_in',
    summary: 'One case with its notes',
    async handle({ hub, params }) {
      const found = await loadCase(hub.db, params.id!);
      return { body: { case: found, notes: await loadNotes(hub.db, found.id) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/cases',
    access: ['advisor', 'supervisor'],
    summary: 'Open a case',
    body: createCaseRequest,
    async handle({ hub, actor, body }) {
      const id = await hub.db.tx((q) => openCase(q, actor, body));
      return { status: 201, body: { case: await loadCase(hub.db, id) } };
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/cases/:id',
    access: ['advisor', 'supervisor'],
    summary: 'Change a case’s status, wrap-up code or subject',
    body: updateCaseRequest,
    async handle({ hub, actor, params, body }) {
      await hub.db.tx(async (q) => {
        const before = await loadCase(q, params.id!);
        checkCaseAction(actor, before.siteId, 'update');
        await validWrapup(q, before.line, body.wrapupCode);
        const status = body.status ?? before.status;
        const now = Date.now();
        await q.run('UPDATE cases SET status = ?, wrapup_code = ?, subject = ?, closed_at = ?, updated_at = ? WHERE id = ?', [
          status,
          body.wrapupCode !== undefined ? body.wrapupCode : before.wrapupCode,
          body.subject || before.subject,
          status === 'closed' ? (before.closedAt ?? asWritten(body.closedAt, now)) : null,
          now,
          before.id,
        ]);
        await audit(q, actor, { action: 'case.updated', entity: 'case', entityId: before.id, detail: body });
      });
      return { body: { case: await loadCase(hub.db, params.id!) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/cases/:id/notes',
    access: ['advisor', 'supervisor'],
    summary: 'Add a note to a case (card numbers are masked before it is stored); a resent idempotency key adds nothing',
    body: addNoteRequest,
    async handle({ hub, actor, params, body }) {
      const added = await hub.db.tx((q) => addNote(q, actor, params.id!, body));
      return { status: added ? 201 : 200, body: { notes: await loadNotes(hub.db, params.id!), replayed: !added } };
    },
  }),
];
