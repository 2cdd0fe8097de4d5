import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Card {
  brand: string;
  typed: string;
  digits: string;
  masked: string;
}

/** 28 card numbers, 3 security codes and 13 look-alikes (tests/fixtures/card-corpus.json). */
export const corpus = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/card-corpus.json'), 'utf8')) as {
  cards: Card[];
  securityCodes: { typed: string; masked: string }[];
  lookAlikes: { kind: string; typed: string }[];
};

const items = (): string[] => [...corpus.cards.map((c) => c.typed), ...corpus.securityCodes.map((c) => c.typed), ...corpus.lookAlikes.map((l) => l.typed)];

/**
 * The whole corpus as texts of at most `max` characters for one free-text path. Each item carries
 * the path's tag (`tag:4111 1111…`), so what is found in a raw file can be traced to its path.
 */
export function corpusTexts(tag: string, max: number): string[] {
  const texts: string[] = [];
  let current = '';
  for (const item of items()) {
    const piece = `${tag}:${item}`;
    if (current && current.length + 3 + piece.length + 1 > max) {
      texts.push(`${current}.`);
      current = '';
    }
    current = current ? `${current} | ${piece}` : piece;
  }
  texts.push(`${current}.`);
  for (const t of texts) if (t.length > max) throw new Error(`a corpus item does not fit in ${max} characters: ${t}`);
  return texts;
}

export interface CorpusVerdict {
  /** Cards whose typed form or bare digits appear anywhere in the raw bytes. */
  cardsInClear: string[];
  /** Cards found masked (first six, last four) under this path's tag. */
  cardsMasked: number;
  codesInClear: string[];
  codesMasked: number;
  /** Look-alikes not found exactly as typed under this path's tag. */
  lookAlikesChanged: string[];
}

/** What raw bytes (a database file and its WAL, a table dump, a log) say about one path's corpus. */
export function judge(raw: string, tag: string): CorpusVerdict {
  return {
    cardsInClear: corpus.cards.filter((c) => raw.includes(c.typed) || raw.includes(c.digits)).map((c) => `${c.brand} ${c.typed}`),
    cardsMasked: corpus.cards.filter((c) => raw.includes(`${tag}:${c.masked}`)).length,
    codesInClear: corpus.securityCodes.filter((c) => raw.includes(c.typed)).map((c) => c.typed),
    codesMasked: corpus.securityCodes.filter((c) => raw.includes(`${tag}:${c.masked}`)).length,
    lookAlikesChanged: corpus.lookAlikes.filter((l) => !raw.includes(`${tag}:${l.typed}`)).map((l) => l.typed),
  };
}

export const CLEAN = (): CorpusVerdict => ({
  cardsInClear: [],
  cardsMasked: corpus.cards.length,
  codesInClear: [],
  codesMasked: corpus.securityCodes.length,
  lookAlikesChanged: [],
});

/** A SQLite database as it lies on disk: the main file and its write-ahead log, byte for byte. */
export function sqliteBytes(path: string): string {
  return [path, `${path}-wal`]
    .filter((p) => existsSync(p))
    .map((p) => readFileSync(p).toString('utf8'))
    .join('\n');
}
