import type { Article, ArticleLine } from '../schemas/knowledge';
import { STOP_WORDS, termOf, words } from './analyse';
import { Postings } from './postings';
import { Vocabulary } from './vocabulary';

/** Field weights: a title match says most about what an article is for; the body least. */
export const FIELD_WEIGHTS = { title: 5, tags: 3, summary: 2, category: 2, body: 1 } as const;

/** What the index keeps of an article to show a result without asking the core. */
export interface ArticleCard {
  id: string;
  title: string;
  summary: string;
  line: ArticleLine;
  category: string;
  tags: string[];
  updatedAt: number;
}

export interface PersistedIndex {
  format: 2;
  cards: ArticleCard[];
  docLength: Float32Array;
  terms: string[];
  offsets: Uint32Array;
  postingDocs: Int32Array;
  postingTfs: Uint16Array;
  surfaceWords: string[];
  surfaceTerms: Uint32Array;
}

/**
 * An inverted index with weighted term frequencies per document (one BM25 length normalisation
 * over the weighted fields). It updates in place as articles arrive, change or leave.
 */
export class KnowledgeIndex {
  readonly terms = new Map<string, Postings>();
  readonly vocabulary = new Vocabulary();
  cards: (ArticleCard | null)[] = [];
  docLength = new Float32Array(1024);
  /** 1 while a document is live: the scoring loop reads this rather than the card objects. */
  alive = new Uint8Array(1024);
  private readonly docOf = new Map<string, number>();
  /** Bumped on every change, so anything derived from the index knows when it is stale. */
  version = 0;
  private totalLength = 0;
  private removed = 0;
  private normCache: { avg: number; k1: number; b: number; upTo: number; values: Float32Array } | null = null;

  get size(): number {
    return this.docOf.size;
  }

  get averageLength(): number {
    return this.size ? this.totalLength / this.size : 1;
  }

  /**
   * Each document's BM25 length normalisation, k1·(1 − b + b·len/avg), kept between queries and
   * recomputed only when the average length has drifted by more than 1%.
   */
  norms(k1: number, b: number): Float32Array {
    const avg = this.averageLength;
    let c = this.normCache;
    const docs = this.cards.length;
    if (!c || c.k1 !== k1 || c.b !== b || Math.abs(avg - c.avg) > c.avg * 0.01 || c.values.length < docs) {
      c = { avg, k1, b, upTo: 0, values: new Float32Array(Math.max(1024, docs * 2)) };
      this.normCache = c;
    }
    for (let d = c.upTo; d < docs; d++) c.values[d] = k1 * (1 - b + (b * this.docLength[d]!) / c.avg);
    c.upTo = docs;
    return c.values;
  }

  docNumber(id: string): number | undefined {
    return this.docOf.get(id);
  }

  has(id: string): boolean {
    return this.docOf.has(id);
  }

  card(doc: number): ArticleCard | null {
    return this.cards[doc] ?? null;
  }

  add(article: Article): void {
    if (this.docOf.has(article.id)) this.remove(article.id);
    const doc = this.cards.length;
    const weighted = new Map<string, number>();
    let length = 0;
    const fields: [keyof typeof FIELD_WEIGHTS, string][] = [
      ['title', article.title],
      ['tags', article.tags.join(' ')],
      ['summary', article.summary],
      ['category', article.category],
      ['body', article.body],
    ];
    for (const [field, text] of fields) {
      const weight = FIELD_WEIGHTS[field];
      for (const w of words(text)) {
        if (STOP_WORDS.has(w)) continue;
        const term = termOf(w);
        this.vocabulary.add(w, term);
        weighted.set(term, (weighted.get(term) ?? 0) + weight);
        length += weight;
      }
    }
    for (const [term, tf] of weighted) {
      let p = this.terms.get(term);
      if (!p) this.terms.set(term, (p = new Postings()));
      p.push(doc, tf);
    }
    if (doc >= this.docLength.length) {
      const grown = new Float32Array(this.docLength.length * 2);
      grown.set(this.docLength);
      this.docLength = grown;
      const alive = new Uint8Array(this.docLength.length);
      alive.set(this.alive);
      this.alive = alive;
    }
    this.docLength[doc] = length;
    this.alive[doc] = 1;
    this.totalLength += length;
    this.cards.push({
      id: article.id,
      title: article.title,
      summary: article.summary,
      line: article.line,
      category: article.category,
      tags: article.tags,
      updatedAt: article.updatedAt,
    });
    this.docOf.set(article.id, doc);
    this.version++;
  }

