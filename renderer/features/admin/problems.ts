import type { FieldProblem } from '../../../shared/schemas/common';

export const ARTICLE_FIELDS = ['title', 'summary', 'line', 'category', 'tags', 'body'] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

/**
 * Validation messages arrive in the schema library's wording ("Too small: expected string to have
 * >=2 characters"); an admin should read plain English instead.
 */
const REWRITES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Too small: expected string to have >=(\d+) characters?$/, (m) => `Enter at least ${m[1]} characters.`],
  [/^Too big: expected string to have <=(\d+) characters?$/, (m) => `Use no more than ${m[1]} characters.`],
  [/^Too big: expected array to have <=(\d+) items?$/, (m) => `Use no more than ${m[1]}.`],
  [/^at least (\d+) characters?$/, (m) => `Enter at least ${m[1]} characters.`],
  [/^at most (\d+) characters?$/, (m) => `Use no more than ${m[1]} characters.`],
  [/^Invalid option: expected one of /, () => 'Choose one of the options.'],
  [/^Invalid input: expected string, received undefined$/, () => 'This is required.'],
];

export function plainMessage(message: string): string {
  for (const [pattern, rewrite] of REWRITES) {
    const match = message.match(pattern);
    if (match) return rewrite(match);
  }
  return message;
}

/** The core reports `tags.2` for the third tag; the form has one tags box. */
export function problemsByField(problems: FieldProblem[] | undefined) {
  const byField: Partial<Record<ArticleField, string>> = {};
  const other: FieldProblem[] = [];
  for (const p of problems ?? []) {
    const field = ARTICLE_FIELDS.find((f) => p.path === f || p.path.startsWith(`${f}.`));
    if (field) byField[field] ??= plainMessage(p.message);
    else other.push({ path: p.path, message: plainMessage(p.message) });
  }
  return { byField, other };
}
