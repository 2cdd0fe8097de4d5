import { beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeIndex, Opened, SearchHit } from '../../renderer/features/knowledge/protocol';
import { useKnowledgeStore } from '../../renderer/state/knowledge';
import { useSessionStore } from '../../renderer/state/session';

/**
 * A cold start: the saved index opens while the advisor may already be typing. The search worker
 * answers a search asked after the opening from the opened index (it queues it behind the opening),
 * so only a search asked before it, answered from the empty index, is asked again.
 */
function workerIndex(removed = 0) {
  const asked: string[] = [];
  let open!: (opened: Opened) => void;
  const index: KnowledgeIndex = {
    reset() {},
    linked: true,
    open: () => new Promise<Opened>((resolve) => (open = resolve)),
    reconcile: async () => ({ need: [], removed, count: 1, cursor: 1 }),
    pull: () => Promise.reject(new Error('nothing to pull')),
    ingest: () => Promise.reject(new Error('nothing to ingest')),
    onPush() {},
    onRelinked() {},
    search: async (query) => {
      asked.push(query);
      return [{ id: 'k1', title: query } as unknown as SearchHit];
    },
    categories: async () => [],
    recent: async () => [],
    suggest: async () => [],
  };
  return { index, asked, opened: () => open({ restored: true, count: 1 }) };
}

const settled = async (asked: string[], results: () => string) => {
  for (let i = 0; i < 50 && (useKnowledgeStore.getState().indexing.status !== 'ready' || results() !== 'ready'); i++)
    await Promise.resolve();
  return asked;
};

describe('opening the saved index while the advisor types', () => {
  beforeEach(() => {
    useSessionStore.setState({ session: { user: { id: 'u-advisor' } } as never, phase: 'signed-in' });
  });

  /** Types `query` before or after the saved index starts opening; how many times the worker was asked it. */
  async function typed(query: string, when: 'before' | 'after', removed = 0): Promise<number> {
    const { index, asked, opened } = workerIndex(removed);
    useKnowledgeStore.setState({ index, query: '', results: { status: 'idle' } });
    if (when === 'before') useKnowledgeStore.getState().setQuery(query);
    const loading = useKnowledgeStore.getState().loadAll();
    if (when === 'after') useKnowledgeStore.getState().setQuery(query);
    opened();
    await loading;
    await settled(asked, () => useKnowledgeStore.getState().results.status);
    return asked.filter((q) => q === query).length;
  }

  it('asks a search typed after the opening once', async () => {
    expect(await typed('parcel never arrived', 'after')).toBe(1);
    expect(useKnowledgeStore.getState().results).toMatchObject({ status: 'ready', data: [{ title: 'parcel never arrived' }] });
  });

  it('asks again a search typed before the opening, which the empty index answered', async () => {
    expect(await typed('refund not showing', 'before')).toBeGreaterThanOrEqual(2);
  });

  it('asks again once the cache has taken articles out of the saved index', async () => {
    expect(await typed('voucher expired', 'after', 1)).toBe(2);
  });
});
