import type { PrivacyPushes } from '../../shared/contract/privacy';
import { useCaseTabsStore } from './caseTabs';
import { useHomesStore } from './homes';
import { caseKeys, queryClient } from './queries';

/**
 * A customer erased on the hub leaves the page as well as the computer: their cases' tabs close
 * (a call still going on keeps its tab), what was fetched about them is dropped, and every list
 * that could name them asks again. The core has already purged its store and told the call desk.
 */
export function forgetErasedCustomers({ customerIds, caseIds }: PrivacyPushes['customers.erased']): void {
  const cases = new Set(caseIds);
  const { tabs, currentCallId } = useCaseTabsStore.getState();
  for (const tab of tabs) {
    if (tab.caseId && cases.has(tab.caseId) && (tab.callId === null || tab.callId !== currentCallId)) useCaseTabsStore.getState().close(tab.key);
  }
  for (const id of caseIds) queryClient.removeQueries({ queryKey: caseKeys.one(id) });
  for (const id of customerIds) queryClient.removeQueries({ queryKey: ['customer', id] });
  void queryClient.invalidateQueries();
  const homes = useHomesStore.getState();
  if (homes.advisor.status !== 'idle') void homes.loadAdvisor();
}
