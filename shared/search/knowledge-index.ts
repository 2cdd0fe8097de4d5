import type { Article } from '../schemas/knowledge';
import { STOP_WORDS, termOf, words } from './analyse';
import type { ArticleCard } from './article-card';
import { CardLines } from './card-lines';
import { FIELDS, FIELD_B, FIELD_WEIGHTS, packCounts, type Field, type FieldNorms } from './fields';
import { Cards } from './cards';
import type { PersistedIndex, SavedParts } from './persisted-format';
import { Postings } from './postings';
import { MAX_DOCS } from './score-passes';
import { SavedLists, gapsOf, listRange } from './saved-lists';
import { SharedStrings } from './shared-strings';
import { Vocabulary } from './vocabulary';

export { FIELDS, FIELD_B, FIELD_WEIGHTS, packCounts, type Field, type FieldNorms } from './fields';
const F = FIELDS.length;
export type { ArticleCard } from './article-card';

export type { PersistedIndex, SavedParts, SavedUnits } from './persisted-format';

/**
 * An inverted index with each term's count per field of each document, scored as BM25F. It updates
 * in place as articles arrive, change or leave.
 */
export class KnowledgeIndex {
  readonly terms = new Map<string, Postings>();
  readonly vocabulary = new Vocabulary();
  /** Read through `card(doc)`: an imported card is parsed when first read. */
  cards = new Cards();
  /** Each document's length per field: document d's field f at d·F + f. */
  fieldLengths = new Float32Array(1024 * F);
  /** 1 while a document is live: the scoring loop reads this rather than the card objects. */
  alive = new Uint8Array(1024);
  /** Each document's time of last change (its card's `updatedAt`). */
  updatedAt = new Float64Array(1024);
  /** Article id to document number; after an import, made on first use (from the saved ids). */
  private docNumbers: Map<string, number> | null = new Map();
  private readonly shared = new SharedStrings();
  /** Bumped on every change, so anything derived from the index knows when it is stale. */
  version = 0;
  private readonly totalLength = new Float64Array(F);
  private removed = 0;
  private normCache: { avg: Float64Array; upTo: number; values: FieldNorms } | null = null;
  /** After a cold start, the postings arrays left in the save's file and where each term's lists are in them. */
  private saved: SavedLists | null = null;

  get size(): number {
    // Not made yet: nothing has been added or removed since the import, whose cards are all live.
    return this.docNumbers?.size ?? this.cards.length;
  }

  private get docOf(): Map<string, number> {
    if (this.docNumbers) return this.docNumbers;
    const docOf = new Map<string, number>();
    for (let d = 0; d < this.cards.length; d++) {
      const id = this.cards.id(d);
      if (id !== null) docOf.set(id, d);
    }
    return (this.docNumbers = docOf);
  }

  /** The live articles' ids, without reading saved cards. */
  ids(): string[] {
    return [...this.docOf.keys()];
  }

  /**
   * The `limit` live documents changed most recently, newest first (ties in document order), found
   * without reading a card: a cold start shows them before its saved cards are read.
   */
  recentDocs(limit: number): number[] {
    const top: number[] = [];
    const { alive, updatedAt } = this;
    for (let d = 0; d < this.cards.length && limit > 0; d++) {
      if (alive[d] === 0) continue;
      const t = updatedAt[d]!;
      if (top.length === limit) {
        if (t <= updatedAt[top[limit - 1]!]!) continue;
        top.pop();
      }
      let at = top.length;
      while (at > 0 && updatedAt[top[at - 1]!]! < t) at--;
      top.splice(at, 0, d);
    }
    return top;
  }

  /** Every card (null where removed), the saved ones read first. */
  allCards(): readonly (ArticleCard | null)[] {
    return this.cards.all();
  }

  /** The average length of field `f` over live documents. */
  averageLength(f: number): number {
    return this.size ? Math.max(1, this.totalLength[f]! / this.size) : 1;
  }

