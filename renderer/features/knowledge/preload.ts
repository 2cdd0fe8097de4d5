import { loadIndex, type LoadedIndex } from './persisted-index';

/**
 * The saved index read as early as the worker can: started when the page names whose index to
 * expect, while the engine's own code is still loading.
 */
let preloaded: { key: string; saved: Promise<LoadedIndex | null> } | null = null;

export function preload(key: string): void {
  if (!preloaded) preloaded = { key, saved: loadIndex(key) };
}

/** The read already under way for this key, if any; it is handed out once. */
export function takePreloaded(key: string): Promise<LoadedIndex | null> | null {
  const found = preloaded?.key === key ? preloaded.saved : null;
  preloaded = null;
  return found;
}
