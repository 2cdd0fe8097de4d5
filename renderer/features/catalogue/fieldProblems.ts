import type { BridgeError } from '../../../shared/contract/envelope';
import type { FieldProblem } from '../../../shared/schemas/common';
import { plainMessage } from '../admin/problems';

/** Wording the knowledge form never meets, made plain for an admin. */
const REWRITES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Too small: expected array to have >=1 items?$/, () => 'Choose at least one.'],
  [/^Too small: expected number to be >=0$/, () => 'The amount cannot be negative.'],
  [/^Too big: expected number to be <=\d+$/, () => 'That amount is too large.'],
  [
    /^Invalid string: must match pattern .*A-Za-z.*0-9.*\{0,39\}/,
    () => 'Start with a letter; use only letters and digits (no spaces).',
  ],
  [/^Invalid input: expected (number|boolean|array)/, () => 'This is required.'],
  [/^Too small: expected string to have >=1 characters?$/, () => 'This is required.'],
];

export function plainProblem(message: string): string {
  for (const [pattern, rewrite] of REWRITES) {
    const m = message.match(pattern);
    if (m) return rewrite(m);
  }
  const plain = plainMessage(message);
  return plain ? plain[0]!.toUpperCase() + plain.slice(1) : plain;
}

export interface Problems {
  byField: Record<string, string>;
  /** Problems with no field on this form, listed in the summary. */
  other: FieldProblem[];
}

/**
 * Puts each reported problem next to its field. `known` lists the form's fields as problem paths
 * ("name", "limits.advisorPence", "fields.2"); a deeper path ("fields.2.key") goes to its nearest
 * known parent. `strip` drops a wrapper the bridge added ("item.").
 */
export function problemsByField(problems: FieldProblem[] | undefined, known: readonly string[], strip = ''): Problems {
  const byField: Record<string, string> = {};
  const other: FieldProblem[] = [];
  for (const p of problems ?? []) {
    const path = strip && p.path.startsWith(strip) ? p.path.slice(strip.length) : p.path;
    const field = known.filter((k) => path === k || path.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
    const message = plainProblem(p.message);
    if (field) byField[field] ??= message;
    else other.push({ path, message });
  }
  return { byField, other };
}

/** A hub refusal with no field attached, put on the field it is about. */
export function withConflictOn(error: BridgeError | null, field: string): FieldProblem[] | undefined {
  if (!error) return undefined;
  if (error.code === 'conflict' && !error.problems?.length) return [{ path: field, message: error.message }];
  return error.problems;
}
