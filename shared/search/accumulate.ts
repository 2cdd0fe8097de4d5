import type { FieldNorms } from './fields';
import type { Postings } from './postings';
import { BUCKETS } from './score-arithmetic';
import {
  bestScored,
  clearWord,
  countAndList,
  countFewScored,
  countListed,
  countManyScored,
  dropContenders,
  keepContenders,
  keepFewScored,
  keepListed,
  keepManyScored,
  kthFromHistogram,
  mostWouldStay,
  scoreContenders,
  scoreList,
  startSearch,
  type FinalScore,
  type Reach,
  type Reading,
} from './score-passes';


/** A list is walked against the contenders rather than scored whole once it is this many times longer. */
const WALK_RATIO = 4;

/** Postings read under a third of the articles: scored articles are few enough for `narrow` to test each with a branch. */
const DENSE = 3;

/**
 * One search's running scores, a typed word at a time (the arrays and the passes over them are
 * score-passes.ts'; a search runs to the end before the next starts). At first every article a list
 * names is scored; once the words left could not lift an unseen article into the results, the
 * search narrows to the contenders (articles whose score plus the words left could still reach the
 * k-th best), kept in document order, and each later list is walked against them: its other
 * postings are only stepped over, and the walk stops after the last contender. The scoring loops
 * keep no list of the articles they reach (that test costs more than the scoring): the few
 * whole-array passes (the k-th best, narrowing, the results) read the scores in document order instead.
 */
export class Accumulator {
  private contenderCount = 0;
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

  /** A new search over `docs` document numbers, for the best `k` of the live ones (`alive`), by the index's field norms. */
  begin(docs: number, k: number, alive: Uint8Array, norms: FieldNorms): void {
    startSearch(docs, alive, norms);
    this.docs = docs;
    this.k = k;
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

  /**
   * Adds one reading of a typed word (the word itself, a completion while it is being typed, a
   * corrected spelling). An article counts the best of a word's readings, not their sum, as one that
   * holds "card", "call" and "case" has not answered "ca" three times: each reading adds only what
   * it improves on the word's best so far, so the running score stays exact between readings and
   * the search may narrow after any of them. `endWord` follows a word's last reading.
   */
  addReading(reading: Reading, k1: number): void {
    const { p } = reading;
    this.units = reading.units;
    this.read.push(p);
    this.postingsRead += p.n;
    // Walking a list against many contenders costs more than scoring it whole (the step-over test
    // is then a coin toss); scores of articles that are not contenders are never read.
    if (this.narrowed && this.contenderCount * WALK_RATIO < p.n) scoreContenders(reading, this.contenderCount, k1);
    else scoreList(reading, k1);
  }

  /** A word's readings are all read: its bests are cleared for the next word. */
  endWord(): void {
    // A word with one reading kept no bests.
    if (this.units !== 0) clearWord(this.docs);
    this.fruitlessPasses = 0;
  }

  /**
   * From now on only articles that could still reach `needed` are scored: the contenders, in
   * document order. An article could if its score, plus what the current word's readings left could
   * add over its best reading so far (`wordLeft` bounds a reading), plus `otherWords`, reaches
   * `needed`; a word with one reading has nothing left, so the test is then a plain threshold.
   */
  narrow(needed: number, wordLeft: number, otherWords: number): void {
    const reach = this.reachOf(needed, wordLeft, otherWords);
    const { docs } = this;
    // The k-th's pass has just listed every scored article: only they are tested, as `dropBelow` does.
    if (this.scoredAt === this.postingsRead) this.contenderCount = keepContenders(this.contenderCount, reach);
    // One list read: its own are the scored articles, in order, and never more than every article.
    else if (this.read.length === 1) this.contenderCount = keepListed(this.read[0]!, reach);
    else this.contenderCount = this.dense ? keepManyScored(docs, reach) : keepFewScored(docs, reach);
    this.narrowed = true;
    this.passAt = this.postingsRead;
  }

  /** Whether narrowing now would keep most of the scored articles (then it is a pass for little). */
  wouldKeepMost(needed: number, wordLeft: number, otherWords: number): boolean {
    return mostWouldStay(this.docs, this.reachOf(needed, wordLeft, otherWords));
  }

  /** `reaches`' settings for this word: a word with one reading keeps no bests, so nothing is left of it to add. */
  private reachOf(needed: number, wordLeft: number, otherWords: number): Reach {
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
    const scale = BUCKETS / (ceiling - floor);
    this.contenderCount = dropContenders(this.contenderCount, this.reachOf(needed, wordLeft, otherWords), floor, scale);
    this.passAt = this.postingsRead;
    return kthFromHistogram(this.k, floor, ceiling);
  }

  /**
   * A floor for the k-th best score so far among live articles: at least `floor` (a k-th found
   * earlier: scores only grow), at most the k-th itself; `ceiling` bounds every score.
   */
  kthFloor(floor: number, ceiling: number): number {
    const scale = BUCKETS / (ceiling - floor);
    const { docs } = this;
    const shortest = this.shortestRead();
    if (shortest && shortest.n * 2 < docs) countListed(shortest, floor, scale);
    else if (!this.dense) countFewScored(docs, floor, scale);
    else if (this.scoredAt !== -1) countManyScored(docs, floor, scale);
    else {
      // The first such pass also lists every scored article as a contender, so that narrowing, which
      // most often follows it, need not read every article again (later passes, often several for a
      // short prefix, only count: the listing would cost them more than it saves).
      this.contenderCount = countAndList(docs, floor, scale);
      this.scoredAt = this.postingsRead;
    }
    this.passAt = this.postingsRead;
    return kthFromHistogram(this.k, floor, ceiling);
  }

  /** The shortest list read so far this search. */
  private shortestRead(): Postings | undefined {
    let shortest = this.read[0];
    for (const p of this.read) if (p.n < shortest!.n) shortest = p;
    return shortest;
  }

  /**
   * The best `limit` articles, best first, and the arrays cleared for the next search. `final`
   * turns an article's score and its count of words typed in full into its final score (at most
   * `most` times its score), or null when it may not be shown (withdrawn, or outside the filters).
   */
  best(limit: number, most: number, final: FinalScore): { doc: number; score: number }[] {
    const where = this.narrowed ? { contenders: this.contenderCount } : { lists: this.read, postings: this.postingsRead };
    return bestScored(this.docs, where, limit, most, final);
  }
}
