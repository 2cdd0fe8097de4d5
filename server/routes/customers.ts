import { z } from 'zod';
import { bereavementRequest, customerSearchQuery } from '../../shared/schemas/customers';
import { customerByPhone, customerCard } from '../customers/card';
import { toE164 } from '../../shared/phone';
import { CUSTOMER_COLUMNS, toCustomerView, type CustomerRow } from '../customers/customers';
import { recordBereavement } from '../customers/edits';
import { searchCustomers } from '../customers/search';
import { route } from '../http/router';

export const customerRoutes = [
  route({
    method: 'GET',
    path: '/api/customers',
    access: 'signed_in',
    summary: 'Find customers by name, phone number, postcode, membership number or case reference',
    query: customerSearchQuery,
    async handle({ hub, query }) {
      const rows = await searchCustomers(hub.db, query.q, query.limit);
      return { body: { customers: rows.map(toCustomerView) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/customers/:id',
    access: 'signed_in',
    summary: 'A customer with their recent cases from every site',
    async handle({ hub, params }) {
      return { body: await customerCard(hub.db, params.id!) };
    },
  }),
];

export const screenPopRoutes = [
  route({
    method: 'GET',
    path: '/api/screen-pop',
    access: 'signed_in',
    summary: 'The customer card for a caller’s number (null for a new customer)',
    query: z.object({ number: z.string().min(3).max(40), membership: z.string().max(20).optional() }),
    async handle({ hub, query }) {
      const e164 = toE164(query.number);
      let row = e164 ? await customerByPhone(hub.db, e164) : undefined;
      if (!row && query.membership) {
        row = await hub.db.get<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE membership_number = ?`, [query.membership]);
      }
      return { body: { number: e164, card: row ? await customerCard(hub.db, row.id) : null } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/customers/:id/bereavement',
    access: ['advisor', 'supervisor'],
    summary: 'Flag a bereavement once (with a Tell Us Once or DNS reference); every site sees it',
    body: bereavementRequest,
    async handle({ hub, actor, params, body }) {
      await hub.db.tx((q) => recordBereavement(q, actor, params.id!, body));
      await hub.events.publish({ name: 'customer.changed', data: { customerId: params.id! }, audience: { kind: 'everyone' } });
      return { body: await customerCard(hub.db, params.id!) };
    },
  }),
];
