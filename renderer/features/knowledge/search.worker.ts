import { preload } from './preload';
import type { ToSearchWorker } from './protocol';

/**
 * Our own worker rather than flexsearch's `worker: true`, which cannot find its script once
 * bundled. This entry is kept small: reading the saved index starts as soon as the page names it
 * (the worker's name, else the 'preload' message), while the engine (worker-engine.ts) is still
 * loading; messages that arrive meanwhile wait for it in order. The engine imports the saved index at once and loads the code
 * for reading knowledge frames (ingest.ts, with zod) only when the first frame needs it.
 */
interface WorkerScope {
  /** Whose saved index to read first (early-worker.ts), or empty. */
  name: string;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToSearchWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;
if (scope.name) preload(scope.name);
const waiting: ToSearchWorker[] = [];
let deliver: ((message: ToSearchWorker) => void) | null = null;

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'preload') preload(message.key);
  if (deliver) deliver(message);
  else waiting.push(message);
});

void import('./worker-engine').then(({ receive }) => {
  deliver = receive;
  for (const message of waiting.splice(0)) receive(message);
});
