import type { Article, ArticleLine } from '../../../shared/schemas/knowledge';

/** A run of text, emphasised when it matched the query; rendered as React elements, never HTML. */
export interface TextPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  id: string;
  title: TextPart[];
  line: ArticleLine;
  category: string;
  updatedAt: number;
  snippet: TextPart[];
}

/** What the page asks of the search worker. */
export type ToSearchWorker =
  | { type: 'reset' }
  | { type: 'add'; articles: Article[] }
  | { type: 'apply'; upserts: Article[]; removed: string[] }
  | { type: 'search'; requestId: number; query: string; limit: number }
  | { type: 'recent'; requestId: number; limit: number };

/** What the search worker answers. */
export type FromSearchWorker =
  { type: 'hits'; requestId: number; hits: SearchHit[] } | { type: 'failed'; requestId: number | null; message: string };

/** The page's handle on the worker; the state layer drives it without knowing it is a worker. */
export interface KnowledgeIndex {
  reset(): void;
  add(articles: Article[]): void;
  apply(upserts: Article[], removed: string[]): void;
  search(query: string, limit: number): Promise<SearchHit[]>;
  recent(limit: number): Promise<SearchHit[]>;
}
