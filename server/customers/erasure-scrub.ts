import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Finding a person's words where they were written down in passing: an audit entry that quotes a
 * number dialled, a search an advisor typed with the caller's name, a comment on an article. The
 * needles are what the customer row and their gestures held; each is matched case-insensitively,
 * and a phone number in any of the ways people write it (07700 900123, +44 7700 900 123).
 */
export interface Needles {
  texts: string[];
  /** National significant numbers (digits only), matched with any spacing or prefix. */
  phones: string[];
}

/** Shorter texts (initials, a house number) would match other people's words too. */
const MIN_TEXT = 4;

export function needlesOf(values: readonly (string | null | undefined)[], phones: readonly (string | null | undefined)[]): Needles {
  const texts = new Set<string>();
  for (const v of values) {
    const t = v?.trim();
    if (t && t.length >= MIN_TEXT) texts.add(t);
  }
  const national = new Set<string>();
  for (const p of phones) {
    if (!p) continue;
    const parsed = parsePhoneNumberFromString(p, 'GB');
    const digits = parsed?.nationalNumber ?? p.replace(/\D/g, '').replace(/^0/, '');
    if (digits.length >= 6) national.add(digits);
  }
  return { texts: [...texts], phones: [...national] };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternOf(needles: Needles): RegExp | null {
  const parts = [
    ...needles.texts.map(escape),
    // +44 or 0 (or nothing) before the number, any spaces, dots or dashes between its digits.
    ...needles.phones.map((d) => `(?:\\+\\s*\\d{1,3}[\\s.-]*(?:\\(0\\)[\\s.-]*)?|0)?${d.split('').join('[\\s.-]*')}`),
  ];
  return parts.length ? new RegExp(parts.join('|'), 'gi') : null;
}

/** The text with every needle replaced by the erasure's reference. */
export function scrubText(text: string, needles: Needles, replacement: string): string {
  const pattern = patternOf(needles);
  return pattern ? text.replace(pattern, replacement) : text;
}

export function mentions(text: string, needles: Needles): boolean {
  const pattern = patternOf(needles);
  return pattern ? new RegExp(pattern.source, 'i').test(text) : false;
}

/**
 * SQL LIKE patterns that find every row a needle could be in (then matched exactly in code): the
 * texts as typed, a phone number's last six digits together or split as people write them.
 */
export function likePatterns(needles: Needles): string[] {
  const patterns = new Set<string>();
  for (const t of needles.texts) patterns.add(`%${t.toLowerCase().replace(/[%_\\]/g, '')}%`);
  for (const d of needles.phones) {
    patterns.add(`%${d.slice(-6)}%`);
    patterns.add(`%${d.slice(-6, -3)} ${d.slice(-3)}%`);
    patterns.add(`%${d.slice(-7, -4)} ${d.slice(-4)}%`);
  }
  return [...patterns];
}

/** Keys whose text is a code or an id, never a person's words, in an entry about something else (a case, a gesture). */
const CODE_KEYS = new Set([
  'reference', 'caseId', 'customerId', 'requestId', 'noteId', 'itemId', 'idempotencyKey', 'line', 'level', 'month',
  'status', 'state', 'code', 'kind', 'approverLevel', 'budgetMonth', 'wrapupCode', 'channel', 'requestedBy', 'taskId', 'assigneeId',
  'from', 'to', 'fromStatus', 'toStatus',
]);

/**
 * An audit entry about the customer, their case or their gesture keeps what happened and the
 * money (numbers, yes/no, codes and ids) and loses every word written about the person. An entry
 * about the customer row itself keeps no text at all (a "reference" there is a Tell Us Once one).
 */
export function reduceDetail(detail: unknown, replacement: string, aboutCustomer: boolean, key = ''): unknown {
  if (detail === null || typeof detail === 'number' || typeof detail === 'boolean') return detail;
  if (typeof detail === 'string') return !aboutCustomer && CODE_KEYS.has(key) ? detail : replacement;
  if (Array.isArray(detail)) return detail.map((d) => reduceDetail(d, replacement, aboutCustomer, key));
  if (typeof detail === 'object') {
    return Object.fromEntries(Object.entries(detail as Record<string, unknown>).map(([k, v]) => [k, reduceDetail(v, replacement, aboutCustomer, k)]));
  }
  return replacement;
}

/** Every text inside a JSON value with the needles replaced. */
export function scrubJson(value: unknown, needles: Needles, replacement: string): unknown {
  if (typeof value === 'string') return scrubText(value, needles, replacement);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, needles, replacement));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrubJson(v, needles, replacement)]));
  }
  return value;
}
