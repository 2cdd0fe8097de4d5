import { describe, expect, it } from 'vitest';
import { termOf } from '../../shared/search/analyse';

describe('American spellings fold alike in every form', () => {
  it('folds a word, its plural and its past tense to one term, whichever spelling is typed', () => {
    for (const [american, british] of [['color', 'colour'], ['colors', 'colours'], ['colored', 'coloured'], ['centers', 'centres'], ['catalogs', 'catalogue']]) {
      expect(termOf(american!), american).toBe(termOf(british!));
    }
  });

  it('folds the stem too, so forms the spelling list does not name still meet the word it does', () => {
    const listed = termOf('color');
    for (const form of ['colors', 'coloring', 'colorful']) expect(termOf(form).startsWith(listed.slice(0, 4)), form).toBe(true);
    expect(termOf('favors')).toBe(termOf('favour'));
  });
});
