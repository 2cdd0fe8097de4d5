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
 * MiniSearch's best settings we found, used by the relevance test and the speed benchmark alike: a
 * grid over field boosts (title 1–8, summary 1–3, tags 1–5), fuzzy 0–0.3 (all words or words over
 * three letters) and prefix (last word while typing, every word while typing, last word always),
 * scored on the frozen set (never the held-out one) on 5 December 2026. Best: title ×2, tags ×3,
 * summary and body ×1, fuzzy 0.2 for words over three letters, prefix on the last word while typing,
 * terms combined with OR.
 */
export const miniSearchBest = (typing: boolean): SearchOptions => ({
  boost: { title: 2, tags: 3 },
  fuzzy: (term: string) => (term.length > 3 ? 0.2 : false),
  prefix: typing ? (_term: string, i: number, terms: string[]) => i === terms.length - 1 : false,
  combineWith: 'OR',
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
