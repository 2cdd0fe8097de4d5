import { load, report, type Query } from '../relevance/report';
import { seedArticles } from '../relevance/seed-articles';

/** The relevance tables of tests/relevance, frozen set and held-out set, beside the speed figures. */
export function benchRelevance(): void {
  const articles = seedArticles();
  report('Frozen labelled set', load<{ queries: Query[] }>('./queries.json').queries, articles);
  report('Held-out set (report only, never tuned to)', load<{ queries: Query[] }>('./heldout.json').queries, articles);
}
