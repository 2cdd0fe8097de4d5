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

  it('asks a search typed after the opening once', async () => {
    const { index, asked, opened } = workerIndex();
    useKnowledgeStore.setState({ index, query: '', results: { status: 'idle' } });
    const loading = useKnowledgeStore.getState().loadAll();
    useKnowledgeStore.getState().setQuery('parcel never arrived');
    opened();
    await loading;
    await settled(asked, () => useKnowledgeStore.getState().results.status);
    expect(asked.filter((q) => q === 'parcel never arrived')).toHaveLength(1);
    expect(useKnowledgeStore.getState().results).toMatchObject({ status: 'ready', data: [{ title: 'parcel never arrived' }] });
  });

  it('asks again a search typed before the opening, which the empty index answered', async () => {
    const { index, asked, opened } = workerIndex();
    useKnowledgeStore.setState({ index, query: '', results: { status: 'idle' } });
    useKnowledgeStore.getState().setQuery('refund not showing');
    const loading = useKnowledgeStore.getState().loadAll();
    opened();
    await loading;
    await settled(asked, () => useKnowledgeStore.getState().results.status);
    expect(asked.filter((q) => q === 'refund not showing').length).toBeGreaterThanOrEqual(2);
  });

  it('asks again once the cache has taken articles out of the saved index', async () => {
    const { index, asked, opened } = workerIndex(1);
    useKnowledgeStore.setState({ index, query: '', results: { status: 'idle' } });
    const loading = useKnowledgeStore.getState().loadAll();
    useKnowledgeStore.getState().setQuery('voucher expired');
    opened();
    await loading;
    await settled(asked, () => useKnowledgeStore.getState().results.status);
    expect(asked.filter((q) => q === 'voucher expired')).toHaveLength(2);
  });
});
