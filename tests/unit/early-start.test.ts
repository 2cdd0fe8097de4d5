import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EARLY_WORKER_GLOBAL, LAST_INDEX_KEY, earlyStartScript } from '../../renderer/features/knowledge/early-start';

/**
 * The page's early script (written out by vite.config.ts) run as a browser would run it, in a
 * context of its own with a page's globals: it starts the search worker named after the last
 * person's index, and never stops the page when it cannot.
 */
interface Started {
  url: string;
  options: { type: string; name: string };
}

function runEarlyScript(storage: { getItem(key: string): string | null }, WorkerImpl?: unknown) {
  const started: Started[] = [];
  class RecordingWorker {
    constructor(url: URL, options: Started['options']) {
      started.push({ url: url.href, options });
    }
  }
  const window: Record<string, unknown> = {};
  runInNewContext(earlyStartScript('assets/search.worker-AbC_12.js'), {
    window,
    localStorage: storage,
    document: { baseURI: 'http://127.0.0.1:5780/index.html' },
    URL,
    Worker: WorkerImpl ?? RecordingWorker,
  });
  return { started, window };
}

describe('the early start script', () => {
  it('starts the module worker from the built file, named after the last index, and leaves it for the app', () => {
    const { started, window } = runEarlyScript({ getItem: (key) => (key === LAST_INDEX_KEY ? 'knowledge:u-7' : null) });
    expect(started).toEqual([{ url: 'http://127.0.0.1:5780/assets/search.worker-AbC_12.js', options: { type: 'module', name: 'knowledge:u-7' } }]);
    expect(window[EARLY_WORKER_GLOBAL]).toBeDefined();
  });

  it('starts an unnamed worker when nobody has signed in here yet', () => {
    const { started } = runEarlyScript({ getItem: () => null });
    expect(started[0]?.options.name).toBe('');
  });

  it('still starts the worker when storage is blocked', () => {
    const { started } = runEarlyScript({
      getItem: () => {
        throw new Error('SecurityError: storage is disabled');
      },
    });
    expect(started).toHaveLength(1);
    expect(started[0]?.options.name).toBe('');
  });

  it('leaves nothing for the app, and throws nothing, when workers cannot start', () => {
    const failing = function () {
      throw new Error('workers are disabled');
    };
    const { window } = runEarlyScript({ getItem: () => 'knowledge:u-7' }, failing);
    expect(window[EARLY_WORKER_GLOBAL]).toBeUndefined();
  });

  it('writes the worker path as a string literal, whatever it holds', () => {
    const script = earlyStartScript(`assets/x'");alert(1);//.js`);
    expect(script).toContain(JSON.stringify(`assets/x'");alert(1);//.js`));
  });
});
