import type { FromSearchWorker, KnowledgeIndex, SearchHit, ToSearchWorker } from './protocol';

interface Waiting {
  resolve(hits: SearchHit[]): void;
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
    else request.reject(new Error(message.message));
  });
  worker.addEventListener('error', (event) => {
    for (const request of waiting.values()) request.reject(new Error(event.message || 'The search worker stopped.'));
    waiting.clear();
  });

  const ask = (build: (requestId: number) => ToSearchWorker) =>
    new Promise<SearchHit[]>((resolve, reject) => {
      const requestId = nextRequest++;
      waiting.set(requestId, { resolve, reject });
      post(build(requestId));
    });

  return {
    reset: () => post({ type: 'reset' }),
    add: (articles) => post({ type: 'add', articles }),
    apply: (upserts, removed) => post({ type: 'apply', upserts, removed }),
    search: (query, limit) => ask((requestId) => ({ type: 'search', requestId, query, limit })),
    recent: (limit) => ask((requestId) => ({ type: 'recent', requestId, limit })),
  };
}
