import { KnowledgeCorpus } from './corpus';
import { readKnowledgeFrame } from './ingest';
import { ENGINE_FORMAT, loadIndex, saveIndex } from './persisted-index';
import type { FromSearchWorker, Manifest, Opened, ToSearchWorker } from './protocol';

/**
 * Our own worker rather than flexsearch's `worker: true`, which cannot find its script once
 * bundled. Indexing and searching here keep typing in the search box smooth, and the index is
 * saved here too, off the page's thread.
 */
interface WorkerScope {
  postMessage(message: FromSearchWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToSearchWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;
const corpus = new KnowledgeCorpus();
let key: string | null = null;
let cursor = 0;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
/** Opening is async (IndexedDB); messages that arrive meanwhile wait their turn. */
let queue: Promise<void> = Promise.resolve();

function scheduleSave(): void {
  if (!key) return;
  if (saveTimer) clearTimeout(saveTimer);
  const forKey = key;
  saveTimer = setTimeout(() => {
    saveTimer = null;
    if (key !== forKey) return;
    void saveIndex({ key: forKey, format: ENGINE_FORMAT, cursor, savedAt: Date.now(), index: corpus.export() }).catch(() => undefined);
  }, 3000);
}

async function open(newKey: string, manifest: Manifest): Promise<Opened> {
  key = newKey;
  corpus.reset();
  const saved = await loadIndex(newKey);
  if (!saved) {
    cursor = manifest.cursor;
    return { restored: false, need: [], count: 0 };
  }
  corpus.restore(saved.index);
  // The misspelling index is built while the advisor reads, not on their first typo.
  setTimeout(() => corpus.warm(), 1500);
  const wanted = new Set(manifest.ids);
  for (const id of corpus.ids()) if (!wanted.has(id)) corpus.remove(id);
  const need = manifest.ids.filter((id, i) => manifest.seqs[i]! > saved.cursor);
  cursor = manifest.cursor;
  if (need.length || saved.cursor !== manifest.cursor) scheduleSave();
  return { restored: true, need, count: corpus.size };
}

async function handle(message: ToSearchWorker): Promise<void> {
  switch (message.type) {
    case 'reset':
      key = null;
      corpus.reset();
      return;
    case 'open':
      scope.postMessage({ type: 'opened', requestId: message.requestId, opened: await open(message.key, message.manifest) });
      return;
    case 'ingest': {
      const read = readKnowledgeFrame(message.frame, message.kind);
      for (const id of read.removed) corpus.remove(id);
      for (const article of read.upserts) corpus.upsert(article);
      const at = read.cursor ?? message.cursor;
      if (at !== undefined && at !== null) cursor = Math.max(cursor, at);
      if (read.upserts.length || read.removed.length) scheduleSave();
      scope.postMessage({
        type: 'ingested',
        requestId: message.requestId,
        summary: {
          ok: read.ok,
          error: read.error,
          count: read.upserts.length,
          total: read.total,
          upserted: read.upserts.map((a) => a.id),
          removed: read.removed,
          cursor: read.cursor,
        },
      });
      return;
    }
    case 'search':
      scope.postMessage({ type: 'hits', requestId: message.requestId, hits: corpus.search(message.query, message.limit, message.filters) });
      return;
    case 'categories':
      scope.postMessage({ type: 'categories', requestId: message.requestId, names: corpus.categories() });
      return;
    case 'recent':
      scope.postMessage({ type: 'hits', requestId: message.requestId, hits: corpus.recent(message.limit) });
      return;
    case 'suggest':
      scope.postMessage({ type: 'hits', requestId: message.requestId, hits: corpus.suggest(message.context, message.limit) });
      return;
  }
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  queue = queue.then(() =>
    handle(message).catch((error: unknown) => {
      const requestId = 'requestId' in message ? message.requestId : null;
      scope.postMessage({ type: 'failed', requestId, message: error instanceof Error ? error.message : String(error) });
    }),
  );
});
