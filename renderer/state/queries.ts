import { QueryClient, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { BridgeError } from '../../shared/contract/envelope';
import type { RequestArgs, RequestName, RequestResults } from '../../shared/contract/requests';
import { bridge } from './bridgeRef';
import type { Loadable } from './loadable';

/**
 * What the page fetches from the hub (through the core) for one case or one customer. Each case tab
 * asks under its own key, so two tabs never share or overwrite each other's data, and a push only
 * has to say which keys are stale.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, staleTime: 15_000, refetchOnWindowFocus: false, gcTime: 10 * 60_000 } },
});

/** A bridge error carried through react-query, which wants thrown errors. */
export class BridgeFailure extends Error {
  constructor(readonly error: BridgeError) {
    super(error.message);
  }
}

export async function ask<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<RequestResults[N]> {
  const result = await bridge().call(name, args);
  if (!result.ok) throw new BridgeFailure(result.error);
  return result.value;
}

export const caseKeys = {
  all: ['case'] as const,
  one: (caseId: string) => ['case', caseId] as const,
  view: (caseId: string) => ['case', caseId, 'view'] as const,
  suggestions: (caseId: string) => ['case', caseId, 'suggestions'] as const,
  gestures: (caseId: string) => ['case', caseId, 'gestures'] as const,
};
export const customerKeys = {
  all: ['customer'] as const,
  gestures: (customerId: string) => ['customer', customerId, 'gestures'] as const,
};

/** The same three states every panel already shows (loading, error, data), from a query. */
export function asLoadable<T>(query: UseQueryResult<T>): Loadable<T> {
  if (query.isError) {
    const error = query.error instanceof BridgeFailure ? query.error.error : { code: 'failed', message: String(query.error) };
    return query.data === undefined ? { status: 'error', error } : { status: 'error', error, data: query.data };
  }
  if (query.data !== undefined) return query.isFetching ? { status: 'loading', data: query.data } : { status: 'ready', data: query.data };
  return { status: 'loading' };
}

export const useCaseView = (caseId: string) =>
  asLoadable(useQuery({ queryKey: caseKeys.view(caseId), queryFn: () => ask('cases.get', { caseId }) }));

export const useCaseSuggestions = (caseId: string) =>
  asLoadable(useQuery({ queryKey: caseKeys.suggestions(caseId), queryFn: () => ask('gestures.suggestions', { caseId }) }));

export const useCaseGestures = (caseId: string) =>
  asLoadable(useQuery({ queryKey: caseKeys.gestures(caseId), queryFn: async () => (await ask('gestures.forCase', { caseId })).gestures }));

/** Something changed on the hub for this case (a note, a gesture, a decision): its tab asks again. */
export const caseChanged = (caseId?: string) => {
  void queryClient.invalidateQueries({ queryKey: caseId ? caseKeys.one(caseId) : caseKeys.all });
  // A note or a gesture on a case is on its customer's timeline too.
  void queryClient.invalidateQueries({ queryKey: customerKeys.all });
};
export const customerChanged = () => void queryClient.invalidateQueries({ queryKey: customerKeys.all });

/**
 * A customer's flags or details changed (here or at another site): their profile and every open
 * gesture list ask again, since a bereavement makes every case of theirs bereavement-only.
 */
export function customerFlagsChanged(): void {
  customerChanged();
  void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'case' && (q.queryKey[2] === 'suggestions' || q.queryKey[2] === 'view' || q.queryKey[2] === 'bereavementPrompt') });
}

export const useCustomerGestures = (customerId: string | null) =>
  asLoadable(
    useQuery({
      queryKey: customerKeys.gestures(customerId ?? ''),
      queryFn: () => ask('gestures.forCustomer', { customerId: customerId! }),
      enabled: customerId !== null,
    }),
  );

const reasonsKey = ['notReadyReasons'] as const;

/** The admin's list of not-ready reasons (the last one seen, offline). */
export const useNotReadyReasons = () =>
  asLoadable(useQuery({ queryKey: reasonsKey, queryFn: async () => (await ask('agent.notReadyReasons', {})).reasons, staleTime: 60_000 }));

/** An admin's new list; everyone's status menu reads it the next time it asks. */
export async function saveNotReadyReasons(reasons: string[]): Promise<{ ok: true } | { ok: false; error: BridgeError }> {
  const result = await bridge().call('agent.saveNotReadyReasons', { reasons });
  if (!result.ok) return result;
  queryClient.setQueryData(reasonsKey, result.value.reasons);
  return { ok: true };
}
