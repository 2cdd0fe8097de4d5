import type { CallSignal, Direction, EndCause } from './signals';

/**
 * One advisor's view of one call. Offered means THIS advisor's phone is ringing (AgentCalled),
 * not that the caller reached the PBX. Ended calls go to wrap-up; missed and abandoned calls are
 * kept for calling back.
 */
export type CallPhase = 'offered' | 'connected' | 'held' | 'ended' | 'missed' | 'abandoned';

export interface CallState {
  callId: string;
  phase: CallPhase;
  direction: Direction;
  from: string;
  to: string | null;
  queue: string | null;
  attached: Record<string, string>;
  offeredAt: number;
  connectedAt: number | null;
  endedAt: number | null;
  cause: EndCause | null;
  endedBy: 'caller' | 'agent' | 'transfer' | null;
  transferredTo: string | null;
  holds: number;
  /** The queue's after-call time, from the PBX; null when the source does not say. */
  afterCallSeconds: number | null;
}

export const isLive = (s: CallState): boolean => s.phase === 'offered' || s.phase === 'connected' || s.phase === 'held';
const isOver = (s: CallState): boolean => !isLive(s);

export interface Step {
  state: CallState | undefined;
  /** False when the signal was a duplicate or out of order and changed nothing. */
  changed: boolean;
}

const unchanged = (state: CallState | undefined): Step => ({ state, changed: false });

function fresh(signal: CallSignal, phase: CallPhase): CallState {
  const offer = signal.kind === 'offered' ? signal : null;
  return {
    callId: signal.callId,
    phase,
    direction: offer?.direction ?? 'in',
    from: offer?.from ?? '',
    to: offer?.to ?? null,
    queue: offer?.queue ?? null,
    attached: offer?.attached ?? {},
    offeredAt: signal.at,
    connectedAt: phase === 'connected' ? signal.at : null,
    endedAt: null,
    cause: null,
    endedBy: null,
    transferredTo: null,
    holds: 0,
    afterCallSeconds: offer?.afterCallSeconds ?? null,
  };
}

/**
 * The call state machine: a pure reducer. Duplicates and signals that arrive after the call is
 * over change nothing; a `connected` whose `offered` was lost still starts the call, because the
 * advisor is talking to someone whatever the PBX forgot to say.
 */
export function advance(state: CallState | undefined, signal: CallSignal): Step {
  if (state && signal.callId !== state.callId) throw new Error('signal for another call');
  switch (signal.kind) {
    case 'offered':
      if (!state) return { state: fresh(signal, 'offered'), changed: true };
      // The queue may ring this advisor again after a ring-no-answer: a new offer of the same call.
      if (state.phase === 'missed') return { state: { ...fresh(signal, 'offered') }, changed: true };
      if (state.phase === 'offered' && Object.keys(signal.attached).length > Object.keys(state.attached).length) {
        return { state: { ...state, attached: { ...state.attached, ...signal.attached } }, changed: true };
      }
      return unchanged(state);
    case 'connected':
      if (!state) return { state: fresh(signal, 'connected'), changed: true };
      if (state.phase !== 'offered') return unchanged(state);
      return { state: { ...state, phase: 'connected', connectedAt: signal.at }, changed: true };
    case 'held':
      if (state?.phase !== 'connected') return unchanged(state);
      return { state: { ...state, phase: 'held', holds: state.holds + 1 }, changed: true };
    case 'resumed':
      if (state?.phase !== 'held') return unchanged(state);
      return { state: { ...state, phase: 'connected' }, changed: true };
    case 'transferred':
      if (!state || (state.phase !== 'connected' && state.phase !== 'held')) return unchanged(state);
      return {
        state: { ...state, phase: 'ended', endedAt: signal.at, cause: 'forwarded', endedBy: 'transfer', transferredTo: signal.target ?? null },
        changed: true,
      };
    case 'ended':
      if (!state || isOver(state)) return unchanged(state);
      if (state.phase === 'offered' && state.direction === 'out') {
        // The advisor's own call that nobody answered: nothing to call back, nothing to wrap up.
        return { state: { ...state, phase: 'ended', endedAt: signal.at, cause: signal.cause, endedBy: signal.by ?? null }, changed: true };
      }
      if (state.phase === 'offered') {
        // Hung up while still ringing here: the caller gave up, unless the call was passed on
        // or lost with the phone system (then nobody knows: it is kept to call back, as missed).
        const phase: CallPhase = signal.cause === 'forwarded' || signal.cause === 'failed' ? 'missed' : 'abandoned';
        return { state: { ...state, phase, endedAt: signal.at, cause: signal.cause, endedBy: signal.by ?? null }, changed: true };
      }
      return { state: { ...state, phase: 'ended', endedAt: signal.at, cause: signal.cause, endedBy: signal.by ?? null }, changed: true };
    case 'ring_no_answer':
      if (state?.phase !== 'offered') return unchanged(state);
      return { state: { ...state, phase: 'missed', endedAt: signal.at, cause: 'no_answer' }, changed: true };
    case 'abandoned':
      if (state?.phase !== 'offered') return unchanged(state);
      return { state: { ...state, phase: 'abandoned', endedAt: signal.at, cause: 'cancelled', endedBy: 'caller' }, changed: true };
  }
}

/** Outcome words for call history. */
export function outcomeOf(s: CallState): string {
  switch (s.phase) {
    case 'offered':
      return s.direction === 'out' ? 'Calling' : 'Ringing';
    case 'connected':
      return 'In progress';
    case 'held':
      return 'On hold';
    case 'missed':
      return s.cause === 'failed' ? 'Lost with the phone system' : 'Missed';
    case 'abandoned':
      return 'Caller hung up';
    case 'ended':
      if (s.direction === 'out' && s.connectedAt === null) return s.cause === 'busy' ? 'Outbound: busy' : 'Outbound: not answered';
      if (s.endedBy === 'transfer') return `Transferred${s.transferredTo ? ` to ${s.transferredTo}` : ''}`;
      if (s.cause === 'failed') return 'Cut off with the phone system';
      return s.direction === 'out' ? 'Outbound: answered' : 'Answered';
  }
}
