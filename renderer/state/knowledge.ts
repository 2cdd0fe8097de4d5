import { create } from 'zustand';
import type { Pushes } from '../../shared/contract/pushes';
import type { Article } from '../../shared/schemas/knowledge';
import type { CallContext, KnowledgeIndex, SearchHit } from '../features/knowledge/protocol';
import { bridge } from './bridgeRef';
import { idle, loading, type Loadable } from './loadable';
import { useSessionStore } from './session';

const PAGE_SIZE = 500;
const RESULT_LIMIT = 30;
const RECENT_LIMIT = 8;
const SUGGESTION_LIMIT = 5;

type Change = Pushes['knowledge.changed'];

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
  applyChange(change: Change): void;
  setQuery(query: string): void;
  refreshResults(): Promise<void>;
  setActiveIndex(index: number): void;
  openArticle(id: string): Promise<void>;
  closeArticle(): void;
  requestSearchFocus(options?: { selectAll?: boolean }): void;
  setCallContext(context: CallContext | null): void;
  refreshSuggestions(): Promise<void>;
  clear(): void;
}

let loadGeneration = 0;
let searchSequence = 0;
let suggestSequence = 0;
/** Changes that arrive mid-load wait, so an older page cannot overwrite a newer push. */
let heldChanges: Change[] | null = null;

export const useKnowledgeStore = create<KnowledgeStore>()((set, get) => ({
  index: null,
  indexing: idle,
  query: '',
  results: idle,
  activeIndex: -1,
  openArticleId: null,
  article: idle,
  focusRequest: null,
  callContext: null,
  suggestions: idle,

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
    const manifest = await bridge().call('knowledge.manifest', {});
    if (generation !== loadGeneration) return;
    if (!manifest.ok) return fail(manifest.error);
    // A saved index from the last run is imported at once; only what changed since is sent.
    const opened = await index.open(userId, manifest.value);
    if (generation !== loadGeneration) return;
    let count = opened.count;
    if (opened.restored) {
      for (let i = 0; i < opened.need.length; i += PAGE_SIZE) {
        const page = await bridge().call('knowledge.byIds', { ids: opened.need.slice(i, i + PAGE_SIZE) });
        if (generation !== loadGeneration) return;
        if (!page.ok) return fail(page.error);
        index.add(page.value, manifest.value.cursor);
      }
      count = manifest.value.ids.length;
    } else {
      let offset = 0;
      for (;;) {
        const page = await bridge().call('knowledge.page', { offset, limit: PAGE_SIZE });
        if (generation !== loadGeneration) return;
        if (!page.ok) return fail(page.error);
        index.add(page.value.articles, manifest.value.cursor);
        offset += page.value.articles.length;
        if (page.value.articles.length === 0 || offset >= page.value.total) break;
      }
      count = offset;
    }
    const held = heldChanges ?? [];
    heldChanges = null;
    for (const change of held) index.apply(change.upserts, change.removed, change.cursor);
    set({ indexing: { status: 'ready', data: { count } } });
    void get().refreshSuggestions();
    await get().refreshResults();
  },

  applyChange(change) {
    const index = get().index;
    if (!index) return;
    if (heldChanges) {
      heldChanges.push(change);
      return;
    }
    index.apply(change.upserts, change.removed, change.cursor);
    const { openArticleId, article } = get();
    if (openArticleId && change.removed.includes(openArticleId)) {
      set({ article: { status: 'error', error: { code: 'removed', message: 'This article has been withdrawn.' } } });
    } else if (openArticleId && article.status === 'ready') {
      const updated = change.upserts.find((a) => a.id === openArticleId);
      if (updated) set({ article: { status: 'ready', data: updated } });
    }
    void get().refreshResults();
    void get().refreshSuggestions();
  },

  setQuery(query) {
    set({ query, activeIndex: -1, openArticleId: null, article: idle });
    void get().refreshResults();
  },

  async refreshResults() {
    const { index, query } = get();
    if (!index) return;
    const sequence = ++searchSequence;
    set({ results: loading(get().results) });
    try {
      const hits = query.trim() ? await index.search(query, RESULT_LIMIT) : await index.recent(RECENT_LIMIT);
      if (sequence !== searchSequence) return;
      const activeIndex = Math.min(get().activeIndex, hits.length - 1);
      set({ results: { status: 'ready', data: hits }, activeIndex });
    } catch (error) {
      if (sequence !== searchSequence) return;
      const message = error instanceof Error ? error.message : 'Search stopped working.';
      set({ results: { status: 'error', error: { code: 'search_failed', message } } });
    }
  },

  setActiveIndex: (activeIndex) => set({ activeIndex }),

  async openArticle(id) {
    set({ openArticleId: id, article: { status: 'loading' } });
    // The core answers from this computer's cache, so an article opens offline too.
    const result = await bridge().call('knowledge.get', { id });
    if (get().openArticleId !== id) return;
    set({ article: result.ok ? { status: 'ready', data: result.value } : { status: 'error', error: result.error } });
  },

  closeArticle: () => set({ openArticleId: null, article: idle }),

  requestSearchFocus: ({ selectAll = true } = {}) => set({ focusRequest: { selectAll } }),

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
    get().index?.reset();
    set({
      indexing: idle,
      query: '',
      results: idle,
      activeIndex: -1,
      openArticleId: null,
      article: idle,
      focusRequest: null,
      callContext: null,
      suggestions: idle,
    });
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
