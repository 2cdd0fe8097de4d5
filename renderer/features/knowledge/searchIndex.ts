import type { FromSearchWorker, IngestSummary, KnowledgeIndex, Opened, ParkedFrame, Reconciled, SearchHit, ToSearchWorker } from './protocol';
import { isParkedFrame } from './protocol';
import { rememberKey, startSearchWorker, takeEarlyWorker } from './early-worker';
import type { KnowledgeLinkTarget } from '../../platform/transport';

type Answer = SearchHit[] | Opened | Reconciled | IngestSummary | string[];
interface Waiting {
  resolve(value: Answer): void;
  reject(error: Error): void;
}

/**
 * Starts the search worker and turns its messages into promises. With a link (a WebSocket address
 * in browser mode, ports from the preload in Electron) the worker has its own connection for bulk
 * knowledge, so those frames never reach this thread.
 */
export function createSearchIndex(link: KnowledgeLinkTarget | null = null): KnowledgeIndex {
  // Started by the page's first module, already reading the saved index; else started now.
  const worker = takeEarlyWorker() ?? startSearchWorker();
  const waiting = new Map<number, Waiting>();
  const pushListeners = new Set<(frame: ParkedFrame) => void>();
  const relinkListeners = new Set<() => void>();
  let nextRequest = 1;

  const post = (message: ToSearchWorker) => worker.postMessage(message);
  if (link?.kind === 'socket') post({ type: 'link', url: link.url });
  if (link?.kind === 'port') link.onPort((port) => worker.postMessage({ type: 'link-port', port } satisfies ToSearchWorker, [port]));

  worker.addEventListener('message', (event: MessageEvent<FromSearchWorker>) => {
    const message = event.data;
    if (message.type === 'pushed') return pushListeners.forEach((cb) => cb(message.frame));
    // Either way, what the worker holds must be loaded again.
    if (message.type === 'relinked' || message.type === 'reload') return relinkListeners.forEach((cb) => cb());
    const requestId = message.requestId;
    if (requestId === null) return;
    const request = waiting.get(requestId);
    if (!request) return;
    waiting.delete(requestId);
    if (message.type === 'hits') request.resolve(message.hits);
    else if (message.type === 'opened') request.resolve(message.opened);
    else if (message.type === 'reconciled') request.resolve(message.reconciled);
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
    linked: link !== null,
    open: (key) => {
      rememberKey(key);
      return ask<Opened>((requestId) => ({ type: 'open', requestId, key }));
    },
    reconcile: (manifest) => ask<Reconciled>((requestId) => ({ type: 'reconcile', requestId, manifest })),
    pull: (request, cursor) => ask<IngestSummary>((requestId) => ({ type: 'pull', requestId, cursor, ...request })),
    ingest: (frame, kind, cursor) =>
      ask<IngestSummary>((requestId) =>
        isParkedFrame(frame) ? { type: 'ingestParked', requestId, parked: frame.parked } : { type: 'ingest', requestId, frame, kind, cursor },
      ),
    onPush: (cb) => void pushListeners.add(cb),
    onRelinked: (cb) => void relinkListeners.add(cb),
    search: (query, limit, filters) => ask<SearchHit[]>((requestId) => ({ type: 'search', requestId, query, limit, filters })),
    categories: () => ask<string[]>((requestId) => ({ type: 'categories', requestId })),
    recent: (limit) => ask<SearchHit[]>((requestId) => ({ type: 'recent', requestId, limit })),
    suggest: (context, limit) => ask<SearchHit[]>((requestId) => ({ type: 'suggest', requestId, context, limit })),
  };
}
