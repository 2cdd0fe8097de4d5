import { useQuery } from '@tanstack/react-query';
import type { CallRecordFilters, PbxView } from '../../shared/contract/telephony';
import type { PbxSettings } from '../../shared/telephony/pbx-settings';
import type { PbxStatus } from '../../shared/telephony/pbx-status';
import { bridge } from './bridgeRef';
import { ask, asLoadable, queryClient } from './queries';

/** The phone system as the page sees it: the hub's link (pushed), the directory and, for admins, the PBX settings. */
export const telephonyKeys = {
  status: ['telephony', 'status'] as const,
  directory: ['telephony', 'directory'] as const,
  pbx: ['telephony', 'pbx'] as const,
  callRecords: ['telephony', 'callRecords'] as const,
};

/**
 * The link's status as asked for. A push can overtake the answer (the link came up while the
 * question was on its way): an answer older than what was pushed meanwhile does not replace it.
 */
export const phoneSystemStatusQuery = {
  queryKey: telephonyKeys.status,
  queryFn: async (): Promise<PbxStatus> => {
    const answered = await ask('telephony.status', {});
    const pushed = queryClient.getQueryData<PbxStatus>(telephonyKeys.status);
    return pushed && pushed.since > answered.since ? pushed : answered;
  },
};

export const usePhoneSystemStatus = () => asLoadable(useQuery({ ...phoneSystemStatusQuery, staleTime: Infinity }));

export const useTelephonyDirectory = () =>
  asLoadable(useQuery({ queryKey: telephonyKeys.directory, queryFn: () => ask('telephony.directory', {}), staleTime: 30_000 }));

/** The hub's call records under these filters: the supervisor's site's, or every site's for an organisation admin. */
export const useCallRecords = (filters: CallRecordFilters) =>
  asLoadable(useQuery({ queryKey: [...telephonyKeys.callRecords, filters], queryFn: () => ask('telephony.callRecords', filters), staleTime: 0 }));

export const reloadCallRecords = () => void queryClient.invalidateQueries({ queryKey: telephonyKeys.callRecords });

export const usePbxSettings = () => asLoadable(useQuery({ queryKey: telephonyKeys.pbx, queryFn: () => ask('telephony.pbx', {}) }));

export const reloadPbxSettings = () => void queryClient.invalidateQueries({ queryKey: telephonyKeys.pbx });

/** The hub said its link changed: the indicator and the admin's page show it at once. */
export function applyPhoneSystemStatus(status: PbxStatus): void {
  queryClient.setQueryData(telephonyKeys.status, status);
  queryClient.setQueryData<PbxView>(telephonyKeys.pbx, (old) => (old ? { ...old, status, connected: status.connected } : old));
}

export async function savePbxSettings(settings: PbxSettings) {
  const result = await bridge().call('telephony.savePbx', settings);
  if (result.ok) {
    queryClient.setQueryData(telephonyKeys.pbx, result.value);
    queryClient.setQueryData(telephonyKeys.status, result.value.status);
  }
  return result;
}

export const testPbxSettings = (settings: Partial<Pick<PbxSettings, 'host' | 'port' | 'username' | 'secret'>>) => bridge().call('telephony.testPbx', settings);

/** Click-to-dial: the PBX rings the advisor's phone, then the customer. */
export const dialNumber = (number: string) => bridge().call('calls.dial', { number });
