import { STOP_WORDS, termOf, words } from './analyse';
import type { QueryTerm } from './query';

/** A run of text, emphasised when it matched the query; rendered as elements, never as HTML. */
export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * Marks the words of `text` that the query matched: the same stemming and spelling folding as the
 * index, and the word still being typed as a prefix.
 */
export function highlight(text: string, terms: QueryTerm[]): TextPart[] {
  if (!text) return [];
  const exact = new Set(terms.filter((t) => !t.prefix).map((t) => t.term));
  const prefixes = [...new Set(terms.filter((t) => t.prefix).map((t) => t.typed))];
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
    const word = words(m[0])[0] ?? '';
    const hit = word !== '' && !STOP_WORDS.has(word) && (exact.has(termOf(word)) || prefixes.some((p) => word.startsWith(p)));
    push(m[0], hit);
    at = m.index + m[0].length;
  }
  push(text.slice(at), false);
  return parts;
}

/** Around the first match, cut to about `max` characters on word boundaries. */
export function snippet(text: string, terms: QueryTerm[], max = 220): TextPart[] {
  const parts = highlight(text, terms);
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
