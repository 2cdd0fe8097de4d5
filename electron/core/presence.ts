import type { AgentState } from '../../shared/contract/calls';
import { AWAY_REASONS } from '../../shared/telephony/away-reasons';

/** What the operating system says about the person at the desk (from Electron's powerMonitor). */
export type DeskEvent = 'lock-screen' | 'suspend' | 'unlock-screen' | 'resume';

export const isDeskEvent = (s: string): s is DeskEvent => ['lock-screen', 'suspend', 'unlock-screen', 'resume'].includes(s);

/**
 * A locked screen or a sleeping computer means nobody can answer: a Ready advisor becomes Not
 * ready, so the PBX offers the call to someone else. Any other state (a break, wrap-up, a
 * protected pause) was chosen on purpose and stays. Coming back never sets Ready by itself: the
 * advisor says when they are ready again.
 */
export function stateWhenAway(event: DeskEvent, current: AgentState): { state: 'not_ready'; reason: string } | null {
  if (current !== 'ready') return null;
  if (event === 'lock-screen' || event === 'suspend') return { state: 'not_ready', reason: AWAY_REASONS[event] };
  return null;
}
