import type { ArticleLine } from '../schemas/knowledge';
import { STOP_WORDS, termOf, words } from './analyse';
import type { ArticleCard, KnowledgeIndex } from './knowledge-index';
import { Accumulator } from './accumulate';
import { unitsFor } from './score-arithmetic';
import type { Postings } from './postings';
import { relatedWords } from './related-words';

/** The ranking's settings, chosen on the frozen labelled set (tests/relevance/queries.json). */
export const RANKING = {
  k1: 3,
  /** Prefix and spelling-corrected terms count for less than what was typed in full. */
  expansion: 0.6,
  /** How far a completion's weight follows how common it is: (df / df of the commonest)^this. */
  completionCommonness: 0.5,
  /** A related word (relatedWords) counts for this much of the word typed. */
  related: 0.5,
  /**
   * A document matching every typed word scores up to this much more than its BM25F sum; kept
   * small, as a match on a rare incidental word is already rewarded by its idf.
   */
  coordination: 0.25,
};
/** Fewer expansions for shorter prefixes: "co" could be finishing hundreds of words, "cont" fewer. */
const prefixBudget = (length: number) => (length <= 2 ? 8 : length === 3 ? 12 : 16);

export interface QueryTerm {
  term: string;
  weight: number;
  /** The word as typed, for highlighting. */
  typed: string;
  prefix: boolean;
  /** A word of related meaning: evidence of its own, so it adds to the word typed rather than standing in for it. */
  related?: true;
}

export interface SearchOptions {
  limit?: number;
  line?: Exclude<ArticleLine, 'all'>;
  category?: string;
  /** Treat the last word as still being typed (default: unless the query ends in a space). */
  prefix?: boolean;
}

export interface Scored {
  doc: number;
  /** Read from the index when first wanted. */
  readonly card: ArticleCard;
  score: number;
}

/** Turns what the advisor typed into weighted index terms: exact, prefix and misspelling. */
export function queryTerms(index: KnowledgeIndex, query: string, prefix = !/\s$/.test(query)): QueryTerm[] {
  const typed = words(query);
  const meaningful = typed.filter((w) => !STOP_WORDS.has(w));
  const chosen = meaningful.length ? meaningful : typed;
  const out = new Map<string, QueryTerm>();
  const df = (t: string) => index.terms.get(t)?.n ?? 0;
  const put = (q: QueryTerm) => {
    const had = out.get(q.term);
    if (!had || had.weight < q.weight) out.set(q.term, q);
  };
  chosen.forEach((word, i) => {
    const term = termOf(word);
    const last = i === chosen.length - 1 && word === typed[typed.length - 1];
    const known = index.terms.has(term);
    // A single letter still being typed says nothing yet: it waits for the next key.
    if (last && prefix && word.length < 2 && chosen.length > 1) return;
    if (known) put({ term, weight: 1, typed: word, prefix: false });
    if (last && prefix && word.length >= 2) {
      const expansions = index.vocabulary
        .withPrefix(word)
        .filter((t) => t !== term)
        .sort((a, b) => df(b) - df(a))
        .slice(0, prefixBudget(word.length));
      // A completion counts by how likely it is to be the word meant, not by its own rarity.
      const commonest = Math.max(1, df(expansions[0] ?? ''));
      const base = known ? RANKING.expansion * 0.5 : RANKING.expansion;
      for (const t of expansions)
        put({ term: t, weight: base * (df(t) / commonest) ** RANKING.completionCommonness, typed: word, prefix: true });
      if (expansions.length || known) return;
    }
    for (const related of relatedWords(word)) {
      const t = termOf(related);
      if (index.terms.has(t)) put({ term: t, weight: RANKING.related, typed: word, prefix: false, related: true });
    }
    if (!known) for (const t of index.vocabulary.closeTo(word, 3, df)) put({ term: t, weight: RANKING.expansion, typed: word, prefix: false });
  });
  return [...out.values()];
}

const scores = new Accumulator();

interface Planned {
  q: QueryTerm;
  p: Postings;
  idf: number;
  /** The most this term can add to any document's score (tf → ∞). */
  bound: number;
}

/** One typed word and every term read for it: an article scores the best of them. */
interface Word {
  terms: Planned[];
  /** The most this word can add to any document's score: its best term's bound. */
  bound: number;
  /** Postings to read: the work it costs. */
  cost: number;
}

