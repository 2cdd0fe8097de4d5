import { LatestSearch } from './latest-search';
import { KnowledgeCorpus } from './corpus';
import { openKnowledgeLink, openPortLink, type KnowledgeLink, type LinkFrame, type PortLink } from './knowledge-link';
import { DamagedSave } from '../../../shared/search/card-lines';
import { ENGINE_FORMAT, forgetIndex, loadIndex, saveIndex } from './persisted-index';
import type * as Ingest from './ingest';
import type { FromSearchWorker, IngestSummary, Manifest, Opened, Reconciled, ToSearchWorker } from './protocol';

/**
 * The search worker's engine (see search.worker.ts): indexing and searching here keep typing in
 * the search box smooth, and the index is saved here too, off the page's thread. In browser mode
 * the worker also has its own link to the core, so bulk knowledge frames are received and decoded
 * here rather than on the page.
 */
interface WorkerScope {
  postMessage(message: FromSearchWorker): void;
}
const scope = self as unknown as WorkerScope;
let corpus = new KnowledgeCorpus();
/** The last person's saved index, imported as soon as it is read, before the page asks to open it. */
let prepared: { key: string; ready: Promise<{ corpus: KnowledgeCorpus; cursor: number } | null> } | null = null;
/** Reading knowledge frames (with zod) is not needed to answer from a saved index: loaded after. */
let ingestCode: Promise<typeof Ingest> | null = null;
const ingestModule = () => (ingestCode ??= import('./ingest'));

function prepare(forKey: string): void {
  const ready = loadIndex(forKey).then((saved) => {
    if (!saved) return null;
    const restored = new KnowledgeCorpus();
    restored.restore(saved.index, saved.readWhole);
    // Loaded while the page is still starting up, so checking the saved index does not wait for it.
    void ingestModule();
    return { corpus: restored, cursor: saved.cursor };
  });
  prepared = { key: forKey, ready: ready.catch(() => null) };
}
let key: string | null = null;
let cursor = 0;
/** The cursor the opened saved index was built at; null when nothing was restored. */
let savedCursor: number | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
let link: KnowledgeLink | null = null;
/** Pushes from the link, held until the page applies them (it orders them after a load). */
const parked = new Map<number, LinkFrame>();
let nextParked = 1;
/** Opening is async (IndexedDB); messages that arrive meanwhile wait their turn. */
let queue: Promise<void> = Promise.resolve();
/**
 * The last opening (or reset) and the reads since: searches wait for these only, not for the check
 * against the cache or the changes it brings (reconcile, pull, ingest), which wait for them.
 */
let reads: Promise<void> = Promise.resolve();

function scheduleSave(): void {
  if (!key) return;
  if (saveTimer) clearTimeout(saveTimer);
  const forKey = key;
  saveTimer = setTimeout(() => {
    saveTimer = null;
    if (key !== forKey) return;
    if (prepared?.key === forKey) prepared = null;
    const saving = corpus;
    // What a cold start left in the save's files is read first: the save replaces those files.
    saving
      .whole()
      .then(() => {
        if (key !== forKey || corpus !== saving) return;
        return saveIndex({ key: forKey, format: ENGINE_FORMAT, cursor, savedAt: Date.now(), index: corpus.export() }).catch(() => undefined);
      })
      .catch((error: unknown) => corpus === saving && startAfresh(error));
  }, 3000);
}

/**
 * A save that will not read (a card damaged after its file was found whole, as the cards are parsed
 * only when first read, or a file replaced since it was opened): the save is dropped and the page
 * asked to load knowledge again, which now indexes every article afresh. Any other error is not
 * ours to handle.
 */
function startAfresh(error: unknown): void {
  if (!(error instanceof DamagedSave)) throw error;
  // Not from a save (any more): already started afresh.
  if (!key || savedCursor === null) return;
  const forKey = key;
  savedCursor = null;
  corpus.reset();
  queue = queue.then(() => forgetIndex(forKey)).then(() => scope.postMessage({ type: 'reload', requestId: null }));
}

