import FlexSearch, { type Index } from 'flexsearch';
import { editDistance } from './postings';

/** How many words sharing a misspelling's first two letters are checked by edit distance. */
const SAME_START_SCAN = 3000;
/** Misspellings shorter than this are corrected by sound alone. */
const SAME_START_MIN_LENGTH = 6;

/**
 * The index's surface words (as written in articles) and the term each folds to. Prefixes use a
 * sorted list; misspellings use flexsearch's phonetic Latin encoder for fast candidates, checked
 * by edit distance so "recieve" finds "receive" but "bread" does not find "breed".
 */
export class Vocabulary {
  private readonly toTerm = new Map<string, string>();
  private sorted: string[] | null = null;
  // A plain (non-worker) index: its add and search answer synchronously.
  private phonetic: Index | null = null;
  private readonly byNumber: string[] = [];

  get size(): number {
    return this.toTerm.size;
  }

  add(word: string, term: string): void {
    if (this.toTerm.has(word) || word.length > 40) return;
    this.toTerm.set(word, term);
    this.sorted = null;
    if (this.phonetic) this.indexPhonetic(word);
  }

  termOf(word: string): string | undefined {
    return this.toTerm.get(word);
  }

  entries(): [string, string][] {
    return [...this.toTerm];
  }

  /**
   * After a bulk load: `words` are the surface words just added, and if they came in sorted order
   * (a saved index keeps them so) the prefix list is taken as it is rather than sorted again.
   */
  adoptOrder(words: string[]): void {
    for (let i = 1; i < words.length; i++) if (!(words[i - 1]! < words[i]!)) return;
    const kept = words.filter((w) => w.length <= 40);
    if (kept.length === this.toTerm.size) this.sorted = kept;
  }

  /** Terms of every surface word that starts with `prefix`. */
  withPrefix(prefix: string, limit = 400): string[] {
    const out = new Set<string>();
    for (const w of this.startingWith(prefix, limit * 4)) {
      out.add(this.toTerm.get(w)!);
      if (out.size >= limit) break;
    }
    return [...out];
  }

  /** Builds the misspelling index now (it is otherwise built on the first misspelt word). */
  warm(): void {
    if (this.phonetic) return;
    this.phonetic = new FlexSearch.Index({ tokenize: 'strict', encoder: FlexSearch.Charset.LatinExtra });
    for (const w of this.toTerm.keys()) this.indexPhonetic(w);
  }

  /**
   * Terms of known words within one edit (two for long words) of a word the index lacks: candidates
   * that sound alike, and words that begin with the same two letters (a dropped letter can change
   * how a word sounds: "vunerable"), nearest first and, at equal distance, commonest first.
   */
  closeTo(word: string, limit = 3, commonness: (term: string) => number = () => 0): string[] {
    if (word.length < 4) return [];
    this.warm();
    const max = word.length >= 8 ? 2 : 1;
    const found = this.phonetic!.search(word, { limit: 50, suggest: true }) as number[];
    const candidates = new Set(found.map((n) => this.byNumber[n]!));
    // Only long words: a short one is within an edit of too many others ("hire" of "hide", "here").
    if (word.length >= SAME_START_MIN_LENGTH)
      for (const w of this.startingWith(word.slice(0, 2), SAME_START_SCAN)) if (Math.abs(w.length - word.length) <= max) candidates.add(w);
    const scored: [string, number][] = [];
    for (const candidate of candidates) {
      const d = editDistance(word, candidate, max);
      if (d <= max) scored.push([this.toTerm.get(candidate)!, d]);
    }
    scored.sort((a, b) => a[1] - b[1] || commonness(b[0]) - commonness(a[0]));
    return [...new Set(scored.map(([t]) => t))].slice(0, limit);
  }

  /** Surface words that begin with `start`, in order, at most `limit` of them. */
  private startingWith(start: string, limit: number): string[] {
    this.sorted ??= [...this.toTerm.keys()].sort();
    const list = this.sorted;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < list.length && out.length < limit && list[i]!.startsWith(start); i++) out.push(list[i]!);
    return out;
  }

  private indexPhonetic(word: string): void {
    if (word.length < 3 || /^\d+$/.test(word)) return;
    this.byNumber.push(word);
    this.phonetic!.add(this.byNumber.length - 1, word);
  }
}
