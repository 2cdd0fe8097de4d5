import type { AgentState, CallSource } from '../../../shared/contract/calls';
import type { CallPhase } from '../../../shared/telephony/call-machine';
import { sentenceCase } from '../../ui/format';

/** The call's phase in the advisor's words. */
export const PHASE_LABELS: Record<CallPhase, string> = {
  offered: 'Ringing',
  connected: 'Connected',
  held: 'On hold',
  ended: 'Ended',
  missed: 'Missed',
  abandoned: 'Caller hung up',
};

export const AGENT_STATE_LABELS: Record<AgentState, string> = {
  ready: 'Ready',
  not_ready: 'Not ready',
  break: 'Break',
  after_call_work: 'After-call work',
  protected_pause: 'Protected pause',
};

/** States only the system sets (after a call, or when the advisor accepts a pause). */
export const SYSTEM_STATES: ReadonlySet<AgentState> = new Set(['after_call_work', 'protected_pause']);

export const SOURCE_LABELS: Record<CallSource, string> = {
  hub: 'The hub (PBX)',
  softphone: 'Softphone on this PC',
  simulator: 'Simulator',
};

/** IVR and bot hand-off variables with names an advisor would recognise. */
const ATTACHED_LABELS: Record<string, string> = {
  IVR_INTENT: 'Intent',
  MEMBER_NO: 'Member number',
  ACCOUNT_NO: 'Account number',
  POSTCODE: 'Postcode',
  LANGUAGE: 'Language',
  BOT_SUMMARY: 'Bot summary',
  TRANSCRIPT: 'Transcript',
};

export function attachedLabel(key: string): string {
  return ATTACHED_LABELS[key.toUpperCase()] ?? sentenceCase(key.toLowerCase());
}
