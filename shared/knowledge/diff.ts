/** A readable difference between two versions of an article: runs of text kept, added or removed. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Words, runs of spaces, line breaks and single punctuation marks: a change shows as whole words. */
export const diffTokens = (text: string): string[] => text.match(/\n|[^\S\n]+|[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}_'’-]/gu) ?? [];

/** Beyond this many edits a word diff stops being readable; the diff falls back to whole lines. */
const MAX_EDITS = 1000;

/**
 * Myers' O(ND) shortest edit script over tokens. Returns null when the edit distance passes
 * `maxEdits`, so a rewrite does not cost quadratic time and memory.
 */
function editScript(a: readonly string[], b: readonly string[], maxEdits: number): DiffPart[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, [...trace, next], offset);
    }
    v = next;
  }
  return null;
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[], offset: number): DiffPart[] {
  const out: DiffPart[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 2; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ kind: 'same', text: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === prevX) out.push({ kind: 'added', text: b[--y]! });
      else out.push({ kind: 'removed', text: a[--x]! });
    }
  }
  while (x > 0 && y > 0) {
    out.push({ kind: 'same', text: a[--x]! });
    y--;
  }
  return out.reverse();
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

const lines = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/** Word by word where that stays readable, line by line for a rewrite. */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const words = editScript(diffTokens(before), diffTokens(after), MAX_EDITS);
  if (words) return merge(words);
  const byLine = editScript(lines(before), lines(after), MAX_EDITS);
  return merge(byLine ?? [{ kind: 'removed', text: before }, { kind: 'added', text: after }]);
}

/** Rebuilds either side from a diff: what a test checks and what "show the old text" uses. */
export const sideOf = (parts: readonly DiffPart[], side: 'before' | 'after'): string =>
  parts.filter((p) => p.kind === 'same' || p.kind === (side === 'before' ? 'removed' : 'added')).map((p) => p.text).join('');
