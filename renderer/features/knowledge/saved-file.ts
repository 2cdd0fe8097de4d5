import { DamagedSave, type SavedText } from '../../../shared/search/card-lines';

/** FileReaderSync: offered in workers only, which is where a saved index is read. */
declare const FileReaderSync: new () => { readAsArrayBuffer(blob: Blob): ArrayBuffer };

const decoder = new TextDecoder();

/**
 * A read-only synchronous access handle on the file (workers only): a read is a plain read of the
 * file, where a `File.slice` is a round trip to the browser's process (some 1-2 ms each on two busy
 * cores: a first answer's 30 cards took 50-100 ms that way).
 */
export interface SyncReader {
  read(into: Uint8Array, options: { at: number }): number;
  close(): void;
}

/** Files holding a synchronous reader: a save or a removal of the same files must not find them locked. */
const holding = new Set<SavedFile>();

/** Lets go of every saved file's synchronous reader (their reads go through `File.slice` after). */
export function releaseSavedFiles(): void {
  for (const file of holding) file.release();
}

/**
 * One of a saved index's files as a cold start reads it: stretches of it (the search worker's first
 * answers read only the postings and cards they show, a few hundred kilobytes of some 50 MiB),
 * read synchronously when wanted through a read-only access handle where the worker has one, else
 * fetched ahead all at once where the reader knows them (or read with FileReaderSync); then the
 * whole of it in the background, after which a stretch is a view on memory and the handle is let
 * go. The file is the one found at opening: if a save replaces it meanwhile, reading fails with
 * DamagedSave and the index is built again.
 */
export class SavedFile implements SavedText {
  private bytes: Uint8Array | null = null;
  private whole: Promise<void> | null = null;
  /** Stretches fetched ahead, by where they start, each handed out once. */
  private readonly ahead = new Map<number, Uint8Array>();

  constructor(
    private readonly file: File,
    private sync: SyncReader | null = null,
  ) {
    if (sync) holding.add(this);
  }

  get size(): number {
    return this.file.size;
  }

  /** Bytes `from` up to `to`. */
  read(from: number, to: number): Uint8Array {
    if (this.bytes) return this.bytes.subarray(from, to);
    const fetched = this.ahead.get(from);
    if (fetched?.length === to - from) {
      this.ahead.delete(from);
      return fetched;
    }
    if (this.sync) return this.readNow(from, to);
    if (typeof FileReaderSync === 'undefined') throw new DamagedSave('The saved index cannot be read a part at a time here.');
    try {
      return new Uint8Array(new FileReaderSync().readAsArrayBuffer(this.file.slice(from, to)));
    } catch (error) {
      throw new DamagedSave(`The saved index could not be read (${String(error)}).`);
    }
  }

  private readNow(from: number, to: number): Uint8Array {
    const bytes = new Uint8Array(to - from);
    let read: number;
    try {
      read = this.sync!.read(bytes, { at: from });
    } catch (error) {
      throw new DamagedSave(`The saved index could not be read (${String(error)}).`);
    }
    if (read !== bytes.length) throw new DamagedSave('The saved index is shorter than it says.');
    return bytes;
  }

  /** Closes the synchronous reader, if any. */
  release(): void {
    this.sync?.close();
    this.sync = null;
    holding.delete(this);
  }

  /** Bytes `from` up to `to` as UTF-8 text. */
  text(from: number, to: number): string {
    return decoder.decode(this.read(from, to));
  }

  /** Bytes `from` up to `to`, read without blocking (before the index is imported). */
  async readAhead(from: number, to: number): Promise<ArrayBuffer> {
    return this.file.slice(from, to).arrayBuffer();
  }

  /** Reads these stretches all at once (the browser reads them side by side), for `read` to find. */
  async fetch(stretches: readonly (readonly [from: number, to: number])[]): Promise<void> {
    // In memory, or read when wanted without a round trip.
    if (this.bytes || this.sync) return;
    try {
      await Promise.all(stretches.map(async ([from, to]) => this.ahead.set(from, new Uint8Array(await this.readAhead(from, to)))));
    } catch (error) {
      throw new DamagedSave(`The saved index could not be read (${String(error)}).`);
    }
  }

  /** Reads the whole file, once; every stretch is read from memory after. */
  readWhole(): Promise<void> {
    this.whole ??= this.file.arrayBuffer().then(
      (buffer) => {
        this.bytes = new Uint8Array(buffer);
        this.ahead.clear();
        this.release();
      },
      (error: unknown) => {
        throw new DamagedSave(`The saved index could not be read (${String(error)}).`);
      },
    );
    return this.whole;
  }
}
