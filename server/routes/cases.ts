import { z } from 'zod';
import { reviseNoteRequest } from '../../shared/schemas/cases';
import { addNoteRequest, createCaseRequest, updateCaseRequest } from '../../shared/schemas/customers';
import { audit } from '../audit';
import { loadCase, loadNotes, loadStatusChanges } from '../cases/load';
import { addNote, noteRevisions, ReplayedEdit, reviseNote } from '../cases/notes';
import { updateCase } from '../cases/update';
import { nextCounter } from '../counters';
import { CASE_SELECT, findCustomer, toCaseView } from '../customers/customers';
import type { Queryable } from '../db/types';
import { route, type Actor } from '../http/router';
import { newId } from '../ids';

const listQuery = z.object({
  scope: z.enum(['mine', 'site', 'all']).default('mine'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

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
    summary: 'One case with its notes (latest text, written time and site of each) and its status history',
    async handle({ hub, params }) {
      const found = await loadCase(hub.db, params.id!);
      return { body: { case: found, notes: await loadNotes(hub.db, found.id), changes: await loadStatusChanges(hub.db, found.id) } };
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
    summary: 'Change a case’s status, wrap-up code, outcome or subject (own site; closing and reopening by the rules in shared/cases/status-rules.ts)',
    body: updateCaseRequest,
    async handle({ hub, actor, params, body }) {
      await hub.db.tx((q) => updateCase(q, actor, params.id!, body));
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
  route({
    method: 'POST',
    path: '/api/cases/:id/notes/:noteId/revisions',
    access: ['advisor', 'supervisor'],
    summary: 'Edit one’s own note: a new revision, the earlier text kept; a resent idempotency key adds nothing',
    body: reviseNoteRequest,
    async handle({ hub, actor, params, body }) {
      let outcome: 'revised' | 'unchanged' | 'replayed';
      try {
        outcome = await hub.db.tx((q) => reviseNote(q, actor, params.id!, params.noteId!, body));
      } catch (err) {
        if (!(err instanceof ReplayedEdit)) throw err;
        outcome = 'replayed';
      }
      return { status: outcome === 'revised' ? 201 : 200, body: { notes: await loadNotes(hub.db, params.id!), outcome } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/cases/:id/notes/:noteId/revisions',
    access: 'signed_in',
    summary: 'Every version of a note, newest first',
    async handle({ hub, params }) {
      return { body: { revisions: await noteRevisions(hub.db, params.id!, params.noteId!) } };
    },
  }),
];
