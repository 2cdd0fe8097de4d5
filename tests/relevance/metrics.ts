/** Standard ranking measures over graded judgments (grade 3 = the answer, 2 = very useful, 1 = related). */
export type Judgments = Record<string, number>;

export function ndcgAt(k: number, ranked: string[], judged: Judgments): number {
  const gain = (g: number) => 2 ** g - 1;
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + gain(judged[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(judged)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Reciprocal rank of the first article graded as the answer (grade 3). */
export function reciprocalRank(ranked: string[], judged: Judgments): number {
  const i = ranked.findIndex((id) => (judged[id] ?? 0) >= 3);
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Share of all judged articles (any grade) found in the first k. */
export function recallAt(k: number, ranked: string[], judged: Judgments): number {
  const relevant = Object.keys(judged).filter((id) => (judged[id] ?? 0) > 0);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export interface Scores {
  ndcg10: number;
  mrr: number;
  recall5: number;
}

export function evaluate(
  run: (query: string, typing?: boolean) => string[],
  queries: { query: string; kind: string; relevant: Judgments }[],
): Scores {
  let ndcg = 0;
  let mrr = 0;
  let recall = 0;
  for (const q of queries) {
    const ranked = run(q.query, q.kind === 'prefix');
    ndcg += ndcgAt(10, ranked, q.relevant);
    mrr += reciprocalRank(ranked, q.relevant);
    recall += recallAt(5, ranked, q.relevant);
  }
  const n = queries.length;
  return { ndcg10: ndcg / n, mrr: mrr / n, recall5: recall / n };
}
