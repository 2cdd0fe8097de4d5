import type { PersistedIndex } from '../../../shared/search/knowledge-index';

/**
 * The saved index's numbers (postings and lengths: nearly all of its size) as one file in the
 * origin's private file system, read whole in one go: at 50,000 articles that is several times
 * faster than the same arrays out of IndexedDB, which is most of a cold start. The file is written
 * through a swap file that replaces it only once complete, so a crash mid-save leaves the old one.
 * Where there is no such file system, the numbers stay in IndexedDB (persisted-index.ts).
 */
export type IndexNumbers = Pick<
  PersistedIndex,
  'fieldLengths' | 'offsets' | 'postingGaps' | 'gapOffsets' | 'wideTerms' | 'postingTfs' | 'surfaceTerms'
>;

const LAYOUT = [
  ['fieldLengths', Float32Array],
  ['offsets', Uint32Array],
  ['postingGaps', Uint16Array],
  ['gapOffsets', Uint32Array],
  ['wideTerms', Uint8Array],
  ['postingTfs', Uint16Array],
  ['surfaceTerms', Uint32Array],
] as const;
/** "RPIX" and this layout's version. */
const MAGIC = 0x52504958_01;
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

/** Writes the numbers; false when there is no private file system to write them to. */
export async function writeIndexNumbers(key: string, savedAt: number, numbers: IndexNumbers): Promise<boolean> {
  const header = new Float64Array(HEADER);
  header[0] = MAGIC;
  header[1] = savedAt;
  LAYOUT.forEach(([name], i) => (header[2 + i] = numbers[name].length));
  return writeWhole(key, 'index', async (out) => {
    await out.write(header);
    for (const [name] of LAYOUT) {
      const array = numbers[name];
      await out.write(array as ArrayBufferView<ArrayBuffer>);
      const pad = padding(array.byteLength);
      if (pad) await out.write(new Uint8Array(pad));
    }
  });
}

/** The numbers saved for `key` at `savedAt`, as views on one buffer; null when missing, stale or not whole. */
export async function readIndexNumbers(key: string): Promise<{ savedAt: number; numbers: IndexNumbers } | null> {
  const dir = await directory();
  if (!dir) return null;
  let buffer: ArrayBuffer;
  try {
    buffer = await (await (await dir.getFileHandle(fileName(key))).getFile()).arrayBuffer();
  } catch {
    return null;
  }
  if (buffer.byteLength < HEADER * 8) return null;
  const header = new Float64Array(buffer, 0, HEADER);
  if (header[0] !== MAGIC) return null;
  let at = HEADER * 8;
  const numbers: Partial<Record<keyof IndexNumbers, unknown>> = {};
  for (const [i, [name, Kind]] of LAYOUT.entries()) {
    const length = header[2 + i]!;
    const bytes = length * Kind.BYTES_PER_ELEMENT;
    if (!Number.isInteger(length) || at + bytes > buffer.byteLength) return null;
    numbers[name] = new Kind(buffer, at, length);
    at += bytes + padding(bytes);
  }
  return { savedAt: header[1]!, numbers: numbers as IndexNumbers };
}

export async function removeIndexNumbers(key: string): Promise<void> {
  const dir = await directory();
  await dir?.removeEntry(fileName(key)).catch(() => undefined);
}
