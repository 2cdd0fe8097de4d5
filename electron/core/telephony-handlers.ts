import type { RequestName } from '../../shared/contract/requests';
import type { PbxTestResult, PbxView, TelephonyDirectory, TelephonyRequestResults } from '../../shared/contract/telephony';
import { pbxStatus, type PbxStatus } from '../../shared/telephony/pbx-status';
import type { DesktopCore } from './core';
import { CoreError } from './errors';
import type { Handlers } from './router';

type TelephonyHandlers = Pick<Handlers, Extract<RequestName, keyof TelephonyRequestResults>>;

/** The phone system as this person may see it: the link's state, the directory, and (admins) the PBX settings. */
export function telephonyHandlers(core: DesktopCore): TelephonyHandlers {
  return {
    'telephony.status': async () => {
      core.requireSignedIn();
      return parseStatus(await core.hub.get<unknown>('/api/telephony/status'));
    },
    'telephony.callRecords': async (filters) => {
      core.requireSignedIn();
      const query = new URLSearchParams(Object.entries(filters).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
      return core.hub.get<TelephonyRequestResults['telephony.callRecords']>(`/api/telephony/call-records?${query}`);
    },
    'telephony.directory': async () => {
      core.requireSignedIn();
      return core.hub.get<TelephonyDirectory>('/api/telephony/directory');
    },
    'telephony.pbx': async () => {
      core.requireSignedIn();
      return core.hub.get<PbxView>('/api/telephony/pbx');
    },
    'telephony.savePbx': async (settings) => {
      core.requireSignedIn();
      return core.hub.put<PbxView>('/api/telephony/pbx', settings);
    },
    'telephony.testPbx': async (settings) => {
      core.requireSignedIn();
      const { ok, message, milliseconds } = await core.hub.post<PbxTestResult>('/api/telephony/pbx/test', settings);
      return { ok, message, milliseconds };
    },
  };
}

export function parseStatus(data: unknown): PbxStatus {
  const parsed = pbxStatus.safeParse(data);
  if (!parsed.success) throw new CoreError('hub_bad_reply', 'The hub’s phone-system status was not in the expected shape.');
  return parsed.data;
}
