import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/schemas/knowledge';
import { CardLines, DamagedSave, lineStarts, writeCardLines, type SavedText } from '../../shared/search/card-lines';
import { KnowledgeIndex, type ArticleCard, type PersistedIndex, type SavedUnits } from '../../shared/search/knowledge-index';
import { Postings } from '../../shared/search/postings';
import { search } from '../../shared/search/query';
import { indexOf, numberedArticle } from '../support/numbered-articles';

/** A cold start that leaves the postings and the cards in their files: what it reads, stretch by stretch. */

const article = (i: number): Article =>
  numberedArticle(i, {
    title: `Parcel ${i} ${i % 2 ? 'refund' : 'delivery'} “curly”`,
    summary: `Summary ${i} — ${i % 3 ? 'voucher' : 'flowers'}`,
    body: `Guidance for parcel ${i}. ${'word '.repeat(i % 7)}`,
  });

const built = (n = 60): KnowledgeIndex => indexOf(n, article);

/** A file in memory that counts its reads: the one at a time, and those fetched ahead. */
class FakeFile implements SavedText {
  reads: [number, number][] = [];
  fetched: [number, number][] = [];
  private readonly ahead = new Set<number>();
  constructor(readonly bytes: Uint8Array) {}
  read(from: number, to: number): Uint8Array {
    if (!this.ahead.delete(from)) this.reads.push([from, to]);
    return this.bytes.slice(from, to);
  }
  text(from: number, to: number): string {
    return new TextDecoder().decode(this.read(from, to));
  }
  fetch(stretches: readonly (readonly [number, number])[]): Promise<void> {
    for (const [from, to] of stretches) {
      this.fetched.push([from, to]);
      this.ahead.add(from);
    }
    return Promise.resolve();
  }
}

function unitsIn(array: Uint16Array): { units: SavedUnits; file: FakeFile } {
  const file = new FakeFile(new Uint8Array(array.buffer.slice(array.byteOffset, array.byteOffset + array.byteLength)));
  const units: SavedUnits = {
    read: (from, to) => new Uint16Array(file.read(from * 2, to * 2).buffer),
    fetch: (stretches) => file.fetch(stretches.map(([a, b]) => [a * 2, b * 2] as const)),
  };
  return { units, file };
}

function savedInFiles(index: KnowledgeIndex) {
  const before = structuredClone(index.export());
  const bytes = new TextEncoder().encode(writeCardLines(before.cards as ArticleCard[]));
  const cardsFile = new FakeFile(bytes);
  const gaps = unitsIn(before.postingGaps);
  const tfs = unitsIn(before.postingTfs);
  const parts = { ...before, cards: CardLines.ranges(lineStarts(bytes), cardsFile), postingGaps: gaps.units, postingTfs: tfs.units };
  return { before, parts, cardsFile, gapsFile: gaps.file, tfsFile: tfs.file };
}

describe('where each line of the cards file starts', () => {
  it('finds every line by its newline byte, multi-byte characters included', () => {
    const text = '["a"]\n{"t":"“é”"}\n{"t":"b"}\n';
    const bytes = new TextEncoder().encode(text);
    const starts = lineStarts(bytes);
    expect([...starts]).toEqual([0, 6, 6 + new TextEncoder().encode('{"t":"“é”"}\n').length, bytes.length]);
    expect([...lineStarts(new TextEncoder().encode(`head\n${text}`), 5)]).toEqual([...starts].map((s) => s + 5));
  });
});

describe('cards read a line at a time from their file', () => {
  it('reads only the lines of the cards wanted, and those fetched ahead not again', async () => {
    const { before, parts, cardsFile } = savedInFiles(built());
    const copy = KnowledgeIndex.import(parts);
    expect(cardsFile.reads).toEqual([]);
    expect(copy.card(7)).toEqual((before.cards as ArticleCard[])[7]);
    expect(cardsFile.reads).toHaveLength(1);
    await copy.cards.fetch([3, 7, 9]);
    expect(cardsFile.fetched).toHaveLength(2); // 7 was read already
    expect(copy.card(3)).toEqual((before.cards as ArticleCard[])[3]);
    expect(copy.card(9)).toEqual((before.cards as ArticleCard[])[9]);
    expect(cardsFile.reads).toHaveLength(1);
    expect(copy.ids()).toEqual((before.cards as ArticleCard[]).map((c) => c.id));
    expect(copy.allCards()).toEqual(before.cards);
  });

  it('fails with DamagedSave on a line that is not whole or not a card, when it is read', () => {
    const bytes = new TextEncoder().encode('["a0","a1"]\n{"id":"a0","title":"t","tags":[]}\n{"id": not json}\n');
    const lines = CardLines.ranges(lineStarts(bytes), new FakeFile(bytes));
    expect(lines.count).toBe(2);
    expect(lines.card(0).id).toBe('a0');
    expect(() => lines.card(1)).toThrow(new DamagedSave('Saved card 1 could not be read.'));
    const starts = lineStarts(bytes);
    starts[2] = starts[2]! - 1; // a line read without its newline
    expect(() => CardLines.ranges(starts, new FakeFile(bytes)).card(0)).toThrow(/Saved card 0 is not whole/);
  });
});

