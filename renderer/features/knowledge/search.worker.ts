import { receive } from './worker-engine';
import type { ToSearchWorker } from './protocol';

/**
 * Our own worker rather than flexsearch's `worker: true`, which cannot find its script once
 * bundled. The worker is named after whose saved index to expect (early-start.ts, early-worker.ts),
 * so reading and importing that index starts as soon as this script runs, before any message
 * arrives. The engine is one script with this entry: a second fetch for it cost 70-110 ms of a
 * cold start. The code for reading knowledge frames (ingest.ts, with zod) is loaded apart, when
 * the saved index is in (worker-engine.ts).
 */
interface WorkerScope {
  /** Whose saved index to read first, or empty. */
  name: string;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToSearchWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;
if (scope.name) receive({ type: 'preload', key: scope.name });
scope.addEventListener('message', (event) => receive(event.data));
