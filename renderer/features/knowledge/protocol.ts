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

/** A `knowledge.changed` push the worker received on its own link and holds until the page says so. */
export interface ParkedFrame {
  parked: number;
}

export function isParkedFrame(frame: unknown): frame is ParkedFrame {
  return typeof frame === 'object' && frame !== null && typeof (frame as { parked?: unknown }).parked === 'number';
}

export type PullRequest = { name: 'knowledge.page'; args: { offset: number; limit: number } } | { name: 'knowledge.byIds'; args: { ids: string[] } };

/** What the page asks of the search worker. */
export type ToSearchWorker =
  | { type: 'reset' }
  /** Browser mode: the worker's own connection to the core for bulk knowledge. */
  | { type: 'link'; url: string }
  /** Electron: the worker's own port to the core for bulk knowledge (transferred with the message). */
  | { type: 'link-port'; port: MessagePort }
  /** Start reading and importing this person's saved index now, before anyone has asked to open it (sent by the worker's own entry for the index it is named after). */
  | { type: 'preload'; key: string }
  | { type: 'open'; requestId: number; key: string }
  /** `manifest: null` asks the worker to fetch it over its link. */
  | { type: 'reconcile'; requestId: number; manifest: Manifest | null }
  | ({ type: 'pull'; requestId: number; cursor?: number } & PullRequest)
  /** A knowledge frame as it came from the core: parsed, checked and indexed here, not on the page. */
  | { type: 'ingest'; requestId: number; frame: string | object; kind: 'reply' | 'push'; cursor?: number }
  | { type: 'ingestParked'; requestId: number; parked: number }
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

/** `restored`: a saved index was imported (and can answer searches at once). */
export interface Opened {
  restored: boolean;
  count: number;
}

/** Against the desktop's cache: `need` lists the articles the index lacks or holds stale. */
export interface Reconciled {
  need: string[];
  /** How many articles the saved index held that the cache no longer does (dropped from the index). */
  removed: number;
  /** Articles in the desktop's cache, and the cache's knowledge cursor. */
  count: number;
  cursor: number;
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
  /** `superseded`: a newer search arrived before this one ran, so it was skipped (no hits). */
  | { type: 'hits'; requestId: number; hits: SearchHit[]; superseded?: true }
  | { type: 'ingested'; requestId: number; summary: IngestSummary }
  | { type: 'categories'; requestId: number; names: string[] }
  | { type: 'opened'; requestId: number; opened: Opened }
  | { type: 'reconciled'; requestId: number; reconciled: Reconciled }
  /** Unasked: a push arrived on the worker's link; the page decides when it is applied. */
  | { type: 'pushed'; requestId: null; frame: ParkedFrame }
  /** Unasked: the worker's link came back after a drop; pushes sent meanwhile were lost. */
  | { type: 'relinked'; requestId: null }
  /** Unasked: a saved card could not be read, so the saved index was dropped; load knowledge again. */
  | { type: 'reload'; requestId: null }
  | { type: 'failed'; requestId: number | null; message: string };

/** The page's handle on the worker; the state layer drives it without knowing it is a worker. */
export interface KnowledgeIndex {
  reset(): void;
  /** True when the worker has its own link to the core: bulk frames then never reach the page. */
  readonly linked: boolean;
  /** Imports this person's saved index when there is one; searches are answered from then on. */
  open(key: string): Promise<Opened>;
  /** Drops what the cache no longer holds and says what is missing; null: the worker asks the core. */
  reconcile(manifest: Manifest | null): Promise<Reconciled>;
  /** Asks the core over the worker's link and indexes the reply (only when `linked`). */
  pull(request: PullRequest, cursor?: number): Promise<IngestSummary>;
  ingest(frame: string | object, kind: 'reply' | 'push', cursor?: number): Promise<IngestSummary>;
  /** Pushes the worker received on its link, and its link coming back after a drop (or a damaged save dropped). */
  onPush(cb: (frame: ParkedFrame) => void): void;
  onRelinked(cb: () => void): void;
  search(query: string, limit: number, filters?: SearchFilters): Promise<SearchHit[]>;
  /** The categories of the articles held, for the filter. */
  categories(): Promise<string[]>;
  recent(limit: number): Promise<SearchHit[]>;
  /** Articles for the call in progress, without the advisor typing anything. */
  suggest(context: CallContext, limit: number): Promise<SearchHit[]>;
}
