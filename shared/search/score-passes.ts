import type { FieldNorms } from './fields';
import type { Postings } from './postings';
import { BUCKETS, bucketOf, credit, reaches } from './score-arithmetic';

/**
 * The passes a search makes over its running scores (accumulate.ts decides which, and when), with
 * the arrays they run over. The arrays are this module's own constants, made once at the most a
 * search can need: V8 compiles a loop over a typed array it knows as a constant several times
 * faster than the same loop over one passed in, read off an object or imported from another module
 * (0.11 against 0.65-0.79 ms over 100,000 scores, on V8 11 and 15 alike), so every loop that reads
 * them lives here. Only the pages a search touches are ever given memory. One search at a time:
 * a search runs to the end before the next starts.
 */

/** The most document numbers a search can score (KnowledgeIndex keeps under it). */
export const MAX_DOCS = 1 << 20;

/** The running scores. */
const acc = new Float32Array(MAX_DOCS);
/** The scores' bits: a score is non-zero exactly when its bits are. */
const accBits = new Int32Array(acc.buffer);
/** How many words each article matched as typed in full (for the coordination bonus). */
const hits = new Uint8Array(MAX_DOCS);
/** The current word's best reading so far, per article, in its units (`unitsFor`); cleared after each word. */
const perWord = new Int32Array(MAX_DOCS);
/** The contenders, ascending, once narrowed (or the scored articles, listed by `countAndList`). */
const contenders = new Int32Array(MAX_DOCS);
/** Which articles may be shown (the index's `alive`), copied in as each search starts. */
const live = new Uint8Array(MAX_DOCS);
/** The k-th best score is read off a histogram of the scores. */
const histogram = new Int32Array(BUCKETS);
// Each field's norms (`fieldNorms`) of the index searched, copied in as they grow or change.
const titleNorm = new Float32Array(MAX_DOCS);
const tagsNorm = new Float32Array(MAX_DOCS);
const summaryNorm = new Float32Array(MAX_DOCS);
const categoryNorm = new Float32Array(MAX_DOCS);
const bodyNorm = new Float32Array(MAX_DOCS);
const NORMS = [titleNorm, tagsNorm, summaryNorm, categoryNorm, bodyNorm] as const;
/** Whose norms were copied (their title array: `fieldNorms` makes new arrays when it starts again), and how far. */
let normsOf: Float32Array | null = null;
let normsUpTo = 0;

/** A list is read a stretch at a time, copied in here. */
const CHUNK = 1 << 15;
const gapChunk = new Int32Array(CHUNK);
const tfChunk = new Uint16Array(CHUNK);

/** A search over `docs` document numbers starts: which may be shown, and the norms any added since the last. */
export function startSearch(docs: number, alive: Uint8Array, norms: FieldNorms): void {
  if (docs > MAX_DOCS) throw new RangeError(`a search can score at most ${MAX_DOCS} articles, not ${docs}`);
  live.set(alive.subarray(0, docs));
  if (norms[0] !== normsOf) {
    normsOf = norms[0]!;
    normsUpTo = 0;
  }
  if (normsUpTo >= docs) return;
  NORMS.forEach((to, f) => to.set(norms[f]!.subarray(normsUpTo, docs), normsUpTo));
  normsUpTo = docs;
}

/** Copies postings `from` on of `p` (their counts too, if `counts`) into the chunk; returns how many. */
function readChunk(p: Postings, from: number, counts: boolean): number {
  const to = Math.min(p.n, from + CHUNK);
  gapChunk.set(p.gaps.subarray(from, to));
  if (counts) tfChunk.set(p.tfs.subarray(from, to));
  return to - from;
}

/**
 * BM25F's pseudo term frequency of document `d`: each field's count times that field's weight over
 * its length normalisation, summed before saturation. The shifts follow `packCounts` (title 2 bits,
 * tags 2, summary 2, category 1, body 9).
 */
function pseudoTf(packed: number, d: number): number {
  // Most postings are a word in the body alone.
  if ((packed & 127) === 0) return (packed >>> 7) * bodyNorm[d]!;
  return (
    (packed & 3) * titleNorm[d]! +
    ((packed >>> 2) & 3) * tagsNorm[d]! +
    ((packed >>> 4) & 3) * summaryNorm[d]! +
    ((packed >>> 6) & 1) * categoryNorm[d]! +
    (packed >>> 7) * bodyNorm[d]!
  );
}

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

/** Scores every posting of a reading: a word's only reading adds its score; one of several what it improves on the word's best. */
export function scoreList({ p, w, exact, units }: Reading, k1: number): void {
  let d = 0;
  for (let from = 0; from < p.n; from += CHUNK) d = scoreChunk(readChunk(p, from, true), d, w * (k1 + 1), k1, exact ? 1 : 0, units);
}

