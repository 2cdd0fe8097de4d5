import { useQuery } from '@tanstack/react-query';
import type { BridgeError, Result } from '../../shared/contract/envelope';
import type { RequestArgs } from '../../shared/contract/requests';
import { bridge } from './bridgeRef';
import { ask, asLoadable, queryClient } from './queries';

const peopleKey = ['people'] as const;

/** The admin's people with every site and team, so the page names places, never ids. */
export const usePeople = () => asLoadable(useQuery({ queryKey: peopleKey, queryFn: () => ask('people.list', {}) }));

export const reloadPeople = () => void queryClient.invalidateQueries({ queryKey: peopleKey });

export type PeopleOutcome = { ok: true } | { ok: false; error: BridgeError };

/** Each change goes to the hub, then the list is read again: the hub's answer is what shows. */
async function change(run: Promise<Result<unknown>>): Promise<PeopleOutcome> {
  const result = await run;
  if (!result.ok) return result;
  await queryClient.invalidateQueries({ queryKey: peopleKey });
  return { ok: true };
}

export const createPerson = (user: RequestArgs<'people.create'>) => change(bridge().call('people.create', user));
export const updatePerson = (args: RequestArgs<'people.update'>) => change(bridge().call('people.update', args));
export const resetPassword = (args: RequestArgs<'people.resetPassword'>) => change(bridge().call('people.resetPassword', args));

/** An admin's reset for someone who lost their phone: they set it up again at their next sign-in. */
export const resetTwoFactor = (userId: string) => change(bridge().call('twoFactor.reset', { userId }));
