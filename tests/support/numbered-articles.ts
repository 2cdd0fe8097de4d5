import type { Article } from '../../shared/schemas/knowledge';
import { KnowledgeIndex } from '../../shared/search/knowledge-index';

/** Article `i` of a test index, with its own words; line, category, tags and time of change vary with `i`. */
export const numberedArticle = (i: number, words: Pick<Article, 'title' | 'summary' | 'body'>): Article => ({
  id: `a${i}`,
  ...words,
  line: i % 3 ? 'all' : 'funeralcare',
  category: i % 2 ? 'Refunds' : 'Delivery',
  tags: i % 2 ? ['refund', 'parcel'] : [],
  updatedAt: 1000 + ((i * 7) % 50),
  publishedAt: 1000,
});

/** An index of articles 0 to n - 1. */
export function indexOf(n: number, article: (i: number) => Article): KnowledgeIndex {
  const index = new KnowledgeIndex();
  for (let i = 0; i < n; i++) index.add(article(i));
  return index;
}
