import type { ArticleLine } from '../schemas/knowledge';
import { STOP_WORDS, termOf, words } from './analyse';
import { FIELDS, type ArticleCard, type KnowledgeIndex } from './knowledge-index';
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
}

export interface SearchOptions {
  limit?: number;
  line?: Exclude<ArticleLine, 'all'>;
  category?: string;
  /** Treat the last word as still being typed (default: unless the query ends in a space). */
  prefix?: boolean;
}

export interface Scored {
  card: ArticleCard;
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
      if (index.terms.has(t)) put({ term: t, weight: RANKING.related, typed: word, prefix: false });
    }
    if (!known) for (const t of index.vocabulary.closeTo(word, 3, df)) put({ term: t, weight: RANKING.expansion, typed: word, prefix: false });
  });
  return [...out.values()];
}

/**
 * BM25F's pseudo term frequency: each field's count times that field's weight over its length
 * normalisation (`norms` from `fieldNorms`, document at `base`), summed before saturation. The
 * shifts follow `packCounts` (title 2 bits, tags 2, summary 2, category 1, body 9).
 */
function pseudoTf(packed: number, norms: Float32Array, base: number): number {
  return (
    (packed & 3) * norms[base]! +
    ((packed >>> 2) & 3) * norms[base + 1]! +
    ((packed >>> 4) & 3) * norms[base + 2]! +
    ((packed >>> 6) & 1) * norms[base + 3]! +
    (packed >>> 7) * norms[base + 4]!
  );
}

const scratch = { acc: new Float32Array(0), hits: new Uint8Array(0), touched: new Int32Array(0) };

interface Planned {
  q: QueryTerm;
  p: Postings;
  idf: number;
  /** The most this term can add to any document's score (tf → ∞). */
  bound: number;
}

/**
 * First position at or after `from` in sorted `docs[0..n)` whose value is ≥ `doc`: gallops ahead,
 * then halves, so walking sorted candidates through a long list costs little per candidate.
 */
function seek(docs: Int32Array, n: number, from: number, doc: number): number {
  let step = 1;
  let hi = from;
  while (hi < n && docs[hi]! < doc) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > n) hi = n;
  let lo = from;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The k-th best accumulated score so far: no document outside the top can be above it. */
