import { isSensitive } from '../../shared/gestures/policy';
import type { Line } from '../../shared/roles';
import { read, readTogether } from '../db/together';
import type { Queryable } from '../db/types';
import { notFound } from '../http/errors';

/** Words on a case that say someone has died (the subject, a note, the wrap-up code's label). */
export const DEATH = /\b(died|passed away|death|funeral|bereave\w*|deceased|late (husband|wife|mother|father|mum|dad|partner|son|daughter))\b/i;

export interface CaseSensitivity {
  caseId: string;
  line: Line;
  customerId: string | null;
  customerBereaved: boolean;
  /** The case says someone has died, whether or not the bereavement is recorded on the customer yet. */
  deathOnCase: boolean;
  /** Only bereavement-suitable items, gentle wording, no marketing or surveys. */
  sensitive: boolean;
  /** Everything the ranking reads: subject, wrap-up label and the latest notes. */
  text: string;
}

export interface SensitivityRow {
  id: string;
  line: Line;
  subject: string;
  customer_id: string | null;
  bereaved: number | boolean | null;
  label: string | null;
  means_death: number | boolean | null;
}

/**
 * The columns of a SensitivityRow, for a read of the case (as `c`) and its customer (as `cu`) that
 * also joins SENSITIVITY_JOIN: a read that needs the case anyway takes these along.
 */
export const SENSITIVITY_COLUMNS = 'c.id, c.line, c.subject, c.customer_id, cu.bereaved, w.label, w.means_death';
export const SENSITIVITY_JOIN = 'LEFT JOIN wrapup_codes w ON w.id = c.wrapup_code';

/** The case's latest notes, where the words that say someone has died are looked for. */
export const caseNotesRead = (caseId: string) =>
  read('SELECT body FROM case_notes WHERE case_id = ? ORDER BY created_at DESC LIMIT 20', [caseId], (rows) => (rows as { body: string }[]).map((n) => n.body));

/** What caseSensitivity reads, as two reads to send with others (see readTogether). */
export const sensitivityReads = (caseId: string) =>
  [
    read(
      `SELECT ${SENSITIVITY_COLUMNS} FROM cases c LEFT JOIN customers cu ON cu.id = c.customer_id ${SENSITIVITY_JOIN} WHERE c.id = ?`,
      [caseId],
      (rows) => rows[0] as SensitivityRow | undefined,
    ),
    caseNotesRead(caseId),
  ] as const;

/**
 * How careful a case must be, worked out on the hub from the case and its customer (never taken
 * from a desktop). A case that says someone has died is treated as bereaved until the advisor has
 * recorded it on the customer: a "Member has died" case never offers a new-baby box.
 */
export function sensitivityOf(c: SensitivityRow | undefined, notes: readonly string[]): CaseSensitivity {
  if (!c) throw notFound('That case');
  const text = [c.subject, c.label ?? '', ...notes].join('\n');
  const customerBereaved = Boolean(Number(c.bereaved ?? 0));
  // A wrap-up code an admin marked as meaning a death says so whatever its label's words.
  const deathOnCase = DEATH.test(text) || Boolean(Number(c.means_death ?? 0));
  return {
    caseId: c.id,
    line: c.line,
    customerId: c.customer_id,
    customerBereaved,
    deathOnCase,
    sensitive: isSensitive({ line: c.line, customerBereaved }) || deathOnCase,
    text,
  };
}

export async function caseSensitivity(q: Queryable, caseId: string): Promise<CaseSensitivity> {
  return sensitivityOf(...(await readTogether(q, sensitivityReads(caseId))));
}
