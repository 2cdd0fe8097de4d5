import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/schemas/knowledge';
import { CardLines, DamagedSave, writeCardLines } from '../../shared/search/card-lines';
import { KnowledgeIndex, type ArticleCard, type PersistedIndex } from '../../shared/search/knowledge-index';
import { search } from '../../shared/search/query';
import { indexOf, numberedArticle } from '../support/numbered-articles';

const article = (i: number): Article =>
  numberedArticle(i, {
    title: `Parcel ${i} ${i % 2 ? 'refund' : 'delivery'} "quoted"\nand a newline`,
    summary: `Summary ${i} — with “curly” quotes`,
    body: `Guidance for parcel ${i}.`,
  });

const built = (n = 50): KnowledgeIndex => indexOf(n, article);

/** A save as the browser reads it back: the cards as their text. */
function savedAsText(index: KnowledgeIndex): { before: PersistedIndex; text: PersistedIndex } {
  const before = structuredClone(index.export());
  return { before, text: { ...before, cards: writeCardLines(before.cards as ArticleCard[]) } };
}

describe('the saved cards, one JSON card a line', () => {
  it('writes one line of ids, then one line a card, each ending in a newline', () => {
    const cards = built(3).export().cards as ArticleCard[];
    const text = writeCardLines(cards);
    const lines = text.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual(['a0', 'a1', 'a2']);
    expect(lines.slice(1, 4).map((l) => JSON.parse(l) as unknown)).toEqual(cards);
  });

  it('parses no card on import, and a card read is the card saved', () => {
    const { before, text } = savedAsText(built());
    const copy = KnowledgeIndex.import(text);
    expect(copy.size).toBe(50);
    expect(copy.cards.allRead).toBe(false);
    // Finding an article's document, and listing ids, need no card read.
    expect(copy.has('a7')).toBe(true);
    expect(copy.ids()).toEqual((before.cards as ArticleCard[]).map((c) => c.id));
    expect(copy.card(7)).toEqual((before.cards as ArticleCard[])[7]);
    expect(copy.cards.allRead).toBe(false);
    expect(copy.allCards()).toEqual(before.cards);
    expect(copy.cards.allRead).toBe(true);
  });

  it('answers a search reading only the cards it shows, as the index did before saving', () => {
    const index = built();
    const { text } = savedAsText(index);
    const copy = KnowledgeIndex.import(text);
    const shown = (ix: KnowledgeIndex, line?: 'funeralcare') => search(ix, 'parcel refund', { limit: 5, line }).map((r) => [r.card, r.score]);
    expect(shown(copy)).toEqual(shown(index));
    expect(shown(copy, 'funeralcare')).toEqual(shown(index, 'funeralcare'));
    expect(copy.cards.allRead).toBe(false);
  });

  it('keeps removed cards null, unread or read, and leaves them out of the export', () => {
    const { before, text } = savedAsText(built());
    const copy = KnowledgeIndex.import(text);
    expect(copy.remove('a3')).toBe(true);
    copy.card(4);
    expect(copy.remove('a4')).toBe(true);
    expect(copy.card(3)).toBeNull();
    expect(copy.card(4)).toBeNull();
    copy.shareStrings(0, copy.cards.length);
    expect(copy.card(3)).toBeNull();
    expect(copy.size).toBe(48);
    expect(copy.has('a3')).toBe(false);
    expect(copy.ids()).not.toContain('a4');
    const ids = (copy.export().cards as ArticleCard[]).map((c) => c.id);
    expect(ids).toEqual((before.cards as ArticleCard[]).map((c) => c.id).filter((id) => id !== 'a3' && id !== 'a4'));
  });

  it('exports after a lazy import what it exported before saving, and again once changed', () => {
    const index = built();
    const { before, text } = savedAsText(index);
    expect(KnowledgeIndex.import(text).export()).toEqual(before);
    const copy = KnowledgeIndex.import(text);
    copy.add(article(50));
    index.add(article(50));
    expect(copy.export()).toEqual(index.export());
  });

  it('finds a card file cut short, or with more or other lines than cards, before anything is read', () => {
    const { text } = savedAsText(built(3));
    const lines = text.cards as string;
    const docs = 3;
    for (const bad of [lines.slice(0, lines.length - 1), lines.slice(0, lines.length / 2), '\u0000'.repeat(10), '', `${lines}{"id":"x"}\n`, lines.replace('\n{', '\n[')]) {
      expect(() => CardLines.frame(bad, docs)).toThrow(DamagedSave);
      expect(() => KnowledgeIndex.import({ ...text, cards: bad })).toThrow(DamagedSave);
    }
    expect(() => CardLines.frame(lines, docs + 1)).toThrow(/stop after 3 of 4/);
  });

  it('fails clearly on a whole-looking line that is not a card, when that card is read', () => {
    const { text } = savedAsText(built(3));
    const lines = (text.cards as string).split('\n');
    lines[2] = '{"id": broken}';
    const copy = KnowledgeIndex.import({ ...text, cards: lines.join('\n') });
    expect(copy.card(0)!.id).toBe('a0');
    expect(() => copy.card(1)).toThrow(new DamagedSave('Saved card 1 could not be read.'));
    expect(() => copy.allCards()).toThrow(new DamagedSave('Saved card 1 could not be read.'));
    lines[2] = '{"id":"a1","title":"t","tags":[]},{"id":"a9","title":"t","tags":[]}';
    expect(() => KnowledgeIndex.import({ ...text, cards: lines.join('\n') }).allCards()).toThrow(/Saved card 1 could not be read/);
    lines[2] = '{"title":"no id"}';
    expect(() => KnowledgeIndex.import({ ...text, cards: lines.join('\n') }).card(1)).toThrow(/Saved card 1 is not a card/);
    const ids = (text.cards as string).replace(/^\[[^\n]*\]/, '["a0"]');
    expect(() => KnowledgeIndex.import({ ...text, cards: ids }).has('a0')).toThrow(/ids do not match/);
  });
});