function kthBest(acc: Float32Array, touched: Int32Array, count: number, k: number): number {
  if (count < k) return 0;
  const top = new Float32Array(k);
  for (let i = 0; i < count; i++) {
    const s = acc[touched[i]!]!;
    if (s <= top[k - 1]!) continue;
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
 * BM25 over the candidates the terms' postings give, rare terms first. Once the common terms left
 * could not lift an unseen article into the results (their bounds sum below the current k-th
 * score), they only add to the articles already found: an advisor's long question then costs
 * little more than its rarest words.
 */
export function rank(index: KnowledgeIndex, terms: QueryTerm[], opts: SearchOptions = {}): Scored[] {
  const limit = opts.limit ?? 10;
  const docs = index.cards.length;
  if (scratch.acc.length < docs) {
    scratch.acc = new Float32Array(docs * 2);
    scratch.hits = new Uint8Array(docs * 2);
    scratch.touched = new Int32Array(docs * 2);
  }
  const { acc, hits, touched } = scratch;
  const alive = index.alive;
  let touchedCount = 0;
  const n = index.size;
  const norms = index.fieldNorms();
  const words = new Set(terms.map((t) => t.typed)).size;
  const plan: Planned[] = [];
  for (const q of terms) {
    const p = index.terms.get(q.term);
    if (!p) continue;
    const idf = Math.log(1 + (n - p.n + 0.5) / (p.n + 0.5));
    plan.push({ q, p, idf, bound: q.weight * idf * (RANKING.k1 + 1) });
  }
  plan.sort((a, b) => a.p.n - b.p.n);
  const coordination = RANKING.coordination;
  let rest = plan.reduce((s, t) => s + t.bound, 0);
  // Filters shrink the pool of eligible articles, so pruning by the unfiltered top would be wrong.
  const canPrune = !opts.line && !opts.category;
  let onlyKnown = false;
  for (const { q, p, idf } of plan) {
    rest -= q.weight * idf * (RANKING.k1 + 1);
    const w = q.weight * idf;
    const exact = q.weight === 1 ? 1 : 0;
    const { docs: pd, tfs } = p;
    if (onlyKnown && p.n > touchedCount) {
      // Candidates are sorted once pruning starts; each list is then stepped through, not read.
      let at = 0;
      for (let i = 0; i < touchedCount && at < p.n; i++) {
        const d = touched[i]!;
        at = seek(pd, p.n, at, d);
        if (at >= p.n || pd[at] !== d) continue;
        const tf = pseudoTf(tfs[at]!, norms, d * FIELDS.length);
        acc[d]! += (w * tf * (RANKING.k1 + 1)) / (tf + RANKING.k1);
        hits[d]! += exact;
      }
    } else {
      for (let i = 0; i < p.n; i++) {
        const d = pd[i]!;
        if (onlyKnown ? acc[d] === 0 : alive[d] === 0) continue;
        const tf = pseudoTf(tfs[i]!, norms, d * FIELDS.length);
        if (acc[d] === 0) touched[touchedCount++] = d;
        acc[d]! += (w * tf * (RANKING.k1 + 1)) / (tf + RANKING.k1);
        hits[d]! += exact;
      }
    }
    if (canPrune && !onlyKnown && touchedCount >= limit && rest * (1 + coordination) < kthBest(acc, touched, touchedCount, limit)) {
      onlyKnown = true;
      touched.subarray(0, touchedCount).sort();
    }
  }
  // The best `limit` kept in two small typed arrays, smallest first: no object per candidate.
  const topDoc = new Int32Array(limit).fill(-1);
  const topScore = new Float64Array(limit).fill(-1);
  const filtered = Boolean(opts.line || opts.category);
  for (let i = 0; i < touchedCount; i++) {
    const d = touched[i]!;
    const score = acc[d]! * (1 + coordination * Math.min(1, hits[d]! / Math.max(1, words)));
    acc[d] = 0;
    hits[d] = 0;
    if (score <= topScore[0]!) continue;
    if (filtered) {
      const card = index.cards[d]!;
      if (opts.line && card.line !== opts.line && card.line !== 'all') continue;
      if (opts.category && card.category !== opts.category) continue;
    }
    let j = 0;
    while (j + 1 < limit && topScore[j + 1]! < score) {
      topScore[j] = topScore[j + 1]!;
      topDoc[j] = topDoc[j + 1]!;
      j++;
    }
    topScore[j] = score;
    topDoc[j] = d;
  }
  const best: Scored[] = [];
  for (let j = limit - 1; j >= 0; j--) if (topDoc[j]! >= 0) best.push({ card: index.cards[topDoc[j]!]!, score: topScore[j]! });
  best.sort((a, b) => b.score - a.score || b.card.updatedAt - a.card.updatedAt);
  return best;
}

/**
 * Recent answers, per index: an advisor types the same first letters ("re", "co") all day, and a
 * result stays right until the index changes.
 */
interface Answer {
  terms: QueryTerm[];
  results: Scored[];
}
const recent = new WeakMap<KnowledgeIndex, { version: number; answers: Map<string, Answer> }>();
const RECENT_ANSWERS = 200;

/** The ranked results with the terms they matched (for highlighting). */
export function searchDetailed(index: KnowledgeIndex, query: string, opts: SearchOptions = {}): Answer {
  const prefix = opts.prefix ?? !/\s$/.test(query);
  const key = `${prefix}|${opts.limit ?? ''}|${opts.line ?? ''}|${opts.category ?? ''}|${query.trim().toLowerCase().replace(/\s+/g, ' ')}`;
  let memo = recent.get(index);
  if (!memo || memo.version !== index.version) recent.set(index, (memo = { version: index.version, answers: new Map() }));
  const known = memo.answers.get(key);
  if (known) return known;
  const terms = queryTerms(index, query, prefix);
  const answer = { terms, results: rank(index, terms, opts) };
  if (memo.answers.size >= RECENT_ANSWERS) memo.answers.delete(memo.answers.keys().next().value!);
  memo.answers.set(key, answer);
  return answer;
}

export function search(index: KnowledgeIndex, query: string, opts: SearchOptions = {}): Scored[] {
  return searchDetailed(index, query, opts).results;
}
