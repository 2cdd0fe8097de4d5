import type { AuditFilters, AuditRequestResults } from '../../shared/contract/audit';
import type { RequestName } from '../../shared/contract/requests';
import { auditPage } from '../../shared/schemas/audit';
import type { DesktopCore } from './core';
import { CoreError } from './errors';
import type { Handlers } from './router';

type AuditHandlers = Pick<Handlers, Extract<RequestName, keyof AuditRequestResults>>;

/** The filters as the hub's query string (`search` travels as `q`). */
function query(params: AuditFilters & { before?: number; limit?: number }): string {
  const { search, ...rest } = params;
  const pairs = Object.entries({ ...rest, q: search || undefined }).filter(([, v]) => v !== undefined && v !== '') as [string, string | number][];
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : '';
}

/** The audit log as the hub words it; the hub decides whose entries an admin may read. */
export function auditHandlers(core: DesktopCore): AuditHandlers {
  const hub = () => {
    core.requireSignedIn();
    return core.hub;
  };
  return {
    'audit.list': async ({ limit, ...filters }) => {
      // One more than asked for says whether there is another page without a second round trip.
      const parsed = auditPage.safeParse(await hub().get<unknown>(`/api/audit${query({ ...filters, limit: limit + 1 })}`));
      if (!parsed.success) throw new CoreError('hub_bad_reply', 'The hub sent an audit log this desktop cannot read.');
      const page = parsed.data.entries.slice(0, limit);
      const more = parsed.data.entries.length > limit;
      return { entries: page, nextBefore: more && page.length ? page[page.length - 1]!.id : null };
    },
    'audit.export': async (filters) => ({
      filename: `audit-${new Date().toISOString().slice(0, 10)}.csv`,
      csv: await hub().text(`/api/audit/export${query(filters)}`),
    }),
  };
}
