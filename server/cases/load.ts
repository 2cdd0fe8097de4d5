import type { CaseStatusChangeView } from '../../shared/schemas/cases';
import type { CaseNoteView, CaseView } from '../../shared/schemas/customers';
import { CASE_SELECT, toCaseView } from '../customers/customers';
import type { Queryable } from '../db/types';
import { notFound } from '../http/errors';

export async function loadCase(q: Queryable, id: string): Promise<CaseView> {
  const row = await q.get<Record<string, unknown>>(`${CASE_SELECT} WHERE c.id = ?`, [id]);
  if (!row) throw notFound('That case');
  return toCaseView(row);
}

/**
 * Every note with its latest text, the time it was first written and the site it was written at
 * (a note the hub wrote for a gesture's step: its author's site).
 */
export async function loadNotes(q: Queryable, caseId: string): Promise<CaseNoteView[]> {
  const rows = await q.all<Record<string, unknown>>(
    `SELECT n.id, n.case_id, n.author_id, u.display_name AS author_name, n.body, n.created_at, s.id AS site_id, s.name AS site_name,
       n.revision, n.edited_at
     FROM case_notes n LEFT JOIN users u ON u.id = n.author_id LEFT JOIN sites s ON s.id = COALESCE(n.site_id, u.site_id)
     WHERE n.case_id = ? ORDER BY n.created_at, n.id`,
    [caseId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    caseId: String(r.case_id),
    authorId: (r.author_id as string | null) ?? null,
    authorName: (r.author_name as string | null) ?? null,
    body: String(r.body),
    createdAt: Number(r.created_at),
    siteId: (r.site_id as string | null) ?? null,
    siteName: (r.site_name as string | null) ?? null,
    revision: Number(r.revision ?? 1),
    editedAt: r.edited_at === null || r.edited_at === undefined ? null : Number(r.edited_at),
  }));
}

/** The case's status history, oldest first. */
export async function loadStatusChanges(q: Queryable, caseId: string): Promise<CaseStatusChangeView[]> {
  const rows = await q.all<{ from_status: string; to_status: string; reason: string | null; actor_name: string | null; site_name: string | null; changed_at: number }>(
    `SELECT h.from_status, h.to_status, h.reason, u.display_name AS actor_name, s.name AS site_name, h.changed_at
     FROM case_status_changes h LEFT JOIN users u ON u.id = h.actor_id LEFT JOIN sites s ON s.id = h.site_id
     WHERE h.case_id = ? ORDER BY h.changed_at, h.id`,
    [caseId],
  );
  return rows.map((r) => ({
    from: r.from_status,
    to: r.to_status,
    reason: r.reason,
    actorName: r.actor_name,
    siteName: r.site_name,
    at: Number(r.changed_at),
  })) as CaseStatusChangeView[];
}