function scoreChunk(n: number, d: number, saturated: number, k1: number, hit: number, units: number): number {
  for (let i = 0; i < n; i++) {
    d += gapChunk[i]!;
    const tf = pseudoTf(tfChunk[i]!, d);
    // A word's hit is counted once: it has one reading typed in full.
    if (hit !== 0) hits[d]!++;
    credit(acc, perWord, d, (saturated * tf) / (tf + k1), units);
  }
  return d;
}

/** The contender a walk has reached, between chunks. */
let walkAt = 0;

/** Walks a reading's list against the first `count` contenders: only theirs are scored, the other postings only stepped over. */
export function scoreContenders({ p, w, exact, units }: Reading, count: number, k1: number): void {
  if (count === 0) return;
  walkAt = 0;
  let d = 0;
  for (let from = 0; from < p.n && d >= 0; from += CHUNK) d = walkChunk(readChunk(p, from, true), d, count, w * (k1 + 1), k1, exact ? 1 : 0, units);
}

/** Returns the chunk's last document, or -1 once past the last contender. */
function walkChunk(n: number, d: number, end: number, saturated: number, k1: number, hit: number, units: number): number {
  let c = walkAt;
  let next = contenders[c]!;
  for (let i = 0; i < n; i++) {
    d += gapChunk[i]!;
    if (d < next) continue;
    while (next < d) {
      if (++c === end) return -1;
      next = contenders[c]!;
    }
    if (d !== next) continue;
    const tf = pseudoTf(tfChunk[i]!, d);
    if (hit !== 0) hits[d]!++;
    credit(acc, perWord, d, (saturated * tf) / (tf + k1), units);
  }
  walkAt = c;
  return d;
}

/** A word's readings are all read: its bests are cleared for the next word. */
export function clearWord(docs: number): void {
  perWord.fill(0, 0, docs);
}

/** What `reaches` is given for the current word: the least score to reach, and what the word's readings left could add. */
export interface Reach {
  least: number;
  leftUnits: number;
  units: number;
}

/** How many contenders a pass has kept, between chunks. */
let kept = 0;

/** The articles of `list`, the only list read, that could still reach: kept as contenders; returns how many. */
export function keepListed(list: Postings, { least, leftUnits, units }: Reach): number {
  kept = 0;
  let d = 0;
  for (let from = 0; from < list.n; from += CHUNK) d = keepChunk(readChunk(list, from, false), d, least, leftUnits, units);
  return kept;
}

// Every document is written, the count moving on for those kept: whether one is kept is a coin toss,
// and a mispredicted branch costs more than the write.
function keepChunk(n: number, d: number, least: number, leftUnits: number, units: number): number {
  let count = kept;
  for (let i = 0; i < n; i++) {
    d += gapChunk[i]!;
    contenders[count] = d;
    count += reaches(acc[d]!, perWord[d]!, least, leftUnits, units);
  }
  kept = count;
  return d;
}

/** Of the first `count` contenders (or articles listed by `countAndList`), keeps those that could still reach; returns how many. */
export function keepContenders(count: number, { least, leftUnits, units }: Reach): number {
  let out = 0;
  for (let c = 0; c < count; c++) {
    const d = contenders[c]!;
    contenders[out] = d;
    out += reaches(acc[d]!, perWord[d]!, least, leftUnits, units);
  }
  return out;
}

/** Keeps as contenders the scored articles of the first `docs` that could still reach, few being scored; returns how many. */
export function keepFewScored(docs: number, { least, leftUnits, units }: Reach): number {
  let count = 0;
  // The test for a score is nearly always right to skip, and cheap.
  for (let d = 0; d < docs; d++) if (accBits[d] !== 0 && reaches(acc[d]!, perWord[d]!, least, leftUnits, units) === 1) contenders[count++] = d;
  return count;
}

/** As `keepFewScored`, many being scored: whether an article is kept is a coin toss, so there is no branch. */
export function keepManyScored(docs: number, { least, leftUnits, units }: Reach): number {
  let count = 0;
  for (let d = 0; d < docs; d++) {
    const bits = accBits[d]!;
    contenders[count] = d;
    count += ((bits | -bits) >>> 31) & reaches(acc[d]!, perWord[d]!, least, leftUnits, units);
  }
  return count;
}

/** Whether most scored articles would be kept, read off every 64th article. */
export function mostWouldStay(docs: number, { least, leftUnits, units }: Reach): boolean {
  let scored = 0;
  let stay = 0;
  for (let d = 0; d < docs; d += 64) {
    const s = acc[d]!;
    if (s === 0) continue;
    scored++;
    stay += reaches(s, perWord[d]!, least, leftUnits, units);
  }
  return stay * 2 > scored;
}

