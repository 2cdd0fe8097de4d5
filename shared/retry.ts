/**
 * The one retry and back-off rule for every link that reconnects by itself (the hub's PBX link,
 * the desktop's live link to the hub, the knowledge link). Pure: the caller owns its timer.
 */
export interface BackoffPolicy {
  /** First wait after a failure. */
  minMs: number;
  /** Longest wait: kept short where the other side may be back any moment (a PBX restarting). */
  maxMs: number;
  /** Share of each wait that is random, so many clients that lost the same server do not return in step. */
  jitter?: number;
}

/** The wait before attempt `attempt` (0 for the first retry): doubling from minMs, capped at maxMs, jittered downwards. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxMs, policy.minMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  const jitter = Math.min(Math.max(policy.jitter ?? 0.5, 0), 1);
  return Math.round(base * (1 - jitter) + random() * base * jitter);
}

/** Counts failures since the last success and says how long to wait before the next try. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly random: () => number = Math.random,
  ) {}

  /** The wait before the next try; each call counts one more failure. */
  next(): number {
    const delay = backoffDelay(this.policy, this.attempt, this.random);
    this.attempt = Math.min(this.attempt + 1, 30);
    return delay;
  }

  /** A success (or a sign the other side is back): the next failure waits the shortest time again. */
  reset(): void {
    this.attempt = 0;
  }

  get failures(): number {
    return this.attempt;
  }
}
