import type { ErasureChange, ErasureChangesPage, ErasureLogEntry, ErasurePreview } from '../../shared/schemas/erasure';
import type { Queryable } from '../db/types';
import { notFound } from '../http/errors';

const DAY_MS = 24 * 60 * 60 * 1000;
const list = (text: string | null): string[] => (text ? text.split(',').filter(Boolean) : []);

/** What an erasure would touch, for the admin to check before typing the confirmation. */
export async function previewErasure(q: Queryable, customerId: string): Promise<ErasurePreview> {
  const customer = await q.get<{ id: string; name: string }>('SELECT id, name FROM customers WHERE id = ?', [customerId]);
  if (!customer) throw notFound('That customer');
  const done = await q.get<{ reference: string }>('SELECT reference FROM customer_erasures WHERE customer_id = ?', [customerId]);
  const cases = await q.all<{ id: string; reference: string; subject: string; opened_at: number }>(
    'SELECT id, reference, subject, opened_at FROM cases WHERE customer_id = ? ORDER BY opened_at DESC',
    [customerId],
  );
  const notes = await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM case_notes n JOIN cases c ON c.id = n.case_id WHERE c.customer_id = ?', [customerId]);
  const gifts = await q.get<{ n: number; pence: number | null }>(
    'SELECT COUNT(*) AS n, SUM(amount_pence) AS pence FROM gesture_requests WHERE customer_id = ?',
    [customerId],
  );
  return {
    customerId: customer.id,
    name: customer.name,
    erasedReference: done?.reference ?? null,
    cases: cases.map((c) => ({ id: c.id, reference: c.reference, subject: c.subject, openedAt: Number(c.opened_at) })),
    notes: Number(notes?.n ?? 0),
    gestures: Number(gifts?.n ?? 0),
    gesturePence: Number(gifts?.pence ?? 0),
  };
}

interface ErasureRow {
  seq: number;
  reference: string;
  customer_id: string;
  request_case_reference: string;
  requested_on: string;
  erased_by: string;
  erased_by_name: string;
  erased_at: number;
  counts: string;
  case_ids: string;
  call_ids: string;
  phone_salt: string | null;
  phone_digests: string;
}

/** The data-protection officer's log, newest first: who, when, the references and the request date. */
export async function erasureLog(q: Queryable, limit: number): Promise<ErasureLogEntry[]> {
  const rows = await q.all<ErasureRow>(
    `SELECT e.seq, e.reference, e.request_case_reference, e.requested_on, e.erased_by, u.display_name AS erased_by_name, e.erased_at, e.counts
     FROM customer_erasures e JOIN users u ON u.id = e.erased_by ORDER BY e.seq DESC LIMIT ?`,
    [limit],
  );
  return rows.map((r) => ({
    reference: r.reference,
    requestedOn: r.requested_on,
    erasedAt: Number(r.erased_at),
    erasedBy: r.erased_by,
    erasedByName: r.erased_by_name,
    requestCaseReference: r.request_case_reference,
    daysTaken: Math.max(0, Math.floor((Number(r.erased_at) - Date.parse(`${r.requested_on}T00:00:00Z`)) / DAY_MS)),
    counts: JSON.parse(r.counts) as ErasureLogEntry['counts'],
  }));
}

const toChange = (r: ErasureRow): ErasureChange => ({
  seq: Number(r.seq),
  reference: r.reference,
  customerId: r.customer_id,
  caseIds: list(r.case_ids),
  callIds: list(r.call_ids),
  phoneSalt: r.phone_salt,
  phoneDigests: list(r.phone_digests),
  erasedAt: Number(r.erased_at),
});

/** The feed every desktop reads by cursor, as it reads knowledge: erasures after `after`, oldest first. */
export async function erasureChanges(q: Queryable, after: number, limit: number): Promise<ErasureChangesPage> {
  const rows = await q.all<ErasureRow>(
    `SELECT seq, reference, customer_id, case_ids, call_ids, phone_salt, phone_digests, erased_at
     FROM customer_erasures WHERE seq > ? ORDER BY seq LIMIT ?`,
    [after, limit + 1],
  );
  const page = rows.slice(0, limit);
  const latest = await q.get<{ value: number }>("SELECT value FROM counters WHERE name = 'erasure'");
  return {
    changes: page.map(toChange),
    cursor: page.length ? Number(page[page.length - 1]!.seq) : after,
    latest: Number(latest?.value ?? 0),
    more: rows.length > limit,
  };
}
