import { afterEach, describe, expect, it } from 'vitest';
import type { Bridge } from '../../renderer/platform/bridge';
import { setStateBridge } from '../../renderer/state/bridgeRef';
import { queryClient } from '../../renderer/state/queries';
import { applyPhoneSystemStatus, phoneSystemStatusQuery, telephonyKeys } from '../../renderer/state/telephony';
import { NO_PBX, type PbxStatus } from '../../shared/telephony/pbx-status';

const connecting: PbxStatus = { ...NO_PBX, configured: true, state: 'connecting', since: 1_000 };
const connected: PbxStatus = { ...connecting, state: 'connected', connected: true, since: 2_000 };

/** A core whose answer to `telephony.status` arrives only when the test says so. */
function slowCore() {
  let answer: (s: PbxStatus) => void = () => undefined;
  const bridge = {
    call: (name: string) => {
      if (name !== 'telephony.status') throw new Error(`unexpected ${name}`);
      return new Promise((resolve) => (answer = (s) => resolve({ ok: true, value: s })));
    },
  } as unknown as Bridge;
  setStateBridge(bridge);
  return { answer: (s: PbxStatus) => answer(s) };
}

afterEach(() => queryClient.clear());

describe('the phone-system indicator’s status', () => {
  it('an answer asked for before the link came up does not undo the push that says it is up', async () => {
    const core = slowCore();
    const asked = queryClient.fetchQuery(phoneSystemStatusQuery);
    applyPhoneSystemStatus(connected); // pushed while the question was on its way
    core.answer(connecting);
    await asked;
    expect(queryClient.getQueryData<PbxStatus>(telephonyKeys.status)).toMatchObject({ state: 'connected', connected: true });
  });

  it('a newer answer than the last push is taken', async () => {
    const core = slowCore();
    applyPhoneSystemStatus(connecting);
    const asked = queryClient.fetchQuery({ ...phoneSystemStatusQuery, staleTime: 0 });
    core.answer(connected);
    await asked;
    expect(queryClient.getQueryData<PbxStatus>(telephonyKeys.status)).toMatchObject({ state: 'connected' });
  });
});
