import type { z } from 'zod';
import { AGENT_ROLES } from '../../shared/roles';
import { TASK_HORIZON_MS, type AssigneeView, type createTaskRequest, type TaskView } from '../../shared/schemas/cases';
import { checkCaseAction } from '../access';
import { audit } from '../audit';
import type { Queryable } from '../db/types';
import { badRequest, HttpError, notFound } from '../http/errors';
import type { Actor } from '../http/router';
import { newId } from '../ids';
import { loadCase } from './load';

const TASK_SELECT = `SELECT t.id, t.case_id, c.reference, c.subject, cu.name AS customer_name, c.line, t.site_id, t.title, t.due_at,
  t.assignee_id, a.display_name AS assignee_name, b.display_name AS created_by_name, t.created_at, t.done_at, d.display_name AS done_by_name
  FROM case_tasks t JOIN cases c ON c.id = t.case_id LEFT JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN users a ON a.id = t.assignee_id LEFT JOIN users b ON b.id = t.created_by LEFT JOIN users d ON d.id = t.done_by`;

const toTask =
  (now: number) =>
  (r: Record<string, unknown>): TaskView =>
    ({
      id: r.id,
      caseId: r.case_id,
      caseReference: r.reference,
      caseSubject: r.subject,
      customerName: r.customer_name ?? null,
      line: r.line,
      siteId: r.site_id,
      title: r.title,
      dueAt: Number(r.due_at),
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name ?? null,
      createdByName: r.created_by_name ?? null,
      createdAt: Number(r.created_at),
      doneAt: r.done_at === null ? null : Number(r.done_at),
      doneByName: r.done_by_name ?? null,
      overdue: r.done_at === null && Number(r.due_at) < now,
    }) as TaskView;

/** People who work cases at a site: who a follow-up may be given to. */
export async function assignees(q: Queryable, siteId: string): Promise<AssigneeView[]> {
  return q.all<AssigneeView>(
    `SELECT id, display_name AS "displayName", role FROM users WHERE site_id = ? AND disabled = 0 AND role IN (${AGENT_ROLES.map(() => '?').join(', ')})
     ORDER BY display_name`,
    [siteId, ...AGENT_ROLES],
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A follow-up on a case of the actor's own site; a resent key adds nothing. */
export async function addTask(q: Queryable, actor: Actor, caseId: string, input: z.infer<typeof createTaskRequest>): Promise<boolean> {
  const found = await loadCase(q, caseId);
  checkCaseAction(actor, found.siteId, 'follow_up');
  const now = Date.now();
  if (input.dueAt < now - DAY_MS || input.dueAt > now + TASK_HORIZON_MS)
    throw badRequest('Choose a due date from today to a year ahead.', [{ path: 'dueAt', message: 'out of range' }]);
  const assigneeId = input.assigneeId ?? actor.userId;
  if (!(await assignees(q, found.siteId)).some((a) => a.id === assigneeId))
    throw badRequest('A follow-up goes to someone who works cases at the case’s site.', [{ path: 'assigneeId', message: 'not an advisor or supervisor of this site' }]);
  const key = input.idempotencyKey ?? null;
  const id = newId('task');
  const inserted = await q.run(
    `INSERT INTO case_tasks (id, case_id, site_id, title, due_at, assignee_id, created_by, created_at, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (created_by, idempotency_key) DO NOTHING`,
    [id, found.id, found.siteId, input.title, input.dueAt, assigneeId, actor.userId, now, key],
  );
  if (inserted.changes === 0) {
    const prior = await q.get<{ case_id: string }>('SELECT case_id FROM case_tasks WHERE created_by = ? AND idempotency_key = ?', [actor.userId, key]);
    if (prior?.case_id !== found.id) throw new HttpError(409, 'idempotency_key_reused', 'That idempotency key was already used for another follow-up.');
    return false;
  }
  await audit(q, actor, { action: 'case.task_added', entity: 'case', entityId: found.id, siteId: found.siteId, detail: { taskId: id, assigneeId, dueAt: input.dueAt } });
  return true;
}

export async function caseTasks(q: Queryable, caseId: string): Promise<TaskView[]> {
  const rows = await q.all<Record<string, unknown>>(`${TASK_SELECT} WHERE t.case_id = ? ORDER BY t.done_at IS NOT NULL, t.due_at`, [caseId]);
  return rows.map(toTask(Date.now()));
}

/** What is due: open follow-ups, earliest due first (so the overdue ones lead). */
export async function dueTasks(q: Queryable, actor: Actor, scope: 'mine' | 'site', limit: number): Promise<TaskView[]> {
  const site = scope === 'site' && actor.role !== 'advisor';
  const rows = await q.all<Record<string, unknown>>(
    `${TASK_SELECT} WHERE t.done_at IS NULL AND ${site ? 't.site_id = ?' : 't.assignee_id = ?'} ORDER BY t.due_at, t.id LIMIT ?`,
    [site ? actor.siteId : actor.userId, limit],
  );
  return rows.map(toTask(Date.now()));
}

/** Done by the person it was given to, whoever added it, or a supervisor of its site. */
export async function completeTask(q: Queryable, actor: Actor, taskId: string): Promise<string> {
  const task = await q.get<{ id: string; case_id: string; site_id: string; assignee_id: string; created_by: string | null; done_at: number | null }>(
    'SELECT id, case_id, site_id, assignee_id, created_by, done_at FROM case_tasks WHERE id = ?',
    [taskId],
  );
  if (!task) throw notFound('That follow-up');
  const mayDo =
    task.assignee_id === actor.userId ||
    task.created_by === actor.userId ||
    actor.role === 'org_admin' ||
    (actor.role === 'supervisor' && actor.siteId === task.site_id);
  if (!mayDo) throw new HttpError(403, 'not_your_task', 'This follow-up is someone else’s: they or a supervisor of the site mark it done.');
  if (task.done_at !== null) return task.case_id;
  await q.run('UPDATE case_tasks SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL', [Date.now(), actor.userId, task.id]);
  await audit(q, actor, { action: 'case.task_done', entity: 'case', entityId: task.case_id, siteId: task.site_id, detail: { taskId: task.id } });
  return task.case_id;
}

export async function findTask(q: Queryable, taskId: string): Promise<TaskView> {
  const row = await q.get<Record<string, unknown>>(`${TASK_SELECT} WHERE t.id = ?`, [taskId]);
  if (!row) throw notFound('That follow-up');
  return toTask(Date.now())(row);
}
