import type { ToSearchWorker } from './protocol';

/** Whose index to start reading as the page loads, before the session is even confirmed. */
const LAST_KEY = 'rapport.knowledge.lastIndex';

export function rememberedKey(): string | null {
  try {
    return localStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
}

export function rememberKey(key: string): void {
  try {
    localStorage.setItem(LAST_KEY, key);
  } catch {
    // only a slower next start
  }
}

let started: Worker | null = null;

/**
 * Starts the search worker and asks it to read the last person's saved index: the worker is named
 * after whose index it is, so it starts reading as its script starts, before any message reaches it
 * (search.worker.ts); the message then starts the import. The page's first module calls this before
 * the rest of the app is even fetched, so the worker's start-up and its read overlap the page's
 * own; this module is kept tiny for that reason.
 */
export function startSearchWorker(): Worker {
  const last = rememberedKey();
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: last ?? '' });
  if (last) worker.postMessage({ type: 'preload', key: last } satisfies ToSearchWorker);
  return worker;
}

export function startSearchWorkerEarly(): void {
  started ??= startSearchWorker();
}

/** The worker started early, handed out once; later indexes start their own. */
export function takeEarlyWorker(): Worker | null {
  const worker = started;
  started = null;
  return worker;
}
