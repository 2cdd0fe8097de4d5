import type { FieldNorms } from './knowledge-index';
import type { Postings } from './postings';
import { BUCKETS, bucketOf, credit, pseudoTf, reaches } from './score-arithmetic';

/** A list is walked against the contenders rather than scored whole once it is this many times longer. */
const WALK_RATIO = 4;

/**
 * One list to read for a typed word: its postings, w = weight · idf, whether it is the word typed
 * in full, and, for a word read several ways, how many whole units its best is kept in per unit of
 * score (`unitsFor`); 0 for a word's only reading.
 */
export interface Reading {
  p: Postings;
  w: number;
  exact: boolean;
  units: number;
}

/** Postings read under a third of the articles: scored articles are few enough for `narrow` to test each with a branch. */
const DENSE = 3;

/**
 * One search's running scores, a typed word at a time, in arrays kept between searches (a search
 * runs to the end before the next starts). At first every article a list names is scored; once
 * the words left could not lift an unseen article into the results, the search narrows to the
 * contenders (articles whose score plus the words left could still reach the k-th best), kept in
 * document order, and each later list is walked against them: its other postings are only stepped
 * over, and the walk stops after the last contender. The scoring loops keep no list of the
 * articles they reach (that test costs more than the scoring): the few whole-array passes (the
 * k-th best, narrowing, the results) read the scores in document order instead.
 */
export class Accumulator {
  private acc = new Float32Array(0);
  /** The scores' bits: a score is non-zero exactly when its bits are. */
  private accBits = new Int32Array(0);
  /** How many words each article matched as typed in full (for the coordination bonus). */
  private hits = new Uint8Array(0);
  /** The current word's best reading so far, per article, in its units (`unitsFor`); cleared after each word. */
  private perWord = new Int32Array(0);
  /** The contenders, ascending, once narrowed. */
  private contenders = new Int32Array(0);
  private contenderCount = 0;
  private readonly histogram = new Int32Array(BUCKETS);
  /** The current word's units (`unitsFor`; 0 for a word's only reading). */
  private units = 0;
  narrowed = false;
  /** Passes for the k-th that found it still too low to narrow, this word (query.ts counts them). */
  fruitlessPasses = 0;
  private docs = 0;
  /** The lists read so far and their postings in all: when fewer than `docs`, walking them again beats a pass over every article. */
  private read: Postings[] = [];
  private postingsRead = 0;
  /** `postingsRead` at the last pass over the articles or the contenders. */
  private passAt = 0;
  /** `postingsRead` when the k-th's pass listed every scored article in `contenders` (-1: not yet). */
  private scoredAt = -1;
  private k = 1;
  private alive: Uint8Array = new Uint8Array(0);

  /** A new search over `docs` document numbers, for the best `k` of the live ones (`alive`). */
  begin(docs: number, k: number, alive: Uint8Array): void {
    this.docs = docs;
    this.k = k;
    this.alive = alive;
    if (this.acc.length < docs) {
      this.acc = new Float32Array(docs * 2);
      this.accBits = new Int32Array(this.acc.buffer);
      this.hits = new Uint8Array(docs * 2);
      this.perWord = new Int32Array(docs * 2);
      this.contenders = new Int32Array(docs * 2);
    }
    this.contenderCount = 0;
    this.narrowed = false;
    this.fruitlessPasses = 0;
    this.read = [];
    this.postingsRead = 0;
    this.passAt = 0;
    this.scoredAt = -1;
  }

  /** Postings read since the last pass over the articles or the contenders. */
  get readSincePass(): number {
    return this.postingsRead - this.passAt;
  }

  /** Whether a third or more of the articles may be scored: a pass over them all then costs the most. */
  get dense(): boolean {
    return this.postingsRead * DENSE >= this.docs;
  }

  /** How many contenders are left, once narrowed. */
  get contending(): number {
    return this.contenderCount;
  }

