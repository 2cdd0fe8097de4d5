import { z } from 'zod';
import { ROLES } from '../roles';

/** One line of the hub's audit log (GET /api/audit), as the hub sends it. */
export const auditEntry = z.object({
  id: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  /** Null when nobody was signed in yet (a sign-in, a failed attempt) or the hub acted itself. */
  actorId: z.string().nullable(),
  actorRole: z.enum(ROLES).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  siteId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** An entry as the hub sends it to people: every id named, and the whole line as one sentence. */
export const auditEntryView = auditEntry.extend({
  actorName: z.string().nullable(),
  /** The person, site, item, article, case or customer the entry is about. */
  subjectName: z.string().nullable(),
  siteName: z.string().nullable(),
  customerName: z.string().nullable(),
  caseReference: z.string().nullable(),
  /** "Priya Shah approved a £60 hamper for Olivia Young (RP-100012)". */
  sentence: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const auditPage = z.object({ entries: z.array(auditEntryView) });

/** What the audit log can be narrowed to; the hub filters on one entity at a time. */
export const AUDIT_ENTITIES = [
  'gesture_item',
  'gesture_settings',
  'budget',
  'gesture_request',
  'follow_up',
  'article',
  'knowledge_feedback',
  'user',
  'site',
  'team',
  'case',
  'customer',
  'call',
  'pbx',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
