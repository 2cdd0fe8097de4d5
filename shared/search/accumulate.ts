import { FIELDS } from './knowledge-index';
import type { Postings } from './postings';

/**
 * BM25F's pseudo term frequency: each field's count times that field's weight over its length
 * normalisation (`norms` from `fieldNorms`, document at `base`), summed before saturation. The
 * shifts follow `packCounts` (title 2 bits, tags 2, summary 2, category 1, body 9).
 */
export function pseudoTf(packed: number, norms: Float32Array, base: number): number {
  // Most postings are a word in the body alone.
  if ((packed & 127) === 0) return (packed >>> 7) * norms[base + 4]!;
  return (
    (packed & 3) * norms[base]! +
    ((packed >>> 2) & 3) * norms[base + 1]! +
    ((packed >>> 4) & 3) * norms[base + 2]! +
    ((packed >>> 6) & 1) * norms[base + 3]! +
    (packed >>> 7) * norms[base + 4]!
  );
}

/**
 * One search's running scores, term at a time, in arrays kept between searches (a search runs to
 * the end before the next starts), with the articles found so far listed so that only they are
 * read at the end.
 */
export class Accumulator {
  private acc = new Float32Array(0);
  private hits = new Uint8Array(0);
  private found = new Int32Array(0);
  private foundCount = 0;
  /** The best score so far: while the terms left could lift an article past it, they could lift one past the k-th too. */
  highest = 0;

  begin(docs: number): void {
    if (this.acc.length < docs) {
      this.acc = new Float32Array(docs * 2);
      this.hits = new Uint8Array(docs * 2);
      this.found = new Int32Array(docs * 2);
    }
    this.foundCount = 0;
    this.highest = 0;
  }

  /**
   * Adds a term: `w` times each posting's saturated pseudo term frequency, (k1 + 1)·tf / (tf + k1),
   * to its article's score; `exact` counts a word typed in full. With `onlyFound` (pruning has
   * started) only articles already found are added to.
   */
  add(p: Postings, norms: Float32Array, k1: number, w: number, exact: number, onlyFound: boolean): void {
    const { acc, hits, found } = this;
    const { gaps, tfs } = p;
    let highest = this.highest;
    let count = this.foundCount;
    let d = 0;
    for (let i = 0; i < p.n; i++) {
      d += gaps[i]!;
      const before = acc[d]!;
      if (before === 0) {
        if (onlyFound) continue;
        found[count++] = d;
      }
      const tf = pseudoTf(tfs[i]!, norms, d * FIELDS.length);
      const score = (acc[d] = before + (w * (k1 + 1) * tf) / (tf + k1));
      if (score > highest) highest = score;
      hits[d]! += exact;
    }
    this.foundCount = count;
    this.highest = highest;
  }

  /**
   * The k-th best score so far among live articles (0 while fewer than k are found): no article
   * outside the top is above it.
   */
  kthBest(k: number, alive: Uint8Array): number {
    const top = new Float32Array(k);
    const { acc, found } = this;
    for (let i = 0; i < this.foundCount; i++) {
      const d = found[i]!;
      const s = acc[d]!;
      if (s <= top[k - 1]! || alive[d] === 0) continue;
      let j = k - 1;
      while (j > 0 && top[j - 1]! < s) {
        top[j] = top[j - 1]!;
        j--;
      }
      top[j] = s;
    }
    return top[k - 1]!;
  }

  /**
   * The best `limit` articles, best first, and the arrays cleared for the next search. `final`
   * turns an article's score and its count of words typed in full into its final score (at most
   * `most` times its score), or null when it may not be shown (withdrawn, or outside the filters).
   */
  best(limit: number, most: number, final: (doc: number, score: number, exact: number) => number | null): { doc: number; score: number }[] {
    // The best `limit` kept in two small typed arrays, smallest first: no object per candidate.
    const topDoc = new Int32Array(limit).fill(-1);
    const topScore = new Float64Array(limit).fill(-1);
    const { acc, hits, found } = this;
    for (let i = 0; i < this.foundCount; i++) {
      const d = found[i]!;
      const score = acc[d]! * most > topScore[0]! ? final(d, acc[d]!, hits[d]!) : null;
      acc[d] = 0;
      hits[d] = 0;
      if (score === null || score <= topScore[0]!) continue;
      let j = 0;
      while (j + 1 < limit && topScore[j + 1]! < score) {
        topScore[j] = topScore[j + 1]!;
        topDoc[j] = topDoc[j + 1]!;
        j++;
      }
      topScore[j] = score;
      topDoc[j] = d;
    }
    const out: { doc: number; score: number }[] = [];
    for (let j = limit - 1; j >= 0; j--) if (topDoc[j]! >= 0) out.push({ doc: topDoc[j]!, score: topScore[j]! });
    return out;
  }
}
