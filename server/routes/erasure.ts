import { z } from 'zod';
import { eraseCustomerRequest, erasureChangesQuery, privacySettings } from '../../shared/schemas/erasure';
import { audit } from '../audit';
import { eraseCustomer } from '../customers/erasure';
import { erasureChanges, erasureLog, previewErasure } from '../customers/erasure-log';
import { readPrivacySettings, savePrivacySettings } from '../customers/erasure-settings';
import { route } from '../http/router';

const ORG_ADMIN = ['org_admin'] as const;

/**
 * The right to erasure and the retention rules. Only an organisation admin erases or sets the
 * rules; every desktop reads the feed and the rules, and follows them on its own computer.
 */
export const erasureRoutes = [
  route({
    method: 'GET',
    path: '/api/erasures/preview',
    access: ORG_ADMIN,
    summary: 'What erasing this customer would touch: their cases, notes and gestures (the money stays)',
    query: z.object({ customerId: z.string().min(1).max(64) }),
    async handle({ hub, query }) {
      return { body: { preview: await previewErasure(hub.db, query.customerId) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/erasures',
    access: ORG_ADMIN,
    summary: 'Erase a customer’s personal data on their request; the money and the audit trail stay, under a reference',
    body: eraseCustomerRequest,
    async handle({ hub, actor, body }) {
      const outcome = await eraseCustomer(hub, actor, body);
      return { status: 201, body: { erasure: outcome } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/erasures',
    access: ORG_ADMIN,
    summary: 'The erasure log for the data-protection officer: who, when, the reference and the request date',
    query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
    async handle({ hub, query }) {
      return { body: { erasures: await erasureLog(hub.db, query.limit) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/erasures/changes',
    access: 'signed_in',
    summary: 'The erasure feed by cursor: what each desktop must remove from its own store',
    query: erasureChangesQuery,
    async handle({ hub, query }) {
      return { body: await erasureChanges(hub.db, query.after, query.limit) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/privacy/settings',
    access: 'signed_in',
    summary: 'How long desktops keep call history and drafts, wipe at sign-out, and the erasure deadline',
    async handle({ hub }) {
      return { body: { settings: await readPrivacySettings(hub.db) } };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/privacy/settings',
    access: ORG_ADMIN,
    summary: 'Set the retention periods, wipe at sign-out and the erasure deadline for every desktop',
    body: privacySettings,
    async handle({ hub, actor, body }) {
      const settings = await hub.db.tx(async (q) => {
        const before = await readPrivacySettings(q);
        await savePrivacySettings(q, body);
        await audit(q, actor, { action: 'privacy.settings_changed', entity: 'organisation', siteId: null, detail: { before, after: body } });
        return readPrivacySettings(q);
      });
      await hub.events.publish({ name: 'privacy.settings_changed', data: {}, audience: { kind: 'everyone' } });
      return { body: { settings } };
    },
  }),
];
