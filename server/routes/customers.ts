import { z } from 'zod';
import { customerSearchQuery } from '../../shared/schemas/customers';
import { audit } from '../audit';
import { customerByPhone, customerCard } from '../customers/card';
import { toE164 } from '../../shared/phone';
import { CUSTOMER_COLUMNS, findCustomer, toCustomerView, type CustomerRow } from '../customers/customers';
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
    body: z.object({ reference: z.string().trim().max(40).optional() }),
    async handle({ hub, actor, params, body }) {
      await hub.db.tx(async (q) => {
        const c = await findCustomer(q, params.id!);
        const now = Date.now();
        await q.run(
          'UPDATE customers SET bereaved = 1, bereaved_at = COALESCE(bereaved_at, ?), bereavement_ref = COALESCE(?, bereavement_ref), marketing_suppressed = 1, updated_at = ? WHERE id = ?',
          [now, body.reference || null, now, c.id],
        );
        await audit(q, actor, { action: 'customer.bereavement_flagged', entity: 'customer', entityId: c.id, detail: { reference: body.reference ?? null } });
      });
      await hub.events.publish({ name: 'customer.changed', data: { customerId: params.id! }, audience: { kind: 'everyone' } });
      return { body: await customerCard(hub.db, params.id!) };
    },
  }),
];
