import { STOP_WORDS, termOf, words } from './analyse';
import type { QueryTerm } from './query';

/** A run of text, emphasised when it matched the query; rendered as elements, never as HTML. */
export interface TextPart {
  text: string;
  match: boolean;
}

/** Letters and digits only, and not the country ("US", "USA"): such a word's own lower case is what `words` would make of it. */
const PLAIN = /^[A-Za-z0-9]+$/;
const wordOf = (raw: string): string => (PLAIN.test(raw) && raw !== 'US' && raw !== 'USA' ? raw.toLowerCase() : (words(raw)[0] ?? ''));

/** Whether a word of a result matched the query: worked out once per search, used for every result. */
export type Matcher = (word: string) => boolean;

/**
 * The query's matcher: the same stemming and spelling folding as the index, and the word still
 * being typed as a prefix. It remembers each word it has judged: 30 results repeat their words, and
 * a search that stems every word of every title and summary afresh spent more than the ranking did.
 */
export function matcherOf(terms: QueryTerm[]): Matcher {
  const exact = new Set(terms.filter((t) => !t.prefix).map((t) => t.term));
  const prefixes = [...new Set(terms.filter((t) => t.prefix).map((t) => t.typed))];
  const judged = new Map<string, boolean>();
  return (raw) => {
    let match = judged.get(raw);
    if (match === undefined) {
      const word = wordOf(raw);
      match = word !== '' && !STOP_WORDS.has(word) && (exact.has(termOf(word)) || prefixes.some((p) => word.startsWith(p)));
      judged.set(raw, match);
    }
    return match;
  };
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** Whether the character at `i` belongs to a word (/[\p{L}\p{N}'’]/u) and how many code units it takes; 0 if not. */
function wordUnit(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 ? 1 : 0;
  if (c === 0x2019) return 1;
  const wide = text.codePointAt(i)! > 0xffff ? 2 : 1;
  return LETTER_OR_NUMBER.test(text.slice(i, i + wide)) ? wide : 0;
}

/**
 * Marks the words of `text` that the query matched (`terms`, or a matcher made from them once).
 * Runs of the same kind are cut out of the text once each, not built up word by word: a search
 * highlights 30 titles and summaries, and every string and match object made here is garbage the
 * next search's collector has to sweep.
 */
export function highlight(text: string, query: QueryTerm[] | Matcher): TextPart[] {
  if (!text) return [];
  const matches = typeof query === 'function' ? query : matcherOf(query);
  const parts: TextPart[] = [];
  let runStart = 0;
  let runMatch = false;
  let i = 0;
  while (i < text.length) {
    const unit = wordUnit(text, i);
    if (unit === 0) {
      if (runMatch) {
        parts.push({ text: text.slice(runStart, i), match: true });
        runStart = i;
        runMatch = false;
      }
      i++;
      continue;
    }
    let end = i + unit;
    for (let u = wordUnit(text, end); u > 0; u = wordUnit(text, end)) end += u;
    const match = matches(text.slice(i, end));
    if (match !== runMatch) {
      if (i > runStart) parts.push({ text: text.slice(runStart, i), match: runMatch });
      runStart = i;
      runMatch = match;
    }
    i = end;
  }
  parts.push({ text: text.slice(runStart), match: runMatch });
  return parts;
}

/** Around the first match, cut to about `max` characters on word boundaries. */
export function snippet(text: string, query: QueryTerm[] | Matcher, max = 220): TextPart[] {
  const parts = highlight(text, query);
  const full = text;
  if (full.length <= max) return parts;
  let offset = 0;
  for (const p of parts) {
    if (p.match) break;
    offset += p.text.length;
  }
  const start = offset > max / 2 ? full.lastIndexOf(' ', offset - 40) + 1 : 0;
  const end = Math.min(full.length, start + max);
  const cut: TextPart[] = [];
  let pos = 0;
  for (const p of parts) {
    const from = Math.max(start, pos);
    const to = Math.min(end, pos + p.text.length);
    if (to > from) cut.push({ text: p.text.slice(from - pos, to - pos), match: p.match });
    pos += p.text.length;
  }
  if (start > 0) cut.unshift({ text: '… ', match: false });
  if (end < full.length) cut.push({ text: ' …', match: false });
  return cut;
}
