import type { ArticleCard } from './article-card';
import { CardLines } from './card-lines';

/**
 * The index's cards by document number, null where an article was removed. Cards imported from a
 * save stay text (card-lines.ts) until first read, so a cold start parses the few its first answer
 * shows; whatever needs every card reads the rest first (`all`), and the text is let go once
 * every card has been read.
 */
export class Cards {
  /** undefined: a saved card not read yet. */
  private readonly list: (ArticleCard | null | undefined)[];
  private lines: CardLines | null = null;
  private unread = 0;

  constructor(cards: readonly (ArticleCard | null)[] = []) {
    this.list = [...cards];
  }

  /** The cards of a save, each read from `lines` when first wanted. */
  static saved(lines: CardLines): Cards {
    const cards = new Cards();
    const list = cards.list;
    for (let d = 0, n = lines.count; d < n; d++) list.push(undefined);
    cards.lines = lines;
    cards.unread = lines.count;
    return cards;
  }

  get length(): number {
    return this.list.length;
  }

  /** True once no card is left to read from the saved text. */
  get allRead(): boolean {
    return this.unread === 0;
  }

  get(doc: number): ArticleCard | null {
    const card = this.list[doc];
    return card === undefined ? this.read(doc) : card;
  }

  /** Puts a card in place of document `doc`'s, or null when the article is removed. */
  set(doc: number, card: ArticleCard | null): void {
    if (this.list[doc] === undefined) this.readOne();
    this.list[doc] = card;
  }

  push(card: ArticleCard): void {
    this.list.push(card);
  }

  /** Document `doc`'s article id (none when removed), without reading a saved card. */
  id(doc: number): string | null {
    const card = this.list[doc];
    if (card !== undefined) return card?.id ?? null;
    return doc < this.list.length && this.lines ? this.lines.ids()[doc]! : null;
  }

  /** Reads ahead, all at once, the saved cards of `docs` not read yet (from their file, where they are left there). */
  async fetch(docs: readonly number[]): Promise<void> {
    const unread = docs.filter((d) => this.list[d] === undefined);
    if (unread.length && this.lines) await this.lines.fetch(unread);
  }

  /** Reads the saved cards from `from` up to `to`. */
  readRange(from: number, to: number): void {
    const end = Math.min(to, this.list.length);
    for (let d = from; d < end && this.unread; d++) if (this.list[d] === undefined) this.read(d);
  }

  /** Every card, the saved ones read first. */
  all(): readonly (ArticleCard | null)[] {
    this.readRange(0, this.list.length);
    return this.list as (ArticleCard | null)[];
  }

  private read(doc: number): ArticleCard | null {
    if (doc >= this.list.length || !this.lines) return null;
    const card = this.lines.card(doc);
    this.list[doc] = card;
    this.readOne();
    return card;
  }

  private readOne(): void {
    if (--this.unread === 0) this.lines = null;
  }
}
