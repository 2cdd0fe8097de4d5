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
