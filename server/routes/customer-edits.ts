import {
  createCustomerRequest,
  linkCustomerRequest,
  suppressionsRequest,
  updateContactRequest,
  vulnerabilityRequest,
} from '../../shared/schemas/customers';
import type { HubContext } from '../context';
import { CASE_SELECT, findCustomer, toCaseView, toCustomerView } from '../customers/customers';
import {
  bereavementAsked,
  createCustomer,
  linkCase,
  setSuppressions,
  setVulnerability,
  updateContact,
} from '../customers/edits';
import { customerProfile } from '../customers/profile';
import { bereavementPromptFor } from '../customers/prompt';
import { notFound } from '../http/errors';
import { route } from '../http/router';

const AGENTS = ['advisor', 'supervisor'] as const;

/** Every desktop showing this customer (a gesture list, a card, a profile) asks again: tell us once. */
const changed = (hub: HubContext, customerId: string) =>
  hub.events.publish({ name: 'customer.changed', data: { customerId }, audience: { kind: 'everyone' } });

const customerBody = async (hub: HubContext, id: string) => ({ customer: toCustomerView(await findCustomer(hub.db, id)) });

export const customerEditRoutes = [
  route({
    method: 'POST',
    path: '/api/customers',
    access: [...AGENTS],
    summary: 'A new customer (for example from an unknown caller’s number)',
    body: createCustomerRequest,
    async handle({ hub, actor, body }) {
      const id = await hub.db.tx((q) => createCustomer(q, actor, body));
      return { status: 201, body: await customerBody(hub, id) };
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/customers/:id',
    access: [...AGENTS],
    summary: 'Correct a customer’s contact details (audited with what they were)',
    body: updateContactRequest,
    async handle({ hub, actor, params, body }) {
      await hub.db.tx((q) => updateContact(q, actor, params.id!, body));
      await changed(hub, params.id!);
      return { body: await customerBody(hub, params.id!) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/customers/:id/profile',
    access: 'signed_in',
    summary: 'A customer with their whole timeline from every site and channel',
    async handle({ hub, actor, params }) {
      return { body: await customerProfile(hub.db, actor, params.id!) };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/customers/:id/vulnerability',
    access: [...AGENTS],
    summary: 'Record a customer as vulnerable with their needs, once, for every site',
    body: vulnerabilityRequest,
    async handle({ hub, actor, params, body }) {
      await hub.db.tx((q) => setVulnerability(q, actor, params.id!, body));
      await changed(hub, params.id!);
      return { body: await customerBody(hub, params.id!) };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/customers/:id/suppressions',
    access: [...AGENTS],
    summary: 'Suppress marketing and surveys for a customer',
    body: suppressionsRequest,
    async handle({ hub, actor, params, body }) {
      await hub.db.tx((q) => setSuppressions(q, actor, params.id!, body));
      await changed(hub, params.id!);
      return { body: await customerBody(hub, params.id!) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/customers/:id/bereavement-prompt',
    access: [...AGENTS],
    summary: 'The advisor answered the bereavement prompt without recording one: it is not asked again',
    async handle({ hub, actor, params }) {
      await hub.db.tx((q) => bereavementAsked(q, actor, params.id!));
      await changed(hub, params.id!);
      return { body: await customerBody(hub, params.id!) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/cases/:id/bereavement-prompt',
    access: 'signed_in',
    summary: 'Whether to ask the advisor to record a bereavement for this case’s customer (once per customer)',
    async handle({ hub, params }) {
      return { body: { prompt: await bereavementPromptFor(hub.db, params.id!) } };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/cases/:id/customer',
    access: [...AGENTS],
    summary: 'Link a case to its customer, or change the customer (own site only)',
    body: linkCustomerRequest,
    async handle({ hub, actor, params, body }) {
      const { before } = await hub.db.tx((q) => linkCase(q, actor, params.id!, body.customerId));
      await changed(hub, body.customerId);
      if (before && before !== body.customerId) await changed(hub, before);
      const row = await hub.db.get<Record<string, unknown>>(`${CASE_SELECT} WHERE c.id = ?`, [params.id!]);
      if (!row) throw notFound('That case');
      return { body: { case: toCaseView(row) } };
    },
  }),
];

