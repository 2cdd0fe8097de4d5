import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffText, sideOf } from '../../shared/knowledge/diff';

describe('the version diff', () => {
  it('shows a changed word as one word removed and one added, the rest kept', () => {
    const parts = diffText('Refund the delivery charge within 5 days.', 'Refund the delivery charge within 3 days.');
    expect(parts).toEqual([
      { kind: 'same', text: 'Refund the delivery charge within ' },
      { kind: 'removed', text: '5' },
      { kind: 'added', text: '3' },
      { kind: 'same', text: ' days.' },
    ]);
  });

  it('handles empty sides and identical text', () => {
    expect(diffText('', 'New text')).toEqual([{ kind: 'added', text: 'New text' }]);
    expect(diffText('Old text', '')).toEqual([{ kind: 'removed', text: 'Old text' }]);
    expect(diffText('Same', 'Same')).toEqual([{ kind: 'same', text: 'Same' }]);
  });

  it('falls back to whole lines for a rewrite, still rebuilding both sides', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `line ${i} alpha beta gamma\n`).join('');
    const after = Array.from({ length: 3000 }, (_, i) => (i % 8 === 0 ? `row ${i * 7} delta epsilon zeta eta\n` : `line ${i} alpha beta gamma\n`)).join('');
    const parts = diffText(before, after);
    const changed = parts.filter((p) => p.kind !== 'same');
    expect(changed.length).toBeGreaterThan(100);
    expect(changed.every((p) => p.text.endsWith('\n'))).toBe(true); // whole lines, not words
    expect(parts.some((p) => p.kind === 'same')).toBe(true);
    expect(sideOf(parts, 'before')).toBe(before);
    expect(sideOf(parts, 'after')).toBe(after);
  });

  it('always rebuilds both versions exactly (any text)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        const parts = diffText(a, b);
        return sideOf(parts, 'before') === a && sideOf(parts, 'after') === b;
      }),
      { numRuns: 300 },
    );
  });
});