/** Searches are answered from the saved index as soon as it is imported; the cache is checked after. */
async function open(newKey: string): Promise<Opened> {
  key = newKey;
  corpus.reset();
  if (prepared?.key !== newKey) prepare(newKey);
  const ready = prepared!.ready;
  prepared = null;
  const restored = await ready;
  if (!restored) {
    savedCursor = null;
    return { restored: false, count: 0 };
  }
  corpus = restored.corpus;
  savedCursor = restored.cursor;
  cursor = restored.cursor;
  // The misspelling index is built while the advisor reads, not on their first typo, and the
  // cards let go of their copies of repeated strings.
  const opened = corpus;
  setTimeout(() => {
    if (corpus !== opened) return; // replaced meanwhile: its own opening does this
    corpus.warm();
    // A damaged card found by an index since replaced is that index's loss alone.
    corpus.settle().catch((error: unknown) => corpus === opened && startAfresh(error));
  }, 1500);
  return { restored: true, count: corpus.size };
}

async function reconcile(given: Manifest | null, fetched: LinkFrame | null, { readManifestFrame }: typeof Ingest): Promise<Reconciled> {
  if (!given && !fetched) throw new Error('No knowledge list to check the saved index against.');
  const manifest = given ?? readManifestFrame(fetched!);
  cursor = manifest.cursor;
  if (savedCursor === null) return { need: [], removed: 0, count: manifest.ids.length, cursor };
  const wanted = new Set(manifest.ids);
  const gone = corpus.ids().filter((id) => !wanted.has(id));
  // Removing many may compact the index, which reads all of it.
  if (gone.length) await corpus.whole();
  for (const id of gone) corpus.remove(id);
  // Changed since the save, or missing from it (a save taken between two parts of one page).
  const since = savedCursor;
  const need = manifest.ids.filter((id, i) => manifest.seqs[i]! > since || !corpus.has(id));
  if (need.length || savedCursor !== manifest.cursor) scheduleSave();
  return { need, removed: gone.length, count: manifest.ids.length, cursor };
}

function ingest({ readKnowledgeFrame }: typeof Ingest, frame: string | object, kind: 'reply' | 'push', at?: number): IngestSummary {
  const read = readKnowledgeFrame(frame, kind);
  for (const id of read.removed) corpus.remove(id);
  for (const article of read.upserts) corpus.upsert(article);
  const moved = read.cursor ?? at;
  if (moved !== undefined && moved !== null) cursor = Math.max(cursor, moved);
  if (read.upserts.length || read.removed.length) scheduleSave();
  return {
    ok: read.ok,
    error: read.error,
    count: read.upserts.length,
    total: read.total,
    upserted: read.upserts.map((a) => a.id),
    removed: read.removed,
    cursor: read.cursor,
  };
}

const linkEvents = {
  onPush(frame: LinkFrame) {
    const n = nextParked++;
    parked.set(n, frame);
    scope.postMessage({ type: 'pushed', requestId: null, frame: { parked: n } });
  },
  onReopened: () => scope.postMessage({ type: 'relinked', requestId: null }),
};

/** Browser mode: the worker's own WebSocket to the core. */
function connect(url: string): void {
  link?.close();
  link = openKnowledgeLink(url, linkEvents);
}

/** Electron: a port from the window; a new one after the core restarts replaces it. */
let portLink: PortLink | null = null;
function attachPort(port: MessagePort): void {
  if (!portLink) {
    link?.close();
    portLink = openPortLink(linkEvents);
    link = portLink;
  }
  portLink.attach(port);
}

