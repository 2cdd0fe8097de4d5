import { KnowledgeCorpus } from './corpus';
import type { FromSearchWorker, ToSearchWorker } from './protocol';

/**
 * Our own worker rather than flexsearch's `worker: true`, which cannot find its script once
 * bundled. Indexing thousands of articles here keeps typing in the search box smooth.
 */
interface WorkerScope {
  postMessage(message: FromSearchWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToSearchWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;
const corpus = new KnowledgeCorpus();

function handle(message: ToSearchWorker): void {
  switch (message.type) {
    case 'reset':
      corpus.reset();
      return;
    case 'add':
      for (const article of message.articles) corpus.upsert(article);
      return;
    case 'apply':
      for (const id of message.removed) corpus.remove(id);
      for (const article of message.upserts) corpus.upsert(article);
      return;
    case 'search':
      scope.postMessage({ type: 'hits', requestId: message.requestId, hits: corpus.search(message.query, message.limit) });
      return;
    case 'recent':
      scope.postMessage({ type: 'hits', requestId: message.requestId, hits: corpus.recent(message.limit) });
      return;
  }
}

scope.addEventListener('message', (event) => {
  try {
    handle(event.data);
  } catch (error) {
    const requestId = 'requestId' in event.data ? event.data.requestId : null;
    scope.postMessage({ type: 'failed', requestId, message: error instanceof Error ? error.message : String(error) });
  }
});
