import type { Article } from '../../shared/schemas/knowledge';
import { loadSeedArticles } from '../../server/seed/content';

/** The demo knowledge base as a desktop would hold it. */
export function seedArticles(): Article[] {
  return loadSeedArticles().map((a, i) => ({
    id: a.id,
    title: a.title,
    summary: a.summary,
    body: a.body,
    line: a.line,
    category: a.category,
    tags: a.tags,
    updatedAt: 1_700_000_000_000 + i,
    publishedAt: 1_700_000_000_000,
  }));
}
