import type { ArticleLine } from '../schemas/knowledge';

/** What the index keeps of an article to show a result without asking the core. */
export interface ArticleCard {
  id: string;
  title: string;
  summary: string;
  line: ArticleLine;
  category: string;
  tags: string[];
  updatedAt: number;
}
