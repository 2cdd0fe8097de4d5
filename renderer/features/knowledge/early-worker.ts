import { EARLY_WORKER_GLOBAL, LAST_INDEX_KEY } from './early-start';

export function rememberedKey(): string | null {
  try {
    return localStorage.getItem(LAST_INDEX_KEY);
  } catch {
    return null;
  }
}

export function rememberKey(key: string): void {
  try {
    localStorage.setItem(LAST_INDEX_KEY, key);
  } catch {
    // only a slower next start
  }
}

/**
 * Starts a search worker named after the last person's saved index, so it starts reading that
 * index as its script starts (search.worker.ts). The page's early script (early-start.ts) starts
 * the first one before the app runs; this starts any other.
 */
export function startSearchWorker(): Worker {
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: rememberedKey() ?? '' });
}

/** The worker the page's early script started, handed out once; later indexes start their own. */
export function takeEarlyWorker(): Worker | null {
  const scope = window as unknown as Record<string, Worker | undefined>;
  const worker = scope[EARLY_WORKER_GLOBAL];
  delete scope[EARLY_WORKER_GLOBAL];
  return worker instanceof Worker ? worker : null;
}
