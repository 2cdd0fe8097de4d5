import type { PersistedIndex, SavedUnits } from '../../../shared/search/knowledge-index';
import { SavedFile, type SyncReader } from './saved-file';

/**
 * The saved index's numbers (postings and lengths: nearly all of its size) as one file in the
 * origin's private file system: several times faster than the same arrays out of IndexedDB. A cold
 * start reads only the head of it (the lengths, where each term's postings and each card's line
 * start: about a megabyte at 50,000 articles) before its first answer; the postings, some 30 MiB,
 * are left in the file and read a list at a time as searches first want them, then whole in the
 * background. The file is written through a swap file that replaces it only once complete, so a
 * crash mid-save leaves the old one. Where there is no such file system, the numbers stay in
 * IndexedDB (persisted-index.ts).
 */
export type IndexNumbers = Pick<
  PersistedIndex,
  'fieldLengths' | 'updatedAt' | 'offsets' | 'postingGaps' | 'gapOffsets' | 'wideTerms' | 'postingTfs' | 'surfaceTerms'
>;

/** The numbers as a cold start opens them: the head in memory, the postings read from the file when wanted. */
export type OpenedNumbers = Omit<IndexNumbers, 'postingGaps' | 'postingTfs'> & {
  postingGaps: SavedUnits;
  postingTfs: SavedUnits;
  /** Where each line of the cards file starts, and one past the last (none when the cards are not in a file). */
  cardStarts: Uint32Array;
};

/** The head first (read whole at a cold start; the 64-bit floats first, on an 8-byte boundary), then the postings (left in the file). */
const LAYOUT = [
  ['updatedAt', Float64Array],
  ['fieldLengths', Float32Array],
  ['offsets', Uint32Array],
  ['gapOffsets', Uint32Array],
  ['wideTerms', Uint8Array],
  ['surfaceTerms', Uint32Array],
  ['cardStarts', Uint32Array],
  ['postingGaps', Uint16Array],
  ['postingTfs', Uint16Array],
] as const;
const HEAD = 7;
/** "RPIX" and this layout's version. */
const MAGIC = 0x52504958_02;
/** Magic, the save's time (to match its IndexedDB record) and each array's length, as 64-bit floats. */
const HEADER = 2 + LAYOUT.length;

/** One person's saved index's files: `.index` (the numbers), `.cards` (cards-file.ts). */
export const fileName = (key: string, kind: 'index' | 'cards' = 'index') => `knowledge-${encodeURIComponent(key)}.${kind}`;
const padding = (bytes: number) => (4 - (bytes % 4)) % 4;

export async function directory(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return typeof navigator.storage?.getDirectory === 'function' ? await navigator.storage.getDirectory() : null;
  } catch {
    return null; // not offered here (an old engine, or storage refused): IndexedDB keeps the numbers
  }
}

/** Read-only synchronous access, where offered (in a worker); null where not, or when the file is locked. */
async function syncReader(handle: FileSystemFileHandle): Promise<SyncReader | null> {
  const open = (handle as { createSyncAccessHandle?: (options: { mode: 'read-only' }) => Promise<SyncReader> }).createSyncAccessHandle;
  return typeof open === 'function' ? open.call(handle, { mode: 'read-only' }).catch(() => null) : null;
}

/** One of `key`'s files as it is now; null when there is none. */
export async function savedFile(key: string, kind: 'index' | 'cards'): Promise<SavedFile | null> {
  const dir = await directory();
  if (!dir) return null;
  try {
    const handle = await dir.getFileHandle(fileName(key, kind));
    const [file, sync] = await Promise.all([handle.getFile(), syncReader(handle)]);
    return new SavedFile(file, sync);
  } catch {
    return null;
  }
}

/**
 * Writes one of `key`'s files whole through `write` (the browser writes to a swap file and puts it
 * in place only on close); false when there is no private file system to write it to.
 */
export async function writeWhole(key: string, kind: 'index' | 'cards', write: (out: FileSystemWritableFileStream) => Promise<void>): Promise<boolean> {
  const dir = await directory();
  if (!dir) return false;
  const out = await (await dir.getFileHandle(fileName(key, kind), { create: true })).createWritable();
  try {
    await write(out);
    await out.close();
  } catch (error) {
    await out.abort().catch(() => undefined);
    throw error;
  }
  return true;
}

/** Writes the numbers, and where each line of the cards file starts; false when there is no private file system. */
export async function writeIndexNumbers(key: string, savedAt: number, numbers: IndexNumbers, cardStarts: Uint32Array): Promise<boolean> {
  const arrays = { ...numbers, cardStarts };
  const header = new Float64Array(HEADER);
  header[0] = MAGIC;
  header[1] = savedAt;
  LAYOUT.forEach(([name], i) => (header[2 + i] = arrays[name].length));
  return writeWhole(key, 'index', async (out) => {
    await out.write(header);
    for (const [name] of LAYOUT) {
      const array = arrays[name];
      await out.write(array as ArrayBufferView<ArrayBuffer>);
      const pad = padding(array.byteLength);
      if (pad) await out.write(new Uint8Array(pad));
    }
  });
}

/**
 * The numbers saved for `key`: the head read now, the postings left in the file; null when missing,
 * not ours or not exactly the size its header says (cut short, or more after).
 */
export async function readIndexNumbers(key: string): Promise<{ savedAt: number; numbers: OpenedNumbers; file: SavedFile } | null> {
  const file = await savedFile(key, 'index');
  if (!file || file.size < HEADER * 8) return null;
  const header = new Float64Array(await file.readAhead(0, HEADER * 8));
  if (header[0] !== MAGIC) return null;
  const starts: number[] = [];
  let end = HEADER * 8;
  for (const [i, [, Kind]] of LAYOUT.entries()) {
    const length = header[2 + i]!;
    if (!Number.isInteger(length) || length < 0) return null;
    starts.push(end);
    const bytes = length * Kind.BYTES_PER_ELEMENT;
    end += bytes + padding(bytes);
  }
  if (end !== file.size) return null;
  const head = await file.readAhead(0, starts[HEAD]!);
  const arrays: Partial<Record<string, unknown>> = {};
  for (const [i, [name, Kind]] of LAYOUT.slice(0, HEAD).entries()) arrays[name] = new Kind(head, starts[i]!, header[2 + i]!);
  const units = (at: number): SavedUnits => ({
    read(from, to) {
      const bytes = file.read(at + from * 2, at + to * 2);
      return new Uint16Array(bytes.buffer, bytes.byteOffset, to - from);
    },
    fetch: (stretches) => file.fetch(stretches.map(([from, to]) => [at + from * 2, at + to * 2] as const)),
  });
  arrays.postingGaps = units(starts[HEAD]!);
  arrays.postingTfs = units(starts[HEAD + 1]!);
  return { savedAt: header[1]!, numbers: arrays as OpenedNumbers, file };
}

export async function removeIndexNumbers(key: string): Promise<void> {
  const dir = await directory();
  await dir?.removeEntry(fileName(key)).catch(() => undefined);
}
