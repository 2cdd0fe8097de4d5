/**
 * Note text helpers: templates with {placeholders}, and links to knowledge articles written into a
 * note as `[Title](kb:article-id)`, so the note stays plain text on every side (and in the journal)
 * and the case view turns the link back into a button that opens the article.
 */

export interface TemplateValues {
  /** The case's reference ({case}). */
  case?: string | null;
  /** The customer's name ({customer}). */
  customer?: string | null;
  /** A bereavement notification reference already recorded for the customer ({reference}). */
  reference?: string | null;
}

const PLACEHOLDER = /\{([^{}\n]{1,40})\}/g;

/** The template with what is known filled in; the rest stays as {placeholders} to type over. */
export function fillTemplate(body: string, values: TemplateValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name.trim().toLowerCase() as keyof TemplateValues];
    return value ? value : whole;
  });
}

/** Where the first placeholder still to fill is, so the caret can select it. */
export function firstPlaceholder(text: string, from = 0): { start: number; end: number } | null {
  PLACEHOLDER.lastIndex = from;
  const match = PLACEHOLDER.exec(text);
  PLACEHOLDER.lastIndex = 0;
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** Text inserted into a note box at the caret, on a line of its own when the box already has text. */
export function insertAt(text: string, at: number, insert: string): { text: string; caret: number } {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const lead = before && !before.endsWith('\n') && !before.endsWith(' ') ? ' ' : '';
  const next = `${before}${lead}${insert}${after}`;
  return { text: next, caret: before.length + lead.length + insert.length };
}

/** `[Title](kb:id)`; brackets in a title are dropped so the link always reads back. */
export const articleLink = (id: string, title: string): string => `[${title.replace(/[[\]()]/g, '').trim()}](kb:${id})`;

export type NoteSegment = { kind: 'text'; text: string } | { kind: 'article'; articleId: string; title: string };

const LINK = /\[([^[\]\n]{1,200})\]\(kb:([A-Za-z0-9_-]{1,120})\)/g;

/** A note's text with its article links picked out. */
export function noteSegments(body: string): NoteSegment[] {
  const out: NoteSegment[] = [];
  let last = 0;
  for (const match of body.matchAll(LINK)) {
    if (match.index > last) out.push({ kind: 'text', text: body.slice(last, match.index) });
    out.push({ kind: 'article', title: match[1]!, articleId: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < body.length) out.push({ kind: 'text', text: body.slice(last) });
  return out;
}
