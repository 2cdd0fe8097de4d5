import type { Outcome } from './outcome';
import { useQuery } from '@tanstack/react-query';
import type { PrivacyRequestResults } from '../../shared/contract/privacy';
import type { EraseCustomerRequest, PrivacySettings } from '../../shared/schemas/erasure';
import { bridge } from './bridgeRef';
import { ask, asLoadable, queryClient } from './queries';

const settingsKey = ['privacy', 'settings'] as const;
const logKey = ['privacy', 'erasures'] as const;
const previewKey = (customerId: string) => ['privacy', 'preview', customerId] as const;


/** The retention periods, wipe at sign-out and the erasure deadline every desktop follows. */
export const usePrivacySettings = () => asLoadable(useQuery({ queryKey: settingsKey, queryFn: () => ask('privacy.settings', {}) }));

export async function savePrivacySettings(settings: PrivacySettings): Promise<Outcome<PrivacySettings>> {
  const result = await bridge().call('privacy.saveSettings', settings);
  if (result.ok) queryClient.setQueryData(settingsKey, result.value);
  return result;
}

/** The data-protection officer's log, newest first. */
export const useErasureLog = () => asLoadable(useQuery({ queryKey: logKey, queryFn: () => ask('privacy.log', {}) }));

/** What erasing this customer would touch; asked again for each customer chosen. */
export const useErasurePreview = (customerId: string | null) =>
  asLoadable(useQuery({ queryKey: previewKey(customerId ?? ''), queryFn: () => ask('privacy.preview', { customerId: customerId! }), enabled: customerId !== null, staleTime: 0 }));

export async function eraseCustomer(request: EraseCustomerRequest): Promise<Outcome<PrivacyRequestResults['privacy.erase']>> {
  const result = await bridge().call('privacy.erase', request);
  if (result.ok) {
    void queryClient.invalidateQueries({ queryKey: logKey });
    void queryClient.invalidateQueries({ queryKey: previewKey(request.customerId) });
  }
  return result;
}
