import type { ArticleCard } from './article-card';

/**
 * The saved cards as text, one JSON card a line (JSON.stringify never writes a raw newline), after
 * a first line of their ids: a cold start keeps the text and where each line starts, and parses a
 * card only when it is first read. Its first answer needs some thirty cards, not all 50,000, and the
 * ids answer the check against the cache's list without parsing a card. Every line ends in a newline,
 * the last too, so a file cut short anywhere is told apart from a whole one.
 */
export class DamagedCards extends Error {
  override name = 'DamagedCards';
}

const OPEN = '{'.charCodeAt(0);
const CLOSE = '}'.charCodeAt(0);
const BRACKET_OPEN = '['.charCodeAt(0);
const BRACKET_CLOSE = ']'.charCodeAt(0);

/** The cards (all live: a save is compacted first) as their saved text. */
export function writeCardLines(cards: readonly ArticleCard[]): string {
  const lines = [JSON.stringify(cards.map((c) => c.id))];
  for (const card of cards) lines.push(JSON.stringify(card));
  lines.push('');
  return lines.join('\n');
}

export class CardLines {
  private idList: string[] | null = null;

  private constructor(
    private readonly text: string,
    /** Where each line starts (the ids', then each card's), and one past the last. */
    private readonly starts: Uint32Array,
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
      if (end < 0) throw new DamagedCards(`The saved cards stop after ${Math.max(0, line - 1)} of ${count}.`);
      const [first, last] = line === 0 ? [BRACKET_OPEN, BRACKET_CLOSE] : [OPEN, CLOSE];
      if (text.charCodeAt(at) !== first || text.charCodeAt(end - 1) !== last) throw new DamagedCards(lineName(line) + ' is not whole.');
      starts[line] = at;
      at = end + 1;
    }
    if (at !== text.length) throw new DamagedCards(`The saved cards hold more than ${count}.`);
    starts[count + 1] = at;
    return new CardLines(text, starts);
  }

  get count(): number {
    return this.starts.length - 2;
  }

  /** Each card's id, by document number (parsed on first use). */
  ids(): readonly string[] {
    if (this.idList) return this.idList;
    const ids = this.parse(0);
    if (!Array.isArray(ids) || ids.length !== this.count || !ids.every((id) => typeof id === 'string')) {
      throw new DamagedCards('The saved cards’ ids do not match the cards.');
    }
    return (this.idList = ids as string[]);
  }

  /** Card `doc`, parsed now; DamagedCards when its line is not a card. */
  card(doc: number): ArticleCard {
    const card = this.parse(doc + 1) as Partial<ArticleCard> | null;
    if (typeof card?.id !== 'string' || typeof card.title !== 'string' || !Array.isArray(card.tags)) {
      throw new DamagedCards(`${lineName(doc + 1)} is not a card.`);
    }
    return card as ArticleCard;
  }

  private parse(line: number): unknown {
    try {
      return JSON.parse(this.text.slice(this.starts[line], this.starts[line + 1]! - 1));
    } catch {
      throw new DamagedCards(`${lineName(line)} could not be read.`);
    }
  }
}

const lineName = (line: number) => (line === 0 ? 'The saved cards’ ids' : `Saved card ${line - 1}`);
