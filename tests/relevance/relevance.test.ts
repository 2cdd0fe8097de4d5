import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { miniSearchDefaults, rapportEngine, substringEngine } from './engines';
import { evaluate, type Judgments, type Scores } from './metrics';
import { seedArticles } from './seed-articles';

interface QuerySet {
  queries: { id: string; query: string; kind: string; relevant: Judgments }[];
  frozenMinimums: Scores;
}
const set = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8')) as QuerySet;
const articles = seedArticles();
const engines = { rapport: rapportEngine(articles), minisearch: miniSearchDefaults(articles), substring: substringEngine(articles) };
const scores = Object.fromEntries(Object.entries(engines).map(([name, run]) => [name, evaluate(run, set.queries)])) as Record<
  keyof typeof engines,
  Scores
>;

const f = (n: number) => n.toFixed(3);
console.log(`\nRelevance on ${set.queries.length} labelled advisor queries over ${articles.length} articles`);
console.log('engine                 nDCG@10   MRR     recall@5');
for (const [name, s] of Object.entries(scores)) console.log(`${name.padEnd(22)} ${f(s.ndcg10)}    ${f(s.mrr)}   ${f(s.recall5)}`);

describe('knowledge search relevance (frozen labelled set)', () => {
  it('has at least 80 queries of every kind advisors type', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(set.queries.map((q) => q.kind))).toEqual(new Set(['keywords', 'question', 'misspelling', 'american', 'prefix']));
  });

  for (const measure of ['ndcg10', 'mrr', 'recall5'] as const) {
    it(`Rapport's ${measure} is at least MiniSearch's (default BM25) and the frozen minimum`, () => {
      expect(scores.rapport[measure]).toBeGreaterThanOrEqual(scores.minisearch[measure]);
      expect(scores.rapport[measure]).toBeGreaterThanOrEqual(set.frozenMinimums[measure]);
      expect(scores.rapport[measure]).toBeGreaterThan(scores.substring[measure]);
    });
  }
});
