import { writeCardLines } from '../../../shared/search/card-lines';
import type { PersistedIndex, SavedParts } from '../../../shared/search/knowledge-index';
import { cardsFile, openIndexCards, removeIndexCards, writeIndexCards } from './cards-file';
import { releaseSavedFiles } from './saved-file';
import { readIndexNumbers, removeIndexNumbers, writeIndexNumbers, type IndexNumbers, type OpenedNumbers } from './index-file';

/**
 * The search index kept between runs in IndexedDB, one record per signed-in person, tagged with
 * the knowledge cursor it was built at (the cache version), so a cold start imports instead of
 * re-indexing every article.
 */
const DB = 'rapport-search';
const STORE = 'indexes';
/** Raised whenever a save would read differently: its layout, or how text becomes terms (10: the American words and irregular verbs). */
export const ENGINE_FORMAT = 10;

export interface SavedIndex {
  key: string;
  format: number;
  cursor: number;
  savedAt: number;
  index: PersistedIndex;
}

/**
 * A save as a cold start opens it: its files' postings and cards are read as searches want them,
 * and `readWhole` reads the rest of the files in the background (it rejects with DamagedSave if
 * they can no longer be read).
 */
export interface LoadedIndex extends Omit<SavedIndex, 'index'> {
  index: SavedParts;
  readWhole(): Promise<void>;
}

/**
 * As stored: IndexedDB's structured clone of 50,000 card objects and 100,000 little strings took
 * most of a cold start, so the strings travel as a few big ones (words are letters and digits
 * only, so a newline cannot occur in them) and the numbers as typed arrays, copied in one go.
 * The cards are a record of their own, as text of one JSON card a line (card-lines.ts), parsed a
 * card at a time as they are read after the import. The numbers go to a file of their own where
 * the browser offers one (index-file.ts), and then the cards too (cards-file.ts); the record says
 * so and holds neither, and a cold start reads of those files only what its first answers need.
 */
interface StoredIndex {
  key: string;
  format: number;
  cursor: number;
  savedAt: number;
  terms: string;
  surfaceWords: string;
  numbersInFile?: true;
  cardsInFile?: true;
  fieldLengths: Float32Array;
  updatedAt: Float64Array;
  offsets: Uint32Array;
  postingGaps: Uint16Array;
  gapOffsets: Uint32Array;
  wideTerms: Uint8Array;
  postingTfs: Uint16Array;
  surfaceTerms: Uint32Array;
}

interface StoredCards {
  key: string;
  savedAt: number;
  /** One JSON card a line (card-lines.ts). */
  cards: string;
}

const cardsKey = (key: string) => `${key}\u0000cards`;

/** The cards as saved text (card-lines.ts); as read back, they are that text already. */
export const cardsText = (cards: PersistedIndex['cards']): string => (typeof cards === 'string' ? cards : writeCardLines(cards));

export function packCards(saved: SavedIndex, text = cardsText(saved.index.cards)): StoredCards {
  return { key: cardsKey(saved.key), savedAt: saved.savedAt, cards: text };
}

export function packIndex(saved: SavedIndex): StoredIndex {
  const { index } = saved;
  return {
    key: saved.key,
    format: saved.format,
    cursor: saved.cursor,
    savedAt: saved.savedAt,
    terms: index.terms.join('\n'),
    surfaceWords: index.surfaceWords.join('\n'),
    fieldLengths: index.fieldLengths,
    updatedAt: index.updatedAt,
    offsets: index.offsets,
    postingGaps: index.postingGaps,
    gapOffsets: index.gapOffsets,
    wideTerms: index.wideTerms,
    postingTfs: index.postingTfs,
    surfaceTerms: index.surfaceTerms,
  };
}

const lines = (s: string): string[] => (s ? s.split('\n') : []);

export function unpackIndex(
  stored: StoredIndex,
  cards: SavedParts['cards'],
  numbers: IndexNumbers | OpenedNumbers = stored,
): Omit<SavedIndex, 'index'> & { index: SavedParts } {
  return {
    key: stored.key,
    format: stored.format,
    cursor: stored.cursor,
    savedAt: stored.savedAt,
    index: {
      format: 4,
      cards,
      fieldLengths: numbers.fieldLengths,
      updatedAt: numbers.updatedAt,
      terms: lines(stored.terms),
      offsets: numbers.offsets,
      postingGaps: numbers.postingGaps,
      gapOffsets: numbers.gapOffsets,
      wideTerms: numbers.wideTerms,
      postingTfs: numbers.postingTfs,
      surfaceWords: lines(stored.surfaceWords),
      surfaceTerms: numbers.surfaceTerms,
    },
  };
}

