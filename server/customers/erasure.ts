import { createHash, randomBytes } from 'node:crypto';
import { PHONE_DIGEST_HEX, type EraseCustomerRequest } from '../../shared/schemas/erasure';
import { auditWrite } from '../audit';
import type { HubContext } from '../context';
import { nextCounter } from '../counters';
import type { Queryable } from '../db/types';
import { badRequest, HttpError, notFound } from '../http/errors';
import type { Actor } from '../http/router';
import { CUSTOMER_COLUMNS, type CustomerRow } from './customers';
import { likePatterns, mentions, needlesOf, reduceDetail, scrubJson, scrubText, type Needles } from './erasure-scrub';
import { readPrivacySettings } from './erasure-settings';

const DAY_MS = 24 * 60 * 60 * 1000;

export const erasureReference = (seq: number) => `E-${String(seq).padStart(6, '0')}`;

/** How a desktop finds a call from this number in its history without the hub sending the number. */
export const phoneDigest = (salt: string, e164: string) => createHash('sha256').update(`${salt}:${e164}`).digest('hex').slice(0, PHONE_DIGEST_HEX);

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export interface ErasureCounts {
  cases: number;
  notes: number;
  gestures: number;
  auditEntries: number;
}

/** What one erasure changed, for the log and the caller. */
export interface ErasureOutcome {
  seq: number;
  reference: string;
  customerId: string;
  counts: ErasureCounts;
}

interface Gathered {
  customer: CustomerRow & { erased_at: number | null };
  cases: { id: string; reference: string; call_id: string | null }[];
  gestures: { id: string; personalisation: string; message: string }[];
}

async function gather(q: Queryable, customerId: string): Promise<Gathered> {
  const lock = q.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const customer = await q.get<Gathered['customer']>(`SELECT ${CUSTOMER_COLUMNS}, erased_at FROM customers WHERE id = ?${lock}`, [customerId]);
  if (!customer) throw notFound('That customer');
  const cases = await q.all<Gathered['cases'][number]>('SELECT id, reference, call_id FROM cases WHERE customer_id = ?', [customerId]);
  const caseIds = cases.map((c) => c.id);
  // A gesture follows its case too: a case moved to another customer keeps what was given on it.
  const gestures = await q.all<Gathered['gestures'][number]>(
    `SELECT id, personalisation, message FROM gesture_requests WHERE customer_id = ?${caseIds.length ? ` OR case_id IN (${marks(caseIds.length)})` : ''}`,
    [customerId, ...caseIds],
  );
  return { customer, cases, gestures };
}

/** Everything the person's details and gifts said, to be found in free text elsewhere. */
function personalNeedles({ customer, gestures }: Gathered): Needles {
  const gifts = gestures.flatMap((g) => {
    const values = Object.values(JSON.parse(g.personalisation || '{}') as Record<string, unknown>).filter((v): v is string => typeof v === 'string');
    return [...values, g.message];
  });
  const c = customer;
  // Vulnerability needs are a list of common phrases ("needs more time"): other people's words too, so not needles.
  return needlesOf([c.name, c.email, c.membership_number, c.postcode, c.address, c.bereavement_ref, c.vulnerability_note, ...gifts], [c.phone, c.phone_alt]);
}

/** Audit entries about the customer, their cases or gestures lose the words; any other entry that quotes them loses the quote. */
async function scrubAudit(q: Queryable, ids: string[], needles: Needles, reference: string): Promise<number> {
  const likes = likePatterns(needles);
  const rows = await q.all<{ id: number; entity: string; entity_id: string | null; detail: string }>(
    `SELECT id, entity, entity_id, detail FROM audit_log
     WHERE entity_id IN (${marks(ids.length)}) OR ${[...ids.map(() => 'detail LIKE ?'), ...likes.map(() => 'LOWER(detail) LIKE ?')].join(' OR ')}`,
    [...ids, ...ids.map((id) => `%"${id}"%`), ...likes],
  );
  let changed = 0;
  for (const row of rows) {
    const about = (row.entity_id !== null && ids.includes(row.entity_id)) || ids.some((id) => row.detail.includes(`"${id}"`));
    if (!about && !mentions(row.detail, needles)) continue;
    const parsed = JSON.parse(row.detail) as unknown;
    const kept = about ? { ...(reduceDetail(parsed, reference, row.entity === 'customer') as object), erasure: reference } : parsed;
    await q.run('UPDATE audit_log SET detail = ? WHERE id = ?', [JSON.stringify(scrubJson(kept, needles, reference)), row.id]);
    changed++;
  }
  return changed;
}

