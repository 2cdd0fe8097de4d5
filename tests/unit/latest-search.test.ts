import { describe, expect, it } from 'vitest';
import { LatestSearch } from '../../renderer/features/knowledge/latest-search';

/** The worker's shape: each message arrives as its own task and is handled in one promise queue. */
function worker(searches: LatestSearch, ran: number[], skipped: number[]) {
  let queue = Promise.resolve();
  return (requestId: number) => {
    searches.arrived(requestId);
    queue = queue.then(async () => {
      if (await searches.stillWanted(requestId)) ran.push(requestId);
      else skipped.push(requestId);
    });
    return queue;
  };
}

describe('superseded searches', () => {
  it('skips the keystrokes that a newer keystroke overtook while they waited, and runs the newest', async () => {
    const ran: number[] = [];
    const skipped: number[] = [];
    const receive = worker(new LatestSearch(), ran, skipped);
    // Four keystrokes already waiting in the queue, as when one search took longer than typing.
    const done = [1, 2, 3, 4].map((id) => new Promise<void>((resolve) => setImmediate(() => void receive(id).then(resolve))));
    await Promise.all(done);
    expect(ran).toEqual([4]);
    expect(skipped).toEqual([1, 2, 3]);
  });

  it('runs every search when each arrives after the previous one has answered', async () => {
    const ran: number[] = [];
    const skipped: number[] = [];
    const receive = worker(new LatestSearch(), ran, skipped);
    for (const id of [1, 2, 3]) await receive(id);
    expect(ran).toEqual([1, 2, 3]);
    expect(skipped).toEqual([]);
  });
});
