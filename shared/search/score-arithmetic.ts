/**
 * The arithmetic the scoring loops run per posting and per article (shared/search/score-passes.ts),
 * most of it without a branch: on real scores whether an article gains, is kept or counts is a coin
 * toss, and a mispredicted branch cost more than the sum it guarded.
 */

/** Units per unit of score for a word whose readings score at most `bound`: 2^28 at the most, inside 32 bits. */
export const unitsFor = (bound: number): number => 2 ** 28 / bound;

/**
 * The k-th best score is only ever needed as a floor (any lower bound keeps the search exact, a
 * higher one only prunes more), so it is read off a histogram of the scores in one pass: counting
 * from the top bucket down, the bucket where k is reached gives its lower edge.
 */
export const BUCKETS = 1024;
/** A score's bucket, without a branch: at or below the floor, bucket 0, which is never counted from. */
export function bucketOf(s: number, floor: number, scale: number): number {
  let b = ((s - floor) * scale) | 0;
  b &= ~(b >> 31);
  const over = b - (BUCKETS - 1);
  return b - (over & ~(over >> 31));
}
/** Whole units per unit of score in which `reaches` reads a margin's sign (scores stay far below 2^15). */
const MARGIN_UNITS = 2 ** 16;

/**
 * 1 if an article with `score`, whose best reading of the current word so far is `best` (in
 * `units`), could still reach `least` with what the word's readings left could add (`leftUnits`,
 * never below nothing), else 0; without a branch: the margin's sign, read off the margin in whole
 * 2^-16ths. A margin a hair below zero counts as reaching: a contender too many is only scored.
 */
export function reaches(score: number, best: number, least: number, leftUnits: number, units: number): number {
  const left = (leftUnits - best) | 0;
  return ~(((score + (left & ~(left >> 31)) / units - least) * MARGIN_UNITS) | 0) >>> 31;
}

/**
 * Adds a reading's `score` to article `d`: all of it for a word's only reading (`units` 0); for
 * one of several, what it improves on the word's best so far (`perWord`, in `units`). Whether a
 * reading beats that best is a coin toss, so a branch there would be mispredicted half the time:
 * the best is kept in whole units, where the larger of two needs no branch (the sign of the
 * difference masks the gain).
 */
export function credit(acc: Float32Array, perWord: Int32Array, d: number, score: number, units: number): void {
  if (units === 0) {
    acc[d]! += score;
    return;
  }
  const had = perWord[d]!;
  const diff = ((score * units) | 0) - had;
  const gain = diff & ~(diff >> 31);
  perWord[d] = had + gain;
  acc[d]! += gain / units;
}
