/**
 * The normaliser's memory of calls in progress, bounded: the PBX decides what arrives on the AMI
 * socket, and a flood of bogus or half-seen calls must not grow the hub without limit.
 */

export interface AgentLeg {
  /** Queue MemberName. */
  name: string;
  /** `rna`: rang and was not answered (or dumped); the queue may ring the same agent again. */
  status: 'ringing' | 'connected' | 'rna' | 'ended';
  /** Channel names (Local halves folded together) and Uniqueids known to be this agent's leg. */
  channels: Set<string>;
  held: boolean;
  transferred: boolean;
  /** The agent's leg hung up while connected: who ended the call, if AgentComplete never says. */
  hungUp: boolean;
  /** The first full channel name of the leg (what a Hangup action names). */
  channel?: string;
  /** Rung by a plain Dial (a transfer to this advisor), not by the queue: no AgentComplete will come. */
  viaDial?: boolean;
}

export interface CallState {
  /** Linkedid. */
  id: string;
  /** Uniqueid of the channel that sat in the queue (not always the Linkedid channel). */
  queueCaller?: string;
  dialled?: string;
  /** The queue the caller waited in, and where in the dialplan they were then. */
  queue?: string;
  queueExten?: string;
  /** The caller's full channel name (a Redirect moves it); on an outbound call, the customer's. */
  callerChannel?: string;
  /** Where a Redirect sent the caller: the advisor's leg that hangs up next was transferred. */
  redirectedTo?: string;
  /** Started on an advisor's own phone (click-to-dial). */
  outbound?: boolean;
  /** The customer's channel key on an outbound call. */
  outside?: string;
  offeredOut?: boolean;
  agents: Map<string, AgentLeg>;
  callerGone: boolean;
  lastSeen: number;
}

export class CallTable {
  /** Map order is recency order: every touch re-inserts, so the first entry is the stalest. */
  private readonly calls = new Map<string, CallState>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly maxCalls: number,
    private readonly endedTtlMs: number,
    private readonly idleTtlMs: number,
  ) {}

  get size(): number {
    return this.calls.size;
  }

  /** An existing call, touched; undefined for a call never opened (its events are ignored). */
  find(id: string | undefined, now: number): CallState | undefined {
    if (id === undefined) return undefined;
    const call = this.calls.get(id);
    if (call) this.touch(call, now);
    return call;
  }

  /** The call, created if new; undefined only when the event names no call at all. */
  open(id: string | undefined, now: number): CallState | undefined {
    if (id === undefined || id === '') return undefined;
    const known = this.find(id, now);
    if (known) return known;
    while (this.calls.size >= this.maxCalls) {
      const stalest = this.calls.keys().next();
      if (stalest.done) break;
      this.calls.delete(stalest.value);
    }
    const call: CallState = { id, agents: new Map(), callerGone: false, lastSeen: now };
    this.calls.set(id, call);
    return call;
  }

  /** Drops finished and abandoned-by-the-PBX calls; at most once a second, since it walks them all. */
  sweep(now: number): void {
    if (now - this.lastSweep < 1_000) return;
    this.lastSweep = now;
    for (const [id, call] of this.calls) {
      const idle = now - call.lastSeen;
      if (idle > this.idleTtlMs || (finished(call) && idle > this.endedTtlMs)) this.calls.delete(id);
    }
  }

  /** Every call remembered, stalest first. */
  all(): CallState[] {
    return [...this.calls.values()];
  }

  private touch(call: CallState, now: number): void {
    call.lastSeen = Math.max(call.lastSeen, now);
    this.calls.delete(call.id);
    this.calls.set(call.id, call);
  }
}

/** Nothing more can happen for any advisor: the caller left, or every agent's part is over. */
function finished(call: CallState): boolean {
  if (call.callerGone) return true;
  const agents = [...call.agents.values()];
  return agents.length > 0 && agents.every((a) => a.status === 'ended');
}
