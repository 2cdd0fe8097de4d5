import type { AuditEntryView, CatalogueRequestResults } from '../../shared/contract/catalogue';
import type { RequestName } from '../../shared/contract/requests';
import type { SiteView, UserView } from '../../shared/schemas/accounts';
import { auditPage, type AuditEntry } from '../../shared/schemas/audit';
import type { CatalogueItem } from '../../shared/schemas/catalogue';
import type { BudgetView, GestureSettings } from '../../shared/schemas/gestures';
import type { DesktopCore } from './core';
import { CoreError } from './errors';
import type { Handlers } from './router';

type CatalogueHandlers = Pick<Handlers, Extract<RequestName, keyof CatalogueRequestResults>>;

const q = (params: Record<string, string | number | undefined>) => {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined) as [string, string | number][];
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : '';
};
const seg = encodeURIComponent;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** Puts names to the ids in one audit line: the log is read by people, not by the database. */
function named(entry: AuditEntry, people: Map<string, string>, sites: Map<string, string>): AuditEntryView {
  const subject = (): string | null => {
    switch (entry.entity) {
      case 'user':
        return entry.entityId ? (people.get(entry.entityId) ?? null) : null;
      case 'site':
      case 'budget':
        return entry.siteId ? (sites.get(entry.siteId) ?? null) : null;
      case 'gesture_item':
        return text(entry.detail.name);
      case 'article':
        return text(entry.detail.title);
      default:
        return null;
    }
  };
  return {
    ...entry,
    actorName: entry.actorId ? (people.get(entry.actorId) ?? null) : null,
    subjectName: subject(),
    siteName: entry.siteId ? (sites.get(entry.siteId) ?? null) : null,
  };
}

/** The admin's catalogue, limits, budgets and audit log: the hub decides who may do each. */
export function catalogueHandlers(core: DesktopCore): CatalogueHandlers {
  const hub = () => {
    core.requireSignedIn();
    return core.hub;
  };
  return {
    'catalogue.list': async () => {
      const [{ items }, { sites }] = await Promise.all([
        hub().get<{ items: CatalogueItem[] }>('/api/catalogue'),
        hub().get<{ sites: SiteView[] }>('/api/sites'),
      ]);
      return { items, sites };
    },
    'catalogue.save': ({ mode, item }) => {
      if (mode === 'create') return hub().post<{ item: CatalogueItem }>('/api/catalogue/items', { ...item, retired: false });
      // Leaving `retired` out tells the hub to keep it: fixing a typo never revives or retires an item.
      const { id, retired: _kept, ...rest } = item;
      return hub().request<{ item: CatalogueItem }>('PUT', `/api/catalogue/items/${seg(id)}`, rest);
    },
    'catalogue.retire': ({ itemId }) => hub().post<{ item: CatalogueItem }>(`/api/catalogue/items/${seg(itemId)}/retire`, {}),
    'gestures.settings': () => hub().get<{ settings: GestureSettings }>('/api/gestures/settings'),
    'gestures.updateSettings': (patch) => hub().request<{ settings: GestureSettings }>('PUT', '/api/gestures/settings', patch),
    'gestures.setBudget': async ({ siteId, month, budgetPence }) => {
      const { budget } = await hub().request<{ budget: BudgetView | null }>(
        'PUT',
        `/api/gestures/budgets/${seg(siteId)}/${seg(month)}`,
        {
          budgetPence,
        },
      );
      if (!budget) throw new CoreError('not_found', 'That site has no budget for the month.');
      return { budget };
    },
    'audit.list': async ({ before, limit, entity }) => {
      // One more than asked for says whether there is another page without a second round trip.
      const [raw, { users }, { sites }] = await Promise.all([
        hub().get<unknown>(`/api/audit${q({ before, limit: limit + 1, entity })}`),
        hub().get<{ users: UserView[] }>('/api/users'),
        hub().get<{ sites: SiteView[] }>('/api/sites'),
      ]);
      const parsed = auditPage.safeParse(raw);
      if (!parsed.success) throw new CoreError('hub_bad_reply', 'The hub sent an audit log this desktop cannot read.');
      const people = new Map<string, string>(users.map((u) => [u.id, u.displayName]));
      const siteNames = new Map<string, string>(sites.map((s) => [s.id, s.name]));
      const page = parsed.data.entries.slice(0, limit);
      const more = parsed.data.entries.length > limit;
      return {
        entries: page.map((e) => named(e, people, siteNames)),
        nextBefore: more && page.length ? page[page.length - 1]!.id : null,
      };
    },
  };
}
