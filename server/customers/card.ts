import type { CustomerCard } from '../../shared/contract/calls';
import type { Queryable } from '../db/types';
import { CASE_SELECT, CUSTOMER_COLUMNS, findCustomer, toCaseView, toCustomerView, type CustomerRow } from './customers';

/** Everything an advisor should see when this customer calls: from every site, so nobody asks twice. */
export async function customerCard(q: Queryable, customerId: string): Promise<CustomerCard> {
  const customer = await findCustomer(q, customerId);
  const cases = await q.all<Record<string, unknown>>(`${CASE_SELECT} WHERE c.customer_id = ? ORDER BY c.opened_at DESC LIMIT 10`, [customer.id]);
  const notes = await q.all<Record<string, unknown>>(
    `SELECT c.reference, n.body, n.created_at, u.display_name, s.name AS site_name
     FROM case_notes n JOIN cases c ON c.id = n.case_id JOIN sites s ON s.id = c.site_id LEFT JOIN users u ON u.id = n.author_id
     WHERE c.customer_id = ? ORDER BY n.created_at DESC LIMIT 8`,
    [customer.id],
  );
  return {
    customer: toCustomerView(customer),
    cases: cases.map(toCaseView),
    notes: notes.map((n) => ({
      caseReference: String(n.reference),
      body: String(n.body),
      createdAt: Number(n.created_at),
      authorName: (n.display_name as string | null) ?? null,
      siteName: String(n.site_name),
    })),
  };
}

export async function customerByPhone(q: Queryable, e164: string): Promise<CustomerRow | undefined> {
  return q.get<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE phone = ? OR phone_alt = ? ORDER BY updated_at DESC LIMIT 1`, [e164, e164]);
}
