import { beforeAll, describe, expect, it } from 'vitest';
import type { FromSearchWorker, ToSearchWorker } from '../../renderer/features/knowledge/protocol';

/**
 * The search worker's engine as the page drives it: the recent list (asked before anything is
 * typed) and the searches of the first keystrokes arrive together on a cold start; only the newest
 * of them runs, the others are answered as superseded (the page drops their answers).
 */
const answers: FromSearchWorker[] = [];
let receive: (message: ToSearchWorker) => void;

beforeAll(async () => {
  (globalThis as unknown as { self: unknown }).self = { postMessage: (m: FromSearchWorker) => answers.push(m) };
  ({ receive } = await import('../../renderer/features/knowledge/worker-engine'));
});

const answered = async (requestId: number) => {
  for (let i = 0; i < 100; i++) {
    const found = answers.find((a) => a.requestId === requestId);
    if (found) return found;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`request ${requestId} was never answered`);
};

describe('the recent list and the first keystrokes', () => {
  it('skips the recent list when a search arrives behind it', async () => {
    receive({ type: 'recent', requestId: 1, limit: 8 });
    receive({ type: 'search', requestId: 2, query: 'parcel', limit: 30 });
    expect(await answered(1)).toMatchObject({ type: 'hits', superseded: true });
    expect(await answered(2)).toMatchObject({ type: 'hits', hits: [] });
    expect(await answered(2)).not.toHaveProperty('superseded');
  });

  it('answers the recent list when nothing is typed after it', async () => {
    receive({ type: 'recent', requestId: 3, limit: 8 });
    expect(await answered(3)).toMatchObject({ type: 'hits', hits: [] });
    expect(await answered(3)).not.toHaveProperty('superseded');
  });
});