  /** Calls `visit` with every article scored so far (some perhaps more than once), by the cheaper way. */
  private eachScored(visit: (d: number) => void): void {
    if (this.postingsRead >= this.docs) {
      for (let d = 0; d < this.docs; d++) if (this.acc[d] !== 0) visit(d);
      return;
    }
    for (const p of this.read) {
      const { gaps } = p;
      let d = 0;
      for (let i = 0; i < p.n; i++) visit((d += gaps[i]!));
    }
  }

  /**
   * Adds one reading of a typed word (the word itself, a completion while it is being typed, a
   * corrected spelling). An article counts the best of a word's readings, not their sum, as one that
   * holds "card", "call" and "case" has not answered "ca" three times: each reading adds only what
   * it improves on the word's best so far, so the running score stays exact between readings and
   * the search may narrow after any of them. `endWord` follows a word's last reading.
   */
  addReading(reading: Reading, norms: FieldNorms, k1: number): void {
    this.units = reading.units;
    this.read.push(reading.p);
    this.postingsRead += reading.p.n;
    // Walking a list against many contenders costs more than scoring it whole (the step-over test
    // is then a coin toss); scores of articles that are not contenders are never read.
    if (this.narrowed && this.contenderCount * WALK_RATIO < reading.p.n) this.addToContenders(reading, norms, k1);
    else this.addAll(reading, norms, k1);
  }

  /** A word's readings are all read: its bests are cleared for the next word. */
  endWord(): void {
    // A word with one reading kept no bests.
    if (this.units !== 0) this.perWord.fill(0, 0, this.docs);
    this.fruitlessPasses = 0;
  }

  /**
   * A reading, every article in its list scored: a word's only reading adds its score; one of
   * several adds what it improves on the word's best so far.
   */
  private addAll({ p, w, exact, units }: Reading, norms: FieldNorms, k1: number): void {
    const { acc, hits, perWord } = this;
    const { gaps, tfs } = p;
    const [title, tags, summary, category, body] = norms as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
    const hit = exact ? 1 : 0;
    const saturated = w * (k1 + 1);
    const n = p.n;
    let d = 0;
    for (let i = 0; i < n; i++) {
      d += gaps[i]!;
      const packed = tfs[i]!;
      // pseudoTf, written out: the call costs a tenth of the loop.
      const tf =
        (packed & 127) === 0
          ? (packed >>> 7) * body[d]!
          : (packed & 3) * title[d]! + ((packed >>> 2) & 3) * tags[d]! + ((packed >>> 4) & 3) * summary[d]! + ((packed >>> 6) & 1) * category[d]! + (packed >>> 7) * body[d]!;
      // A word's hit is counted once: it has one reading typed in full.
      if (hit !== 0) hits[d]!++;
      credit(acc, perWord, d, (saturated * tf) / (tf + k1), units);
    }
  }

  /** A reading's list walked against the contenders; only theirs are scored. */
  private addToContenders({ p, w, exact, units }: Reading, norms: FieldNorms, k1: number): void {
    const { acc, hits, contenders, perWord } = this;
    const end = this.contenderCount;
    if (end === 0) return;
    const { gaps, tfs } = p;
    const hit = exact ? 1 : 0;
    const saturated = w * (k1 + 1);
    const n = p.n;
    let c = 0;
    let next = contenders[0]!;
    let d = 0;
    walk: for (let i = 0; i < n; i++) {
      d += gaps[i]!;
      if (d < next) continue;
      while (next < d) {
        if (++c === end) break walk;
        next = contenders[c]!;
      }
      if (d !== next) continue;
      const tf = pseudoTf(tfs[i]!, norms, d);
      if (hit !== 0) hits[d]!++;
      credit(acc, perWord, d, (saturated * tf) / (tf + k1), units);
    }
  }