  /**
   * Each document's weight per field over its length normalisation, w_f / (1 − b_f + b_f·len/avg_f),
   * one array per field indexed by document (so the body's, read for most postings, are side by
   * side), kept between queries and recomputed only when a field's average length has drifted by
   * more than 1%.
   */
  fieldNorms(): FieldNorms {
    const avg = Float64Array.from(FIELDS, (_, f) => this.averageLength(f));
    let c = this.normCache;
    const docs = this.cards.length;
    const drifted = c && avg.some((a, f) => Math.abs(a - c!.avg[f]!) > c!.avg[f]! * 0.01);
    if (!c || drifted || c.values[0]!.length < docs) {
      const capacity = Math.max(1024, docs * 2);
      c = { avg, upTo: 0, values: FIELDS.map(() => new Float32Array(capacity)) };
      this.normCache = c;
    }
    // Invariants outside the loop: a cold start's first search runs it uncompiled (44 of 70 ms before).
    const lengths = this.fieldLengths;
    for (let f = 0; f < F; f++) {
      const field = FIELDS[f]!;
      const b = FIELD_B[field];
      const weight = FIELD_WEIGHTS[field];
      const rest = 1 - b;
      const average = c.avg[f]!;
      const values = c.values[f]!;
      for (let d = c.upTo, at = c.upTo * F + f; d < docs; d++, at += F) values[d] = weight / (rest + (b * lengths[at]!) / average);
    }
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
    return this.cards.get(doc);
  }

