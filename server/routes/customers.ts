import { customerSearchQuery } from '../../shared/schemas/customers';
import { toE164 } from '../../shared/phone';
import {
  CASE_SELECT,
  CUSTOMER_COLUMNS,
  findCustomer,
  toCaseView,
  toCustomerView,
  type CustomerRow,
} from '../customers/customers';
import { route } from '../http/router';

export const customerRoutes = [
  route({
    method: 'GET',
    path: '/api/customers',
    access: 'signed_in',
    summary: 'Find customers by phone number, membership number or name',
    query: customerSearchQuery,
    async handle({ hub, query }) {
      const phone = toE164(query.q);
      let rows: CustomerRow[];
      if (phone) {
        rows = await hub.db.all<CustomerRow>(
          `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE phone = ? OR phone_alt = ? LIMIT ?`,
          [phone, phone, query.limit],
        );
      } else if (/^\d{6,}$/.test(query.q.replace(/\s/g, ''))) {
        rows = await hub.db.all<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE membership_number = ? LIMIT ?`, [
          query.q.replace(/\s/g, ''),
          query.limit,
        ]);
      } else {
        const like = `%${query.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
        rows = await hub.db.all<CustomerRow>(
          `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE LOWER(name) LIKE ? ORDER BY name LIMIT ?`,
          [like, query.limit],
        );
      }
      return { body: { customers: rows.map(toCustomerView) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/customers/:id',
    access: 'signed_in',
    summary: 'A customer with their recent cases from every site',
    async handle({ hub, params }) {
      const customer = await findCustomer(hub.db, params.id!);
      const cases = await hub.db.all<Record<string, unknown>>(
        `${CASE_SELECT} WHERE c.customer_id = ? ORDER BY c.opened_at DESC LIMIT 20`,
        [customer.id],
      );
      return { body: { customer: toCustomerView(customer), cases: cases.map(toCaseView) } };
    },
  }),
];
