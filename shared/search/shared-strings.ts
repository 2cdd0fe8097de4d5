/**
 * One copy of each line, category and tag, and of each list of tags, however many cards carry it:
 * a knowledge base has a few dozen categories and a few thousand tags, and a card read from a save
 * or a sync otherwise holds its own copies (at 200,000 articles, about a third of the cards'
 * memory). The shared tag lists are never changed in place.
 */
export class SharedStrings {
  private readonly words = new Map<string, string>();
  private readonly tagLists = new Map<string, string[]>();

  word<T extends string>(s: T): T {
    const kept = this.words.get(s);
    if (kept !== undefined) return kept as T;
    this.words.set(s, s);
    return s;
  }

  tags(tags: string[]): string[] {
    const key = tags.join('\u0000');
    let kept = this.tagLists.get(key);
    if (!kept) this.tagLists.set(key, (kept = tags.map((t) => this.word(t))));
    return kept;
  }
}
