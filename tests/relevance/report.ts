import { readFileSync } from 'node:fs';
import type { Article } from '../../shared/schemas/knowledge';
import { miniSearchBestEngine, miniSearchDefaults, rapportEngine, substringEngine, type Engine } from './engines';
import { evaluate, type Judgments, type Scores } from './metrics';

export type Query = { id: string; query: string; kind: string; relevant: Judgments };
export interface QuerySet {
  queries: Query[];
  frozenMinimums: Scores;
}
export const KINDS = ['keywords', 'question', 'misspelling', 'american', 'prefix'];

/** queries.json (frozen), dev.json or heldout.json (written from the articles alone: reported, never tuned to). */
export const load = <T>(name: string) => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8')) as T;

/** The three labelled sets, as the relevance test and `npm run bench relevance` load and title them. */
export function relevanceSets() {
  return {
    frozen: { title: 'Frozen labelled set', set: load<QuerySet>('./queries.json') },
    dev: { title: 'Development set (general flaws are looked for here)', set: load<{ queries: Query[] }>('./dev.json') },
    heldOut: { title: 'Held-out set (report only, never tuned to)', set: load<{ queries: Query[] }>('./heldout.json') },
  };
}

const f = (n: number) => n.toFixed(3);

/** Scores every engine on the queries and prints them, overall and MRR by kind; returns the overall scores. */
export function report(title: string, queries: Query[], articles: Article[]): Record<string, Scores> {
  const engines: Record<string, Engine> = {
    rapport: rapportEngine(articles),
    'minisearch (default)': miniSearchDefaults(articles),
    'minisearch (best)': miniSearchBestEngine(articles),
    substring: substringEngine(articles),
  };
  const all = Object.fromEntries(Object.entries(engines).map(([name, run]) => [name, evaluate(run, queries)]));
  console.log(`\n${title}: ${queries.length} queries over ${articles.length} articles`);
  console.log(`engine                 nDCG@10   MRR     recall@5   ${KINDS.map((k) => `MRR ${k}`).join('  ')}`);
  for (const [name, run] of Object.entries(engines)) {
    const s = all[name]!;
    const kinds = KINDS.map((k) => f(evaluate(run, queries.filter((q) => q.kind === k)).mrr).padStart(4 + k.length));
    console.log(`${name.padEnd(22)} ${f(s.ndcg10)}    ${f(s.mrr)}   ${f(s.recall5)}      ${kinds.join('  ')}`);
  }
  return all;
}
