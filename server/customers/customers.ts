import { BEREAVEMENT_SERVICES, type BereavementService, type CaseView, type CustomerView } from '../../shared/schemas/customers';
import type { Queryable } from '../db/types';
import { notFound } from '../http/errors';

export interface CustomerRow {
  id: string;
  name: string;
  phone: string | null;
  phone_alt: string | null;
  email: string | null;
  membership_number: string | null;
  postcode: string | null;
  bereaved: number | boolean;
  bereavement_ref: string | null;
  vulnerable: number | boolean;
  vulnerability_note: string | null;
  marketing_suppressed: number | boolean;
  address: string | null;
  surveys_suppressed: number | boolean;
  bereavement_service: string | null;
  bereavement_date: string | null;
  bereaved_at: number | string | null;
  vulnerability_needs: string | null;
  bereavement_asked_at: number | string | null;
}

export const CUSTOMER_COLUMNS =
  'id, name, phone, phone_alt, email, membership_number, postcode, bereaved, bereavement_ref, vulnerable, vulnerability_note, marketing_suppressed, ' +
  'address, surveys_suppressed, bereavement_service, bereavement_date, bereaved_at, vulnerability_needs, bereavement_asked_at';

function needsOf(raw: string | null): string[] {
  try {
    const parsed = JSON.parse(raw ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

export const toCustomerView = (r: CustomerRow): CustomerView => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  phoneAlt: r.phone_alt,
  email: r.email,
  membershipNumber: r.membership_number,
  postcode: r.postcode,
  address: r.address,
  flags: {
    bereaved: Boolean(Number(r.bereaved)),
    vulnerable: Boolean(Number(r.vulnerable)),
    marketingSuppressed: Boolean(Number(r.marketing_suppressed)),
    surveysSuppressed: Boolean(Number(r.surveys_suppressed)),
  },
  bereavementRef: r.bereavement_ref,
  bereavementService: (BEREAVEMENT_SERVICES as readonly string[]).includes(r.bereavement_service ?? '') ? (r.bereavement_service as BereavementService) : null,
  bereavementDate: r.bereavement_date,
  bereavedAt: r.bereaved_at === null ? null : Number(r.bereaved_at),
  vulnerabilityNote: r.vulnerability_note,
  vulnerabilityNeeds: needsOf(r.vulnerability_needs),
});

export async function findCustomer(q: Queryable, id: string): Promise<CustomerRow> {
  const row = await q.get<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = ?`, [id]);
  if (!row) throw notFound('That customer');
  return row;
}

export const CASE_SELECT = `SELECT c.id, c.reference, c.customer_id, cu.name AS customer_name, c.channel, c.line, c.queue_id,
  c.call_id, c.status, c.wrapup_code, w.label AS wrapup_label, w.means_death AS wrapup_means_death, c.outcome, c.subject,
  c.site_id, s.name AS site_name, c.owner_id, u.display_name AS owner_name, c.opened_at, c.closed_at, c.resolved_at, c.updated_at
  FROM cases c JOIN sites s ON s.id = c.site_id
  LEFT JOIN customers cu ON cu.id = c.customer_id LEFT JOIN users u ON u.id = c.owner_id
  LEFT JOIN wrapup_codes w ON w.id = c.wrapup_code`;

export const toCaseView = (r: Record<string, unknown>): CaseView =>
  ({
    id: r.id,
    reference: r.reference,
    customerId: r.customer_id,
    customerName: r.customer_name,
    channel: r.channel,
    line: r.line,
    queueId: r.queue_id,
    callId: r.call_id,
    status: r.status,
    wrapupCode: r.wrapup_code,
    wrapupLabel: r.wrapup_label ?? null,
    wrapupMeansDeath: Boolean(Number(r.wrapup_means_death ?? 0)),
    outcome: r.outcome ?? null,
    subject: r.subject,
    siteId: r.site_id,
    siteName: r.site_name,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    resolvedAt: r.resolved_at ?? null,
    updatedAt: r.updated_at,
  }) as CaseView;
