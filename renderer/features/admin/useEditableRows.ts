import { useEffect, useState } from 'react';
import type { Result } from '../../../shared/contract/envelope';
import { useSaving } from '../../ui/useSaving';
import { plainMessage } from './problems';

export interface RowProblems {
  rows: Map<number, string>;
  list: string | null;
}

/**
 * A list's problems by row, in plain English: zod names `codes.2.label` for the third row's label,
 * `codes` for the list; `fields` names a row's fields where the message should say which.
 */
export function rowProblems(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fields: Record<string, string> = {},
): RowProblems {
  const rows = new Map<number, string>();
  let list: string | null = null;
  for (const issue of issues) {
    const at = issue.path[1];
    const field = fields[String(issue.path[2])];
    const message = plainMessage(issue.message);
    if (typeof at === 'number') {
      if (!rows.has(at)) rows.set(at, field ? `${field}: ${message}` : message);
    } else list ??= message;
  }
  return { rows, list };
}

const NONE: RowProblems = { rows: new Map(), list: null };

/**
 * An admin's list being edited row by row (wrap-up codes, note templates): back to what is saved when
 * the hub's list changes; a new row takes the caret; a row's problem goes once the row is changed.
 */
export function useEditableRows<Saved, Row extends { key: string }>(
  saved: Saved[],
  toRow: (s: Saved) => Row,
  focusId: (index: number) => string,
) {
  const [rows, setRows] = useState(() => saved.map(toRow));
  const [problems, setProblems] = useState<RowProblems>(NONE);
  const { busy, error, save: send } = useSaving();
  const [done, setDone] = useState('');
  useEffect(() => setRows(saved.map(toRow)), [saved, toRow]);

  /** Sends the list; says what was saved, or keeps the hub's refusal for SaveActions. */
  const save = async <T>(run: () => Promise<Result<T>>, said: (value: T) => string) => {
    setDone('');
    const result = await send(run);
    if (result.ok) setDone(said(result.value));
  };
  const change = (index: number, patch: Partial<Row>) => {
    setDone('');
    setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    if (problems.rows.has(index))
      setProblems({ rows: new Map([...problems.rows].filter(([i]) => i !== index)), list: problems.list });
  };
  const add = (row: Omit<Row, 'key'>) => {
    setRows([...rows, { ...row, key: `new-${crypto.randomUUID()}` } as Row]);
    requestAnimationFrame(() => document.getElementById(focusId(rows.length))?.focus());
  };
  const remove = (index: number) => {
    setDone('');
    setRows(rows.filter((_, i) => i !== index));
    setProblems(NONE);
  };
  /** Shows what was refused and puts the caret on the first row refused (or on `fallback`). */
  const refuse = (found: RowProblems, fallback: string) => {
    setProblems(found);
    const first = Math.min(...found.rows.keys());
    document.getElementById(Number.isFinite(first) ? focusId(first) : fallback)?.focus();
  };
  const accept = () => setProblems(NONE);
  return { rows, problems, change, add, remove, refuse, accept, busy, error, done, save };
}
