import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay } from '../../shared/retry';

describe('one retry and back-off rule for every link', () => {
  it('doubles from the shortest wait up to the cap', () => {
    const noJitter = { minMs: 250, maxMs: 3_000, jitter: 0 };
    expect([0, 1, 2, 3, 4, 5, 40].map((a) => backoffDelay(noJitter, a))).toEqual([250, 500, 1000, 2000, 3000, 3000, 3000]);
  });

  it('jitters downwards only, so the cap is never exceeded', () => {
    const policy = { minMs: 1000, maxMs: 4000, jitter: 0.5 };
    expect(backoffDelay(policy, 9, () => 0)).toBe(2000);
    expect(backoffDelay(policy, 9, () => 0.999999)).toBe(4000);
    expect(backoffDelay(policy, 0, () => 0.5)).toBe(750);
  });

  it('counts failures and starts again from the shortest wait after a success', () => {
    const b = new Backoff({ minMs: 100, maxMs: 1000, jitter: 0 });
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([100, 200, 400, 800, 1000]);
    expect(b.failures).toBe(5);
    b.reset();
    expect(b.next()).toBe(100);
  });

  it('treats nonsense attempts and jitter as their nearest sensible value', () => {
    expect(backoffDelay({ minMs: 100, maxMs: 1000, jitter: 7 }, -3, () => 0)).toBe(0);
    expect(backoffDelay({ minMs: 100, maxMs: 1000, jitter: -1 }, -3)).toBe(100);
  });
});
