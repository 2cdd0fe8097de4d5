import { relevanceSets, report } from '../relevance/report';
import { seedArticles } from '../relevance/seed-articles';

/** The relevance tables of tests/relevance, frozen, development and held-out sets, beside the speed figures. */
export function benchRelevance(): void {
  const articles = seedArticles();
  for (const { title, set } of Object.values(relevanceSets())) report(title, set.queries, articles);
}
