import { describe, expect, it } from 'vitest';
import { miniSearchBestEngine, rapportEngine } from './engines';
import { evaluate } from './metrics';
import { KINDS, relevanceSets, report } from './report';
import { seedArticles } from './seed-articles';

const sets = relevanceSets();
const { set } = sets.frozen;
const dev = sets.dev.set;
const heldOut = sets.heldOut.set;
const articles = seedArticles();
const scores = report(sets.frozen.title, set.queries, articles);
const devScores = report(sets.dev.title, dev.queries, articles);
report(sets.heldOut.title, heldOut.queries, articles);

describe('knowledge search relevance (frozen labelled set)', () => {
  it('has at least 80 queries of every kind advisors type', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(set.queries.map((q) => q.kind))).toEqual(new Set(KINDS));
  });

  for (const measure of ['ndcg10', 'mrr', 'recall5'] as const) {
    it(`Rapport's ${measure} is at least best-configured MiniSearch's and the frozen minimum`, () => {
      expect(scores.rapport![measure]).toBeGreaterThanOrEqual(scores['minisearch (best)']![measure] - 1e-9);
      expect(scores.rapport![measure]).toBeGreaterThanOrEqual(scores['minisearch (default)']![measure]);
      expect(scores.rapport![measure]).toBeGreaterThanOrEqual(set.frozenMinimums[measure]);
      expect(scores.rapport![measure]).toBeGreaterThan(scores.substring![measure]);
    });
  }

  for (const kind of KINDS) {
    it(`Rapport's MRR on ${kind} queries is at least best-configured MiniSearch's`, () => {
      const ofKind = set.queries.filter((q) => q.kind === kind);
      const rapport = evaluate(rapportEngine(articles), ofKind).mrr;
      const best = evaluate(miniSearchBestEngine(articles), ofKind).mrr;
      expect(rapport).toBeGreaterThanOrEqual(best - 1e-9);
    });
  }
});

describe('held-out relevance set', () => {
  it('has at least 100 queries of every kind, each judged against articles that exist', () => {
    expect(heldOut.queries.length).toBeGreaterThanOrEqual(100);
    expect(new Set(heldOut.queries.map((q) => q.kind))).toEqual(new Set(KINDS));
    const ids = new Set(articles.map((a) => a.id));
    const unknown = heldOut.queries.flatMap((q) => Object.keys(q.relevant).filter((id) => !ids.has(id)).map((id) => `${q.id}: ${id}`));
    expect(unknown).toEqual([]);
    for (const q of heldOut.queries) expect(Math.max(...Object.values(q.relevant)), q.id).toBe(3);
  });
});

describe('development relevance set', () => {
  it('has at least 150 queries, most of them American spellings and half-typed words, judged against articles that exist', () => {
    expect(dev.queries.length).toBeGreaterThanOrEqual(150);
    expect(new Set(dev.queries.map((q) => q.kind))).toEqual(new Set(KINDS));
    const ids = new Set(articles.map((a) => a.id));
    for (const q of dev.queries) {
      expect(Object.keys(q.relevant).filter((id) => !ids.has(id)), q.id).toEqual([]);
      expect(Object.values(q.relevant).filter((g) => g === 3), q.id).toHaveLength(1);
    }
  });

  for (const measure of ['ndcg10', 'mrr', 'recall5'] as const) {
    it(`Rapport's ${measure} is at least best-configured MiniSearch's`, () => {
      expect(devScores.rapport![measure]).toBeGreaterThanOrEqual(devScores['minisearch (best)']![measure] - 1e-9);
    });
  }
});
