/**
 * BM25F (Robertson & Zaragoza, "The Probabilistic Relevance Framework", §3.4): each field keeps
 * its own term counts and its own length, normalised against that field's average, and only the
 * weighted sum saturates. A long article that is the right answer no longer loses to a short one
 * that merely mentions a word, and a title match is not diluted by the body's length.
 */
export const FIELDS = ['title', 'tags', 'summary', 'category', 'body'] as const;
export type Field = (typeof FIELDS)[number];
/** Field weights: a title match says most about what an article is for; the body least. */
export const FIELD_WEIGHTS: Record<Field, number> = { title: 3, tags: 3, summary: 3, category: 2, body: 1 };
/** Length normalisation per field: short fields barely vary in length, so they are barely normalised. */
export const FIELD_B: Record<Field, number> = { title: 0, tags: 0.2, summary: 0.5, category: 0, body: 0.5 };
const F = FIELDS.length;
/**
 * The most each field's count can be in a posting's packed counts (title, tags, summary, category,
 * body: 2, 2, 2, 1 and 9 bits, 16 in all), and where each starts. With its 16-bit gap (postings.ts)
 * a posting is 4 bytes. Counts past 3 in a short field or 511 in the body are capped; BM25F has
 * long saturated by then.
 */
const MOST = [3, 3, 3, 1, 511] as const;
const SHIFT = [0, 2, 4, 6, 7] as const;

/** One article's counts of a term in each field, packed into 16 bits (each capped at its field's most). */
export function packCounts(counts: ArrayLike<number>): number {
  let packed = 0;
  for (let f = 0; f < F; f++) packed |= Math.min(counts[f]!, MOST[f]!) << SHIFT[f]!;
  return packed;
}

/** Per field (in `FIELDS` order), each document's weight over its length normalisation. */
export type FieldNorms = readonly Float32Array[];
