/**
 * `npm run bench [name ...]`: runs the named benchmarks (default: all registered) and prints the machine first.
 * Re-executes itself under `node --expose-gc` so heap figures follow a full collection.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer } from '../../build/build-renderer';
import { benchGestureThroughput } from './gesture-throughput';
import { benchRelevance } from './relevance';
import { benchKnowledgeBrowser } from './knowledge-browser';
import { benchKnowledgeSearch } from './knowledge-search';
import { benchPropagation } from './propagation';
import { benchScreenPop } from './screen-pop';
import { formatBytes, machineLoad } from './stats';

export type Benchmark = () => Promise<unknown>;

/** Every benchmark by name, run in this order. Register more with `registerBenchmark` or by adding a line here. */
export const benchmarks = new Map<string, Benchmark>([
  ['knowledge-search', () => benchKnowledgeSearch({})],
  // The tail at scale, Rapport alone (MiniSearch would take hours at these sizes).
  ['knowledge-search-100k', () => benchKnowledgeSearch({ articles: 100_000, miniSearch: false })],
  ['knowledge-search-200k', () => benchKnowledgeSearch({ articles: 200_000, miniSearch: false })],
  ['knowledge-browser', () => benchKnowledgeBrowser({})],
  ['screen-pop', () => benchScreenPop()],
  ['gesture-throughput', () => benchGestureThroughput()],
  ['relevance', async () => benchRelevance()],
  ['knowledge-propagation', () => benchPropagation()],
]);

/** Benchmarks that open the built app in Chromium: the renderer is built afresh first, so they time the code as it is. */
const OPEN_THE_APP = new Set(['knowledge-browser', 'screen-pop']);

export function registerBenchmark(name: string, run: Benchmark): void {
  if (benchmarks.has(name)) throw new Error(`a benchmark called ${name} is already registered`);
  benchmarks.set(name, run);
}

const here = fileURLToPath(import.meta.url);
const CHILD_FLAG = 'RAPPORT_BENCH_CHILD';
/** Big enough for MiniSearch's 50,000-article index and its JSON. */
const HEAP_MB = 16_384;

/** Starts this file again with --expose-gc (and a larger heap); returns its exit code. */
function reExecWithGc(): number {
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', `--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', here, ...process.argv.slice(2)],
    { stdio: 'inherit', cwd: resolve(dirname(here), '../..'), env: { ...process.env, [CHILD_FLAG]: '1' } },
  );
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function describeMachine(): string {
  const cpus = os.cpus();
  return [
    `Machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${formatBytes(os.totalmem())} memory, ` +
      `${os.platform()} ${os.release()}`,
    `Node ${process.version}${typeof globalThis.gc === 'function' ? ', --expose-gc' : ', without --expose-gc'}`,
    `Date: ${new Date().toLocaleString('en-GB', { dateStyle: 'full', timeStyle: 'long' })}`,
    `At start: ${machineLoad()}`,
  ].join('\n');
}

export async function main(args: string[]): Promise<number> {
  const names = args.length ? args : [...benchmarks.keys()];
  const unknown = names.filter((n) => !benchmarks.has(n));
  if (unknown.length) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. Registered: ${[...benchmarks.keys()].join(', ')}.`);
    return 2;
  }
  console.log(`Rapport benchmarks\n${describeMachine()}\n`);
  if (names.some((n) => OPEN_THE_APP.has(n))) {
    console.log('Building the renderer (vite build) for the benchmarks that open the app…');
    const built = buildRenderer();
    if (built !== 0) {
      console.error(`The renderer did not build (exit ${built}): no benchmark was run.`);
      return built;
    }
  }
  for (const name of names) {
    console.log(`\n=== ${name} ===`);
    const start = performance.now();
    await benchmarks.get(name)!();
    console.log(`\n${name} took ${((performance.now() - start) / 1000).toFixed(1)} s in all; ${machineLoad()}.`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === here) {
  if (typeof globalThis.gc !== 'function' && !process.env[CHILD_FLAG]) {
    process.exitCode = reExecWithGc();
  } else {
    if (typeof globalThis.gc !== 'function')
      console.warn('Warning: --expose-gc did not take effect; heap figures will be rough.');
    process.exitCode = await main(process.argv.slice(2));
  }
}
