import { isLive } from '../../../shared/telephony/call-machine';
import { useCaseTabs } from '../../state';

/** The call a case came from, if its tab has one: the caller's number, and whether they are still on the line. */
export function useCaseCall(caseId: string): { callerNumber: string | null; live: boolean } {
  const { tabs } = useCaseTabs();
  const call = tabs.find((t) => t.caseId === caseId)?.call ?? null;
  return { callerNumber: call?.caller ?? null, live: call ? isLive(call.call) : false };
}
