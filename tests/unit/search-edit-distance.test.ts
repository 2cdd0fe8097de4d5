import { describe, expect, it } from 'vitest';
import { editDistance } from '../../shared/search/postings';

/** The textbook table, whole: Damerau–Levenshtein with adjacent transpositions counted once. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('edit distance for misspellings', () => {
  it.each([
    ['recieve', 'receive', 1],
    ['funral', 'funeral', 1],
    ['bereavment', 'bereavement', 1],
    ['vunerable', 'vulnerable', 1],
    ['bread', 'breed', 1],
    ['comunity', 'community', 1],
    ['teh', 'the', 1],
    ['abc', 'abc', 0],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b, 2)).toBe(d);
  });

  it('agrees with the whole table on 5,000 random pairs up to max, and says more than max beyond it', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const word = () => Array.from({ length: 1 + Math.floor(next() * 12) }, () => 'aeinrst'[Math.floor(next() * 7)]).join('');
    let within = 0;
    for (let n = 0; n < 5_000; n++) {
      const a = word();
      // Often a near miss of a: a letter changed, dropped, doubled or swapped.
      const b = next() < 0.7 ? a.replace(/(.)(.)/, next() < 0.5 ? '$2$1' : '$1') + (next() < 0.3 ? 'e' : '') : word();
      const max = 1 + Math.floor(next() * 2);
      const truth = reference(a, b);
      const found = editDistance(a, b, max);
      if (truth <= max) expect(found, `${a} ${b} max ${max}`).toBe(truth);
      else expect(found, `${a} ${b} max ${max}`).toBeGreaterThan(max);
      if (truth <= max) within++;
    }
    // The pairs must test both answers, not only "too far".
    expect(within).toBeGreaterThan(1_000);
  });

  it('takes words longer than its rows were made for', () => {
    const long = 'a'.repeat(100);
    expect(editDistance(long, `${long.slice(2)}bb`, 2)).toBe(2);
    expect(editDistance(long, `${long.slice(3)}bbb`, 2)).toBeGreaterThan(2);
    expect(editDistance('receive', 'recieve', 1)).toBe(1);
  });
});
