/**
 * What every telephony source is normalised to before the call state machine sees it: the hub's
 * Asterisk gateway, a softphone's webhook (Zammad's generic CTI format) and the simulator.
 */
export type Direction = 'in' | 'out';

/** Why a call ended, in the contact centre's words (Q.850 causes and webhook causes map here). */
export type EndCause = 'normal' | 'busy' | 'no_answer' | 'rejected' | 'congestion' | 'unallocated' | 'cancelled' | 'forwarded' | 'failed';

export interface SignalBase {
  /** Stable across the legs of one call (Asterisk's Linkedid; the webhook's callId). */
  callId: string;
  /** Milliseconds since the epoch, when the source saw it. */
  at: number;
  /** The advisor's queue-member name or extension this signal concerns, when it concerns one. */
  agent?: string;
}

export type CallSignal =
  | (SignalBase & {
      kind: 'offered';
      direction: Direction;
      /** The caller's number as the source gave it; normalised to E.164 later. */
      from: string;
      /** Dialled number, when known. */
      to?: string;
      queue?: string;
      /** IVR or bot hand-off data: intent, member number, transcript... */
      attached: Record<string, string>;
      /** The queue's after-call (wrap-up) time, when the PBX says what it is. */
      afterCallSeconds?: number;
    })
  | (SignalBase & { kind: 'connected' })
  | (SignalBase & { kind: 'held' })
  | (SignalBase & { kind: 'resumed' })
  | (SignalBase & { kind: 'transferred'; target?: string })
  | (SignalBase & { kind: 'ended'; cause: EndCause; by?: 'caller' | 'agent' | 'transfer' })
  /** This advisor's phone rang and was not answered: the call goes on to someone else. */
  | (SignalBase & { kind: 'ring_no_answer' })
  /** The caller hung up while queued or ringing. */
  | (SignalBase & { kind: 'abandoned' });

export type SignalKind = CallSignal['kind'];

/** Q.850 cause numbers as Asterisk reports them in Hangup's `Cause`. */
export function causeFromQ850(code: number): EndCause {
  switch (code) {
    case 0: // "Unknown": Asterisk reports it for ordinary local hang-ups
    case 16:
      return 'normal';
    case 17:
      return 'busy';
    case 18:
    case 19:
      return 'no_answer';
    case 21:
      return 'rejected';
    case 34:
    case 42:
      return 'congestion';
    case 1:
      return 'unallocated';
    default:
      return code >= 16 && code < 32 ? 'normal' : 'failed';
  }
}
