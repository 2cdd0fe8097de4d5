import { z } from 'zod';
import type { SiteView } from '../schemas/accounts';
import { AUDIT_ENTITIES, type AuditEntry } from '../schemas/audit';
import { catalogueItem, type CatalogueItem } from '../schemas/catalogue';
import { pence } from '../schemas/common';
import { updateGestureSettings, type BudgetView, type GestureSettings } from '../schemas/gestures';

const id = z.string().min(1).max(120);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/**
 * The admin's side of goodwill: the catalogue, limits and caps, monthly budgets, and the audit log.
 * The hub decides who may do each (admins only, except reading the settings).
 */
export const catalogueRequestArgs = {
  /** Every item; retired ones too when the hub sees an admin. */
  'catalogue.list': z.object({}),
  /** `create` adds an item; `update` replaces the one with this id and leaves its retired state alone. */
  'catalogue.save': z.object({ mode: z.enum(['create', 'update']), item: catalogueItem }),
  'catalogue.retire': z.object({ itemId: id }),
  'gestures.settings': z.object({}),
  /** Only the parts sent change. */
  'gestures.updateSettings': updateGestureSettings,
  'gestures.setBudget': z.object({ siteId: id, month, budgetPence: pence }),
  /** Newest first; pass the last page's `nextBefore` as `before` for the next page. */
  'audit.list': z.object({
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
    entity: z.enum(AUDIT_ENTITIES).optional(),
  }),
} as const;

export interface CatalogueList {
  items: CatalogueItem[];
  /** Every site, for choosing where an item is offered (none chosen means every site). */
  sites: SiteView[];
}

/** An audit line with names put to the ids, so the log reads as who did what. */
export interface AuditEntryView extends AuditEntry {
  actorName: string | null;
  /** The person, site, item or article the entry is about, when the desktop can name it. */
  subjectName: string | null;
  siteName: string | null;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** Null on the last page. */
  nextBefore: number | null;
}

export interface CatalogueRequestResults {
  'catalogue.list': CatalogueList;
  'catalogue.save': { item: CatalogueItem };
  'catalogue.retire': { item: CatalogueItem };
  'gestures.settings': { settings: GestureSettings };
  'gestures.updateSettings': { settings: GestureSettings };
  'gestures.setBudget': { budget: BudgetView };
  'audit.list': AuditPage;
}
