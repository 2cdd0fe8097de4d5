import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Article } from '../../shared/schemas/knowledge';
import { KnowledgeIndex } from '../../shared/search/knowledge-index';
import { search } from '../../shared/search/query';

/** `typing` marks a query whose last word is still being typed (the prefix kind). */
export type Engine = (query: string, typing?: boolean) => string[];

export function rapportEngine(articles: Article[]): Engine {
  const index = new KnowledgeIndex();
  for (const a of articles) index.add(a);
  return (q, typing = false) => search(index, q, { limit: 10, prefix: typing }).map((r) => r.card.id);
}

const docOf = (a: Article) => ({ id: a.id, title: a.title, summary: a.summary, body: a.body, tags: a.tags.join(' '), category: a.category });

/** MiniSearch with its default settings (BM25, OR, no prefix, no fuzzy) on the same fields. */
export function miniSearchDefaults(articles: Article[]): Engine {
  const ms = new MiniSearch({ fields: ['title', 'summary', 'body', 'tags', 'category'] });
  ms.addAll(articles.map(docOf));
  return (q) => ms.search(q).slice(0, 10).map((r) => String(r.id));
}

/**
 * MiniSearch's best settings we found, used by the relevance test and the speed benchmark alike.
 * Searched on 7 December 2026 over the frozen and development sets together (never the held-out
 * one): boosts for title, tags, summary and category (every combination of 1-8, 1-5, 1-3 and 1-2),
 * fuzzy 0-0.3 for every word or words over three or four letters, prefix (none, the last word or
 * every word while typing, the last word always), MiniSearch's fuzzy and prefix weights, BM25's k
 * and b, OR and AND; coordinate-wise passes from three starting points until nothing improved (some
 * 276,000 configurations). Best by MRR: tags ×2, category ×2, summary ×1.5, title and body ×1,
 * fuzzy 0.2 for words over four letters, prefix on every word while typing, BM25 k = 2 (b and d
 * MiniSearch's own), OR. It beats the settings used until then (title ×2, tags ×3, fuzzy 0.2 over
 * three letters, prefix on the last word while typing) by 0.025 MRR and 0.020 nDCG@10 on the two
 * sets. The best by nDCG@10 is as good within 0.002 (weights fuzzy 0.7 and prefix 0.6, b 0.9, no
 * summary boost).
 */
export const miniSearchBest = (typing: boolean): SearchOptions => ({
  boost: { summary: 1.5, tags: 2, category: 2 },
  fuzzy: (term: string) => (term.length > 4 ? 0.2 : false),
  prefix: typing,
  combineWith: 'OR',
  // MiniSearch takes bm25 whole: k, b and d are all given.
  bm25: { k: 2, b: 0.7, d: 0.5 },
});

/** MiniSearch with the best settings above, on the same fields. */
export function miniSearchBestEngine(articles: Article[]): Engine {
  const ms = new MiniSearch({ fields: ['title', 'summary', 'body', 'tags', 'category'] });
  ms.addAll(articles.map(docOf));
  return (q, typing = false) => ms.search(q, miniSearchBest(typing)).slice(0, 10).map((r) => String(r.id));
}

/** What a plain "contains" filter does: the whole query as a substring, title hits first. */
export function substringEngine(articles: Article[]): Engine {
  return (q) => {
    const needle = q.toLowerCase().trim();
    if (!needle) return [];
    return articles
      .map((a) => {
        const title = a.title.toLowerCase().includes(needle) ? 2 : 0;
        const rest = [a.summary, a.body, a.tags.join(' '), a.category].join('\n').toLowerCase().includes(needle) ? 1 : 0;
        return { id: a.id, s: title + rest };
      })
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s)
      .slice(0, 10)
      .map((x) => x.id);
  };
}