/** The query's terms gathered by the word typed, cheapest word first. */
function plan(index: KnowledgeIndex, terms: QueryTerm[]): Word[] {
  const n = index.size;
  const byWord = new Map<string, Word>();
  for (const q of terms) {
    const p = index.terms.get(q.term);
    if (!p) continue;
    // Postings of withdrawn articles stay until the index is compacted: they do not count.
    const df = Math.min(p.n, n);
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const t = { q, p, idf, bound: q.weight * idf * (RANKING.k1 + 1) };
    const key = q.related ? `~${q.term}` : q.typed;
    const w = byWord.get(key);
    if (!w) byWord.set(key, { terms: [t], bound: t.bound, cost: p.n });
    else {
      w.terms.push(t);
      w.bound = Math.max(w.bound, t.bound);
      w.cost += p.n;
    }
  }
  return [...byWord.values()].sort((a, b) => a.cost - b.cost);
}

/**
 * After a reading: once what the readings left could add could not lift an unseen article into the
 * results, the search narrows to the articles that still could; once narrowed, it drops more as
 * the k-th best rises. What is left is the current word's (`wordLeft`, its next reading's bound:
 * an article keeps only its best reading) and the other words' (`otherWords`); `reached` bounds
 * every score so far. Returns a floor for the k-th best score.
 */
function narrow(scores: Accumulator, wordLeft: number, otherWords: number, reached: number, kth: number, most: number, docs: number): number {
  // A pass pays for itself only once the lists read since the last are long beside what it reads
  // (the contenders, or every article): skipping one only keeps a few contenders more for now.
  if (scores.narrowed) {
    // An article's final score is at most `most` times its sum, so it needs kth / most to get in.
    // The k-th known before this reading is a floor, so dropping by it is safe if a little late.
    if (scores.readSincePass * 2 < scores.contending) return kth;
    return scores.dropBelow(kth / most, wordLeft, otherWords, kth, reached);
  }
  const unreachable = (wordLeft + otherWords) * most;
  // No score is above `reached`, so the k-th is not either; and scores only grow, so a floor for the
  // k-th found earlier is a floor still.
  if (unreachable >= reached) return kth;
  if (unreachable < kth) {
    narrowIfWorth(scores, kth / most, wordLeft, otherWords);
    return kth;
  }
  // Finding the k-th costs a pass over every article, and it seldom rises by half in one reading:
  // until the unreachable falls that close to it, the pass would be for nothing. Where many articles
  // are scored, the pass waits until a quarter of their number in postings has been read since the last,
  // and a quarter more for each pass this word that found the k-th too low to narrow and hardly risen.
  const wait = scores.dense ? docs * (1 + scores.fruitlessPasses) : docs * scores.fruitlessPasses;
  if (kth > 0 && (unreachable > kth * 1.5 || scores.readSincePass * 4 < wait)) return kth;
  const k = scores.kthFloor(kth, reached);
  if (unreachable < k) narrowIfWorth(scores, k / most, wordLeft, otherWords);
  else if (k - kth < (unreachable - kth) / 4) scores.fruitlessPasses++;
  return k;
}

/** Narrows, unless many articles are scored and most would stay: that pass waits for a later reading to thin them. */
function narrowIfWorth(scores: Accumulator, needed: number, wordLeft: number, otherWords: number): void {
  if (!scores.dense || !scores.wouldKeepMost(needed, wordLeft, otherWords)) scores.narrow(needed, wordLeft, otherWords);
}

/**
 * BM25F over the candidates the terms' postings give, cheapest word first; a word read several
 * ways (completions, corrections) scores an article by the best of them. Once the words left could
 * not lift an unseen article into the results (their bounds sum below the current k-th score), the
 * search narrows to the articles that could still get there, and drops more as the k-th rises.
 */
