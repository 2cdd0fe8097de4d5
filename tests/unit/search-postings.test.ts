import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../../shared/schemas/knowledge';
import { reaches } from '../../shared/search/score-arithmetic';
import { writeCardLines } from '../../shared/search/card-lines';
import { KnowledgeIndex, type ArticleCard } from '../../shared/search/knowledge-index';
import { Postings } from '../../shared/search/postings';
import { search } from '../../shared/search/query';
import { Accumulator } from '../../shared/search/accumulate';
import { MAX_DOCS, countListed } from '../../shared/search/score-passes';

// The passes as they are, with the one that reads the k-th off a single list watched.
vi.mock('../../shared/search/score-passes', async (importOriginal) => {
  const passes = await importOriginal<typeof import('../../shared/search/score-passes')>();
  return { ...passes, countListed: vi.fn(passes.countListed) };
});

const article = (id: string, title: string, body = 'general guidance'): Article => ({
  id,
  title,
  summary: '',
  body,
  line: 'all',
  category: 'General',
  tags: [],
  updatedAt: 1,
  publishedAt: 1,
});

describe('postings kept as gaps between document numbers', () => {
  it('keeps 16-bit gaps until one does not fit, then widens without losing a posting', () => {
    const p = new Postings();
    // 3 → 65,538 is the largest gap 16 bits hold; 65,538 → 131,074 is one more.
    const docs = [0, 3, 65_538, 131_074, 131_075];
    docs.forEach((d, i) => {
      p.push(d, i + 1);
      expect(p.wide).toBe(d >= 131_074);
    });
    expect([...p.documents()]).toEqual(docs);
    expect([...p.tfs.subarray(0, p.n)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('carries on from an imported list: the last document is worked out from its gaps', () => {
    const p = Postings.from(Uint16Array.of(5, 2, 10), Uint16Array.of(1, 1, 1));
    p.push(20, 7);
    expect([...p.documents()]).toEqual([5, 7, 17, 20]);
  });
});

describe('an index with rare terms far apart survives a save, a restart and a compaction', () => {
  // 70,000 articles: "repatriation" in the first and the last (a gap too big for 16 bits), "refund" in every tenth.
  const index = new KnowledgeIndex();
  for (let i = 0; i < 70_000; i++) {
    const rare = i === 0 || i === 69_999 ? ' repatriation' : '';
    index.add(article(`a${i}`, `Article ${i % 10 === 0 ? 'refund' : 'delivery'}${rare}`));
  }
  const ids = (ix: KnowledgeIndex, q: string) => search(ix, q, { prefix: false, limit: 5 }).map((r) => r.card.id).sort();

  it('finds the same articles after export and import, with the wide list opened as a view', () => {
    const saved = index.export();
    expect(saved.wideTerms.some((w) => w === 1)).toBe(true);
    const copy = KnowledgeIndex.import(saved);
    expect(ids(copy, 'repatriation ')).toEqual(['a0', 'a69999']);
    expect(search(copy, 'refund ', { prefix: false, limit: 10_000 })).toHaveLength(7_000);
    expect(copy.terms.get('repatri')!.wide).toBe(true);
    // Articles added after the import extend the opened lists, wide and narrow.
    copy.add(article('late', 'Late repatriation refund'));
    expect(ids(copy, 'repatriation ')).toEqual(['a0', 'a69999', 'late']);
    expect(search(copy, 'refund ', { prefix: false, limit: 10_000 })).toHaveLength(7_001);
  });

  it('renumbers the lists when removed articles are swept away', () => {
    const copy = KnowledgeIndex.import(index.export());
    for (let i = 1; i < 2_000; i++) copy.remove(`a${i}`);
    copy.compact();
    expect(ids(copy, 'repatriation ')).toEqual(['a0', 'a69999']);
    expect(search(copy, 'refund ', { prefix: false, limit: 10_000 })).toHaveLength(7_000 - 199);
  });
});

describe('pruning and the two ways of keeping scores give the exhaustive ranking', () => {
  // 3,000 articles of words drawn from a small vocabulary, so lists are long and scores close.
  const vocabulary = ['refund', 'parcel', 'card', 'call', 'delivery', 'address', 'account', 'balance', 'bereavement', 'funeral', 'flowers', 'voucher'];
  let seed = 7;
  const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  const pick = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');
  const index = new KnowledgeIndex();
  for (let i = 0; i < 3_000; i++) index.add(article(`a${i}`, pick(3), pick(5 + Math.floor(next() * 60))));
  // Some withdrawn, so withdrawn articles must neither show nor lift the k-th score.
  for (let i = 0; i < 3_000; i += 7) index.remove(`a${i}`);

  it.each(['refund parcel ', 'card call delivery address ', 'bereavement funeral flowers voucher ', 'voucher ', 'ca', 'refund de', 'card ca', 'bereavement fu', 'de', 'refund parcel card vo', 'voucher flowers b'])(
    '"%s": the top 10 are the first 10 of the whole list',
    (query) => {
      const top = search(index, query, { limit: 10 }).map((r) => [r.card.id, r.score.toFixed(5)]);
      const whole = search(index, query, { limit: 3_000 }).map((r) => [r.card.id, r.score.toFixed(5)]);
      expect(top).toHaveLength(10);
      expect(whole.length).toBeGreaterThan(10);
      expect(top).toEqual(whole.slice(0, 10));
      expect(top.some(([id]) => Number(id!.slice(1)) % 7 === 0)).toBe(false);
    },
  );
});

describe('a floor for the k-th read off one list, and narrowing put off while most would stay', () => {
  // Words from common to rare, so some lists name most articles and others a few, and the k-th's
  // pass can count the articles of the shortest list read instead of every article.
  const words = ['card', 'refund', 'parcel', 'call', 'delivery', 'address', 'account', 'balance', 'bereavement', 'funeral', 'flowers', 'voucher', 'repatriation', 'probate'];
  let seed = 11;
  const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  const word = () => words[Math.min(words.length - 1, Math.floor(-Math.log(1 - next()) * 3))]!;
  const pick = (n: number) => Array.from({ length: n }, word).join(' ');
  const index = new KnowledgeIndex();
  for (let i = 0; i < 4_000; i++) index.add(article(`a${i}`, pick(3), pick(5 + Math.floor(next() * 40))));
  for (let i = 0; i < 4_000; i += 9) index.remove(`a${i}`);

  it.each(['voucher card refund ', 'funeral card ', 'bereavement refund parcel call ', 'flowers ca', 'repatriation card de', 'balance account ad', 'probate funeral flowers ', 'voucher pa'])(
    '"%s": the top 10 are the first 10 of the whole list',
    (query) => {
      const top = search(index, query, { limit: 10 }).map((r) => [r.card.id, r.score.toFixed(5)]);
      const whole = search(index, query, { limit: 4_000 }).map((r) => [r.card.id, r.score.toFixed(5)]);
      expect(top).toHaveLength(10);
      expect(top).toEqual(whole.slice(0, 10));
      expect(top.some(([id]) => Number(id!.slice(1)) % 9 === 0)).toBe(false);
    },
  );

  it('took the k-th from one list at least once in those searches', () => {
    expect(countListed).toHaveBeenCalled();
  });
});

describe('kept impacts follow the index as it changes', () => {
  it('scores after more articles arrive (longer bodies move the averages) as a fresh index does', () => {
    const first = Array.from({ length: 200 }, (_, i) => article(`a${i}`, `Refund ${i % 3 ? 'card' : 'parcel'}`, 'refund guidance '.repeat(1 + (i % 5))));
    const later = Array.from({ length: 200 }, (_, i) => article(`b${i}`, `Parcel ${i}`, 'refund delivery parcel guidance '.repeat(20 + (i % 7))));
    const growing = new KnowledgeIndex();
    first.forEach((a) => growing.add(a));
    search(growing, 'refund parcel ', { limit: 5 });
    later.forEach((a) => growing.add(a));
    const fresh = new KnowledgeIndex();
    [...first, ...later].forEach((a) => fresh.add(a));
    const scored = (ix: KnowledgeIndex) => search(ix, 'refund parcel ', { limit: 20 }).map((r) => `${r.card.id} ${r.score.toFixed(4)}`);
    expect(scored(growing)).toEqual(scored(fresh));
  });
});

describe('cards share their repeated strings', () => {
  it('one copy of each list of tags, as built and after a cold start once settled', () => {
    const index = new KnowledgeIndex();
    for (let i = 0; i < 3; i++) index.add({ ...article(`a${i}`, `Funeral ${i}`), tags: ['bereavement', 'flowers'], category: 'Bereavement support' });
    expect(index.card(0)!.tags).toBe(index.card(2)!.tags);
    // A save read back as text (the browser's) holds a copy per card until it settles.
    const saved = index.export();
    const copy = KnowledgeIndex.import({ ...saved, cards: writeCardLines(saved.cards as ArticleCard[]) });
    expect(copy.card(0)!.tags).not.toBe(copy.card(2)!.tags);
    copy.shareStrings(0, copy.cards.length);
    expect(copy.card(0)!.tags).toBe(copy.card(2)!.tags);
    expect(copy.card(1)!.tags).toEqual(['bereavement', 'flowers']);
  });
});

describe('the narrowing tests, without branches', () => {
  let seed = 11;
  const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  it('keeps every article that could reach the k-th best, and drops those clearly below it', () => {
    for (let i = 0; i < 20_000; i++) {
      const units = next() < 0.3 ? 1 : 2 ** 28 / (0.1 + next() * 10);
      const wordLeft = units === 1 ? 0 : next() * (2 ** 28 / units);
      const best = units === 1 ? 0 : Math.floor(next() * 2 ** 28);
      const score = next() < 0.1 ? next() * 1e-6 : next() * 40;
      const least = next() * 45 - 2;
      const could = score + Math.max(0, wordLeft - best / units) >= least;
      const margin = score + Math.max(0, wordLeft - best / units) - least;
      const kept = reaches(score, best, least, wordLeft * units, units);
      if (could) expect(kept).toBe(1);
      else if (margin < -(2 ** -15)) expect(kept).toBe(0);
    }
  });

});

describe('the most articles a search can score', () => {
  it('is refused with its reason, not scored into arrays too small', () => {
    const index = new KnowledgeIndex();
    index.add(article('a1', 'Refund'));
    const norms = index.fieldNorms();
    expect(() => new Accumulator().begin(MAX_DOCS + 1, 10, new Uint8Array(MAX_DOCS + 1), norms)).toThrow(/at most 1048576 articles, not 1048577/);
    expect(() => new Accumulator().begin(1, 10, index.alive, norms)).not.toThrow();
  });
});
