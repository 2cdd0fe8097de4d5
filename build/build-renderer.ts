import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `vite build` of the renderer (what `npm start` and the benchmarks that open the app run first),
 * its output shown as it goes; returns vite's exit status, or 1 if it could not be started.
 */
export function buildRenderer(): number {
  const built = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
  if (built.error) console.error(`vite could not be started: ${built.error.message}`);
  return built.status ?? 1;
}