async function handle(message: ToSearchWorker, fetched: LinkFrame | null): Promise<void> {
  switch (message.type) {
    case 'reset':
      key = null;
      savedCursor = null;
      parked.clear();
      corpus.reset();
      return;
    case 'link':
      return connect(message.url);
    case 'link-port':
      return attachPort(message.port);
    case 'preload':
      // Sent by search.worker.ts for the index the worker is named after.
      if (!prepared) prepare(message.key);
      return;
    case 'open':
      scope.postMessage({ type: 'opened', requestId: message.requestId, opened: await open(message.key) });
      return;
    case 'reconcile':
      scope.postMessage({ type: 'reconciled', requestId: message.requestId, reconciled: await reconcile(message.manifest, fetched, await ingestModule()) });
      return;
    case 'pull':
      if (!fetched) throw new Error('The search worker has no link to Rapport.');
      await corpus.whole();
      scope.postMessage({ type: 'ingested', requestId: message.requestId, summary: ingest(await ingestModule(), fetched, 'reply', message.cursor) });
      return;
    case 'ingest':
      await corpus.whole();
      scope.postMessage({ type: 'ingested', requestId: message.requestId, summary: ingest(await ingestModule(), message.frame, message.kind, message.cursor) });
      return;
    case 'ingestParked': {
      const frame = parked.get(message.parked);
      parked.delete(message.parked);
      await corpus.whole();
      const code = await ingestModule();
      const summary = frame ? ingest(code, frame, 'push') : ingest(code, { push: 'knowledge.changed', data: { upserts: [], removed: [], cursor } }, 'push');
      scope.postMessage({ type: 'ingested', requestId: message.requestId, summary });
      return;
    }
    case 'search':
      if (!(await searches.stillWanted(message.requestId))) return skip(message.requestId);
      // A search reads only the postings and cards it shows, but with filters it reads a card for every match.
      if (message.filters?.line || message.filters?.category) await corpus.whole();
      scope.postMessage({ type: 'hits', requestId: message.requestId, hits: await corpus.searchSoon(message.query, message.limit, message.filters) });
      // The rest of a cold start's save is read once the answer is on screen; if it fails, whatever
      // needs it starts afresh (settling, at the latest).
      readRestSoon();
      return;
    case 'categories':
      await corpus.whole();
      scope.postMessage({ type: 'categories', requestId: message.requestId, names: corpus.categories() });
      return;
    case 'recent':
      // The list shown before anything is typed: moot once the advisor types (a cold start's first keystrokes).
      if (!(await searches.stillWanted(message.requestId))) return skip(message.requestId);
      scope.postMessage({ type: 'hits', requestId: message.requestId, hits: await corpus.searchSoon('', message.limit) });
      return;
    case 'suggest':
      await corpus.whole();
      scope.postMessage({ type: 'hits', requestId: message.requestId, hits: corpus.suggest(message.context, message.limit) });
      return;
  }
}

/**
 * After a cold start's first answer, the rest of the save (some 50 MiB at 50,000 articles) is read
 * and taken in a moment later: done at once, it took the worker's core for 150 ms or so while the
 * page laid out and painted that answer (a frame of 21-179 ms against 23-52 ms, 8 cold starts each).
 * Searches meanwhile read what they need from the files.
 */
const READ_REST_AFTER_MS = 1000;
let readingRest = false;
function readRestSoon(): void {
  if (readingRest) return;
  readingRest = true;
  const reading = corpus;
  setTimeout(() => {
    readingRest = false;
    if (corpus === reading) void reading.whole().catch(() => undefined);
  }, READ_REST_AFTER_MS);
}

/** A search (or the recent list) a newer one replaced before it ran: answered empty, and dropped by the page. */
function skip(requestId: number): void {
  scope.postMessage({ type: 'hits', requestId, hits: [], superseded: true });
}

function report(message: ToSearchWorker, error: unknown): void {
  const requestId = 'requestId' in message ? message.requestId : null;
  scope.postMessage({ type: 'failed', requestId, message: error instanceof Error ? error.message : String(error) });
}

/** What a message needs from the core, asked for at once: searches never queue behind the network. */
function fetchFor(message: ToSearchWorker): Promise<LinkFrame> | null {
  if (!link) return null;
  if (message.type === 'pull') return link.call(message.name, message.args);
  if (message.type === 'reconcile' && !message.manifest) return link.call('knowledge.manifest', {});
  return null;
}

const enqueue = (message: ToSearchWorker, fetched: LinkFrame | null) => {
  const run = () =>
    handle(message, fetched).catch((error: unknown) => {
      report(message, error);
      if (error instanceof DamagedSave) startAfresh(error);
    });
  // A search answers from the index as it stands: the saved one as soon as it is open, before the
  // check against the cache has loaded its code (zod) and run. Whatever is read stays correct if a
  // change lands between its steps: anything not fetched ahead is read when wanted.
  if (message.type === 'search' || message.type === 'recent') {
    reads = reads.then(run);
    return;
  }
  const ran = Promise.all([queue, reads]).then(run);
  queue = ran;
  if (message.type === 'open' || message.type === 'reset') reads = ran;
};

const searches = new LatestSearch();

/**
 * Takes the page's messages in the order they came. Reads of every card (the categories, a call's
 * suggestions) wait for the rest of a cold start's save before joining the queue, so that searches
 * typed meanwhile are not held up behind the read.
 */
export function receive(message: ToSearchWorker): void {
  if (message.type === 'categories' || message.type === 'suggest') {
    void corpus
      .whole()
      .catch(() => undefined) // met again, and handled, as the message itself is
      .then(() => enqueue(message, null));
    return;
  }
  if (message.type === 'search' || message.type === 'recent') searches.arrived(message.requestId);
  const fetching = fetchFor(message);
  if (!fetching) return enqueue(message, null);
  fetching.then(
    (frame) => enqueue(message, frame),
    (error: unknown) => report(message, error),
  );
}
