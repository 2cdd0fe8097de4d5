import type { Outcome } from './outcome';
export type { Outcome } from './outcome';
import { create } from 'zustand';
import { useQuery } from '@tanstack/react-query';
import type { RequestArgs, RequestName, RequestResults } from '../../shared/contract/requests';
import { bridge } from './bridgeRef';
import { ask, asLoadable, caseChanged, customerFlagsChanged, queryClient } from './queries';

/**
 * The customer search (Alt C from anywhere) and the profile it opens. Searching "to link" remembers
 * the case the advisor came from, so choosing someone links that case instead of only showing them.
 */
interface CustomersStore {
  searchOpen: boolean;
  /** The case a chosen customer will be linked to; null when the search only finds and shows. */
  linkCaseId: string | null;
  /** The caller's number on the case being linked, offered for a new customer. */
  callerNumber: string | null;
  profileId: string | null;
  openSearch(link?: { caseId: string; callerNumber: string | null }): void;
  closeSearch(): void;
  openProfile(customerId: string): void;
  closeProfile(): void;
  clear(): void;
}

export const useCustomersStore = create<CustomersStore>()((set) => ({
  searchOpen: false,
  linkCaseId: null,
  callerNumber: null,
  profileId: null,
  openSearch: (link) => set({ searchOpen: true, linkCaseId: link?.caseId ?? null, callerNumber: link?.callerNumber ?? null }),
  closeSearch: () => set({ searchOpen: false, linkCaseId: null, callerNumber: null }),
  openProfile: (profileId) => set({ profileId, searchOpen: false }),
  closeProfile: () => set({ profileId: null }),
  clear: () => set({ searchOpen: false, linkCaseId: null, callerNumber: null, profileId: null }),
}));

export const useCustomerSearchState = () => {
  const searchOpen = useCustomersStore((s) => s.searchOpen);
  const linkCaseId = useCustomersStore((s) => s.linkCaseId);
  const callerNumber = useCustomersStore((s) => s.callerNumber);
  return { searchOpen, linkCaseId, callerNumber };
};
export const useProfileId = () => useCustomersStore((s) => s.profileId);
export const useCustomerActions = () => {
  const s = useCustomersStore.getState();
  return { openSearch: s.openSearch, closeSearch: s.closeSearch, openProfile: s.openProfile, closeProfile: s.closeProfile };
};

export const profileKey = (customerId: string) => ['customer', customerId, 'profile'] as const;
export const useCustomerProfile = (customerId: string | null) =>
  asLoadable(
    useQuery({
      queryKey: profileKey(customerId ?? ''),
      queryFn: () => ask('customers.profile', { customerId: customerId! }),
      enabled: customerId !== null,
    }),
  );

export const useBereavementPrompt = (caseId: string) =>
  asLoadable(
    useQuery({ queryKey: ['case', caseId, 'bereavementPrompt'], queryFn: () => ask('cases.bereavementPrompt', { caseId }) }),
  );


/**
 * One change to a customer or a case's link, through the core. Whatever shows the customer (their
 * profile, the card, every open gesture list) asks again afterwards; other desktops hear it from the hub.
 */
export async function changeCustomer<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<Outcome<RequestResults[N]>> {
  const result = await bridge().call(name, args);
  if (!result.ok) return result;
  customerFlagsChanged();
  if (name === 'cases.linkCustomer') caseChanged((args as { caseId: string }).caseId);
  void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[2] === 'bereavementPrompt' });
  return { ok: true, value: result.value };
}
