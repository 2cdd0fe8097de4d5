import type { ArticleCard } from './article-card';

/**
 * The saved cards as text, one JSON card a line (JSON.stringify never writes a raw newline), after
 * a first line of their ids: a card is parsed only when it is first read. Its first answer needs
 * some thirty cards, not all 50,000, and the ids answer the check against the cache's list without
 * parsing a card. Every line ends in a newline, the last too, so a file cut short anywhere is told
 * apart from a whole one. The lines come either from the whole text in memory (`frame`) or from
 * their file a line at a time, by where each starts (`ranges`), so a cold start need not read it all.
 */
export class DamagedSave extends Error {
  override name = 'DamagedSave';
}

const NEWLINE = 10;

/** The cards (all live: a save is compacted first) as their saved text. */
export function writeCardLines(cards: readonly ArticleCard[]): string {
  const lines = [JSON.stringify(cards.map((c) => c.id))];
  for (const card of cards) lines.push(JSON.stringify(card));
  lines.push('');
  return lines.join('\n');
}

/**
 * Where each line of `bytes` starts (the cards' text as UTF-8, from `from`), and one past the last
 * line: what a cold start needs to read one card's line out of the file. A newline byte never
 * occurs inside a multi-byte UTF-8 character, so scanning bytes finds the same lines as the text.
 */
export function lineStarts(bytes: Uint8Array, from = 0): Uint32Array {
  const starts: number[] = [from];
  for (let at = bytes.indexOf(NEWLINE, from); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) starts.push(at + 1);
  return Uint32Array.from(starts);
}

/** A file's text read a stretch at a time (bytes `from` up to `to`), and several ahead at once. */
export interface SavedText {
  text(from: number, to: number): string;
  fetch(stretches: readonly (readonly [from: number, to: number])[]): Promise<void>;
}

export class CardLines {
  private idList: string[] | null = null;

  private constructor(
    /** Line `n`'s text without its newline; whether it is framed as JSON is checked by the caller. */
    private readonly line: (n: number) => string,
    readonly count: number,
    /** Reads lines ahead, all at once (for lines read from their file). */
    private readonly fetchLines: (lines: readonly number[]) => Promise<void> = () => Promise.resolve(),
  ) {}

  /**
   * Finds the lines of `count` cards in `text`, checking only that each is framed as one JSON object
   * (or, first, array) and that nothing is missing or left over; a card is parsed when read.
   */
  static frame(text: string, count: number): CardLines {
    const starts = new Uint32Array(count + 2);
    let at = 0;
    for (let line = 0; line <= count; line++) {
      const end = text.indexOf('\n', at);
      if (end < 0) throw new DamagedSave(`The saved cards stop after ${Math.max(0, line - 1)} of ${count}.`);
      starts[line] = at;
      at = end + 1;
      checkFramed(text, line, starts[line]!, end);
    }
    if (at !== text.length) throw new DamagedSave(`The saved cards hold more than ${count}.`);
    starts[count + 1] = at;
    return new CardLines((n) => text.slice(starts[n], starts[n + 1]! - 1), count);
  }

  /**
   * The cards' lines read one at a time where `starts` says each begins (the ids', each card's, then
   * one past the last, as `lineStarts` found them): `read(from, to)` gives that stretch of the file
   * as text. A line is checked only as it is read.
   */
  static ranges(starts: Uint32Array, file: SavedText): CardLines {
    return new CardLines(
      (n) => {
        const text = file.text(starts[n]!, starts[n + 1]!);
        if (text.charCodeAt(text.length - 1) !== NEWLINE) throw new DamagedSave(`${lineName(n)} is not whole.`);
        checkFramed(text, n, 0, text.length - 1);
        return text.slice(0, -1);
      },
      starts.length - 2,
      (lines) => file.fetch(lines.map((n) => [starts[n]!, starts[n + 1]!] as const)),
    );
  }

  /** Reads ahead, all at once, the lines of cards `docs`. */
  fetch(docs: readonly number[]): Promise<void> {
    return this.fetchLines(docs.filter((d) => d >= 0 && d < this.count).map((d) => d + 1));
  }

  /** Each card's id, by document number (parsed on first use). */
  ids(): readonly string[] {
    if (this.idList) return this.idList;
    const ids = this.parse(0);
    if (!Array.isArray(ids) || ids.length !== this.count || !ids.every((id) => typeof id === 'string')) {
      throw new DamagedSave('The saved cards’ ids do not match the cards.');
    }
    return (this.idList = ids as string[]);
  }

  /** Card `doc`, parsed now; DamagedSave when its line is not a card. */
  card(doc: number): ArticleCard {
    const card = this.parse(doc + 1) as Partial<ArticleCard> | null;
    if (typeof card?.id !== 'string' || typeof card.title !== 'string' || !Array.isArray(card.tags)) {
      throw new DamagedSave(`${lineName(doc + 1)} is not a card.`);
    }
    return card as ArticleCard;
  }

  private parse(line: number): unknown {
    const text = this.line(line);
    try {
      return JSON.parse(text);
    } catch {
      throw new DamagedSave(`${lineName(line)} could not be read.`);
    }
  }
}

const OPEN = '{'.charCodeAt(0);
const CLOSE = '}'.charCodeAt(0);
const BRACKET_OPEN = '['.charCodeAt(0);
const BRACKET_CLOSE = ']'.charCodeAt(0);

/** Throws unless line `line`, from `at` up to its newline at `end`, is framed as its kind is. */
function checkFramed(text: string, line: number, at: number, end: number): void {
  const [first, last] = line === 0 ? [BRACKET_OPEN, BRACKET_CLOSE] : [OPEN, CLOSE];
  if (text.charCodeAt(at) !== first || text.charCodeAt(end - 1) !== last) throw new DamagedSave(`${lineName(line)} is not whole.`);
}

const lineName = (line: number) => (line === 0 ? 'The saved cards’ ids' : `Saved card ${line - 1}`);