  /** Retired or no longer visible: gone from results at once; postings are swept later. */
  remove(id: string): boolean {
    const doc = this.docOf.get(id);
    if (doc === undefined) return false;
    this.docOf.delete(id);
    this.cards[doc] = null;
    this.alive[doc] = 0;
    this.totalLength -= this.docLength[doc]!;
    this.removed++;
    this.version++;
    if (this.removed > 1000 && this.removed > this.cards.length / 4) this.compact();
    return true;
  }

  /** Renumbers live documents and drops postings of removed ones. */
  compact(): void {
    const renumber = new Int32Array(this.cards.length).fill(-1);
    const cards: ArticleCard[] = [];
    const lengths = new Float32Array(Math.max(1024, this.docOf.size * 2));
    this.cards.forEach((c, i) => {
      if (!c) return;
      renumber[i] = cards.length;
      lengths[cards.length] = this.docLength[i]!;
      this.docOf.set(c.id, cards.length);
      cards.push(c);
    });
    for (const [term, p] of this.terms) {
      const next = new Postings(Math.max(4, p.n));
      for (let i = 0; i < p.n; i++) {
        const d = renumber[p.docs[i]!]!;
        if (d >= 0) next.push(d, p.tfs[i]!);
      }
      if (next.n === 0) this.terms.delete(term);
      else this.terms.set(term, next);
    }
    this.cards = cards;
    this.docLength = lengths;
    this.alive = new Uint8Array(lengths.length);
    this.alive.fill(1, 0, cards.length);
    this.removed = 0;
    this.normCache = null;
  }

  export(): PersistedIndex {
    if (this.removed) this.compact();
    const terms = [...this.terms.keys()];
    const offsets = new Uint32Array(terms.length + 1);
    let total = 0;
    terms.forEach((t, i) => {
      offsets[i] = total;
      total += this.terms.get(t)!.n;
    });
    offsets[terms.length] = total;
    const postingDocs = new Int32Array(total);
    const postingTfs = new Uint16Array(total);
    terms.forEach((t, i) => {
      const p = this.terms.get(t)!;
      postingDocs.set(p.docs.subarray(0, p.n), offsets[i]);
      postingTfs.set(p.tfs.subarray(0, p.n), offsets[i]);
    });
    const termNumber = new Map(terms.map((t, i) => [t, i]));
    // Sorted, so a cold start adopts the prefix list rather than sorting it before its first search.
    const surface = this.vocabulary
      .entries()
      .filter(([, t]) => termNumber.has(t))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      format: 2,
      cards: this.cards as ArticleCard[],
      docLength: this.docLength.slice(0, this.cards.length),
      terms,
      offsets,
      postingDocs,
      postingTfs,
      surfaceWords: surface.map(([w]) => w),
      surfaceTerms: Uint32Array.from(surface.map(([, t]) => termNumber.get(t)!)),
    };
  }

  /** A cold start: typed arrays are adopted as they are, nothing is re-tokenised. */
  static import(p: PersistedIndex): KnowledgeIndex {
    if (p.format !== 2) throw new Error(`unknown index format ${String(p.format)}`);
    const index = new KnowledgeIndex();
    index.cards = p.cards;
    index.docLength = new Float32Array(Math.max(1024, p.cards.length * 2));
    index.docLength.set(p.docLength);
    index.alive = new Uint8Array(index.docLength.length);
    index.alive.fill(1, 0, p.cards.length);
    p.cards.forEach((c, i) => {
      index.docOf.set(c.id, i);
      index.totalLength += p.docLength[i]!;
    });
    p.terms.forEach((t, i) => {
      const from = p.offsets[i]!;
      const to = p.offsets[i + 1]!;
      // Views, not copies: a later push finds them full and reallocates, so neighbours are safe.
      index.terms.set(t, Postings.from(p.postingDocs.subarray(from, to), p.postingTfs.subarray(from, to)));
    });
    p.surfaceWords.forEach((w, i) => index.vocabulary.add(w, p.terms[p.surfaceTerms[i]!]!));
    index.vocabulary.adoptOrder(p.surfaceWords);
    return index;
  }
}
