import { describe, expect, it } from 'vitest';
import { highlight, matcherOf, snippet } from '../../shared/search/highlight';
import type { QueryTerm } from '../../shared/search/query';

const exact = (term: string, typed = term): QueryTerm => ({ term, weight: 1, typed, prefix: false });
const marked = (text: string, terms: QueryTerm[]) =>
  highlight(text, terms)
    .filter((p) => p.match)
    .map((p) => p.text);

describe('highlighting a result', () => {
  it('marks a word in any of its forms, as the index folds it', () => {
    expect(marked('Refunds for a refunded parcel', [exact('refund')])).toEqual(['Refunds', 'refunded']);
  });

  it('marks the word still being typed as a prefix', () => {
    expect(marked('Cancel a card payment', [{ term: 'cancel', weight: 0.6, typed: 'ca', prefix: true }])).toEqual(['Cancel', 'card']);
  });

  it('folds accents and apostrophes as the index does, and keeps the country apart from "us"', () => {
    expect(marked('Café opening times', [exact('cafe')])).toEqual(['Café']);
    expect(marked("The customer's parcel", [exact('custom')])).toEqual(["customer's"]);
    expect(marked('Orders to the US; contact us', [exact('usa', 'usa')])).toEqual(['US']);
  });

  it('gives the same parts from a matcher made once as from the terms', () => {
    const terms = [exact('funer'), { term: 'plan', weight: 0.6, typed: 'pl', prefix: true }];
    const text = 'Funeral plans: what a pre-paid plan covers, and planning ahead.';
    expect(highlight(text, matcherOf(terms))).toEqual(highlight(text, terms));
    expect(snippet(text, matcherOf(terms), 30)).toEqual(snippet(text, terms, 30));
  });
});

/** The plain statement of what highlighting does: every word (letters, digits, apostrophes) judged, runs merged. */
function reference(text: string, matches: (word: string) => boolean) {
  const parts: { text: string; match: boolean }[] = [];
  const push = (chunk: string, match: boolean) => {
    if (!chunk) return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += chunk;
    else parts.push({ text: chunk, match });
  };
  let at = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    push(text.slice(at, m.index), false);
    push(m[0], matches(m[0]));
    at = m.index + m[0].length;
  }
  push(text.slice(at), false);
  return parts;
}

describe('highlighting, cut into runs', () => {
  const terms = [exact('refund'), exact('cafe'), exact('usa', 'usa'), { term: 'plan', weight: 0.6, typed: 'pl', prefix: true }];
  const texts = [
    'Refund',
    '  refund  ',
    'Refund refunds, refunded: plan planned PLANS.',
    'Café’s refund — naïve Ωmega 東京 plan 𝒜refund 😀 plan',
    "O'Neil's plan isn't a refund's refund'",
    'Orders to the US; contact us about the USA plan',
    '\ud800refund lone \udc00 surrogates plan',
    '123 plan456 4111 refund',
    '...!!!',
    'plan',
  ];
  it.each(texts)('gives the same parts as judging every word: %s', (text) => {
    const judge = matcherOf(terms);
    expect(highlight(text, matcherOf(terms))).toEqual(reference(text, judge));
  });

});
