import { z } from 'zod';
import type { SiteView } from '../schemas/accounts';
import { catalogueItem, type CatalogueItem } from '../schemas/catalogue';
import { pence } from '../schemas/common';
import { updateGestureSettings, type BudgetView, type GestureSettings } from '../schemas/gestures';

const id = z.string().min(1).max(120);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/**
 * The admin's side of goodwill: the catalogue, limits and caps, and monthly budgets.
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
} as const;

export interface CatalogueList {
  items: CatalogueItem[];
  /** Every site, for choosing where an item is offered (none chosen means every site). */
  sites: SiteView[];
}

export interface CatalogueRequestResults {
  'catalogue.list': CatalogueList;
  'catalogue.save': { item: CatalogueItem };
  'catalogue.retire': { item: CatalogueItem };
  'gestures.settings': { settings: GestureSettings };
  'gestures.updateSettings': { settings: GestureSettings };
  'gestures.setBudget': { budget: BudgetView };
}
