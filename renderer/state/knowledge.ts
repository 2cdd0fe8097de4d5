import { create } from 'zustand';
import type { Article } from '../../shared/schemas/knowledge';
import type {
  CallContext,
  IngestSummary,
  KnowledgeIndex,
  Manifest,
  Opened,
  PullRequest,
  Reconciled,
  SearchFilters,
  SearchHit,
} from '../features/knowledge/protocol';
import type { BulkFrame } from '../platform/bridge';
import { bridge } from './bridgeRef';
import { idle, loading, type Loadable } from './loadable';
import { SearchMissTracker } from './searchMisses';
import { useSessionStore } from './session';

const PAGE_SIZE = 500;
const RESULT_LIMIT = 30;
const RECENT_LIMIT = 8;
const SUGGESTION_LIMIT = 5;


interface KnowledgeStore {
  index: KnowledgeIndex | null;
  indexing: Loadable<{ count: number }>;
  query: string;
  results: Loadable<SearchHit[]>;
  /** Which result the arrow keys are on; kept here so it survives opening an article. */
  activeIndex: number;
  openArticleId: string | null;
  article: Loadable<Article>;
  /**
   * A new object asks the search box to take focus: Ctrl/Cmd+K selects the old query to start
   * afresh; leaving the results by typing keeps it, caret at the end, so the typing carries on.
   */
  focusRequest: { selectAll: boolean } | null;
  /** The call in progress, as far as suggestions care; null when there is none. */
  callContext: CallContext | null;
  suggestions: Loadable<SearchHit[]>;
  attachIndex(index: KnowledgeIndex): void;
  loadAll(): Promise<void>;
  applyChange(frame: BulkFrame): Promise<void>;
  setQuery(query: string): void;
  refreshResults(): Promise<void>;
  /** Narrowing by line and category; empty shows everything. */
  filters: SearchFilters;
  setFilters(filters: SearchFilters): void;
  /** The categories of the articles held, for the filter. */
  categories: string[];
  refreshCategories(): Promise<void>;
  setActiveIndex(index: number): void;
  openArticle(id: string): Promise<void>;
  closeArticle(): void;
  requestSearchFocus(options?: { selectAll?: boolean }): void;
  setCallContext(context: CallContext | null): void;
  /** A new caller: nothing typed or opened for the last one stays on screen. */
  startContact(): void;
  refreshSuggestions(): Promise<void>;
  clear(): void;
}

