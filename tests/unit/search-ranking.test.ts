import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/schemas/knowledge';
import { termOf, words } from '../../shared/search/analyse';
import { KnowledgeIndex } from '../../shared/search/knowledge-index';
import { queryTerms, search, searchDetailed } from '../../shared/search/query';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `step${i % 97} guidance`).join(' ');

function article(id: string, title: string, body: string, extra: Partial<Article> = {}): Article {
  return { id, title, summary: '', body, line: 'all', category: 'General', tags: [], updatedAt: 1, publishedAt: 1, ...extra };
}

function indexOf(articles: Article[]): KnowledgeIndex {
  const index = new KnowledgeIndex();
  for (const a of articles) index.add(a);
  return index;
}

const ids = (index: KnowledgeIndex, q: string, prefix = false) => search(index, q, { prefix, limit: 10 }).map((r) => r.card.id);

describe('BM25F: fields scored apart, each against its own length', () => {
  const index = indexOf([
    // The right answer: the word in its title, a long body that explains it.
    article('long-answer', 'Repatriation when someone dies abroad', `${filler(600)} repatriation ${filler(600)}`),
    // A short article that only mentions the word in passing.
    article('short-mention', 'Opening times', 'Stores close early; see repatriation notes elsewhere.'),
    ...Array.from({ length: 20 }, (_, i) => article(`other-${i}`, `Other topic ${i}`, filler(50 + i))),
  ]);

  it('ranks the long article with the word in its title above a short one that mentions it', () => {
    expect(ids(index, 'repatriation')[0]).toBe('long-answer');
  });

  it('survives export and import with the same ranking and scores', () => {
    const copy = KnowledgeIndex.import(index.export());
    const before = search(index, 'repatriation guidance', { prefix: false });
    const after = search(copy, 'repatriation guidance', { prefix: false });
    expect(after.map((r) => r.card.id)).toEqual(before.map((r) => r.card.id));
    after.forEach((r, i) => expect(r.score).toBeCloseTo(before[i]!.score, 4));
  });

  it('takes the arrays of a save it owns as its own, and grows new ones when an article is added', () => {
    const saved = index.export();
    const lengths = Float32Array.from(saved.fieldLengths);
    const times = Float64Array.from(saved.updatedAt);
    const owned = KnowledgeIndex.import(saved, { owned: true });
    expect(ids(owned, 'repatriation guidance')).toEqual(ids(index, 'repatriation guidance'));
    owned.add(article('added', 'Repatriation of ashes by air', 'repatriation repatriation', { updatedAt: 99 }));
    owned.remove('short-mention');
    expect(ids(owned, 'repatriation')).toEqual(['added', 'long-answer']);
    expect(owned.averageLength(4)).not.toBe(index.averageLength(4));
    // What it was given was only read: the index it came from answers as before.
    expect(saved.fieldLengths).toEqual(lengths);
    expect(saved.updatedAt).toEqual(times);
    expect(ids(index, 'repatriation')).toEqual(['long-answer', 'short-mention']);
  });

  it('forgets a removed article in results and in the field lengths', () => {
    const copy = KnowledgeIndex.import(index.export());
    copy.remove('long-answer');
    expect(ids(copy, 'repatriation')).toEqual(['short-mention']);
    expect(copy.averageLength(4)).toBeLessThan(index.averageLength(4));
  });
});

describe('what is still being typed', () => {
  const index = indexOf([
    article('refund', 'Refunds to a card', 'refund card bank'),
    article('receipt', 'Refund without a receipt', 'refund receipt'),
    article('r-word', 'R', 'r r r r'),
  ]);

  it('waits for a one-letter last word rather than matching it as a whole word', () => {
    expect(queryTerms(index, 'refund r').map((t) => t.term)).toEqual([termOf('refund')]);
    expect(ids(index, 'refund r', true)).toEqual(ids(index, 'refund', false));
  });

  it('weights completions by how common they are, so a rare completion does not outrank the likely one', () => {
    const common = Array.from({ length: 12 }, (_, i) => article(`delivery-${i}`, `Delivery problem ${i}`, 'delivery late driver'));
    const idx = indexOf([...common, article('deceased', 'Deceased estates', 'deceased estate executor'), ...Array.from({ length: 30 }, (_, i) => article(`x${i}`, `Other ${i}`, 'nothing here'))]);
    const terms = queryTerms(idx, 'de', true);
    const weight = (w: string) => terms.find((t) => t.term === termOf(w))!.weight;
    expect(weight('delivery')).toBeGreaterThan(weight('deceased'));
    expect(ids(idx, 'de', true)[0]).toMatch(/^delivery-/);
  });
});

