import type { PersistedIndex } from '../../../shared/search/knowledge-index';
import { directory, fileName, writeWhole } from './index-file';

/**
 * The saved index's cards (JSON) as a file of their own beside the numbers, read while the numbers
 * are read: out of IndexedDB the same 16 MiB record took longer to arrive than everything else a
 * cold start does before its first answer. Written whole through a swap file, as the numbers are,
 * and tagged with the save's time so a cold start never pairs cards with numbers of another save.
 */
type Cards = PersistedIndex['cards'];

/** Writes the cards; false when there is no private file system to write them to. */
export const writeIndexCards = (key: string, savedAt: number, cards: Cards): Promise<boolean> =>
  writeWhole(key, 'cards', (out) => out.write(JSON.stringify({ savedAt, cards })));

/** The cards saved for `key`, with the save's time; null when missing or not whole. */
export async function readIndexCards(key: string): Promise<{ savedAt: number; cards: Cards } | null> {
  const dir = await directory();
  if (!dir) return null;
  try {
    const text = await (await (await dir.getFileHandle(fileName(key, 'cards'))).getFile()).text();
    const read = JSON.parse(text) as { savedAt?: unknown; cards?: unknown };
    return typeof read.savedAt === 'number' && Array.isArray(read.cards) ? { savedAt: read.savedAt, cards: read.cards as Cards } : null;
  } catch {
    return null; // missing, cut short or not ours: the cards in IndexedDB, or indexing again
  }
}

export async function removeIndexCards(key: string): Promise<void> {
  await (await directory())?.removeEntry(fileName(key, 'cards')).catch(() => undefined);
}
