import type { PersistedIndex } from '../../../shared/search/knowledge-index';

/**
 * The search index kept between runs in IndexedDB, one record per signed-in person, tagged with
 * the knowledge cursor it was built at (the cache version), so a cold start imports instead of
 * re-indexing every article.
 */
const DB = 'rapport-search';
const STORE = 'indexes';
export const ENGINE_FORMAT = 7;

export interface SavedIndex {
  key: string;
  format: number;
  cursor: number;
  savedAt: number;
  index: PersistedIndex;
}

/**
 * As stored: IndexedDB's structured clone of 50,000 card objects and 100,000 little strings took
 * most of a cold start, so the strings travel as a few big ones (words are letters and digits
 * only, so a newline cannot occur in them) and the numbers as typed arrays, copied in one go.
 */
interface StoredIndex {
  key: string;
  format: number;
  cursor: number;
  savedAt: number;
  cards: string;
  terms: string;
  surfaceWords: string;
  fieldLengths: Float32Array;
  offsets: Uint32Array;
  postingGaps: Uint16Array;
  gapOffsets: Uint32Array;
  wideTerms: Uint8Array;
  postingTfs: Uint16Array;
  surfaceTerms: Uint32Array;
}

export function packIndex(saved: SavedIndex): StoredIndex {
  const { index } = saved;
  return {
    key: saved.key,
    format: saved.format,
    cursor: saved.cursor,
    savedAt: saved.savedAt,
    cards: JSON.stringify(index.cards),
    terms: index.terms.join('\n'),
    surfaceWords: index.surfaceWords.join('\n'),
    fieldLengths: index.fieldLengths,
    offsets: index.offsets,
    postingGaps: index.postingGaps,
    gapOffsets: index.gapOffsets,
    wideTerms: index.wideTerms,
    postingTfs: index.postingTfs,
    surfaceTerms: index.surfaceTerms,
  };
}

const lines = (s: string): string[] => (s ? s.split('\n') : []);

export function unpackIndex(stored: StoredIndex): SavedIndex {
  return {
    key: stored.key,
    format: stored.format,
    cursor: stored.cursor,
    savedAt: stored.savedAt,
    index: {
      format: 4,
      cards: JSON.parse(stored.cards) as PersistedIndex['cards'],
      fieldLengths: stored.fieldLengths,
      terms: lines(stored.terms),
      offsets: stored.offsets,
      postingGaps: stored.postingGaps,
      gapOffsets: stored.gapOffsets,
      wideTerms: stored.wideTerms,
      postingTfs: stored.postingTfs,
      surfaceWords: lines(stored.surfaceWords),
      surfaceTerms: stored.surfaceTerms,
    },
  };
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB would not open'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export async function loadIndex(key: string): Promise<SavedIndex | null> {
  try {
    const stored = (await run('readonly', (s) => s.get(key))) as StoredIndex | undefined;
    return stored && stored.format === ENGINE_FORMAT ? unpackIndex(stored) : null;
  } catch {
    return null; // a missing or broken store only means indexing from scratch
  }
}

export async function saveIndex(saved: SavedIndex): Promise<void> {
  const stored = packIndex(saved);
  await run('readwrite', (s) => s.put(stored));
}

export async function forgetIndex(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key)).catch(() => undefined);
}