/** Electron: the page asks and hands the reply to the worker as it came. */
async function pullThroughPage(index: KnowledgeIndex, request: PullRequest, cursor: number): Promise<IngestSummary> {
  const reply =
    request.name === 'knowledge.page' ? await bridge().callBulk('knowledge.page', request.args) : await bridge().callBulk('knowledge.byIds', request.args);
  if (!('frame' in reply)) throw new Error(reply.ok ? 'Unexpected reply.' : reply.error.message);
  return index.ingest(reply.frame, 'reply', cursor);
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * After changes arrive: the same search again, without a loading state, and the list is only
 * rendered again if its hits changed (a first sync brings hundreds of pages).
 */
async function refreshQuietly(): Promise<void> {
  const { index, query, filters, results } = useKnowledgeStore.getState();
  if (!index || results.status !== 'ready') return useKnowledgeStore.getState().refreshResults();
  const sequence = ++searchSequence;
  try {
    const filtered = Boolean(filters.line || filters.category);
    const hits = query.trim() || filtered ? await index.search(query, RESULT_LIMIT, filters) : await index.recent(RECENT_LIMIT);
    const now = useKnowledgeStore.getState();
    if (sequence !== searchSequence || now.results.status !== 'ready' || sameJson(hits, now.results.data)) return;
    useKnowledgeStore.setState({ results: { status: 'ready', data: hits }, activeIndex: Math.min(now.activeIndex, hits.length - 1) });
  } catch {
    if (sequence === searchSequence) void useKnowledgeStore.getState().refreshResults();
  }
}

/**
 * What people on the phones looked for and did not open (an admin trying the search is not a gap).
 * Best effort: a report that cannot reach the hub (offline) is not worth keeping.
 */
const searchMisses = new SearchMissTracker((miss) => {
  const role = useSessionStore.getState().session?.user.role;
  if (role === 'advisor' || role === 'supervisor') void bridge().call('knowledge.searchMiss', miss);
});

let loadGeneration = 0;
let searchSequence = 0;
let suggestSequence = 0;
/** Changes that arrive mid-load wait, so an older page cannot overwrite a newer push. */
let heldChanges: BulkFrame[] | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

/** Everything one person's session adds; cleared when they sign out or someone else signs in. */
const blank = {
  indexing: idle,
  query: '',
  results: idle,
  activeIndex: -1,
  openArticleId: null,
  article: idle,
  focusRequest: null,
  callContext: null,
  suggestions: idle,
  filters: {},
  categories: [] as string[],
} satisfies Partial<KnowledgeStore>;

export const useKnowledgeStore = create<KnowledgeStore>()((set, get) => ({
  index: null,
  ...blank,

  attachIndex: (index) => set({ index }),

  async loadAll() {
    const index = get().index;
    const userId = useSessionStore.getState().session?.user.id;
    if (!index || !userId) return;
    const generation = ++loadGeneration;
    heldChanges = [];
    set({ indexing: loading(get().indexing) });
    const fail = (error: { code: string; message: string }) => {
      heldChanges = null;
      set({ indexing: { status: 'error', error } });
    };
    // The saved index is read while the cache's list is asked for: it answers searches at once.
    const opening = index.open(userId);
    // The worker answers searches asked from now on after the opening, from the opened index.
    const searchesBefore = searchSequence;
    const asking = index.linked ? null : bridge().call('knowledge.manifest', {});
    let reconciled: Reconciled;
    let opened: Opened;
    try {
      opened = await opening;
      if (generation !== loadGeneration) return;
      // A search asked before the opening was answered from the empty index: asked again. One asked
      // since is answered from the saved index already (a second would only delay the first answer).
      if (opened.restored && searchSequence === searchesBefore) void get().refreshResults();
      let manifest: Manifest | null = null;
      if (asking) {
        const listed = await asking;
        if (generation !== loadGeneration) return;
        if (!listed.ok) return fail(listed.error);
        manifest = listed.value;
      }
      // Only what changed since the saved index was built is sent.
      reconciled = await index.reconcile(manifest);
    } catch (error) {
      return fail({ code: 'index_failed', message: error instanceof Error ? error.message : 'Knowledge could not be loaded.' });
    }
    if (generation !== loadGeneration) return;
    const cursor = reconciled.cursor;
    // Pages never reach this thread unparsed: the worker fetches them itself, or takes them as they came.
    const pull = async (request: PullRequest) => {
      let summary: IngestSummary;
      try {
        summary = index.linked ? await index.pull(request, cursor) : await pullThroughPage(index, request, cursor);
      } catch (error) {
        const message = error instanceof Error ? error.message : 'Knowledge could not be read.';
        if (generation === loadGeneration) fail({ code: 'disconnected', message });
        return null;
      }
      if (generation !== loadGeneration) return null;
      if (!summary.ok) return fail(summary.error ?? { code: 'bad_frame', message: 'Knowledge could not be read.' }), null;
      return summary;
    };
    let count = reconciled.count;
    if (opened.restored) {
      for (let i = 0; i < reconciled.need.length; i += PAGE_SIZE) {
        const ids = reconciled.need.slice(i, i + PAGE_SIZE);
        if (!(await pull({ name: 'knowledge.byIds', args: { ids } }))) return;
      }
    } else {
      let offset = 0;
      for (;;) {
        const summary = await pull({ name: 'knowledge.page', args: { offset, limit: PAGE_SIZE } });
        if (!summary) return;
        offset += summary.count;
        if (summary.count === 0 || offset >= (summary.total ?? 0)) break;
      }
      count = offset;
    }
    const held = heldChanges ?? [];
    heldChanges = null;
    for (const frame of held) await index.ingest(frame, 'push');
    set({ indexing: { status: 'ready', data: { count } } });
    void get().refreshCategories();
    void get().refreshSuggestions();
    // A saved index the cache had nothing to add to or take from answers as it did: what is on
    // screen stands (searching again would drop an answer still on its way).
    const unchanged = opened.restored && reconciled.need.length === 0 && reconciled.removed === 0 && held.length === 0;
    if (!unchanged) await get().refreshResults();
  },

  async applyChange(frame) {
    const index = get().index;
    if (!index) return;
    if (heldChanges) {
      heldChanges.push(frame);
      return;
    }
    // A push the worker could not take (its own failure, or a frame it could not read) would leave
    // the index missing a change with nobody told: it catches up from the cache instead.
    const summary = await index.ingest(frame, 'push').catch((error: unknown) => ({ ok: false as const, error }));
    if (!summary.ok) {
      console.error('[knowledge] a knowledge change could not be applied; catching up from this computer’s cache', summary.error);
      return get().loadAll();
    }
    const { openArticleId, article } = get();
    if (openArticleId && summary.removed.includes(openArticleId)) {
      set({ article: { status: 'error', error: { code: 'removed', message: 'This article has been withdrawn.' } } });
    } else if (openArticleId && article.status === 'ready' && summary.upserted.includes(openArticleId)) {
      const updated = await bridge().call('knowledge.get', { id: openArticleId });
      if (updated.ok && get().openArticleId === openArticleId) set({ article: { status: 'ready', data: updated.value } });
    }
    // A first sync sends hundreds of pages: refresh what is on screen at most a few times a second.
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      void refreshQuietly();
      void get().refreshSuggestions();
      void get().refreshCategories();
    }, 300);
  },

  async refreshCategories() {
    const index = get().index;
    if (!index) return;
    const categories = await index.categories().catch((error: unknown) => {
      console.error('[knowledge] the category list could not be read', error);
      return get().categories; // the filter keeps what it had
    });
    // Unchanged, the filter is not rendered again (a first sync asks after every few pages).
    if (!sameJson(categories, get().categories)) set({ categories });
  },

  setFilters(filters) {
    set({ filters, activeIndex: -1 });
    void get().refreshResults();
  },

  setQuery(query) {
    searchMisses.typed(query);
    set({ query, activeIndex: -1, openArticleId: null, article: idle });
    void get().refreshResults();
  },

  async refreshResults() {
    const { index, query, filters } = get();
    if (!index) return;
    const sequence = ++searchSequence;
    set({ results: loading(get().results) });
    try {
      const filtered = Boolean(filters.line || filters.category);
      const hits = query.trim() || filtered ? await index.search(query, RESULT_LIMIT, filters) : await index.recent(RECENT_LIMIT);
      if (sequence !== searchSequence) return;
      const activeIndex = Math.min(get().activeIndex, hits.length - 1);
      if (query.trim()) searchMisses.answered(query, hits.length);
      set({ results: { status: 'ready', data: hits }, activeIndex });
    } catch (error) {
      if (sequence !== searchSequence) return;
      const message = error instanceof Error ? error.message : 'Search stopped working.';
      set({ results: { status: 'error', error: { code: 'search_failed', message } } });
    }
  },

  setActiveIndex: (activeIndex) => set({ activeIndex }),

  async openArticle(id) {
    searchMisses.opened();
    set({ openArticleId: id, article: { status: 'loading' } });
    // The core answers from this computer's cache, so an article opens offline too.
    const result = await bridge().call('knowledge.get', { id });
    if (get().openArticleId !== id) return;
    set({ article: result.ok ? { status: 'ready', data: result.value } : { status: 'error', error: result.error } });
  },

  closeArticle: () => set({ openArticleId: null, article: idle }),

  requestSearchFocus: ({ selectAll = true } = {}) => set({ focusRequest: { selectAll } }),

  startContact() {
    searchMisses.finish();
    const { query, filters, openArticleId } = get();
    if (!query && !openArticleId && !filters.line && !filters.category) return;
    set({ query: '', filters: {}, activeIndex: -1, openArticleId: null, article: idle });
    void get().refreshResults();
  },

  setCallContext(context) {
    if (JSON.stringify(context) === JSON.stringify(get().callContext)) return;
    set({ callContext: context });
    void get().refreshSuggestions();
  },

  async refreshSuggestions() {
    const { index, callContext } = get();
    const sequence = ++suggestSequence;
    if (!index || !callContext) {
      set({ suggestions: idle });
      return;
    }
    set({ suggestions: loading(get().suggestions) });
    try {
      const hits = await index.suggest(callContext, SUGGESTION_LIMIT);
      if (sequence === suggestSequence) set({ suggestions: { status: 'ready', data: hits } });
    } catch (error) {
      if (sequence !== suggestSequence) return;
      const message = error instanceof Error ? error.message : 'Suggestions stopped working.';
      set({ suggestions: { status: 'error', error: { code: 'search_failed', message } } });
    }
  },

  clear() {
    loadGeneration++;
    suggestSequence++;
    heldChanges = null;
    searchMisses.forget();
    get().index?.reset();
    set(blank);
  },
}));