  /**
   * From now on only articles that could still reach `needed` are scored: the contenders, in
   * document order. An article could if its score, plus what the current word's readings left could
   * add over its best reading so far (`wordLeft` bounds a reading), plus `otherWords`, reaches
   * `needed`; a word with one reading has nothing left, so the test is then a plain threshold.
   */
  narrow(needed: number, wordLeft: number, otherWords: number): void {
    const { acc, accBits, contenders, docs, perWord } = this;
    const { least, leftUnits, units } = this.reachOf(needed, wordLeft, otherWords);
    let count = 0;
    if (this.scoredAt === this.postingsRead) {
      // The k-th's pass has just listed every scored article: only they are tested, as `dropBelow` does.
      for (let c = 0; c < this.contenderCount; c++) {
        const d = contenders[c]!;
        contenders[count] = d;
        count += reaches(acc[d]!, perWord[d]!, least, leftUnits, units);
      }
    } else if (!this.dense) {
      // Few articles scored: the test for a score is nearly always right to skip, and cheap.
      for (let d = 0; d < docs; d++) if (accBits[d] !== 0 && reaches(acc[d]!, perWord[d]!, least, leftUnits, units) === 1) contenders[count++] = d;
    } else {
      // Many scored: whether an article is kept is a coin toss, and a mispredicted branch cost more
      // than the test. Every article is written; the count only moves on for those kept.
      for (let d = 0; d < docs; d++) {
        const bits = accBits[d]!;
        contenders[count] = d;
        count += ((bits | -bits) >>> 31) & reaches(acc[d]!, perWord[d]!, least, leftUnits, units);
      }
    }
    this.contenderCount = count;
    this.narrowed = true;
    this.passAt = this.postingsRead;
  }

  /**
   * Whether narrowing now would keep most of the scored articles (then it is a pass for little):
   * read off every 64th article.
   */
  wouldKeepMost(needed: number, wordLeft: number, otherWords: number): boolean {
    const { acc, perWord, docs } = this;
    const { least, leftUnits, units } = this.reachOf(needed, wordLeft, otherWords);
    let scored = 0;
    let kept = 0;
    for (let d = 0; d < docs; d += 64) {
      const s = acc[d]!;
      if (s === 0) continue;
      scored++;
      kept += reaches(s, perWord[d]!, least, leftUnits, units);
    }
    return kept * 2 > scored;
  }

  /** `reaches`' settings for this word: a word with one reading keeps no bests, so nothing is left of it to add. */
  private reachOf(needed: number, wordLeft: number, otherWords: number): { least: number; leftUnits: number; units: number } {
    const { units } = this;
    return units === 0
      ? { least: needed - wordLeft - otherWords, leftUnits: 0, units: 1 }
      : { least: needed - otherWords, leftUnits: wordLeft * units, units };
  }

  /**
   * Drops the contenders that could no longer reach `needed`, and returns a floor for the k-th
   * best of those kept (`kthFloor`, `floor` and `ceiling` as there): one pass.
   */
  dropBelow(needed: number, wordLeft: number, otherWords: number, floor: number, ceiling: number): number {
    const { acc, alive, contenders, histogram, perWord } = this;
    const { least, leftUnits, units } = this.reachOf(needed, wordLeft, otherWords);
    histogram.fill(0);
    const scale = BUCKETS / (ceiling - floor);
    let kept = 0;
    for (let c = 0; c < this.contenderCount; c++) {
      const d = contenders[c]!;
      const s = acc[d]!;
      // Without a branch, as in `narrow`: every contender is written back, the count moves on for those kept.
      const keep = reaches(s, perWord[d]!, least, leftUnits, units);
      contenders[kept] = d;
      kept += keep;
      histogram[bucketOf(s, floor, scale)]! += keep & alive[d]!;
    }
    this.contenderCount = kept;
    this.passAt = this.postingsRead;
    return this.fromHistogram(floor, ceiling);
  }

