import { DamagedSave, type SavedText } from '../../../shared/search/card-lines';

/** FileReaderSync: offered in workers only, which is where a saved index is read. */
declare const FileReaderSync: new () => { readAsArrayBuffer(blob: Blob): ArrayBuffer };

const decoder = new TextDecoder();

/**
 * One of a saved index's files as a cold start reads it: stretches of it (the search worker's first
 * answers read only the postings and cards they show, a few hundred kilobytes of some 50 MiB),
 * fetched ahead all at once where the reader knows them, else read synchronously when wanted; then
 * the whole of it in the background, after which a stretch is a view on memory. The file is the one found at opening: if a save replaces it meanwhile, reading fails
 * with DamagedSave and the index is built again.
 */
export class SavedFile implements SavedText {
  private bytes: Uint8Array | null = null;
  private whole: Promise<void> | null = null;
  /** Stretches fetched ahead, by where they start, each handed out once. */
  private readonly ahead = new Map<number, Uint8Array>();

  constructor(private readonly file: File) {}

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
    if (typeof FileReaderSync === 'undefined') throw new DamagedSave('The saved index cannot be read a part at a time here.');
    try {
      return new Uint8Array(new FileReaderSync().readAsArrayBuffer(this.file.slice(from, to)));
    } catch (error) {
      throw new DamagedSave(`The saved index could not be read (${String(error)}).`);
    }
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
    if (this.bytes) return;
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
      },
      (error: unknown) => {
        throw new DamagedSave(`The saved index could not be read (${String(error)}).`);
      },
    );
    return this.whole;
  }
}
