import type { ArticleCard } from './article-card';
import type { CardLines } from './card-lines';

/** One of a save's postings arrays left in its file: stretches of it (in 16-bit units) read when first wanted. */
export interface SavedUnits {
  /** Units `from` up to `to`, read now. */
  read(from: number, to: number): Uint16Array;
  /** Reads these stretches ahead, all at once, so that reading them after is from memory. */
  fetch(stretches: readonly (readonly [from: number, to: number])[]): Promise<void>;
}

/**
 * A save as a cold start imports it: the cards may be their text (card-lines.ts) or lines left in
 * their file, and the postings arrays may be left in theirs (`SavedUnits`), each list read when a
 * search first reads it.
 */
export type SavedParts = Omit<PersistedIndex, 'cards' | 'postingGaps' | 'postingTfs'> & {
  cards: PersistedIndex['cards'] | CardLines;
  postingGaps: Uint16Array | SavedUnits;
  postingTfs: Uint16Array | SavedUnits;
};

export interface PersistedIndex {
  format: 4;
  /** As exported, the cards; as read back from a save, their text (card-lines.ts), read card by card. */
  cards: ArticleCard[] | string;
  /** Each article's length in each field, `FIELDS.length` numbers an article. */
  fieldLengths: Float32Array;
  /** Each article's time of last change, so the most recent are found without reading a card. */
  updatedAt: Float64Array;
  terms: string[];
  /** Where each term's counts start in `postingTfs` (one more than there are terms). */
  offsets: Uint32Array;
  /**
   * Each term's gaps between document numbers, in 16-bit units from `gapOffsets`; a wide term's
   * (flagged in `wideTerms`) are 32-bit, starting on a 4-byte boundary, so both open as views.
   */
  postingGaps: Uint16Array;
  gapOffsets: Uint32Array;
  wideTerms: Uint8Array;
  postingTfs: Uint16Array;
  surfaceWords: string[];
  surfaceTerms: Uint32Array;
}