  /**
   * A floor for the k-th best score so far among live articles: at least `floor` (a k-th found
   * earlier: scores only grow), at most the k-th itself; `ceiling` bounds every score.
   */
  kthFloor(floor: number, ceiling: number): number {
    const { acc, alive, histogram } = this;
    histogram.fill(0);
    const scale = BUCKETS / (ceiling - floor);
    const { docs } = this;
    const shortest = this.shortestRead();
    if (shortest && shortest.n * 2 < docs) this.countList(shortest, floor, scale);
    else if (this.dense) {
      // Many scored: counted without a branch, as `narrow` keeps them (unscored articles fall in bucket 0).
      if (this.scoredAt === -1) this.countAndList(floor, scale);
      else for (let d = 0; d < docs; d++) histogram[bucketOf(acc[d]!, floor, scale)]! += alive[d]!;
    } else
      for (let d = 0; d < docs; d++) {
        const s = acc[d]!;
        if (s > floor && alive[d] === 1) histogram[bucketOf(s, floor, scale)]!++;
      }
    this.passAt = this.postingsRead;
    return this.fromHistogram(floor, ceiling);
  }

  /** The shortest list read so far this search. */
  private shortestRead(): Postings | undefined {
    let shortest = this.read[0];
    for (const p of this.read) if (p.n < shortest!.n) shortest = p;
    return shortest;
  }

  /**
   * Counts only the articles `list` names. The k-th best among some articles is at most the k-th
   * among all, so this is a floor still; and the articles of a list already read, which the best
   * so far mostly share, give one near the k-th at a fraction of a pass over every article.
   */
  private countList(list: Postings, floor: number, scale: number): void {
    const { acc, alive, histogram } = this;
    const { gaps } = list;
    let d = 0;
    for (let i = 0; i < list.n; i++) {
      d += gaps[i]!;
      const s = acc[d]!;
      if (s > floor && alive[d] === 1) histogram[bucketOf(s, floor, scale)]!++;
    }
  }

  /**
   * The first such pass also lists every scored article as a contender, so that narrowing, which
   * most often follows it, need not read every article again (later passes, often several for a
   * short prefix, only count: the listing would cost them more than it saves).
   */
  private countAndList(floor: number, scale: number): void {
    const { acc, accBits, alive, contenders, docs, histogram } = this;
    let count = 0;
    for (let d = 0; d < docs; d++) {
      histogram[bucketOf(acc[d]!, floor, scale)]! += alive[d]!;
      const bits = accBits[d]!;
      contenders[count] = d;
      count += (bits | -bits) >>> 31;
    }
    this.contenderCount = count;
    this.scoredAt = this.postingsRead;
  }

  /** The lower edge of the bucket where the count from the top reaches k (`floor` if it never does). */
  private fromHistogram(floor: number, ceiling: number): number {
    const { histogram } = this;
    let above = 0;
    for (let b = BUCKETS - 1; b > 0; b--) {
      above += histogram[b]!;
      // A hair under the edge: the bucket was found in floating point.
      if (above >= this.k) return floor + ((b * (ceiling - floor)) / BUCKETS) * 0.999_999;
    }
    return floor;
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
    const { acc, hits, contenders } = this;
    // Each article is read once and cleared as it is read, so a second visit finds nothing.
    const consider = (d: number) => {
      const s = acc[d]!;
      if (s === 0) return;
      const exact = hits[d]!;
      acc[d] = 0;
      hits[d] = 0;
      if (s * most <= topScore[0]!) return;
      const score = final(d, s, exact);
      if (score === null || score <= topScore[0]!) return;
      let j = 0;
      while (j + 1 < limit && topScore[j + 1]! < score) {
        topScore[j] = topScore[j + 1]!;
        topDoc[j] = topDoc[j + 1]!;
        j++;
      }
      topScore[j] = score;
      topDoc[j] = d;
    };
    if (this.narrowed) {
      // Every article in the results is a contender; the others' scores are only cleared.
      for (let c = 0; c < this.contenderCount; c++) consider(contenders[c]!);
      acc.fill(0, 0, this.docs);
      hits.fill(0, 0, this.docs);
    } else this.eachScored(consider);
    const out: { doc: number; score: number }[] = [];
    for (let j = limit - 1; j >= 0; j--) if (topDoc[j]! >= 0) out.push({ doc: topDoc[j]!, score: topScore[j]! });
    return out;
  }
}
