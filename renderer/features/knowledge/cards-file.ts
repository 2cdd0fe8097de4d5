import { CardLines, lineStarts } from '../../../shared/search/card-lines';
import { savedFile, writeWhole, fileName, directory } from './index-file';
import type { SavedFile } from './saved-file';

/**
 * The saved index's cards as a file of their own beside the numbers: a first line names the save's
 * time, so a cold start never pairs cards with numbers of another save; then the cards as text of
 * one JSON card a line (card-lines.ts). Where each line starts is saved with the numbers
 * (index-file.ts), so a cold start reads only the lines of the cards it shows, then the whole file
 * in the background. Written whole through a swap file, as the numbers are.
 */

/** The cards file's bytes for a save at `savedAt`, and where each of its lines starts (the first card's ids line first). */
export function cardsFile(savedAt: number, cards: string): { bytes: Uint8Array; starts: Uint32Array } {
  const head = `${JSON.stringify({ savedAt })}\n`;
  const bytes = new TextEncoder().encode(head + cards);
  // The head is ASCII: its length in characters is its length in bytes.
  return { bytes, starts: lineStarts(bytes, head.length) };
}

/** Writes the cards file; false when there is no private file system to write it to. */
export const writeIndexCards = (key: string, bytes: Uint8Array): Promise<boolean> =>
  writeWhole(key, 'cards', (out) => out.write(bytes as Uint8Array<ArrayBuffer>));

/** The first line's most: the save's time as JSON. */
const HEAD_MOST = 64;

/**
 * The cards file saved for `key`, opened while the numbers' head is read (it says where each line
 * starts: `lines`); null when missing or not ours. `lines` is null when the file is not exactly the
 * size the numbers say. Whether each line is a card is checked as it is read.
 */
export async function openIndexCards(
  key: string,
): Promise<{ savedAt: number; file: SavedFile; lines(starts: Uint32Array): CardLines | null } | null> {
  const file = await savedFile(key, 'cards');
  if (!file) return null;
  try {
    const first = new TextDecoder().decode(await file.readAhead(0, HEAD_MOST));
    const head = JSON.parse(first.slice(0, first.indexOf('\n'))) as { savedAt?: unknown };
    if (typeof head.savedAt !== 'number') return null;
    const lines = (starts: Uint32Array) =>
      starts.length >= 2 && file.size === starts[starts.length - 1] && first.indexOf('\n') + 1 === starts[0] ? CardLines.ranges(starts, file) : null;
    return { savedAt: head.savedAt, file, lines };
  } catch {
    return null; // not ours: indexing again
  }
}

export async function removeIndexCards(key: string): Promise<void> {
  await (await directory())?.removeEntry(fileName(key, 'cards')).catch(() => undefined);
}
