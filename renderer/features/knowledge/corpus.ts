import type { Article } from '../../../shared/schemas/knowledge';
import { snippet, highlight, matcherOf, type Matcher } from '../../../shared/search/highlight';
import { KnowledgeIndex, type ArticleCard, type PersistedIndex, type SavedParts } from '../../../shared/search/knowledge-index';
import { queryTerms, rank, searchDetailed } from '../../../shared/search/query';
import type { CallContext, SearchFilters, SearchHit } from './protocol';
import { suggestQuery } from './suggestQuery';

/**
 * The cached knowledge base inside the search worker: the shared engine (BM25 over weighted
 * fields, flexsearch for misspelt words) plus what the results list needs to show a hit.
 */
export class KnowledgeCorpus {
  private index = new KnowledgeIndex();
  /** The rest of a save's files, read in the background after a cold start's first answer. */
  private readRest: (() => Promise<void>) | null = null;
  private rest: Promise<void> | null = null;

  get size(): number {
    return this.index.size;
  }

  reset(): void {
    this.index = new KnowledgeIndex();
    this.readRest = null;
    this.rest = null;
  }

  /** A cold start: `readWhole` reads what was left in the save's files (postings, cards) when called. */
  restore(persisted: SavedParts, readWhole: (() => Promise<void>) | null = null): void {
    // The save was read for this index alone: its arrays are the index's own.
    this.index = KnowledgeIndex.import(persisted, { owned: true });
    this.readRest = readWhole;
    this.rest = null;
  }

  /**
   * Reads the rest of the save's files (once) and takes in every postings list, so what reads the
   * whole index (saving, a change, every card) never reads the files a stretch at a time. A plain
   * search need not wait for it.
   */
  whole(): Promise<void> {
    const index = this.index;
    this.rest ??= (this.readRest?.() ?? Promise.resolve()).then(() => {
      this.readRest = null;
      index.loadPostings();
    });
    return this.rest;
  }

  warm(): void {
    this.index.vocabulary.warm();
  }

  /**
   * After a cold start: the imported cards are read from their saved text (only those a search
   * showed have been so far) and share their repeated strings, `step` cards at a time with a pause
   * between (a search waits for one step at most). Stops if the index is replaced.
   */
  async settle(step = 5000, pause: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0))): Promise<void> {
    const index = this.index;
    await this.whole();
    for (let from = 0; from < index.cards.length; from += step) {
      if (index !== this.index) return;
      index.shareStrings(from, from + step);
      await pause();
    }
  }

  /** The same in one go (a benchmark's measure of what a settled desktop holds). */
  settleNow(): void {
    this.index.shareStrings(0, this.index.cards.length);
  }

  export(): PersistedIndex {
    return this.index.export();
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  ids(): string[] {
    return this.index.ids();
  }

  upsert(article: Article): void {
    this.index.add(article);
  }

  remove(id: string): void {
    this.index.remove(id);
  }

  recent(limit: number, filters: SearchFilters = {}): SearchHit[] {
    if (!filters.line && !filters.category) return this.index.recentDocs(limit).map((d) => this.hit(this.index.card(d)!, []));
    return this.index
      .allCards()
      .filter((c): c is ArticleCard => c !== null)
      .filter((c) => (!filters.line || c.line === filters.line || c.line === 'all') && (!filters.category || c.category === filters.category))
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, limit)
      .map((c) => this.hit(c, []));
  }

  /**
   * As `search`, having first read, all at once, what it needs that a cold start's save has left in
   * its files: the lists of the query's terms, then the cards of its results (a search with filters
   * reads a card for every match: the worker reads the whole save first for those).
   */
  async searchSoon(query: string, limit: number, filters: SearchFilters = {}): Promise<SearchHit[]> {
    const index = this.index;
    if (query.trim()) {
      const prefix = !/\s$/.test(query);
      await index.fetchPostings(queryTerms(index, query, prefix).map((t) => t.term));
      if (index !== this.index) return this.search(query, limit, filters);
      const { results } = searchDetailed(index, query, { limit, line: filters.line, category: filters.category });
      await index.cards.fetch(results.map((r) => r.doc));
    } else if (!filters.line && !filters.category) {
      await index.cards.fetch(index.recentDocs(limit));
    }
    return this.search(query, limit, filters);
  }

  search(query: string, limit: number, filters: SearchFilters = {}): SearchHit[] {
    if (!query.trim()) return this.recent(limit, filters);
    const { terms, results } = searchDetailed(this.index, query, { limit, line: filters.line, category: filters.category });
    const matches = matcherOf(terms);
    return results.map((r) => this.hit(r.card, matches));
  }

  categories(): string[] {
    return [...new Set(this.index.allCards().flatMap((c) => (c ? [c.category] : [])))].sort((a, b) => a.localeCompare(b, 'en-GB'));
  }

  /** Whole words only (nothing is being typed), kept to the call's line and to all-lines articles. */
  suggest(context: CallContext, limit: number): SearchHit[] {
    // Exact words only: notes are not typos to correct, and guesses would only add noise.
    const terms = queryTerms(this.index, suggestQuery(context), false).filter((t) => t.weight === 1);
    if (terms.length === 0) return [];
    // No highlighting: the advisor typed none of these words.
    return rank(this.index, terms, { limit, line: context.line ?? undefined }).map((r) => this.hit(r.card, []));
  }

  private hit(card: ArticleCard, matches: Matcher | []): SearchHit {
    return {
      id: card.id,
      title: highlight(card.title, matches),
      line: card.line,
      category: card.category,
      updatedAt: card.updatedAt,
      snippet: snippet(card.summary, matches),
    };
  }
}
