import { load, report, type Query } from '../relevance/report';
import { seedArticles } from '../relevance/seed-articles';

/** The relevance tables of tests/relevance, frozen, development and held-out sets, beside the speed figures. */
export function benchRelevance(): void {
  const articles = seedArticles();
  report('Frozen labelled set', load<{ queries: Query[] }>('./queries.json').queries, articles);
  report('Development set (general flaws are looked for here)', load<{ queries: Query[] }>('./dev.json').queries, articles);
  report('Held-out set (report only, never tuned to)', load<{ queries: Query[] }>('./heldout.json').queries, articles);
}
