import type { ListSource } from './postings';
import type { SavedParts, SavedUnits } from './persisted-format';

/** A list's gaps as saved (16-bit units): as they are, or two units each for a wide list (copied if not on a 4-byte boundary). */
export function gapsOf(units: Uint16Array, wide: boolean): Uint16Array | Int32Array {
  if (!wide) return units;
  return units.byteOffset % 4 === 0 ? new Int32Array(units.buffer, units.byteOffset, units.length / 2) : new Int32Array(units.slice().buffer);
}

type ListTables = Pick<SavedParts, 'offsets' | 'gapOffsets' | 'wideTerms'>;

/** Where list `slot` lies in a save: its gaps' units from and to, its counts' from and to, and whether it is wide. */
export function listRange(parts: ListTables, slot: number): [number, number, number, number, boolean] {
  const from = parts.offsets[slot]!;
  const n = parts.offsets[slot + 1]! - from;
  const at = parts.gapOffsets[slot]!;
  const wide = parts.wideTerms[slot] === 1;
  return [at, at + (wide ? n * 2 : n), from, from + n, wide];
}

/**
 * A save's postings lists left in its files, each found by its term's number (its slot) in the
 * save's tables when first read. A cold start makes one of these, not an object and a closure for
 * every term: at 50,000 articles that was most of the import's time.
 */
export class SavedLists implements ListSource {
  constructor(
    private readonly gaps: SavedUnits,
    private readonly tfs: SavedUnits,
    private readonly parts: ListTables,
  ) {}

  read(slot: number): [Uint16Array | Int32Array, Uint16Array] {
    const [at, to, from, end, wide] = listRange(this.parts, slot);
    return [gapsOf(this.gaps.read(at, to), wide), this.tfs.read(from, end)];
  }

  /** Reads these stretches of both files ahead, all at once. */
  fetch(slots: readonly number[]): Promise<unknown> {
    const ranges = slots.map((slot) => listRange(this.parts, slot));
    return Promise.all([this.gaps.fetch(ranges.map((r) => [r[0], r[1]] as const)), this.tfs.fetch(ranges.map((r) => [r[2], r[3]] as const))]);
  }
}
