import type { CustomerCard } from '../../shared/contract/calls';
import type { CustomerRequestResults } from '../../shared/contract/customers';
import type { RequestName } from '../../shared/contract/requests';
import type { DesktopCore } from './core';
import type { Handlers } from './router';

type CustomerHandlers = Pick<Handlers, Extract<RequestName, keyof CustomerRequestResults>>;
const seg = encodeURIComponent;

/** Customers and their flags: the hub's answers passed through; a call on screen gets the new card. */
export function customerHandlers(core: DesktopCore): CustomerHandlers {
  const hub = () => {
    core.requireSignedIn();
    return core.hub;
  };
  /** The call on screen shows the same customer: its card (and sensitivity) follows at once. */
  const refreshCard = async (customerId: string) => {
    const { desk } = core.requireSignedIn();
    if (desk.current?.card?.customer.id !== customerId) return;
    await hub()
      .get<CustomerCard>(`/api/customers/${seg(customerId)}`)
      .then(
        (card) => desk.updateCard(card),
        () => undefined,
      );
  };
  const changed = async <T>(customerId: string, answer: Promise<T>): Promise<T> => {
    const value = await answer;
    await refreshCard(customerId);
    return value;
  };
  return {
    'customers.profile': ({ customerId }) => hub().get(`/api/customers/${seg(customerId)}/profile`),
    'customers.create': (details) => hub().post('/api/customers', details),
    'customers.update': ({ customerId, ...details }) =>
      changed(customerId, hub().request('PATCH', `/api/customers/${seg(customerId)}`, details)),
    'customers.setVulnerability': ({ customerId, ...body }) =>
      changed(customerId, hub().request('PUT', `/api/customers/${seg(customerId)}/vulnerability`, body)),
    'customers.setSuppressions': ({ customerId, ...body }) =>
      changed(customerId, hub().request('PUT', `/api/customers/${seg(customerId)}/suppressions`, body)),
    'customers.recordBereavement': async ({ customerId, ...body }) => {
      const card = await changed(customerId, hub().post<CustomerCard>(`/api/customers/${seg(customerId)}/bereavement`, body));
      return { customer: card.customer };
    },
    'customers.dismissBereavementPrompt': ({ customerId }) =>
      hub().post(`/api/customers/${seg(customerId)}/bereavement-prompt`, {}),
    'cases.bereavementPrompt': ({ caseId }) => hub().get(`/api/cases/${seg(caseId)}/bereavement-prompt`),
    'cases.linkCustomer': ({ caseId, customerId }) => hub().request('PUT', `/api/cases/${seg(caseId)}/customer`, { customerId }),
  };
}
