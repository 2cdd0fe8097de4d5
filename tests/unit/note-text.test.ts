import { describe, expect, it } from 'vitest';
import { articleLink, fillTemplate, firstPlaceholder, insertAt, noteSegments } from '../../renderer/features/cases/noteText';

describe('note templates and article links', () => {
  it('fills what is known and leaves the rest to type over, first placeholder found', () => {
    const body = 'Bereavement notified by {caller}. Reference: {reference}. Case {case}.';
    const filled = fillTemplate(body, { reference: 'TUO-123456', case: 'RP-100001', customer: null });
    expect(filled).toBe('Bereavement notified by {caller}. Reference: TUO-123456. Case RP-100001.');
    const at = firstPlaceholder(filled)!;
    expect(filled.slice(at.start, at.end)).toBe('{caller}');
    expect(firstPlaceholder(filled, at.end)).toBeNull();
    expect(fillTemplate('Ref {Reference}', {})).toBe('Ref {Reference}');
  });

  it('inserts at the caret with a space when needed', () => {
    expect(insertAt('Rang back', 9, 'See [A](kb:a)')).toEqual({ text: 'Rang back See [A](kb:a)', caret: 23 });
    expect(insertAt('', 0, 'x')).toEqual({ text: 'x', caret: 1 });
    expect(insertAt('line\n', 5, 'x').text).toBe('line\nx');
  });

  it('writes an article link as plain text and reads it back, titles with brackets included', () => {
    const link = articleLink('mouldy-bread', 'Mouldy bread [2026] (stores)');
    expect(link).toBe('[Mouldy bread 2026 stores](kb:mouldy-bread)');
    expect(noteSegments(`Advised per ${link}, refund given.`)).toEqual([
      { kind: 'text', text: 'Advised per ' },
      { kind: 'article', articleId: 'mouldy-bread', title: 'Mouldy bread 2026 stores' },
      { kind: 'text', text: ', refund given.' },
    ]);
    expect(noteSegments('[not a link](https://example.com)')).toEqual([{ kind: 'text', text: '[not a link](https://example.com)' }]);
  });
});

describe('due dates in dd/mm/yyyy', () => {
  it('reads a UK date and a 24-hour time, and refuses what does not exist', async () => {
    const { parseDue, ukDate } = await import('../../renderer/features/cases/dueDate');
    const parsed = parseDue('24/12/2026', '14:30');
    expect(parsed.ok && new Date(parsed.at).toISOString()).toBe(new Date(2026, 11, 24, 14, 30).toISOString());
    expect(parsed.ok && ukDate(parsed.at)).toBe('24/12/2026');
    expect(parseDue('31/02/2026', '09:00').ok).toBe(false);
    expect(parseDue('12/24/2026', '09:00').ok).toBe(false);
    expect(parseDue('2026-12-24', '09:00').ok).toBe(false);
    expect(parseDue('01/03/2027', '25:00').ok).toBe(false);
    const morning = parseDue('1/3/2027', '');
    expect(morning.ok && new Date(morning.at).getHours()).toBe(9);
  });
});
