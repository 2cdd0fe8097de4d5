import { useQuery } from '@tanstack/react-query';
import type { Result } from '../../shared/contract/envelope';
import type { Role } from '../../shared/roles';
import { bridge } from './bridgeRef';
import { ask, asLoadable, queryClient } from './queries';

const statusKey = ['twoFactor', 'status'] as const;
const policyKey = ['twoFactor', 'policy'] as const;

/** Whether my two-factor sign-in is on, required of my role, and how many recovery codes are left. */
export const useTwoFactorStatus = () => asLoadable(useQuery({ queryKey: statusKey, queryFn: () => ask('twoFactor.status', {}) }));

/** After each change the status is read again from the hub: its answer is what shows. */
async function thenReload<T>(run: Promise<Result<T>>): Promise<Result<T>> {
  const result = await run;
  if (result.ok) await queryClient.invalidateQueries({ queryKey: statusKey });
  return result;
}

export const startTwoFactor = () => bridge().call('twoFactor.start', {});
export const confirmTwoFactor = (code: string) => thenReload(bridge().call('twoFactor.confirm', { code }));
export const renewRecoveryCodes = (code: string) => thenReload(bridge().call('twoFactor.renewCodes', { code }));
export const disableTwoFactor = (code: string) => thenReload(bridge().call('twoFactor.disable', { code }));

/** During sign-in, for a role that must use it: the key for the person's app. */
export const enrolAppDuringSignIn = () => bridge().call('session.enrolApp', {});

export const useTwoFactorPolicy = () => asLoadable(useQuery({ queryKey: policyKey, queryFn: () => ask('twoFactor.policy', {}) }));

export async function saveTwoFactorPolicy(requiredRoles: Role[]) {
  const result = await bridge().call('twoFactor.setPolicy', { requiredRoles });
  if (result.ok) queryClient.setQueryData(policyKey, result.value);
  return result;
}
