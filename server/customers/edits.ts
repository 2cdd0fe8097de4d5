import type { z } from 'zod';
import { toE164 } from '../../shared/phone';
import type {
  bereavementRequest,
  contactDetails,
  suppressionsRequest,
  updateContactRequest,
  vulnerabilityRequest,
} from '../../shared/schemas/customers';
import { checkCaseAction } from '../access';
import { audit } from '../audit';
import type { Queryable } from '../db/types';
import { badRequest, conflict, notFound } from '../http/errors';
import type { Actor } from '../http/router';
import { newId } from '../ids';
import { findCustomer, type CustomerRow } from './customers';

type Contact = Partial<z.output<typeof contactDetails>>;

/** A phone number as the hub keeps it (E.164), or a clear 400 naming the field. */
function phoneField(value: string | null | undefined, path: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  const e164 = toE164(value);
  if (!e164) throw badRequest('That is not a phone number we can read.', [{ path, message: 'not a phone number' }]);
  return e164;
}

const COLUMN: Record<keyof Contact, keyof CustomerRow> = {
  name: 'name', phone: 'phone', phoneAlt: 'phone_alt', email: 'email', postcode: 'postcode', address: 'address', membershipNumber: 'membership_number',
};

function normalised(input: Contact): Contact {
  return {
    ...input,
    ...(input.phone !== undefined ? { phone: phoneField(input.phone, 'phone') } : {}),
    ...(input.phoneAlt !== undefined ? { phoneAlt: phoneField(input.phoneAlt, 'phoneAlt') } : {}),
    ...(input.postcode ? { postcode: input.postcode.toUpperCase().replace(/\s+/g, ' ') } : {}),
  };
}

async function membershipFree(q: Queryable, number: string | null | undefined, exceptId: string | null): Promise<void> {
  if (!number) return;
  const holder = await q.get<{ id: string }>('SELECT id FROM customers WHERE membership_number = ?', [number]);
  if (holder && holder.id !== exceptId) throw conflict('That membership number belongs to another customer: search for them instead.');
}