/** Free text that staff typed about anyone: a search for the caller's name, a comment on an article. */
async function scrubFreeText(q: Queryable, needles: Needles, reference: string): Promise<void> {
  const likes = likePatterns(needles);
  if (!likes.length) return;
  const targets: [table: string, column: string][] = [
    ['knowledge_search_misses', 'query'],
    ['knowledge_feedback', 'comment'],
    ['knowledge_feedback', 'reply'],
  ];
  for (const [table, column] of targets) {
    const rows = await q.all<{ id: string; text: string }>(
      `SELECT id, ${column} AS text FROM ${table} WHERE ${likes.map(() => `LOWER(${column}) LIKE ?`).join(' OR ')}`,
      likes,
    );
    for (const r of rows) {
      if (mentions(r.text, needles)) await q.run(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [scrubText(r.text, needles, reference), r.id]);
    }
  }
}

function checkRequest(g: Gathered, input: EraseCustomerRequest): void {
  const typed = input.requestCaseReference.trim().toUpperCase();
  if (!g.cases.some((c) => c.reference.toUpperCase() === typed)) {
    throw badRequest('That is not one of this customer’s cases: type the reference of the case where the erasure request was logged.', [
      { path: 'requestCaseReference', message: 'not a case of this customer' },
    ]);
  }
  // A day's grace: an admin just after midnight in the UK is still on yesterday in UTC.
  if (Date.parse(`${input.requestedOn}T00:00:00Z`) > Date.now() + DAY_MS) {
    throw badRequest('The request date is in the future.', [{ path: 'requestedOn', message: 'in the future' }]);
  }
}

/**
 * Erases one customer's personal data in one transaction: the customer row is kept as "Erased
 * customer E-000123" (so gesture amounts, budgets and the 12-month cap still add up), their cases'
 * subjects and notes, their gestures' names, addresses and messages, and every audit entry's words
 * about them go; the erasure is logged and put on the feed desktops read.
 */
/**
 * SQLite leaves old text in the unused parts of its pages (where a row was before an update or a
 * page split), so an erasure rewrites the whole file from its live rows, then empties the
 * write-ahead log that briefly held the copy. Erasures are rare; the embedded hub is the small one.
 */
async function rewriteSqliteFile(db: HubContext['db']): Promise<void> {
  await db.run('VACUUM');
  await db.all('PRAGMA wal_checkpoint(TRUNCATE)');
}

