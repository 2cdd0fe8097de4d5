import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { bundleElectron } from '../build/bundle-electron';
import { electronBinary } from '../build/electron-binary';
import { defaultDataDir } from '../electron/core/paths';

/**
 * `npm start`: one hub on its embedded SQLite (unless RAPPORT_HUB_URL points at another), one
 * desktop core, and the app — Electron when its binary is installed, browser mode otherwise.
 */
const children: ChildProcess[] = [];
const stopAll = () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
};
process.on('SIGINT', () => (stopAll(), process.exit(0)));
process.on('SIGTERM', () => (stopAll(), process.exit(0)));

const dataDir = defaultDataDir();
const hubPort = process.env.RAPPORT_HUB_PORT ?? '5782';
// The demo's softphone token (README); a real install keeps a random one per computer.
const env = { ...process.env, RAPPORT_DATA_DIR: dataDir, RAPPORT_CTI_TOKEN: process.env.RAPPORT_CTI_TOKEN ?? 'rapport-demo-cti' };

console.log('[start] building the renderer…');
const built = spawnSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

function run(name: string, args: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(args[0]!, args.slice(1), { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (/listening on|browser mode\) is at|Electron started/.test(chunk.toString())) resolve();
    });
    child.on('exit', (code) => {
      reject(new Error(`${name} exited with code ${code}`));
      if (code !== 0) {
        console.error(`[start] ${name} stopped (exit ${code}); stopping Rapport.`);
        stopAll();
        process.exit(code ?? 1);
      }
    });
  });
}

const tsx = [process.execPath, '--import', 'tsx'];
let hubUrl = process.env.RAPPORT_HUB_URL;
if (!hubUrl) {
  await run('hub', [...tsx, 'server/main.ts'], { RAPPORT_HUB_PORT: hubPort });
  hubUrl = `http://127.0.0.1:${hubPort}`;
}

const electron = electronBinary();
if (electron) {
  await bundleElectron();
  console.log('[start] Electron found; opening the desktop app.');
  const child = spawn(electron, [join('dist', 'electron', 'main.cjs')], { env: { ...env, RAPPORT_HUB_URL: hubUrl }, stdio: 'inherit' });
  children.push(child);
  child.on('exit', () => (stopAll(), process.exit(0)));
} else {
  console.log(
    '[start] Electron’s binary is not installed on this machine (run `npx install-electron` where the internet is reachable), so Rapport runs in browser mode.',
  );
  await run('desktop', [...tsx, 'electron/web-host/main.ts'], { RAPPORT_HUB_URL: hubUrl });
  console.log('[start] Open the address above in Chromium or Chrome. Demo password: rapport-demo-2026 (see README).');
}
