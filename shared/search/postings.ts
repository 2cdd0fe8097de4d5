/** The largest gap a narrow list holds; a list with a larger gap between two documents widens. */
const NARROW_GAP = 0xffff;

/** Where lists still only in a save's file are read from (saved-lists.ts). */
export interface ListSource {
  read(slot: number): [Uint16Array | Int32Array, Uint16Array];
}

/**
 * One term's postings: document numbers, ascending, kept as the gaps between them, and packed
 * per-field counts. Gaps fit in 16 bits for all but the rarest terms, so a posting usually takes
 * 4 bytes rather than 6; a list whose gap does not fit is kept in 32 bits ("wide"). Read in order
 * only: `d += gaps[i]`.
 */
export class Postings {
  n = 0;
  private g: Uint16Array | Int32Array;
  private t: Uint16Array;
  /** The save a list is left in until first read (`later`); null once in memory. */
  private source: ListSource | null = null;
  /** The list's place in that save (its term's number there). */
  slot = -1;
  /** The last document number, worked out on the first push after an import (-1 until then). */
  private last = -1;

  constructor(capacity = 4) {
    this.g = new Uint16Array(capacity);
    this.t = new Uint16Array(capacity);
  }

  static from(gaps: Uint16Array | Int32Array, tfs: Uint16Array): Postings {
    const p = new Postings(0);
    p.g = gaps;
    p.t = tfs;
    p.n = tfs.length;
    return p;
  }

  /**
   * A saved list of `n` postings whose gaps and counts `read` gives when first wanted: a cold start
   * reads from the saved file only the lists its first searches read, and knows each list's length
   * (what choosing and weighing terms needs) without reading it.
   */
  static later(n: number, source: ListSource, slot: number): Postings {
    const p = new Postings(0);
    p.n = n;
    p.source = source;
    p.slot = slot;
    return p;
  }

  /** False while the list is still only in its saved file. */
  get loaded(): boolean {
    return this.source === null;
  }

  get gaps(): Uint16Array | Int32Array {
    if (this.source) this.load();
    return this.g;
  }

  get tfs(): Uint16Array {
    if (this.source) this.load();
    return this.t;
  }

  /** Reads a saved list into memory now, if it is not already. */
  load(): void {
    if (!this.source) return;
    const [gaps, tfs] = this.source.read(this.slot);
    if (tfs.length !== this.n || gaps.length !== this.n) throw new Error(`a saved postings list read back ${tfs.length} of ${this.n}`);
    this.g = gaps;
    this.t = tfs;
    this.source = null;
  }

  get wide(): boolean {
    return this.gaps instanceof Int32Array;
  }

  /** Each document number in order. */
  documents(): Int32Array {
    const out = new Int32Array(this.n);
    const gaps = this.gaps;
    let d = 0;
    for (let i = 0; i < this.n; i++) out[i] = d += gaps[i]!;
    return out;
  }

  /** Drops unused capacity (a list grows by half again), unless it is only a few postings. */
  trim(): void {
    if (this.gaps.length - this.n <= 4) return;
    this.g = this.g.slice(0, this.n);
    this.t = this.t.slice(0, this.n);
  }

  /** Adds a document numbered above every one already listed. */
  push(doc: number, tf: number): void {
    if (this.last < 0 && this.n > 0) this.last = this.documents()[this.n - 1]!;
    const gap = this.n === 0 ? doc : doc - this.last;
    if (gap > NARROW_GAP && !this.wide) this.g = Int32Array.from(this.g);
    if (this.n === this.tfs.length) this.grow(Math.max(4, Math.ceil(this.n * 1.5)));
    this.g[this.n] = gap;
    this.t[this.n] = tf;
    this.last = doc;
    this.n++;
  }

  private grow(capacity: number): void {
    const gaps = this.wide ? new Int32Array(capacity) : new Uint16Array(capacity);
    gaps.set(this.g.subarray(0, this.n));
    const tfs = new Uint16Array(capacity);
    tfs.set(this.t.subarray(0, this.n));
    this.g = gaps;
    this.t = tfs;
  }
}

/** Three rows of the distance table, reused: a misspelling is checked against thousands of words, and a table made for each was most of the time it took. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/** Damerau–Levenshtein distance (adjacent transpositions counted once), stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  if (rows[0].length < cols) rows = [new Int32Array(cols), new Int32Array(cols), new Int32Array(cols)];
  // The row before last, the last, and the one being filled: row i of the table, for a's first i letters.
  let [before, last, row] = rows;
  for (let j = 0; j < cols; j++) last[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = Infinity;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(last[j]! + 1, row[j - 1]! + 1, last[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, before[j - 2]! + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const done = before;
    before = last;
    last = row;
    row = done;
  }
  return last[b.length]!;
}
