import type { z } from 'zod';
import { isReopening, statusChangeRefusal } from '../../shared/cases/status-rules';
import type { CaseView, updateCaseRequest } from '../../shared/schemas/customers';
import { checkCaseAction } from '../access';
import { audit } from '../audit';
import type { Queryable } from '../db/types';
import { badRequest, HttpError } from '../http/errors';
import type { Actor } from '../http/router';
import { newId } from '../ids';
import { loadCase } from './load';
import { asWritten } from './notes';

type CaseChange = z.infer<typeof updateCaseRequest>;

/** A code of the case's own line, still on the list (a retired code stays only where it was). */
async function checkWrapup(q: Queryable, before: CaseView, code: string | null | undefined): Promise<void> {
  if (!code || code === before.wrapupCode) return;
  const ok = await q.get<{ retired: number }>('SELECT retired FROM wrapup_codes WHERE id = ? AND line = ?', [code, before.line]);
  if (!ok) throw badRequest('That wrap-up code does not belong to this line.', [{ path: 'wrapupCode', message: 'unknown for this line' }]);
  if (Number(ok.retired)) throw badRequest('That wrap-up code has been taken off the list.', [{ path: 'wrapupCode', message: 'retired' }]);
}

/** A change to a closed case that would change nothing (a wrap-up resent after a lost reply) is fine. */
function changesClosedCase(before: CaseView, body: CaseChange): boolean {
  return (
    (body.wrapupCode !== undefined && body.wrapupCode !== before.wrapupCode) ||
    (body.subject !== undefined && body.subject !== before.subject) ||
    (body.outcome !== undefined && (body.outcome || null) !== before.outcome)
  );
}

/**
 * Status, wrap-up code, outcome and subject of a case, by the rules in shared/cases/status-rules.ts.
 * A status change is kept in the case's history (with the reason for a reopening) and audited.
 */
export async function updateCase(q: Queryable, actor: Actor, caseId: string, body: CaseChange): Promise<void> {
  const before = await loadCase(q, caseId);
  checkCaseAction(actor, before.siteId, 'update');
  const to = body.status ?? before.status;
  if (before.status === 'closed' && to === 'closed') {
    if (changesClosedCase(before, body))
      throw new HttpError(409, 'case_closed', 'This case is closed: a supervisor of its site reopens it (with a reason) before it changes.');
    return;
  }
  await checkWrapup(q, before, body.wrapupCode);
  const wrapupCode = body.wrapupCode !== undefined ? body.wrapupCode : before.wrapupCode;
  const refusal = statusChangeRefusal(actor, before, { to, wrapupCode, reason: body.reason });
  if (refusal) throw new HttpError(refusal.status, refusal.code, refusal.message);

  const now = Date.now();
  const closedAt = to === 'closed' ? asWritten(body.closedAt, now) : null;
  const resolvedAt = to === 'resolved' ? (before.status === 'resolved' ? before.resolvedAt : now) : to === 'closed' ? before.resolvedAt : null;
  await q.run('UPDATE cases SET status = ?, wrapup_code = ?, subject = ?, outcome = ?, closed_at = ?, resolved_at = ?, updated_at = ? WHERE id = ?', [
    to,
    wrapupCode,
    body.subject || before.subject,
    body.outcome !== undefined ? body.outcome || null : before.outcome,
    closedAt,
    resolvedAt,
    now,
    before.id,
  ]);
  const reopening = isReopening(before.status, to);
  if (to !== before.status) {
    await q.run(
      'INSERT INTO case_status_changes (id, case_id, from_status, to_status, reason, actor_id, site_id, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [newId('csc'), before.id, before.status, to, body.reason?.trim() || null, actor.userId, actor.siteId, closedAt ?? now],
    );
  }
  await audit(q, actor, {
    action: reopening ? 'case.reopened' : 'case.updated',
    entity: 'case',
    entityId: before.id,
    siteId: before.siteId,
    detail: { ...body, from: before.status, to },
  });
}
