import type { TextPart } from './protocol';

/**
 * Plain-text helpers shared by indexing, ranking and snippets: one notion of a "word" everywhere,
 * so what ranks an article is also what gets emphasised in its snippet.
 */
const WORD = /[\p{L}\p{N}]+/gu;

export function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function words(text: string): string[] {
  return Array.from(text.matchAll(WORD), (m) => fold(m[0]));
}

/** Words that carry no meaning in a question ("how do I cancel a plan"). */
const STOPWORDS = new Set(
  (
    'a an and are as at be but by can could do does for from has have how i if in into is it its me my ' +
    'no not of on or our so that the their then there these they this to was we what when where which ' +
    'who why will with would you your'
  ).split(' '),
);

export function queryTerms(query: string): string[] {
  const all = [...new Set(words(query))];
  const meaningful = all.filter((w) => !STOPWORDS.has(w));
  return meaningful.length > 0 ? meaningful : all;
}

/** A word matches a term by prefix (the user may still be typing) or as a simple plural. */
export function matchStrength(word: string, term: string): number {
  if (word === term) return 1;
  if (word.startsWith(term)) return 0.8;
  if (term.length > 3 && term.endsWith('s') && word.startsWith(term.slice(0, -1))) return 0.7;
  return 0;
}

export function matchesAny(word: string, terms: readonly string[]): boolean {
  return terms.some((t) => matchStrength(word, t) > 0);
}

/** Markdown to readable text for indexing and snippets; the article view renders the real thing. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/^\s*-{3,}\s*$/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits text into parts with every matching word emphasised. */
export function emphasise(text: string, terms: readonly string[]): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!matchesAny(fold(m[0]), terms)) continue;
    const start = m.index;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: m[0], match: true });
    last = start + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

const SNIPPET_CHARS = 180;

/** The stretch of text where most of the query's words meet, cut at word boundaries. */
export function snippetOf(text: string, terms: readonly string[]): TextPart[] {
  if (text.length <= SNIPPET_CHARS) return emphasise(text, terms);
  const hits: { at: number; term: string }[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = fold(m[0]);
    const term = terms.find((t) => matchStrength(word, t) > 0);
    if (term) hits.push({ at: m.index, term });
  }
  let bestStart = 0;
  let bestScore = 0;
  for (const hit of hits) {
    const inWindow = hits.filter((h) => h.at >= hit.at && h.at < hit.at + SNIPPET_CHARS - 40);
    const score = new Set(inWindow.map((h) => h.term)).size * 10 + inWindow.length;
    if (score > bestScore) {
      bestScore = score;
      bestStart = hit.at;
    }
  }
  let start = Math.max(0, bestStart - 40);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  const parts = emphasise(text.slice(start, end), terms);
  if (start > 0) parts.unshift({ text: '…', match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}
