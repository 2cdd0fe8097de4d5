import { z } from 'zod';
import { AUDIT_ENTITIES, type AuditEntryView } from '../schemas/audit';

const id = z.string().min(1).max(120);

/** What the audit log can be narrowed to; every filter is optional and they all apply together. */
export const auditFilters = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional(),
  /** Someone who acted, or whose account the entry is about. */
  personId: id.optional(),
  /** An organisation admin's choice; a site admin always reads their own site. */
  siteId: id.optional(),
  /** Milliseconds: `from` inclusive, `to` exclusive. */
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().positive().optional(),
  /** Words that must all appear: a customer's or person's name, a case reference, an item. */
  search: z.string().trim().max(200).optional(),
});
export type AuditFilters = z.infer<typeof auditFilters>;

export const auditRequestArgs = {
  /** Newest first; pass the last page's `nextBefore` as `before` for the next page. */
  'audit.list': auditFilters.extend({
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  }),
  /** The same filters, every page, as CSV. */
  'audit.export': auditFilters,
} as const;

export interface AuditPage {
  entries: AuditEntryView[];
  /** Null on the last page. */
  nextBefore: number | null;
}

export interface AuditRequestResults {
  'audit.list': AuditPage;
  'audit.export': { filename: string; csv: string };
}
