import { create } from 'zustand';
import type { BridgeError } from '../../shared/contract/envelope';
import { addMonths, monthOf } from '../../shared/gestures/policy';
import type { BudgetReport } from '../../shared/schemas/gestures';
import { bridge } from './bridgeRef';
import { idle, type Loadable } from './loadable';

/** Calendar months, inclusive, as "YYYY-MM": budgets run by the UK calendar month. */
export interface MonthRange {
  from: string;
  to: string;
}

/** How a CSV export is broken down; "request" is one row per gesture request. */
export type SpendBreakdown = 'site' | 'line' | 'kind' | 'reason' | 'month' | 'request';

export interface SpendCsv {
  filename: string;
  csv: string;
}

export type CsvExport =
  { status: 'idle' } | { status: 'exporting' } | { status: 'saved'; filename: string } | { status: 'error'; error: BridgeError };

export const thisMonth = (now = Date.now()): string => monthOf(now);

/** The last `months` calendar months up to and including this one. */
export function lastMonths(months: number, now = Date.now()): MonthRange {
  const to = thisMonth(now);
  return { from: addMonths(to, 1 - months), to };
}

interface BudgetsStore {
  /** Null until the view first loads; then this month unless the supervisor picked another range. */
  range: MonthRange | null;
  report: Loadable<BudgetReport>;
  csvExport: CsvExport;
  load(range?: MonthRange): Promise<void>;
  /** Reloads the range on screen; several gesture changes in a burst make one reload. */
  reloadSoon(): void;
  exportCsv(by: SpendBreakdown): Promise<SpendCsv | null>;
  markExported(filename: string): void;
  clear(): void;
}

const RELOAD_DELAY_MS = 600;
/** Bumped on every load and on clear, so a slow answer for an older range or person is dropped. */
let generation = 0;
let reloadTimer: ReturnType<typeof setTimeout> | null = null;
/** Bumped when the signed-in person changes: their export must not land on the next person's screen. */
let person = 0;

export const useBudgetsStore = create<BudgetsStore>()((set, get) => ({
  range: null,
  report: idle,
  csvExport: { status: 'idle' },

  async load(range) {
    const wanted = range ?? get().range ?? lastMonths(1);
    const mine = ++generation;
    const sameRange = get().range?.from === wanted.from && get().range?.to === wanted.to;
    // A refresh keeps the figures on screen; a new range must not show the old range's figures.
    const shown = sameRange ? dataOf(get().report) : undefined;
    set({ range: wanted, report: shown ? { status: 'loading', data: shown } : { status: 'loading' } });
    const result = await bridge().call('gestures.report', wanted);
    if (mine !== generation) return;
    if (result.ok) set({ report: { status: 'ready', data: result.value.report } });
    else set({ report: { status: 'error', error: result.error, data: shown } });
  },

  reloadSoon() {
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      if (get().range) void get().load();
    }, RELOAD_DELAY_MS);
  },

  async exportCsv(by) {
    const range = get().range ?? lastMonths(1);
    const mine = person;
    set({ csvExport: { status: 'exporting' } });
    const result = await bridge().call('gestures.reportCsv', { by, ...range });
    if (mine !== person) return null;
    if (!result.ok) {
      set({ csvExport: { status: 'error', error: result.error } });
      return null;
    }
    return result.value;
  },

  markExported: (filename) => set({ csvExport: { status: 'saved', filename } }),

  // One person's spend figures must never show on the next person's screen.
  clear() {
    generation++;
    person++;
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = null;
    set({ range: null, report: idle, csvExport: { status: 'idle' } });
  },
}));

function dataOf<T>(value: Loadable<T>): T | undefined {
  return 'data' in value ? value.data : undefined;
}

export const useBudgetReport = () => {
  const range = useBudgetsStore((s) => s.range);
  const report = useBudgetsStore((s) => s.report);
  const load = useBudgetsStore((s) => s.load);
  return { range, report, load };
};

export const useSpendExport = () => {
  const csvExport = useBudgetsStore((s) => s.csvExport);
  const exportCsv = useBudgetsStore((s) => s.exportCsv);
  const markExported = useBudgetsStore((s) => s.markExported);
  return { csvExport, exportCsv, markExported };
};

/** Keeps the view current while it is on screen: gestures requested, decided or withdrawn anywhere. */
export function watchSpendChanges(): () => void {
  return bridge().on('gestures.changed', ({ what }) => {
    // The outbox is this desktop's queue; the hub announces the request itself when it arrives.
    if (what !== 'outbox') useBudgetsStore.getState().reloadSoon();
  });
}