/**
 * Keeps the contenders that could still reach and counts the live ones kept into the histogram (a
 * floor for the k-th, as `kthFromHistogram`): one pass. Returns how many are kept.
 */
export function dropContenders(count: number, { least, leftUnits, units }: Reach, floor: number, scale: number): number {
  histogram.fill(0);
  let out = 0;
  for (let c = 0; c < count; c++) {
    const d = contenders[c]!;
    const s = acc[d]!;
    const keep = reaches(s, perWord[d]!, least, leftUnits, units);
    contenders[out] = d;
    out += keep;
    histogram[bucketOf(s, floor, scale)]! += keep & live[d]!;
  }
  return out;
}

/**
 * Counts into the histogram only the live articles `list` names. The k-th best among some articles
 * is at most the k-th among all, so this is a floor still; and the articles of a list already read,
 * which the best so far mostly share, give one near the k-th at a fraction of a pass over every article.
 */
export function countListed(list: Postings, floor: number, scale: number): void {
  histogram.fill(0);
  let d = 0;
  for (let from = 0; from < list.n; from += CHUNK) d = countChunk(readChunk(list, from, false), d, floor, scale);
}

function countChunk(n: number, d: number, floor: number, scale: number): number {
  for (let i = 0; i < n; i++) {
    d += gapChunk[i]!;
    const s = acc[d]!;
    if (s > floor && live[d] === 1) histogram[bucketOf(s, floor, scale)]!++;
  }
  return d;
}

/** Counts every live article of the first `docs` into the histogram, few being scored. */
export function countFewScored(docs: number, floor: number, scale: number): void {
  histogram.fill(0);
  for (let d = 0; d < docs; d++) {
    const s = acc[d]!;
    if (s > floor && live[d] === 1) histogram[bucketOf(s, floor, scale)]!++;
  }
}

/** As `countFewScored`, many being scored: without a branch (unscored articles fall in bucket 0). */
export function countManyScored(docs: number, floor: number, scale: number): void {
  histogram.fill(0);
  for (let d = 0; d < docs; d++) histogram[bucketOf(acc[d]!, floor, scale)]! += live[d]!;
}

/** As `countManyScored`, and lists every scored article in `contenders`; returns how many. */
export function countAndList(docs: number, floor: number, scale: number): number {
  histogram.fill(0);
  let count = 0;
  for (let d = 0; d < docs; d++) {
    histogram[bucketOf(acc[d]!, floor, scale)]! += live[d]!;
    const bits = accBits[d]!;
    contenders[count] = d;
    count += (bits | -bits) >>> 31;
  }
  return count;
}

/** The lower edge of the bucket where the histogram's count from the top reaches `k` (`floor` if it never does). */
export function kthFromHistogram(k: number, floor: number, ceiling: number): number {
  let above = 0;
  for (let b = BUCKETS - 1; b > 0; b--) {
    above += histogram[b]!;
    // A hair under the edge: the bucket was found in floating point.
    if (above >= k) return floor + ((b * (ceiling - floor)) / BUCKETS) * 0.999_999;
  }
  return floor;
}

/** An article's final score from its sum and its count of words typed in full, or null when it may not be shown. */
export type FinalScore = (doc: number, score: number, exact: number) => number | null;

/** Where the scored articles are: the first `count` contenders, or the lists read (`postings` in all). */
export type ScoredWhere = { contenders: number } | { lists: readonly Postings[]; postings: number };

/**
 * The best `limit` articles, best first, and the scores cleared for the next search. `final` gives
 * an article's final score, at most `most` times its sum.
 */
export function bestScored(docs: number, scored: ScoredWhere, limit: number, most: number, final: FinalScore): { doc: number; score: number }[] {
  // The best `limit` kept in two small typed arrays, smallest first: no object per candidate.
  const topDoc = new Int32Array(limit).fill(-1);
  const topScore = new Float64Array(limit).fill(-1);
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
  if ('contenders' in scored) {
    // Every article in the results is a contender; the others' scores are only cleared.
    for (let c = 0; c < scored.contenders; c++) consider(contenders[c]!);
    acc.fill(0, 0, docs);
    hits.fill(0, 0, docs);
  } else if (scored.postings >= docs) {
    for (let d = 0; d < docs; d++) if (acc[d] !== 0) consider(d);
  } else {
    // Fewer postings than articles: the lists read are walked again (an article in several is found cleared).
    for (const p of scored.lists) {
      let d = 0;
      for (let from = 0; from < p.n; from += CHUNK) {
        const n = readChunk(p, from, false);
        for (let i = 0; i < n; i++) consider((d += gapChunk[i]!));
      }
    }
  }
  const out: { doc: number; score: number }[] = [];
  for (let j = limit - 1; j >= 0; j--) if (topDoc[j]! >= 0) out.push({ doc: topDoc[j]!, score: topScore[j]! });
  return out;
}