  add(article: Article): void {
    if (this.docOf.has(article.id)) this.remove(article.id);
    if (this.cards.length >= MAX_DOCS && this.removed > 0) this.compact();
    if (this.cards.length >= MAX_DOCS) throw new RangeError(`the knowledge index holds at most ${MAX_DOCS.toLocaleString('en-GB')} articles`);
    const doc = this.cards.length;
    const counts = new Map<string, number[]>();
    const lengths = new Array<number>(F).fill(0);
    const texts: Record<Field, string> = {
      title: article.title,
      tags: article.tags.join(' '),
      summary: article.summary,
      category: article.category,
      body: article.body,
    };
    FIELDS.forEach((field, f) => {
      for (const w of words(texts[field])) {
        if (STOP_WORDS.has(w)) continue;
        const term = termOf(w);
        this.vocabulary.add(w, term);
        let c = counts.get(term);
        if (!c) counts.set(term, (c = new Array<number>(F).fill(0)));
        c[f]!++;
        lengths[f]!++;
      }
    });
    for (const [term, c] of counts) {
      let p = this.terms.get(term);
      if (!p) this.terms.set(term, (p = new Postings()));
      p.push(doc, packCounts(c));
    }
    if (doc >= this.alive.length) {
      const grown = new Float32Array(this.alive.length * 2 * F);
      grown.set(this.fieldLengths);
      this.fieldLengths = grown;
      const alive = new Uint8Array(this.alive.length * 2);
      alive.set(this.alive);
      this.alive = alive;
      const updatedAt = new Float64Array(alive.length);
      updatedAt.set(this.updatedAt);
      this.updatedAt = updatedAt;
    }
    lengths.forEach((l, f) => {
      this.fieldLengths[doc * F + f] = l;
      this.totalLength[f]! += l;
    });
    this.alive[doc] = 1;
    this.updatedAt[doc] = article.updatedAt;
    this.cards.push({
      id: article.id,
      title: article.title,
      summary: article.summary,
      line: this.shared.word(article.line),
      category: this.shared.word(article.category),
      tags: this.shared.tags(article.tags),
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
    this.cards.set(doc, null);
    this.alive[doc] = 0;
    for (let f = 0; f < F; f++) this.totalLength[f]! -= this.fieldLengths[doc * F + f]!;
    this.removed++;
    this.version++;
    if (this.removed > 1000 && this.removed > this.cards.length / 4) this.compact();
    return true;
  }

  /** Renumbers live documents and drops postings of removed ones. */
  compact(): void {
    const renumber = new Int32Array(this.cards.length).fill(-1);
    const cards: ArticleCard[] = [];
    const docOf = this.docOf;
    const capacity = Math.max(1024, docOf.size * 2);
    const lengths = new Float32Array(capacity * F);
    const updatedAt = new Float64Array(capacity);
    this.cards.all().forEach((c, i) => {
      if (!c) return;
      renumber[i] = cards.length;
      lengths.set(this.fieldLengths.subarray(i * F, i * F + F), cards.length * F);
      updatedAt[cards.length] = c.updatedAt;
      docOf.set(c.id, cards.length);
      cards.push(c);
    });
    for (const [term, p] of this.terms) {
      const next = new Postings(Math.max(4, p.n));
      const docs = p.documents();
      for (let i = 0; i < p.n; i++) {
        const d = renumber[docs[i]!]!;
        if (d >= 0) next.push(d, p.tfs[i]!);
      }
      if (next.n === 0) this.terms.delete(term);
      else this.terms.set(term, next);
    }
    this.cards = new Cards(cards);
    this.fieldLengths = lengths;
    this.updatedAt = updatedAt;
    this.alive = new Uint8Array(capacity);
    this.alive.fill(1, 0, cards.length);
    this.removed = 0;
    this.normCache = null;
  }

  /**
   * Lets cards `from` to `to` share one copy of each line, category and list of tags (see
   * SharedStrings). Cards added since the index was built already do; imported ones do once this
   * has run over them, which a desktop does in slices after its first answers.
   */
  shareStrings(from: number, to: number): void {
    const end = Math.min(to, this.cards.length);
    for (let d = from; d < end; d++) {
      const card = this.cards.get(d);
      if (!card) continue;
      card.line = this.shared.word(card.line);
      card.category = this.shared.word(card.category);
      card.tags = this.shared.tags(card.tags);
    }
  }

  /** Takes every postings list still left in a save's file into memory (see Postings.later). */
  loadPostings(): void {
    for (const p of this.terms.values()) p.load();
    this.saved = null;
  }

  /** Reads ahead, all at once, the lists of `terms` still left in a save's file. */
  async fetchPostings(terms: Iterable<string>): Promise<void> {
    const saved = this.saved;
    if (!saved) return;
    const slots: number[] = [];
    for (const term of new Set(terms)) {
      const list = this.terms.get(term);
      if (list?.loaded === false) slots.push(list.slot);
    }
    if (slots.length) await saved.fetch(slots);
  }

  /** Gives back the room postings lists grew into (up to half of them), once a sync has settled. */
  trim(): void {
    for (const p of this.terms.values()) p.trim();
  }

  export(): PersistedIndex {
    if (this.removed) this.compact();
    this.trim();
    const terms = [...this.terms.keys()];
    const lists = terms.map((t) => this.terms.get(t)!);
    const offsets = new Uint32Array(terms.length + 1);
    const gapOffsets = new Uint32Array(terms.length + 1);
    const wideTerms = new Uint8Array(terms.length);
    let total = 0;
    let units = 0;
    lists.forEach((p, i) => {
      offsets[i] = total;
      total += p.n;
      if (p.wide) {
        wideTerms[i] = 1;
        units += units & 1;
      }
      gapOffsets[i] = units;
      units += p.wide ? p.n * 2 : p.n;
    });
    offsets[terms.length] = total;
    gapOffsets[terms.length] = units;
    const postingGaps = new Uint16Array(units);
    const postingTfs = new Uint16Array(total);
    lists.forEach((p, i) => {
      const gaps = p.gaps.subarray(0, p.n);
      if (p.wide) new Int32Array(postingGaps.buffer, gapOffsets[i]! * 2, p.n).set(gaps);
      else postingGaps.set(gaps, gapOffsets[i]);
      postingTfs.set(p.tfs.subarray(0, p.n), offsets[i]);
    });
    const termNumber = new Map(terms.map((t, i) => [t, i]));
    // Sorted, so a cold start adopts the prefix list rather than sorting it before its first search.
    const surface = this.vocabulary
      .entries()
      .filter(([, t]) => termNumber.has(t))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      format: 4,
      cards: this.cards.all() as ArticleCard[],
      fieldLengths: this.fieldLengths.slice(0, this.cards.length * F),
      updatedAt: this.updatedAt.slice(0, this.cards.length),
      terms,
      offsets,
      postingGaps,
      gapOffsets,
      wideTerms,
      postingTfs,
      surfaceWords: surface.map(([w]) => w),
      surfaceTerms: Uint32Array.from(surface.map(([, t]) => termNumber.get(t)!)),
    };
  }

  /**
   * A cold start: typed arrays are adopted as they are, nothing is re-tokenised; postings and cards
   * left in their files are read as they are first wanted. `owned` (a save just read): its lengths and
   * times of change become the index's arrays, full (the first article added grows them), not copies.
   */
  static import(p: SavedParts, { owned = false }: { owned?: boolean } = {}): KnowledgeIndex {
    if (p.format !== 4) throw new Error(`unknown index format ${String(p.format)}`);
    const index = new KnowledgeIndex();
    const docs = p.fieldLengths.length / F;
    // Saved cards stay text until read; their ids are what finds an article's document meanwhile.
    const lines = typeof p.cards === 'string' ? CardLines.frame(p.cards, docs) : p.cards instanceof CardLines ? p.cards : null;
    index.cards = lines ? Cards.saved(lines) : new Cards(p.cards as ArticleCard[]);
    if (index.cards.length !== docs) throw new Error(`${index.cards.length} cards for ${docs} documents`);
    index.docNumbers = null;
    if (p.updatedAt.length !== docs) throw new Error(`${p.updatedAt.length} times of change for ${docs} documents`);
    const adopt = owned && docs > 0;
    const capacity = adopt ? docs : Math.max(1024, docs * 2);
    index.alive = new Uint8Array(capacity);
    index.alive.fill(1, 0, docs);
    if (adopt) {
      index.fieldLengths = p.fieldLengths as Float32Array<ArrayBuffer>;
      index.updatedAt = p.updatedAt as Float64Array<ArrayBuffer>;
    } else {
      index.fieldLengths = new Float32Array(capacity * F);
      index.fieldLengths.set(p.fieldLengths);
      index.updatedAt = new Float64Array(capacity);
      index.updatedAt.set(p.updatedAt);
    }
    // Run once, before the engine has compiled it: what it reads is taken out of the loop.
    const totals = index.totalLength;
    const lengths = p.fieldLengths;
    for (let i = 0, n = docs * F; i < n; i++) totals[i % F]! += lengths[i]!;
    const { postingGaps: units, postingTfs: tfs } = p;
    if (ArrayBuffer.isView(units) !== ArrayBuffer.isView(tfs)) throw new Error('postings half in memory, half in a file');
    const saved = ArrayBuffer.isView(units) || ArrayBuffer.isView(tfs) ? null : new SavedLists(units, tfs, p);
    index.saved = saved;
    p.terms.forEach((t, i) => {
      if (saved) return void index.terms.set(t, Postings.later(p.offsets[i + 1]! - p.offsets[i]!, saved, i));
      const [at, to, from, end, wide] = listRange(p, i);
      // Views, not copies: a later push finds them full and reallocates, so neighbours are safe.
      index.terms.set(t, Postings.from(gapsOf((units as Uint16Array).subarray(at, to), wide), (tfs as Uint16Array).subarray(from, end)));
    });
    p.surfaceWords.forEach((w, i) => index.vocabulary.add(w, p.terms[p.surfaceTerms[i]!]!));
    index.vocabulary.adoptOrder(p.surfaceWords);
    return index;
  }
}
