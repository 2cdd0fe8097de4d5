import { create } from 'zustand';
import type { CatalogueList } from '../../shared/contract/catalogue';
import type { BridgeError, Result } from '../../shared/contract/envelope';
import type { RequestArgs } from '../../shared/contract/requests';
import type { CatalogueItem } from '../../shared/schemas/catalogue';
import type { BudgetView, GestureSettings } from '../../shared/schemas/gestures';
import { bridge } from './bridgeRef';
import { idle, loading, type Loadable } from './loadable';

export type CatalogueItemInput = RequestArgs<'catalogue.save'>['item'];
export type SettingsPatch = RequestArgs<'gestures.updateSettings'>;
/** One busy flag and one error per control, so each error shows next to what failed. */
export type CatalogueAction = 'save' | 'retire' | 'settings' | 'defaults' | `budget:${string}`;

export interface CatalogueNotice {
  area: 'catalogue' | 'limits' | 'budgets';
  text: string;
}

export interface MonthlyBudgets {
  month: string;
  budgets: BudgetView[];
}

interface CatalogueStore {
  catalogue: Loadable<CatalogueList>;
  settings: Loadable<GestureSettings>;
  budgets: Loadable<MonthlyBudgets>;
  busy: Partial<Record<CatalogueAction, boolean>>;
  errors: Partial<Record<CatalogueAction, BridgeError>>;
  /** What was last saved, in words, for the status line of the card it was saved from. */
  notice: CatalogueNotice | null;
  loadCatalogue(): Promise<void>;
  saveItem(mode: 'create' | 'update', item: CatalogueItemInput): Promise<boolean>;
  retireItem(itemId: string): Promise<boolean>;
  loadSettings(): Promise<void>;
  saveSettings(
    action: 'settings' | 'defaults',
    patch: SettingsPatch,
    notice: (saved: GestureSettings) => string,
  ): Promise<boolean>;
  loadBudgets(month: string): Promise<void>;
  setBudget(siteId: string, month: string, budgetPence: number): Promise<boolean>;
  dismiss(action: CatalogueAction): void;
  clear(): void;
}

const settle = <T>(result: Result<T>, previous: Loadable<T>): Loadable<T> => {
  if (result.ok) return { status: 'ready', data: result.value };
  const data = 'data' in previous ? previous.data : undefined;
  return data === undefined ? { status: 'error', error: result.error } : { status: 'error', error: result.error, data };
};

const withItem = (list: CatalogueList, item: CatalogueItem): CatalogueList => {
  const known = list.items.some((i) => i.id === item.id);
  const items = known ? list.items.map((i) => (i.id === item.id ? item : i)) : [...list.items, item];
  return { ...list, items: items.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) };
};

/** Answers that arrive after sign-out (or after a newer load) are dropped, never shown to the next person. */
let epoch = 0;
let budgetsAsked = 0;

export const useCatalogueStore = create<CatalogueStore>()((set, get) => {
  async function run<T>(action: CatalogueAction, call: () => Promise<Result<T>>, done: (value: T) => void): Promise<boolean> {
    if (get().busy[action]) return false;
    const mine = epoch;
    const errors = { ...get().errors };
    delete errors[action];
    set({ busy: { ...get().busy, [action]: true }, errors, notice: null });
    const result = await call();
    if (mine !== epoch) return false;
    set({ busy: { ...get().busy, [action]: false } });
    if (!result.ok) {
      set({ errors: { ...get().errors, [action]: result.error } });
      return false;
    }
    done(result.value);
    return true;
  }

  return {
    catalogue: idle,
    settings: idle,
    budgets: idle,
    busy: {},
    errors: {},
    notice: null,

    async loadCatalogue() {
      const mine = epoch;
      set({ catalogue: loading(get().catalogue) });
      const result = await bridge().call('catalogue.list', {});
      if (mine === epoch) set({ catalogue: settle(result, get().catalogue) });
    },

    saveItem: (mode, item) =>
      run(
        'save',
        () => bridge().call('catalogue.save', { mode, item }),
        ({ item: saved }) => {
          const list = get().catalogue;
          if ('data' in list && list.data) set({ catalogue: { status: 'ready', data: withItem(list.data, saved) } });
          set({
            notice: {
              area: 'catalogue',
              text: mode === 'create' ? `Added “${saved.name}” to the catalogue.` : `Saved “${saved.name}”.`,
            },
          });
        },
      ),

    retireItem: (itemId) =>
      run(
        'retire',
        () => bridge().call('catalogue.retire', { itemId }),
        ({ item }) => {
          const list = get().catalogue;
          if ('data' in list && list.data) set({ catalogue: { status: 'ready', data: withItem(list.data, item) } });
          set({
            notice: { area: 'catalogue', text: `Retired “${item.name}”. Advisors no longer see it; past requests keep it.` },
          });
        },
      ),

    async loadSettings() {
      const mine = epoch;
      set({ settings: loading(get().settings) });
      const result = await bridge().call('gestures.settings', {});
      if (mine !== epoch) return;
      set({ settings: result.ok ? { status: 'ready', data: result.value.settings } : settle(result, get().settings) });
    },

    saveSettings: (action, patch, notice) =>
      run(
        action,
        () => bridge().call('gestures.updateSettings', patch),
        ({ settings }) =>
          set({
            settings: { status: 'ready', data: settings },
            notice: { area: action === 'settings' ? 'limits' : 'budgets', text: notice(settings) },
          }),
      ),

    async loadBudgets(month) {
      const mine = ++budgetsAsked;
      const era = epoch;
      set({ budgets: loading(get().budgets) });
      const result = await bridge().call('gestures.budgets', { month });
      if (mine !== budgetsAsked || era !== epoch) return;
      if (result.ok) set({ budgets: { status: 'ready', data: { month, budgets: result.value.budgets } } });
      else set({ budgets: settle(result, get().budgets) });
    },

    setBudget: (siteId, month, budgetPence) =>
      run(
        `budget:${siteId}`,
        () => bridge().call('gestures.setBudget', { siteId, month, budgetPence }),
        ({ budget }) => {
          const current = get().budgets;
          if ('data' in current && current.data && current.data.month === budget.month) {
            const budgets = current.data.budgets.map((b) => (b.siteId === budget.siteId ? budget : b));
            set({ budgets: { status: 'ready', data: { month: budget.month, budgets } } });
          }
          set({ notice: { area: 'budgets', text: `Saved ${budget.siteName}’s budget.` } });
        },
      ),

    dismiss(action) {
      const errors = { ...get().errors };
      delete errors[action];
      set({ errors });
    },

    // The catalogue is shared, but anything half-saved belongs to who was signed in.
    clear() {
      epoch++;
      set({ catalogue: idle, settings: idle, budgets: idle, busy: {}, errors: {}, notice: null });
    },
  };
});

export const useCatalogueNotice = (area: CatalogueNotice['area']) =>
  useCatalogueStore((s) => (s.notice?.area === area ? s.notice.text : null));

export const useCatalogueAction = (action: CatalogueAction) => {
  const busy = useCatalogueStore((s) => s.busy[action] ?? false);
  const error = useCatalogueStore((s) => s.errors[action] ?? null);
  return { busy, error };
};
