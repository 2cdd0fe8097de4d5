import { z } from 'zod';
import { ADMIN_ROLES } from '../../shared/roles';
import { auditCsv } from '../audit-log/csv';
import { readAudit, type AuditFilters } from '../audit-log/read';
import { route } from '../http/router';

const filters = z.object({
  entity: z.string().max(40).optional(),
  personId: z.string().max(64).optional(),
  siteId: z.string().max(64).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().positive().optional(),
  q: z.string().max(200).optional(),
});
const pageQuery = filters.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});

/** The most one export holds; narrow by dates for more. */
const EXPORT_LIMIT = 20_000;

const asFilters = (q: z.infer<typeof filters>): Omit<AuditFilters, 'limit'> => ({
  entity: q.entity,
  personId: q.personId,
  siteId: q.siteId,
  from: q.from,
  to: q.to,
  search: q.q,
});

export const auditRoutes = [
  route({
    method: 'GET',
    path: '/api/audit',
    access: ADMIN_ROLES,
    summary: 'The audit log, newest first, each entry named and in words: a site admin reads their own site’s, an organisation admin every site’s',
    query: pageQuery,
    async handle({ hub, actor, query }) {
      return { body: { entries: await readAudit(hub.db, actor, { ...asFilters(query), limit: query.limit, before: query.before }) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/audit/export',
    access: ADMIN_ROLES,
    summary: 'The audit log under the same filters as CSV, people and sites by name',
    query: filters,
    async handle({ hub, actor, query }) {
      const entries = await readAudit(hub.db, actor, { ...asFilters(query), limit: EXPORT_LIMIT });
      return {
        text: auditCsv(entries),
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
        },
      };
    },
  }),
];
