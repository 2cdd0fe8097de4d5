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

export const auditPage = z.object({ entries: z.array(auditEntry) });

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
