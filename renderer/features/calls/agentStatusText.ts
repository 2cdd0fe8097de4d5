import type { AgentStateView, CallView } from '../../../shared/contract/calls';
import { isLive } from '../../../shared/telephony/call-machine';
import { formatClock } from '../../ui/format';
import { AGENT_STATE_LABELS } from './callText';

/**
 * What the header says the advisor is doing, truthfully: a call in hand wins over the state the
 * hub holds (which says "ready" while the phone rings), wrap-up is wrap-up, pauses say time left.
 */
export function agentStatusText(agent: AgentStateView, call: CallView | null, now: number): string {
  if (call && isLive(call.call)) return call.call.phase === 'offered' ? 'Ringing' : 'On a call';
  if (call?.wrapUp || agent.state === 'after_call_work') return 'Wrap-up';
  const left = agent.until ? Math.max(0, Math.ceil((agent.until - now) / 1000)) : null;
  switch (agent.state) {
    case 'not_ready':
      return agent.reason ? `Not ready (${agent.reason})` : 'Not ready';
    case 'protected_pause':
      return left !== null ? `Protected pause (${formatClock(left)} left)` : 'Protected pause';
    case 'break':
      return left !== null ? `Break (${formatClock(left)} left)` : 'Break';
    default:
      return AGENT_STATE_LABELS[agent.state];
  }
}

/** The status menu's options: one per not-ready reason, so the value says which. */
export const statusValue = (agent: AgentStateView): string =>
  agent.state === 'not_ready' && agent.reason ? `not_ready:${agent.reason}` : agent.state;
