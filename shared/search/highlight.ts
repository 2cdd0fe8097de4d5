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

/** The query's matcher: the same stemming and spelling folding as the index, and the word still being typed as a prefix. */
export function matcherOf(terms: QueryTerm[]): Matcher {
  const exact = new Set(terms.filter((t) => !t.prefix).map((t) => t.term));
  const prefixes = [...new Set(terms.filter((t) => t.prefix).map((t) => t.typed))];
  return (raw) => {
    const word = wordOf(raw);
    return word !== '' && !STOP_WORDS.has(word) && (exact.has(termOf(word)) || prefixes.some((p) => word.startsWith(p)));
  };
}

/** Marks the words of `text` that the query matched (`terms`, or a matcher made from them once). */
export function highlight(text: string, query: QueryTerm[] | Matcher): TextPart[] {
  if (!text) return [];
  const matches = typeof query === 'function' ? query : matcherOf(query);
  const parts: TextPart[] = [];
  const push = (chunk: string, match: boolean) => {
    if (!chunk) return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += chunk;
    else parts.push({ text: chunk, match });
  };
  let at = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    push(text.slice(at, m.index), false);
    push(m[0], matches(m[0]));
    at = m.index + m[0].length;
  }
  push(text.slice(at), false);
  return parts;
}

/** Around the first match, cut to about `max` characters on word boundaries. */
export function snippet(text: string, query: QueryTerm[] | Matcher, max = 220): TextPart[] {
  const parts = highlight(text, query);
  const full = parts.map((p) => p.text).join('');
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
