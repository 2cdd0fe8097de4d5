import type { Line } from '../../../shared/roles';
import type { ArticleLine } from '../../../shared/schemas/knowledge';

import type { TextPart } from '../../../shared/search/highlight';

export type { TextPart };

export interface SearchHit {
  id: string;
  title: TextPart[];
  line: ArticleLine;
  category: string;
  updatedAt: number;
  snippet: TextPart[];
}

/**
 * What is known about the call in progress, for "Suggested for this call". The worker (whatever
 * engine it runs) turns this into a query; see suggestQuery.ts for the current mapping.
 */
export interface CallContext {
  line: Line | null;
  /** The queue the call came through, as the PBX named it. */
  queue: string | null;
  /** The IVR's or bot's intent (IVR_INTENT), e.g. "funeralcare". */
  intent: string | null;
  bereaved: boolean;
  /** Recent case notes on the customer's card, newest first. */
  notes: string[];
}

/** What the page asks of the search worker. */
export type ToSearchWorker =
  | { type: 'reset' }
  | { type: 'open'; requestId: number; key: string; manifest: Manifest }
  /** A knowledge frame as it came from the core: parsed, checked and indexed here, not on the page. */
  | { type: 'ingest'; requestId: number; frame: string | object; kind: 'reply' | 'push'; cursor?: number }
  | { type: 'search'; requestId: number; query: string; limit: number; filters?: SearchFilters }
  | { type: 'categories'; requestId: number }
  | { type: 'recent'; requestId: number; limit: number }
  | { type: 'suggest'; requestId: number; context: CallContext; limit: number };

/** Narrowing by line of business (articles for all lines always stay in) and by category. */
export interface SearchFilters {
  line?: Line;
  category?: string;
}

/** What the desktop's cache holds: ids with the change each was last written at. */
export interface Manifest {
  cursor: number;
  ids: string[];
  seqs: number[];
}

/** `restored`: a saved index was imported; `need` lists the articles it lacks or holds stale. */
export interface Opened {
  restored: boolean;
  need: string[];
  count: number;
}

/** What a knowledge frame changed, told back to the page in a few bytes. */
export interface IngestSummary {
  ok: boolean;
  error?: { code: string; message: string };
  count: number;
  total: number | null;
  upserted: string[];
  removed: string[];
  cursor: number | null;
}

/** What the search worker answers. */
export type FromSearchWorker =
  | { type: 'hits'; requestId: number; hits: SearchHit[] }
  | { type: 'ingested'; requestId: number; summary: IngestSummary }
  | { type: 'categories'; requestId: number; names: string[] }
  | { type: 'opened'; requestId: number; opened: Opened }
  | { type: 'failed'; requestId: number | null; message: string };

/** The page's handle on the worker; the state layer drives it without knowing it is a worker. */
export interface KnowledgeIndex {
  reset(): void;
  /** Imports this person's saved index when there is one, and says what it still needs. */
  open(key: string, manifest: Manifest): Promise<Opened>;
  ingest(frame: string | object, kind: 'reply' | 'push', cursor?: number): Promise<IngestSummary>;
  search(query: string, limit: number, filters?: SearchFilters): Promise<SearchHit[]>;
  /** The categories of the articles held, for the filter. */
  categories(): Promise<string[]>;
  recent(limit: number): Promise<SearchHit[]>;
  /** Articles for the call in progress, without the advisor typing anything. */
  suggest(context: CallContext, limit: number): Promise<SearchHit[]>;
}
