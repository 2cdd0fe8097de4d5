/** One term's postings: internal document numbers and packed per-field counts, growable. */
export class Postings {
  docs: Int32Array;
  tfs: Uint16Array;
  n = 0;
  constructor(capacity = 4) {
    this.docs = new Int32Array(capacity);
    this.tfs = new Uint16Array(capacity);
  }

  static from(docs: Int32Array, tfs: Uint16Array): Postings {
    const p = new Postings(0);
    p.docs = docs;
    p.tfs = tfs;
    p.n = docs.length;
    return p;
  }

  /** Drops unused capacity (a list grows by doubling). */
  trim(): void {
    if (this.docs.length - this.n <= 4 || this.docs.length === this.n) return;
    this.docs = this.docs.slice(0, this.n);
    this.tfs = this.tfs.slice(0, this.n);
  }

  push(doc: number, tf: number): void {
    if (this.n === this.docs.length) {
      const cap = Math.max(4, this.n * 2);
      const docs = new Int32Array(cap);
      docs.set(this.docs);
      const tfs = new Uint16Array(cap);
      tfs.set(this.tfs);
      this.docs = docs;
      this.tfs = tfs;
    }
    this.docs[this.n] = doc;
    this.tfs[this.n] = tf;
    this.n++;
  }
}

/** Damerau–Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const r = new Array<number>(cols).fill(0);
    r[0] = i;
    return r;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}