export type { SearchHit };
export const useKnowledgeIndexing = () => useKnowledgeStore((s) => s.indexing);
export const useKnowledgeQuery = () => useKnowledgeStore((s) => s.query);
export const useKnowledgeResults = () => useKnowledgeStore((s) => s.results);
export const useActiveResult = () => useKnowledgeStore((s) => s.activeIndex);
export const useOpenArticle = () => {
  const id = useKnowledgeStore((s) => s.openArticleId);
  const article = useKnowledgeStore((s) => s.article);
  return { id, article };
};
export const useSearchFocusRequest = () => useKnowledgeStore((s) => s.focusRequest);
export const useCallSuggestions = () => {
  const active = useKnowledgeStore((s) => s.callContext !== null);
  const suggestions = useKnowledgeStore((s) => s.suggestions);
  return { active, suggestions };
};
export const useKnowledgeFilters = () => useKnowledgeStore((s) => s.filters);
export const useSetKnowledgeFilters = () => useKnowledgeStore((s) => s.setFilters);
export const useKnowledgeCategories = () => useKnowledgeStore((s) => s.categories);

export const useKnowledgeActions = () => {
  const setQuery = useKnowledgeStore((s) => s.setQuery);
  const setActiveIndex = useKnowledgeStore((s) => s.setActiveIndex);
  const openArticle = useKnowledgeStore((s) => s.openArticle);
  const closeArticle = useKnowledgeStore((s) => s.closeArticle);
  const requestSearchFocus = useKnowledgeStore((s) => s.requestSearchFocus);
  const refreshResults = useKnowledgeStore((s) => s.refreshResults);
  const loadAll = useKnowledgeStore((s) => s.loadAll);
  return { setQuery, setActiveIndex, openArticle, closeArticle, requestSearchFocus, refreshResults, loadAll };
};