describe('words that mean something else', () => {
  it('keeps the pronoun "us" apart from use and used, and reads "US" as the country', () => {
    expect(termOf('us')).not.toBe(termOf('use'));
    expect(termOf('us')).not.toBe(termOf('used'));
    expect(words('Calls from the US and the U.S.A.')).toContain('usa');
    expect(words('Tell Us Once')).toEqual(['tell', 'us', 'once']);
    const index = indexOf([article('tuo', 'Recording a Tell Us Once reference', 'reference'), article('use-by', 'Use by dates', 'use by used')]);
    expect(ids(index, 'tell us once')).toEqual(['tuo']);
  });

  it('finds the service word for the caller\'s word, below what was typed', () => {
    const index = indexOf([article('erasure', 'Handling a request to delete personal data', 'delete erase'), article('wipes', 'Cleaning wipes', 'wipe')]);
    expect(ids(index, 'wipe my data')[0]).toBe('erasure');
    expect(ids(index, 'wipe')[0]).toBe('wipes');
  });

  it('does not take a short unknown word for its one-edit neighbours', () => {
    const index = indexOf([article('hide', 'Hide a customer record', 'hide hid'), article('here', 'Here to help', 'here')]);
    expect(ids(index, 'kilt hire')).toEqual([]);
  });

  it('corrects a misspelling that drops a letter, which changes how the word sounds', () => {
    const index = indexOf([article('support', 'Spotting a vulnerable customer', 'vulnerable needs'), article('other', 'Customer calls', 'customer')]);
    expect(ids(index, 'vunerable customer')[0]).toBe('support');
  });
});

describe('a word read several ways counts its best reading, not their sum', () => {
  const index = indexOf([
    // Three completions of "ca" in one article, one in the other; the same length, the same best.
    article('three-readings', 'Guidance one', `card call case ${filler(20)}`),
    article('one-reading', 'Guidance two', `card step0 step1 ${filler(20)}`),
    ...Array.from({ length: 30 }, (_, i) => article(`other-${i}`, `Other ${i}`, filler(10 + i))),
  ]);

  it('scores "ca" by the best completion each article holds', () => {
    const scores = Object.fromEntries(search(index, 'ca', { prefix: true, limit: 5 }).map((r) => [r.card.id, r.score]));
    expect(Object.keys(scores).sort()).toEqual(['one-reading', 'three-readings']);
    expect(scores['three-readings']).toBeCloseTo(scores['one-reading']!, 4);
  });

  it('still adds words of related meaning to the word typed', () => {
    const related = indexOf([
      article('both', 'Guidance', `grief bereaved ${filler(20)}`),
      article('one', 'Guidance', `grief step0 ${filler(20)}`),
      ...Array.from({ length: 30 }, (_, i) => article(`other-${i}`, `Other ${i}`, filler(10 + i))),
    ]);
    const terms = queryTerms(related, 'grief ', false);
    const scored = search(related, 'grief ', { prefix: false, limit: 5 });
    // Only meaningful if "grief" has a related word in the index (see related-words.ts).
    expect(terms.some((t) => t.related)).toBe(true);
    expect(scored[0]!.card.id).toBe('both');
    expect(scored[0]!.score).toBeGreaterThan(scored[1]!.score * 1.1);
  });
});

describe('recent answers', () => {
  it('a search asked again answers as the first time did, cards and all, until the index changes', () => {
    const index = indexOf([
      article('refund-card', 'Refund to a card', 'How to refund a card payment.'),
      article('refund-cheque', 'Refund by cheque', 'When a refund goes by cheque.'),
      article('parcel', 'Lost parcel', 'A parcel that never came.'),
    ]);
    const answer = (q: string) => searchDetailed(index, q, { limit: 10 }).results.map((r) => [r.card.id, r.doc, r.score]);
    const first = answer('refund ca');
    expect(first[0]![0]).toBe('refund-card');
    expect(first.map(([id]) => id)).not.toContain('refund-cash');
    expect(answer('refund ca')).toEqual(first);
    expect(answer('Refund   CA')).toEqual(first);
    index.add(article('refund-cash', 'Refund in cash', 'A refund paid in cash, card or cheque.'));
    expect(answer('refund ca').map(([id]) => id)).toContain('refund-cash');
  });
});
