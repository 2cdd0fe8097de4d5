/**
 * What the page runs before the app's own script: it starts the search worker, named after whose
 * saved index to read (the last person signed in here), so the worker reads that index while the
 * app's script is still being loaded and run. The app takes this worker when it makes its index
 * (early-worker.ts). The script is written out at build time (vite.config.ts) as a tiny classic
 * script of its own, because the app's script can only run once all of it has loaded.
 */

/** Where the last person's index key is kept between starts. */
export const LAST_INDEX_KEY = 'rapport.knowledge.lastIndex';

/** The window property the early worker waits on until the app takes it. */
export const EARLY_WORKER_GLOBAL = 'rapportEarlySearchWorker';

/**
 * The early script's text, for the worker built at `workerPath` (relative to index.html). Any
 * failure (storage blocked, workers unavailable) leaves the app to start its own worker.
 */
export function earlyStartScript(workerPath: string): string {
  return `(function () {
  try {
    var key = '';
    try { key = localStorage.getItem(${JSON.stringify(LAST_INDEX_KEY)}) || ''; } catch (e) {}
    window[${JSON.stringify(EARLY_WORKER_GLOBAL)}] = new Worker(new URL(${JSON.stringify(workerPath)}, document.baseURI), { type: 'module', name: key });
  } catch (e) {}
})();
`;
}