describe('postings left in the save’s file', () => {
  it('knows a list’s length unread, and reads it once when first wanted', () => {
    const reads: number[] = [];
    const source = { read: (slot: number): [Uint16Array, Uint16Array] => (reads.push(slot), [Uint16Array.of(3, 4), Uint16Array.of(1, 1)]) };
    const p = Postings.later(2, source, 5);
    expect(p.n).toBe(2);
    expect(p.loaded).toBe(false);
    expect([...p.documents()]).toEqual([3, 7]);
    expect([...p.tfs]).toEqual([1, 1]);
    expect(p.loaded).toBe(true);
    expect(reads).toEqual([5]);
    const short = { read: (): [Uint16Array, Uint16Array] => [Uint16Array.of(3), Uint16Array.of(1)] };
    expect(() => Postings.later(3, short, 0).gaps).toThrow(/read back 1 of 3/);
  });

  it('answers as the index did before saving, reading only the lists searched, fetched ahead all at once', async () => {
    const index = built();
    const { parts, gapsFile, tfsFile, cardsFile } = savedInFiles(index);
    const copy = KnowledgeIndex.import(parts);
    expect(gapsFile.reads).toEqual([]);
    await copy.fetchPostings(['parcel', 'refund', 'nosuchterm']);
    expect(gapsFile.fetched).toHaveLength(2);
    expect(tfsFile.fetched).toHaveLength(2);
    const shown = (ix: KnowledgeIndex, q: string) => search(ix, q, { limit: 5 }).map((r) => [r.card, r.score]);
    expect(shown(copy, 'parcel refund ')).toEqual(shown(index, 'parcel refund '));
    expect(gapsFile.reads).toEqual([]);
    expect(tfsFile.reads).toEqual([]);
    // A term not fetched ahead is read when wanted.
    expect(shown(copy, 'voucher ')).toEqual(shown(index, 'voucher '));
    expect(gapsFile.reads).toHaveLength(1);
    expect(cardsFile.reads.length).toBeLessThanOrEqual(10);
    await copy.fetchPostings(['parcel']);
    expect(gapsFile.fetched).toHaveLength(2); // read already: not again
  });

  it('exports after such an import what it exported before saving, and again once changed', () => {
    const index = built();
    const { before, parts } = savedInFiles(index);
    expect(KnowledgeIndex.import(parts).export()).toEqual(before);
    const copy = KnowledgeIndex.import(savedInFiles(index).parts);
    copy.add(article(60));
    copy.remove('a5');
    index.add(article(60));
    index.remove('a5');
    expect(copy.export()).toEqual(index.export());
  });
});

describe('the most recently changed articles', () => {
  it('are found without reading a card, newest first, ties in document order, removed ones left out', () => {
    const index = built();
    index.remove('a10');
    const byCards = (limit: number) =>
      index
        .allCards()
        .map((c, d) => ({ c, d }))
        .filter(({ c }) => c !== null)
        .sort((a, b) => b.c!.updatedAt - a.c!.updatedAt)
        .slice(0, limit)
        .map(({ d }) => d);
    for (const limit of [0, 1, 5, 30, 100]) expect(index.recentDocs(limit)).toEqual(byCards(limit));
    const { parts, cardsFile } = savedInFiles(built());
    const copy = KnowledgeIndex.import(parts);
    expect(copy.recentDocs(5)).toEqual(built().recentDocs(5));
    expect(cardsFile.reads).toEqual([]);
  });

  it('are saved with the index', () => {
    const saved: PersistedIndex = built(3).export();
    expect([...saved.updatedAt]).toEqual([1000, 1007, 1014]);
  });
});
