import type { PersistedIndex } from '../../../shared/search/knowledge-index';

/**
 * The search index kept between runs in IndexedDB, one record per signed-in person, tagged with
 * the knowledge cursor it was built at (the cache version), so a cold start imports instead of
 * re-indexing every article.
 */
const DB = 'rapport-search';
const STORE = 'indexes';
export const ENGINE_FORMAT = 2;

export interface SavedIndex {
  key: string;
  format: number;
  cursor: number;
  savedAt: number;
  index: PersistedIndex;
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
    const saved = (await run('readonly', (s) => s.get(key))) as SavedIndex | undefined;
    return saved && saved.format === ENGINE_FORMAT ? saved : null;
  } catch {
    return null; // a missing or broken store only means indexing from scratch
  }
}

export async function saveIndex(saved: SavedIndex): Promise<void> {
  await run('readwrite', (s) => s.put(saved));
}

export async function forgetIndex(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key)).catch(() => undefined);
}
