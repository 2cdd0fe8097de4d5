import { describe, expect, it } from 'vitest';
import { termOf } from '../../shared/search/analyse';
import { stemmer } from 'stemmer';
import { relatedWords } from '../../shared/search/related-words';

/** Each pair's two words become one term, whichever is typed. */
const foldAlike = (pairs: [string, string][]) => {
  for (const [one, other] of pairs) expect(termOf(one), one).toBe(termOf(other));
};

describe('American spellings fold alike in every form', () => {
  it('folds a word, its plural and its past tense to one term, whichever spelling is typed', () => {
    foldAlike([
      ['color', 'colour'],
      ['colors', 'colours'],
      ['colored', 'coloured'],
      ['centers', 'centres'],
      ['catalogs', 'catalogue'],
    ]);
  });

  it('folds the stem too, so forms the spelling list does not name still meet the word it does', () => {
    const listed = termOf('color');
    for (const form of ['colors', 'coloring', 'colorful']) expect(termOf(form).startsWith(listed.slice(0, 4)), form).toBe(true);
    expect(termOf('favors')).toBe(termOf('favour'));
  });
});

describe('American words and spellings beyond the short list', () => {
  it('folds -or words to -our in their inflected forms, but not where British keeps -or', () => {
    foldAlike([
      ['neighborhood', 'neighbourhood'],
      ['rumors', 'rumours'],
      ['flavored', 'flavoured'],
      ['parlor', 'parlour'],
      ['odorless', 'odourless'],
      ['savory', 'savoury'],
    ]);
    // British writes these without the u: folding them would make words that exist nowhere.
    for (const word of ['honorary', 'laborious', 'doctor', 'error', 'condor']) expect(termOf(word), word).not.toContain('our');
    // Those whose stem is the -or word meet it, in either spelling: humorous is about humour.
    expect(termOf('humorous')).toBe(termOf('humour'));
  });

  it('doubles the l of dialled, totalled and the like, and folds ae, oe and other spellings', () => {
    foldAlike([
      ['dialed', 'dialled'],
      ['dialing', 'dialling'],
      ['totaled', 'totalled'],
      ['cancelation', 'cancellation'],
      ['celiac', 'coeliac'],
      ['yogurts', 'yoghurt'],
      ['pediatric', 'paediatric'],
      ['enrollment', 'enrolment'],
      ['licenses', 'licences'],
    ]);
  });

  it('reads American words as the British word for the same thing', () => {
    foldAlike([
      ['diapers', 'nappies'],
      ['cremains', 'ashes'],
      ['911', '999'],
      ['expiration', 'expiry'],
      ['flashlight', 'torch'],
      ['apartments', 'flat'],
    ]);
  });

  it('keeps words with a British meaning of their own as they are (the British word is only added, at half weight)', () => {
    for (const word of ['check', 'cart', 'casket', 'attorney', 'register']) expect(termOf(word), word).toBe(stemmer(word));
    expect(relatedWords('casket')).toContain('coffin');
    expect(relatedWords('check')).toEqual([]);
  });
});

describe('irregular verbs', () => {
  it('reads a past form as its verb, so "forgot password" meets an article on forgotten passwords', () => {
    foldAlike([
      ['forgot', 'forget'],
      ['forgotten', 'forget'],
      ['froze', 'freeze'],
      ['stolen', 'steal'],
      ['swore', 'swear'],
      ['rang', 'ring'],
      ['bought', 'buy'],
    ]);
  });

  it('keeps forms the articles use as words of their own (lost property, left luggage)', () => {
    for (const [form, verb] of [
      ['lost', 'lose'],
      ['left', 'leave'],
      ['paid', 'pay'],
      ['found', 'find'],
    ])
      expect(termOf(form!), form).not.toBe(termOf(verb!));
  });
});