/**
 * The database, with its store. A database of this name without the store (made by another
 * script, or left by an interrupted upgrade) would fail every save for good: it is upgraded once
 * more, to a version that makes the store.
 */
function open(version?: number): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const req = version === undefined ? indexedDB.open(DB) : indexedDB.open(DB, version);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB would not open'));
  }).then((db) => {
    if (db.objectStoreNames.contains(STORE)) return db;
    const next = db.version + 1;
    db.close();
    if (version !== undefined) throw new Error('IndexedDB would not make the saved index store');
    return open(next);
  });
}

/** Runs `work` in one transaction of the store; resolves once it has committed. */
async function run(mode: IDBTransactionMode, work: (store: IDBObjectStore) => void): Promise<void> {
  const db = await open();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** One record of the store, or undefined. */
async function readOne<T>(id: string): Promise<T | undefined> {
  let found: T | undefined;
  await run('readonly', (s) => {
    const reading = s.get(id);
    reading.onsuccess = () => (found = reading.result as T | undefined);
  });
  return found;
}

/** The cards kept in IndexedDB (where there was no file for them), as their text. */
async function cardsRecord(key: string): Promise<{ savedAt: number; cards: string } | null> {
  const found = await readOne<StoredCards>(cardsKey(key));
  return found && typeof found.cards === 'string' ? { savedAt: found.savedAt, cards: found.cards } : null;
}

export async function loadIndex(key: string): Promise<LoadedIndex | null> {
  // The numbers file's head is read while IndexedDB reads the record.
  const numbersFile = readIndexNumbers(key).catch(() => null);
  const cardsFile = openIndexCards(key);
  try {
    const stored = await readOne<StoredIndex>(key);
    if (!stored || stored.format !== ENGINE_FORMAT) return null;
    if (!stored.numbersInFile) {
      const read = await cardsRecord(key);
      return read && read.savedAt === stored.savedAt ? { ...unpackIndex(stored, read.cards), readWhole: () => Promise.resolve() } : null;
    }
    const numbers = await numbersFile;
    if (!numbers || numbers.savedAt !== stored.savedAt) return null;
    const cards = stored.cardsInFile ? inFile(await cardsFile, numbers.numbers.cardStarts) : await cardsRecord(key);
    if (!cards || cards.savedAt !== stored.savedAt) return null;
    const files = 'file' in cards ? [numbers.file, cards.file] : [numbers.file];
    return {
      ...unpackIndex(stored, cards.cards, numbers.numbers),
      readWhole: async () => void (await Promise.all(files.map((f) => f.readWhole()))),
    };
  } catch {
    return null; // a missing or broken store only means indexing from scratch
  }
}

/** The cards of an opened cards file, read a line at a time where `starts` says; null when it does not fit them. */
function inFile(opened: Awaited<ReturnType<typeof openIndexCards>>, starts: Uint32Array) {
  const cards = opened?.lines(starts);
  return opened && cards ? { savedAt: opened.savedAt, cards, file: opened.file } : null;
}

export async function saveIndex(saved: SavedIndex): Promise<void> {
  releaseSavedFiles();
  const packed = packIndex(saved);
  const cards = cardsText(saved.index.cards);
  const file = cardsFile(saved.savedAt, cards);
  const inFile = await writeIndexNumbers(saved.key, saved.savedAt, packed, file.starts).catch(() => false);
  const cardsInFile = inFile && (await writeIndexCards(saved.key, file.bytes).catch(() => false));
  // The record is written last: it names the save the files must match.
  const stored = inFile ? { ...withoutNumbers(packed), numbersInFile: true as const, ...(cardsInFile ? { cardsInFile: true as const } : {}) } : packed;
  await run('readwrite', (s) => {
    s.put(stored);
    if (cardsInFile) s.delete(cardsKey(saved.key));
    else s.put(packCards(saved, cards));
  });
}

function withoutNumbers(stored: StoredIndex): Omit<StoredIndex, keyof IndexNumbers> {
  const { key, format, cursor, savedAt, terms, surfaceWords } = stored;
  return { key, format, cursor, savedAt, terms, surfaceWords };
}

export async function forgetIndex(key: string): Promise<void> {
  releaseSavedFiles();
  await run('readwrite', (s) => {
    s.delete(key);
    s.delete(cardsKey(key));
  }).catch(() => undefined);
  await removeIndexNumbers(key);
  await removeIndexCards(key);
}
