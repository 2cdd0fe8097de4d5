import { create } from 'zustand';
import type { QueuesChange, QueuesView, QueueStatView } from '../../shared/contract/queues';
import type { RequestArgs } from '../../shared/contract/requests';
import { bridge } from './bridgeRef';
import { fetchInto } from './fetchInto';
import { idle, type Loadable } from './loadable';

interface QueuesStore {
  /** Calls waiting, the PBX link and the site's advisors by state, from `telephony.queues`. */
  floor: Loadable<QueuesView>;
  /** When the queue figures were taken, on this computer's clock, so the longest wait can tick on. */
  figuresAt: number;
  /** When anything on the floor last changed or was fetched: "as things stood at 14:05" when offline. */
  updatedAt: number;
  load(): Promise<void>;
  applyChange(change: QueuesChange): void;
  clear(): void;
}

/** Pushed figures onto the named rows: a queue the push leaves out has nobody waiting in it. */
function mergeQueues(rows: QueueStatView[], stats: Extract<QueuesChange, { kind: 'queues' }>['queues']): QueueStatView[] {
  const byQueue = new Map(stats.map((s) => [s.queue, s]));
  const merged = rows.map((row) => {
    const s = byQueue.get(row.queue) ?? byQueue.get(row.name);
    byQueue.delete(row.queue);
    byQueue.delete(row.name);
    return { ...row, waiting: s?.waiting ?? 0, longestWaitSeconds: s?.longestWaitSeconds ?? 0 };
  });
  return [...merged, ...[...byQueue.values()].map((s) => ({ ...s, name: s.queue, line: null }))];
}

/** The same loading, ready or error state, with new data in it. */
const withData = <T>(value: Loadable<T>, data: T): Loadable<T> => (value.status === 'idle' ? value : { ...value, data });

export const useQueuesStore = create<QueuesStore>()((set, get) => {
  const fetcher = fetchInto(
    () => get().floor,
    (floor) => set(floor.status === 'ready' ? { floor, figuresAt: Date.now(), updatedAt: Date.now() } : { floor }),
    () => bridge().call('telephony.queues', {}),
    (view) => view,
  );

  return {
    floor: idle,
    figuresAt: 0,
    updatedAt: 0,
    load: fetcher.load,

    applyChange(change) {
      const floor = get().floor;
      const data = 'data' in floor ? floor.data : undefined;
      if (!data) return; // nobody is watching yet; the first load brings everything
      if (change.kind === 'advisor') {
        const { advisor } = change;
        if (!data.advisors.some((a) => a.userId === advisor.userId)) return; // a supervisor's own state, not the floor's
        const advisors = data.advisors.map((a) => (a.userId === advisor.userId ? { ...a, ...advisor } : a));
        set({ floor: withData(floor, { ...data, advisors }), updatedAt: Date.now() });
        return;
      }
      if (change.connected !== data.connected) {
        // The PBX came or went: its queue names come with a fresh view, not with the event.
        set({ floor: withData(floor, { ...data, connected: change.connected, queues: [] }), updatedAt: Date.now() });
        void get().load();
        return;
      }
      set({
        floor: withData(floor, { ...data, queues: mergeQueues(data.queues, change.queues) }),
        figuresAt: Date.now(),
        updatedAt: Date.now(),
      });
    },

    // One person's floor must never show on the next person's screen.
    clear() {
      fetcher.cancel();
      set({ floor: idle, figuresAt: 0, updatedAt: 0 });
    },
  };
});

export const useQueues = () => {
  const floor = useQueuesStore((s) => s.floor);
  const figuresAt = useQueuesStore((s) => s.figuresAt);
  const updatedAt = useQueuesStore((s) => s.updatedAt);
  const load = useQueuesStore((s) => s.load);
  return { floor, figuresAt, updatedAt, load };
};

/** A supervisor sets one of their site's advisors to a state, with a reason; the floor follows from the hub's push. */
export const setAdvisorState = (args: RequestArgs<'floor.setState'>) => bridge().call('floor.setState', args);
