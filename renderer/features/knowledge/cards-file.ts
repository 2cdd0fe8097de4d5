import { directory, fileName, writeWhole } from './index-file';

/**
 * The saved index's cards as a file of their own beside the numbers, read while the numbers are
 * read: out of IndexedDB the same 16 MiB record took longer to arrive than everything else a cold
 * start does before its first answer. A first line names the save's time, so a cold start never
 * pairs cards with numbers of another save; then the cards as text of one JSON card a line
 * (card-lines.ts), which the import keeps as text and parses a card at a time. Written whole
 * through a swap file, as the numbers are.
 */

/** Writes the cards' text; false when there is no private file system to write it to. */
export const writeIndexCards = (key: string, savedAt: number, cards: string): Promise<boolean> =>
  writeWhole(key, 'cards', async (out) => {
    await out.write(`${JSON.stringify({ savedAt })}\n`);
    await out.write(cards);
  });

/** The cards' text saved for `key`, with the save's time; null when missing or not ours. */
export async function readIndexCards(key: string): Promise<{ savedAt: number; cards: string } | null> {
  const dir = await directory();
  if (!dir) return null;
  try {
    const text = await (await (await dir.getFileHandle(fileName(key, 'cards'))).getFile()).text();
    const headEnd = text.indexOf('\n');
    const head = JSON.parse(headEnd < 0 ? text : text.slice(0, headEnd)) as { savedAt?: unknown };
    // Whether the cards are whole is checked as the index is imported (CardLines.frame).
    return typeof head.savedAt === 'number' ? { savedAt: head.savedAt, cards: text.slice(headEnd + 1) } : null;
  } catch {
    return null; // missing, cut short or not ours: the cards in IndexedDB, or indexing again
  }
}

export async function removeIndexCards(key: string): Promise<void> {
  await (await directory())?.removeEntry(fileName(key, 'cards')).catch(() => undefined);
}
