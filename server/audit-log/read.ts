import type { AuditEntryView } from '../../shared/schemas/audit';
import { siteLabel } from '../../shared/site-label';
import type { Queryable } from '../db/types';
import type { Actor } from '../http/router';
import { describeEntry } from './sentences';

export interface AuditFilters {
  before?: number;
  limit: number;
  entity?: string;
  /** Someone who acted, or whose account the entry is about. */
  personId?: string;
  siteId?: string;
  /** Milliseconds; `from` inclusive, `to` exclusive. */
  from?: number;
  to?: number;
  /** Words that must all appear in the entry's names, reference, item or details. */
  search?: string;
}

export interface AuditRow {
  id: number | string;
  at: number | string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  site_id: string | null;
  detail: string;
  actor_name: string | null;
  subject_user: string | null;
  site_name: string | null;
  site_kind: string | null;
  partner_name: string | null;
  item_name: string | null;
  customer_name: string | null;
  case_reference: string | null;
}

/**
 * The log with a name put to every id in one read: who acted, whose account, which site, and for a
 * gesture, case or customer entry the customer and the case reference (so a search for the
 * customer's name finds the approval of their gesture).
 */
const FROM = `FROM audit_log a
  LEFT JOIN users ua ON ua.id = a.actor_id
  LEFT JOIN users us ON a.entity = 'user' AND us.id = a.entity_id
  LEFT JOIN sites s ON s.id = a.site_id
  LEFT JOIN gesture_requests g ON a.entity = 'gesture_request' AND g.id = a.entity_id
  LEFT JOIN cases c ON c.id = CASE WHEN a.entity = 'case' THEN a.entity_id ELSE g.case_id END
  LEFT JOIN customers cu ON cu.id = CASE WHEN a.entity = 'customer' THEN a.entity_id ELSE COALESCE(g.customer_id, c.customer_id) END`;

const COLUMNS = `a.id, a.at, a.actor_id, a.actor_role, a.action, a.entity, a.entity_id, a.site_id, a.detail,
  ua.display_name AS actor_name, us.display_name AS subject_user, s.name AS site_name, s.kind AS site_kind, s.partner_name,
  g.item_name, cu.name AS customer_name, c.reference AS case_reference`;

const SEARCHED = `LOWER(COALESCE(ua.display_name, '') || ' ' || COALESCE(us.display_name, '') || ' ' || COALESCE(cu.name, '') || ' ' ||
  COALESCE(c.reference, '') || ' ' || COALESCE(g.item_name, '') || ' ' || COALESCE(s.name, '') || ' ' || a.action || ' ' || a.detail)`;

const likeWord = (word: string) => `%${word.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** A site admin reads their own site's log whatever they ask for; an organisation admin any site's. */
function whereOf(actor: Actor, f: AuditFilters): { sql: string; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    where.push(sql);
    args.push(...values);
  };
  if (actor.role !== 'org_admin') add('a.site_id = ?', actor.siteId);
  else if (f.siteId) add('a.site_id = ?', f.siteId);
  if (f.before) add('a.id < ?', f.before);
  if (f.entity) add('a.entity = ?', f.entity);
  if (f.personId) add("(a.actor_id = ? OR (a.entity = 'user' AND a.entity_id = ?))", f.personId, f.personId);
  if (f.from !== undefined) add('a.at >= ?', f.from);
  if (f.to !== undefined) add('a.at < ?', f.to);
  for (const word of (f.search ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) add(`${SEARCHED} LIKE ? ESCAPE '\\'`, likeWord(word));
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

function parseDetail(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function toEntryView(row: AuditRow): AuditEntryView {
  const detail = parseDetail(row.detail);
  const siteName = row.site_name ? siteLabel({ name: row.site_name, kind: row.site_kind ?? undefined, partnerName: row.partner_name }) : null;
  const subjectName = ((): string | null => {
    switch (row.entity) {
      case 'user':
        return row.subject_user;
      case 'site':
      case 'budget':
        return siteName;
      case 'gesture_request':
        return row.item_name;
      case 'case':
        return row.case_reference;
      case 'customer':
        return row.customer_name;
      case 'article':
        return text(detail.title);
      default:
        return text(detail.name);
    }
  })();
  const entry = {
    id: Number(row.id),
    at: Number(row.at),
    actorId: row.actor_id,
    actorRole: row.actor_role as AuditEntryView['actorRole'],
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    siteId: row.site_id,
    detail,
    actorName: row.actor_name,
    subjectName,
    siteName,
    customerName: row.customer_name,
    caseReference: row.case_reference,
  };
  return { ...entry, sentence: describeEntry(entry) };
}

export async function readAudit(q: Queryable, actor: Actor, filters: AuditFilters): Promise<AuditEntryView[]> {
  const { sql, args } = whereOf(actor, filters);
  const rows = await q.all<AuditRow>(`SELECT ${COLUMNS} ${FROM} ${sql} ORDER BY a.id DESC LIMIT ?`, [...args, filters.limit]);
  return rows.map(toEntryView);
}