export function rank(index: KnowledgeIndex, terms: QueryTerm[], opts: SearchOptions = {}): Scored[] {
  const limit = opts.limit ?? 10;
  const docs = index.cards.length;
  const norms = index.fieldNorms();
  const words = new Set(terms.map((t) => t.typed)).size;
  const planned = plan(index, terms);
  // The coordination bonus counts words matched as typed in full: none without such a reading.
  const typedInFull = planned.filter((w) => w.terms.some((t) => t.q.weight === 1)).length;
  const most = 1 + RANKING.coordination * Math.min(1, typedInFull / Math.max(1, words));
  let rest = planned.reduce((s, w) => s + w.bound, 0);
  // Filters shrink the pool of eligible articles, so pruning by the unfiltered top would be wrong.
  const canPrune = !opts.line && !opts.category;
  let kth = 0;
  let reached = 0;
  scores.begin(docs, limit, index.alive, norms);
  for (const word of planned) {
    rest -= word.bound;
    reached += word.bound;
    // The word's readings most likely to score first, so the best it can still add falls fastest.
    const readings = word.terms.sort((a, b) => b.bound - a.bound);
    const units = readings.length === 1 ? 0 : unitsFor(word.bound);
    readings.forEach(({ q, p, idf }, j) => {
      scores.addReading({ p, w: q.weight * idf, exact: q.weight === 1, units }, RANKING.k1);
      const wordLeft = readings[j + 1]?.bound ?? 0;
      if (canPrune && wordLeft + rest > 0) kth = narrow(scores, wordLeft, rest, reached, kth, most, docs);
    });
    scores.endWord();
  }
  const alive = index.alive;
  const filtered = Boolean(opts.line || opts.category);
  const top = scores.best(limit, most, (d, score, exact) => {
    if (alive[d] === 0) return null;
    if (filtered) {
      const card = index.card(d)!;
      if (opts.line && card.line !== opts.line && card.line !== 'all') return null;
      if (opts.category && card.category !== opts.category) return null;
    }
    return score * (1 + RANKING.coordination * Math.min(1, exact / Math.max(1, words)));
  });
  const { updatedAt } = index;
  top.sort((a, b) => b.score - a.score || updatedAt[b.doc]! - updatedAt[a.doc]!);
  return top.map(({ doc, score }) => new Result(index, doc, score));
}

/** A ranked article. Its card is read only when wanted, so a cold start can read those it shows all at once. */
class Result implements Scored {
  constructor(
    private readonly index: KnowledgeIndex,
    readonly doc: number,
    readonly score: number,
  ) {}

  get card(): ArticleCard {
    return this.index.card(this.doc)!;
  }
}

interface Answer {
  terms: QueryTerm[];
  results: Scored[];
}

/**
 * A recent answer as kept: its articles and scores in two typed arrays, not an object per result.
 * What is kept outlives the young generation, and each of its collections copies whatever is still
 * alive: over the benchmark's searches at 100,000 articles, with 200 answers kept as objects these
 * collections paused the search 3.5 ms on average (8 ms at worst); kept so, 1.3 ms (2 ms at worst),
 * less than keeping none did (1.7 ms). One lands in a search every hundred or two.
 */
interface KeptAnswer {
  terms: QueryTerm[];
  docs: Int32Array;
  scores: Float64Array;
}

/**
 * Recent answers, per index: an advisor types the same first letters ("re", "co") all day, and a
 * result stays right until the index changes.
 */
const recent = new WeakMap<KnowledgeIndex, { version: number; answers: Map<string, KeptAnswer> }>();
const RECENT_ANSWERS = 200;

const kept = ({ terms, results }: Answer): KeptAnswer => ({
  terms,
  docs: Int32Array.from(results, (r) => r.doc),
  scores: Float64Array.from(results, (r) => r.score),
});
const answerOf = (index: KnowledgeIndex, { terms, docs, scores }: KeptAnswer): Answer => ({
  terms,
  results: Array.from(docs, (doc, i) => new Result(index, doc, scores[i]!)),
});

/** The ranked results with the terms they matched (for highlighting). */
export function searchDetailed(index: KnowledgeIndex, query: string, opts: SearchOptions = {}): Answer {
  const prefix = opts.prefix ?? !/\s$/.test(query);
  const key = `${prefix}|${opts.limit ?? ''}|${opts.line ?? ''}|${opts.category ?? ''}|${query.trim().toLowerCase().replace(/\s+/g, ' ')}`;
  let memo = recent.get(index);
  if (!memo || memo.version !== index.version) recent.set(index, (memo = { version: index.version, answers: new Map() }));
  const known = memo.answers.get(key);
  if (known) return answerOf(index, known);
  const terms = queryTerms(index, query, prefix);
  const answer = { terms, results: rank(index, terms, opts) };
  if (memo.answers.size >= RECENT_ANSWERS) memo.answers.delete(memo.answers.keys().next().value!);
  memo.answers.set(key, kept(answer));
  return answer;
}

export function search(index: KnowledgeIndex, query: string, opts: SearchOptions = {}): Scored[] {
  return searchDetailed(index, query, opts).results;
}
