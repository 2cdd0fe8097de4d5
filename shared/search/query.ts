import type { ArticleLine } from '../schemas/knowledge';
import { STOP_WORDS, termOf, words } from './analyse';
import type { ArticleCard, KnowledgeIndex } from './knowledge-index';

export const K1 = 1.2;
export const B = 0.75;
/** Prefix and spelling-corrected terms count for less than what was typed in full. */
const EXPANSION_WEIGHT = 0.6;
const MAX_PREFIX_TERMS = 12;

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
  const put = (q: QueryTerm) => {
    const had = out.get(q.term);
    if (!had || had.weight < q.weight) out.set(q.term, q);
  };
  chosen.forEach((word, i) => {
    const term = termOf(word);
    const last = i === chosen.length - 1 && word === typed[typed.length - 1];
    const known = index.terms.has(term);
    if (known) put({ term, weight: 1, typed: word, prefix: false });
    if (last && prefix && word.length >= 2) {
      const expansions = index.vocabulary
        .withPrefix(word)
        .filter((t) => t !== term)
        .sort((a, b) => (index.terms.get(b)?.n ?? 0) - (index.terms.get(a)?.n ?? 0))
        .slice(0, MAX_PREFIX_TERMS);
      for (const t of expansions) put({ term: t, weight: known ? EXPANSION_WEIGHT * 0.5 : EXPANSION_WEIGHT, typed: word, prefix: true });
      if (expansions.length || known) return;
    }
    if (!known) for (const t of index.vocabulary.closeTo(word)) put({ term: t, weight: EXPANSION_WEIGHT, typed: word, prefix: false });
  });
  return [...out.values()];
}

const scratch = { acc: new Float32Array(0), hits: new Uint8Array(0), touched: new Int32Array(0) };

/**
 * BM25 over the candidates the terms' postings give, with a mild reward for matching more of
 * the question's words (an advisor's long question should rank the article that covers all of it).
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
  let touchedCount = 0;
  const n = index.size;
  const avg = index.averageLength;
  const words = new Set(terms.map((t) => t.typed)).size;
  for (const q of terms) {
    const p = index.terms.get(q.term);
    if (!p) continue;
    const idf = Math.log(1 + (n - p.n + 0.5) / (p.n + 0.5));
    const w = q.weight * idf;
    const { docs: pd, tfs } = p;
    for (let i = 0; i < p.n; i++) {
      const d = pd[i]!;
      if (index.cards[d] === null) continue;
      const tf = tfs[i]!;
      const s = (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * index.docLength[d]!) / avg));
      if (acc[d] === 0) touched[touchedCount++] = d;
      acc[d]! += s;
      hits[d]! += q.weight === 1 ? 1 : 0;
    }
  }
  const best: Scored[] = [];
  let floor = -Infinity;
  for (let i = 0; i < touchedCount; i++) {
    const d = touched[i]!;
    const card = index.cards[d]!;
    const score = acc[d]! * (1 + 0.5 * Math.min(1, hits[d]! / Math.max(1, words)));
    acc[d] = 0;
    hits[d] = 0;
    if (score <= floor) continue;
    if (opts.line && card.line !== opts.line && card.line !== 'all') continue;
    if (opts.category && card.category !== opts.category) continue;
    best.push({ card, score });
    if (best.length > limit * 4) {
      best.sort((a, b) => b.score - a.score);
      best.length = limit;
      floor = best[limit - 1]!.score;
    }
  }
  best.sort((a, b) => b.score - a.score || b.card.updatedAt - a.card.updatedAt);
  return best.slice(0, limit);
}

export function search(index: KnowledgeIndex, query: string, opts: SearchOptions = {}): Scored[] {
  return rank(index, queryTerms(index, query, opts.prefix), opts);
}