export async function eraseCustomer(hub: HubContext, actor: Actor, input: EraseCustomerRequest): Promise<ErasureOutcome> {
  const { db } = hub;
  const outcome = await db.tx(async (q) => {
    const g = await gather(q, input.customerId);
    if (g.customer.erased_at !== null) {
      const done = await q.get<{ reference: string }>('SELECT reference FROM customer_erasures WHERE customer_id = ?', [input.customerId]);
      throw new HttpError(409, 'already_erased', `This customer was already erased (${done?.reference ?? 'no reference'}).`);
    }
    checkRequest(g, input);
    const seq = await nextCounter(q, 'erasure');
    const reference = erasureReference(seq);
    const erased = `Erased (${reference})`;
    const now = Date.now();
    const caseIds = g.cases.map((c) => c.id);
    const gestureIds = g.gestures.map((x) => x.id);
    const needles = personalNeedles(g);

    await q.run(
      `UPDATE customers SET name = ?, phone = NULL, phone_alt = NULL, email = NULL, membership_number = NULL, postcode = NULL,
         address = NULL, bereaved = 0, bereavement_ref = NULL, bereavement_service = NULL, bereavement_date = NULL, bereaved_at = NULL,
         bereavement_asked_at = NULL, vulnerable = 0, vulnerability_note = NULL, vulnerability_needs = '[]',
         marketing_suppressed = 1, surveys_suppressed = 1, erased_at = ?, updated_at = ? WHERE id = ?`,
      [`Erased customer ${reference}`, now, now, input.customerId],
    );
    let notes = 0;
    if (caseIds.length) {
      const inCases = `(${marks(caseIds.length)})`;
      await q.run(`UPDATE cases SET subject = ?, outcome = CASE WHEN outcome IS NULL THEN NULL ELSE ? END, updated_at = ? WHERE id IN ${inCases}`, [
        erased, erased, now, ...caseIds,
      ]);
      notes = (await q.run(`UPDATE case_notes SET body = ? WHERE case_id IN ${inCases}`, [erased, ...caseIds])).changes;
      // Every earlier wording of each note, the reasons given for reopening, the follow-up tasks' titles.
      await q.run(`UPDATE case_note_revisions SET body = ? WHERE note_id IN (SELECT id FROM case_notes WHERE case_id IN ${inCases})`, [erased, ...caseIds]);
      await q.run(`UPDATE case_status_changes SET reason = ? WHERE reason IS NOT NULL AND case_id IN ${inCases}`, [erased, ...caseIds]);
      await q.run(`UPDATE case_tasks SET title = ? WHERE case_id IN ${inCases}`, [erased, ...caseIds]);
    }
    let followUpIds: string[] = [];
    if (gestureIds.length) {
      const inGestures = `(${marks(gestureIds.length)})`;
      await q.run(
        `UPDATE gesture_requests SET personalisation = '{}', message = '', reason = ?,
           decision_reason = CASE WHEN decision_reason IS NULL THEN NULL ELSE ? END WHERE id IN ${inGestures}`,
        [erased, erased, ...gestureIds],
      );
      followUpIds = (await q.all<{ id: string }>(`SELECT id FROM follow_ups WHERE request_id IN ${inGestures}`, gestureIds)).map((r) => r.id);
      await q.run(`UPDATE follow_ups SET outcome = ? WHERE outcome IS NOT NULL AND request_id IN ${inGestures}`, [erased, ...gestureIds]);
    }
    // The calls' records keep who took them, when and how long, not the caller's number.
    const callIds = g.cases.flatMap((c) => (c.call_id ? [c.call_id] : []));
    const numbers = [g.customer.phone, g.customer.phone_alt].filter((p): p is string => Boolean(p));
    if (callIds.length + numbers.length) {
      await q.run(`UPDATE call_records SET customer_number = ? WHERE call_id IN (${marks(callIds.length) || "''"}) OR customer_number IN (${marks(numbers.length) || "''"})`, [
        reference, ...callIds, ...numbers,
      ]);
    }
    const auditEntries = await scrubAudit(q, [input.customerId, ...caseIds, ...gestureIds, ...followUpIds], needles, reference);
    await scrubFreeText(q, needles, reference);

    const counts: ErasureCounts = { cases: caseIds.length, notes, gestures: gestureIds.length, auditEntries };
    const salt = randomBytes(16).toString('hex');
    const phones = [g.customer.phone, g.customer.phone_alt].filter((p): p is string => Boolean(p));
    await q.run(
      `INSERT INTO customer_erasures (seq, reference, customer_id, request_case_reference, requested_on, erased_by, erased_at, counts, case_ids, call_ids, phone_salt, phone_digests)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [seq, reference, input.customerId, input.requestCaseReference.trim().toUpperCase(), input.requestedOn, actor.userId, now, JSON.stringify(counts),
        caseIds.join(','), g.cases.flatMap((c) => (c.call_id ? [c.call_id] : [])).join(','), phones.length ? salt : null,
        phones.map((p) => phoneDigest(salt, p)).join(',')],
    );
    // Past the deadline every desktop has either applied an erasure or wiped itself: the digests can go.
    const { erasureDeadlineDays } = await readPrivacySettings(q);
    await q.run("UPDATE customer_erasures SET phone_salt = NULL, phone_digests = '' WHERE erased_at < ? AND phone_salt IS NOT NULL", [now - erasureDeadlineDays * DAY_MS]);
    await q.run(...auditWrite(actor, [{
      action: 'customer.erased', entity: 'customer', entityId: input.customerId, siteId: null,
      detail: { reference, requestedOn: input.requestedOn, requestCaseReference: input.requestCaseReference.trim().toUpperCase(), counts },
    }]));
    return { seq, reference, customerId: input.customerId, counts };
  });
  if (db.dialect === 'sqlite') await rewriteSqliteFile(db);
  await hub.events.publish({ name: 'customer.erased', data: { seq: outcome.seq }, audience: { kind: 'everyone' } });
  return outcome;
}