/** A new customer, usually from the caller's number on a call nobody recognised. */
export async function createCustomer(q: Queryable, actor: Actor, input: z.output<typeof contactDetails>): Promise<string> {
  const c = normalised(input);
  await membershipFree(q, c.membershipNumber, null);
  const id = newId('cust');
  const now = Date.now();
  await q.run(
    `INSERT INTO customers (id, name, phone, phone_alt, email, membership_number, postcode, address, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, c.name!, c.phone ?? null, c.phoneAlt ?? null, c.email ?? null, c.membershipNumber ?? null, c.postcode ?? null, c.address ?? null, now, now],
  );
  // The audit says what was done and by whom; the details themselves stay on the customer row.
  await audit(q, actor, { action: 'customer.created', entity: 'customer', entityId: id, detail: { fields: Object.keys(input).filter((k) => input[k as keyof Contact]) } });
  return id;
}

/** Corrects contact details; the audit keeps which fields changed and what they were. */
export async function updateContact(q: Queryable, actor: Actor, customerId: string, input: z.output<typeof updateContactRequest>): Promise<void> {
  const before = await findCustomer(q, customerId);
  const c = normalised(input);
  await membershipFree(q, c.membershipNumber, before.id);
  const changed = (Object.keys(c) as (keyof Contact)[]).filter((k) => c[k] !== undefined && (c[k] ?? null) !== (before[COLUMN[k]] ?? null));
  if (!changed.length) return;
  await q.run(`UPDATE customers SET ${changed.map((k) => `${COLUMN[k]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [
    ...changed.map((k) => c[k] ?? null),
    Date.now(),
    before.id,
  ]);
  await audit(q, actor, {
    action: 'customer.contact_updated',
    entity: 'customer',
    entityId: before.id,
    detail: { fields: changed, before: Object.fromEntries(changed.map((k) => [k, before[COLUMN[k]] ?? null])) },
  });
}

/** Tell us once: recorded on the customer, every site sees it, marketing and surveys stop. */
export async function recordBereavement(q: Queryable, actor: Actor, customerId: string, input: z.output<typeof bereavementRequest>): Promise<void> {
  const c = await findCustomer(q, customerId);
  const now = Date.now();
  await q.run(
    `UPDATE customers SET bereaved = 1, bereaved_at = COALESCE(bereaved_at, ?), bereavement_ref = COALESCE(?, bereavement_ref),
     bereavement_service = COALESCE(?, bereavement_service), bereavement_date = COALESCE(?, bereavement_date),
     marketing_suppressed = 1, surveys_suppressed = 1, bereavement_asked_at = COALESCE(bereavement_asked_at, ?), updated_at = ? WHERE id = ?`,
    [now, input.reference || null, input.service ?? null, input.date ?? null, now, now, c.id],
  );
  await audit(q, actor, {
    action: 'customer.bereavement_flagged',
    entity: 'customer',
    entityId: c.id,
    detail: { reference: input.reference ?? null, service: input.service ?? null, date: input.date ?? null },
  });
}

/** "Not now / not bereaved": the prompt has been seen for this customer and does not come back. */
export async function bereavementAsked(q: Queryable, actor: Actor, customerId: string): Promise<void> {
  const c = await findCustomer(q, customerId);
  await q.run('UPDATE customers SET bereavement_asked_at = COALESCE(bereavement_asked_at, ?) WHERE id = ?', [Date.now(), c.id]);
  await audit(q, actor, { action: 'customer.bereavement_prompt_answered', entity: 'customer', entityId: c.id, detail: { recorded: false } });
}

/** Needs recorded once ("needs more time", "prefers email"), so the customer never says them twice. */
export async function setVulnerability(q: Queryable, actor: Actor, customerId: string, input: z.output<typeof vulnerabilityRequest>): Promise<void> {
  const c = await findCustomer(q, customerId);
  const needs = input.vulnerable ? [...new Set(input.needs)] : [];
  const note = input.vulnerable ? (input.note ?? c.vulnerability_note ?? null) : null;
  await q.run('UPDATE customers SET vulnerable = ?, vulnerability_needs = ?, vulnerability_note = ?, updated_at = ? WHERE id = ?', [
    input.vulnerable ? 1 : 0,
    JSON.stringify(needs),
    note,
    Date.now(),
    c.id,
  ]);
  await audit(q, actor, { action: 'customer.vulnerability_set', entity: 'customer', entityId: c.id, detail: { vulnerable: input.vulnerable, needs } });
}

/** Marketing and surveys; a bereaved customer's stay off (the hub will not turn them back on). */
export async function setSuppressions(q: Queryable, actor: Actor, customerId: string, input: z.output<typeof suppressionsRequest>): Promise<void> {
  const c = await findCustomer(q, customerId);
  if (Number(c.bereaved) && (!input.marketing || !input.surveys)) {
    throw conflict('Marketing and surveys stay suppressed for a bereaved customer.');
  }
  await q.run('UPDATE customers SET marketing_suppressed = ?, surveys_suppressed = ?, updated_at = ? WHERE id = ?', [
    input.marketing ? 1 : 0,
    input.surveys ? 1 : 0,
    Date.now(),
    c.id,
  ]);
  await audit(q, actor, { action: 'customer.suppressions_set', entity: 'customer', entityId: c.id, detail: input });
}

/** Links a case to its customer, or corrects the link; only the case's own site may change it. */
export async function linkCase(q: Queryable, actor: Actor, caseId: string, customerId: string): Promise<{ before: string | null }> {
  const found = await q.get<{ id: string; site_id: string; customer_id: string | null }>('SELECT id, site_id, customer_id FROM cases WHERE id = ?', [caseId]);
  if (!found) throw notFound('That case');
  checkCaseAction(actor, found.site_id, 'update');
  const customer = await findCustomer(q, customerId);
  if (found.customer_id === customer.id) return { before: found.customer_id };
  if (found.customer_id && (await q.get('SELECT id FROM gesture_requests WHERE case_id = ? LIMIT 1', [found.id]))) {
    throw conflict('This case already has a gesture for its customer: open a new case for the other customer instead.');
  }
  await q.run('UPDATE cases SET customer_id = ?, updated_at = ? WHERE id = ?', [customer.id, Date.now(), found.id]);
  await audit(q, actor, { action: 'case.customer_linked', entity: 'case', entityId: found.id, siteId: found.site_id, detail: { customerId: customer.id, before: found.customer_id } });
  return { before: found.customer_id };
}
