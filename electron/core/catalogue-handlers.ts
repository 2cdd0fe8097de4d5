import type { CatalogueRequestResults } from '../../shared/contract/catalogue';
import type { RequestName } from '../../shared/contract/requests';
import type { SiteView } from '../../shared/schemas/accounts';
import type { CatalogueItem } from '../../shared/schemas/catalogue';
import type { BudgetView, GestureSettings } from '../../shared/schemas/gestures';
import type { DesktopCore } from './core';
import { CoreError } from './errors';
import type { Handlers } from './router';

type CatalogueHandlers = Pick<Handlers, Extract<RequestName, keyof CatalogueRequestResults>>;

const seg = encodeURIComponent;

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
  };
}
