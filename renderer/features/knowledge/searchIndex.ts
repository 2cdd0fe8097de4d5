import type { FromSearchWorker, IngestSummary, KnowledgeIndex, Opened, SearchHit, ToSearchWorker } from './protocol';

type Answer = SearchHit[] | Opened | IngestSummary | string[];

interface Waiting {
  resolve(value: Answer): void;
  reject(error: Error): void;
}

/** Starts the search worker and turns its messages into promises. */
export function createSearchIndex(): KnowledgeIndex {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, Waiting>();
  let nextRequest = 1;

  const post = (message: ToSearchWorker) => worker.postMessage(message);

  worker.addEventListener('message', (event: MessageEvent<FromSearchWorker>) => {
    const message = event.data;
    const requestId = message.requestId;
    if (requestId === null) return;
    const request = waiting.get(requestId);
    if (!request) return;
    waiting.delete(requestId);
    if (message.type === 'hits') request.resolve(message.hits);
    else if (message.type === 'opened') request.resolve(message.opened);
    else if (message.type === 'ingested') request.resolve(message.summary);
    else if (message.type === 'categories') request.resolve(message.names);
    else request.reject(new Error(message.message));
  });
  worker.addEventListener('error', (event) => {
    for (const request of waiting.values()) request.reject(new Error(event.message || 'The search worker stopped.'));
    waiting.clear();
  });

  const ask = <T extends Answer>(build: (requestId: number) => ToSearchWorker) =>
    new Promise<T>((resolve, reject) => {
      const requestId = nextRequest++;
      waiting.set(requestId, { resolve: resolve as (v: Answer) => void, reject });
      post(build(requestId));
    });

  return {
    reset: () => post({ type: 'reset' }),
    open: (key, manifest) => ask<Opened>((requestId) => ({ type: 'open', requestId, key, manifest })),
    ingest: (frame, kind, cursor) => ask<IngestSummary>((requestId) => ({ type: 'ingest', requestId, frame, kind, cursor })),
    search: (query, limit, filters) => ask<SearchHit[]>((requestId) => ({ type: 'search', requestId, query, limit, filters })),
    categories: () => ask<string[]>((requestId) => ({ type: 'categories', requestId })),
    recent: (limit) => ask<SearchHit[]>((requestId) => ({ type: 'recent', requestId, limit })),
    suggest: (context, limit) => ask<SearchHit[]>((requestId) => ({ type: 'suggest', requestId, context, limit })),
  };
}
