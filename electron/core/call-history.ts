import type { CallHistoryEntry, CallView } from '../../shared/contract/calls';
import { toE164 } from '../../shared/phone';
import { outcomeOf, type CallState } from '../../shared/telephony/call-machine';

/** The customer's number: who called in, or whom the advisor called. */
export function customerNumber(call: CallState): string {
  const number = call.direction === 'out' ? (call.to ?? '') : call.from;
  return toE164(number) ?? number;
}

/** The line of Recent calls a call leaves on this computer, with its wrap-up code once it has one. */
export function historyEntry(view: CallView, wrapupCode: string | null, codes: readonly { id: string; label: string }[]): CallHistoryEntry {
  const c = view.call;
  return {
    callId: c.callId,
    caller: view.caller,
    customerName: view.card?.customer.name ?? null,
    direction: c.direction,
    customerId: view.card?.customer.id ?? null,
    line: view.line,
    phase: c.phase,
    outcome: outcomeOf(c),
    at: c.offeredAt,
    durationSeconds: c.connectedAt && c.endedAt ? Math.round((c.endedAt - c.connectedAt) / 1000) : null,
    wrapupCode,
    wrapupLabel: wrapupCode ? (codes.find((x) => x.id === wrapupCode)?.label ?? null) : null,
    callBack: c.phase === 'missed' || c.phase === 'abandoned',
  };
}

/** What the hub keeps of a call it did not see itself (a softphone's): POST /api/telephony/call-records. */
export function hubCallRecord(view: CallView) {
  const c = view.call;
  return {
    callId: c.callId,
    direction: c.direction,
    customerNumber: view.caller,
    queue: c.queue,
    offeredAt: c.offeredAt,
    connectedAt: c.connectedAt,
    endedAt: c.endedAt ?? Date.now(),
    outcome: outcomeOf(c),
    phase: c.phase,
    transferredTo: c.transferredTo,
  };
}
