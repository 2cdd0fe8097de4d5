import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { bundleElectron } from '../build/bundle-electron';
import { buildRenderer } from '../build/build-renderer';
import { electronBinary } from '../build/electron-binary';
import { readSavedCtiToken } from '../electron/core/cti-setup';
import { defaultDataDir } from '../electron/core/paths';
import { supervise, type Supervised } from './supervise';

/**
 * `npm start`: one hub on its embedded SQLite (unless RAPPORT_HUB_URL points at another), one
 * desktop core, and the app — Electron when its binary is installed, browser mode otherwise.
 */
const programs: Supervised[] = [];
const others: ChildProcess[] = [];
const stopAll = () => {
  for (const p of programs) p.stop();
  for (const c of others) if (c.exitCode === null) c.kill('SIGTERM');
};
process.on('SIGINT', () => (stopAll(), process.exit(0)));
process.on('SIGTERM', () => (stopAll(), process.exit(0)));

const dataDir = defaultDataDir();
const hubPort = process.env.RAPPORT_HUB_PORT ?? '5782';
// The softphone token is this computer's own (the desktop makes it once and keeps it in its data
// folder, readable by this user only); RAPPORT_CTI_TOKEN still overrides it.
const env = { ...process.env, RAPPORT_DATA_DIR: dataDir };

console.log('[start] building the renderer…');
const built = buildRenderer();
if (built !== 0) process.exit(built);

/** The hub is fatal when it stops; the desktop is started again (the hub keeps running). */
function run(name: string, command: string[], extraEnv: Record<string, string>, restart: boolean): Promise<void> {
  const program = supervise({
    name,
    command,
    env: { ...env, ...extraEnv },
    ready: /listening on|browser mode\) is at|Electron started/,
    restart,
    onFatal: (code) => {
      console.error(`[start] ${name} stopped (exit ${code}); stopping Rapport.`);
      stopAll();
      process.exit(code || 1);
    },
  });
  programs.push(program);
  return program.ready;
}

const tsx = [process.execPath, '--import', 'tsx'];
let hubUrl = process.env.RAPPORT_HUB_URL;
if (!hubUrl) {
  await run('hub', [...tsx, 'server/main.ts'], { RAPPORT_HUB_PORT: hubPort }, false);
  hubUrl = `http://127.0.0.1:${hubPort}`;
}

const electron = electronBinary();
if (electron) {
  await bundleElectron();
  console.log('[start] Electron found; opening the desktop app.');
  const child = spawn(electron, [join('dist', 'electron', 'main.cjs')], { env: { ...env, RAPPORT_HUB_URL: hubUrl }, stdio: 'inherit' });
  others.push(child);
  child.on('exit', () => (stopAll(), process.exit(0)));
} else {
  console.log(
    '[start] Electron’s binary is not installed on this machine (run `npx install-electron` where the internet is reachable), so Rapport runs in browser mode.',
  );
  // One page token for this whole run, so an open page reconnects to a desktop started again.
  const pageToken = process.env.RAPPORT_WEB_TOKEN ?? randomBytes(24).toString('base64url');
  await run('desktop', [...tsx, 'electron/web-host/main.ts'], { RAPPORT_HUB_URL: hubUrl, RAPPORT_WEB_TOKEN: pageToken }, true);
  const token = process.env.RAPPORT_CTI_TOKEN || readSavedCtiToken(join(dataDir, 'desktop'));
  if (token) console.log(`[start] Softphone token for this computer (also in Settings): ${token}`);
  console.log('[start] Open the address above in Chromium or Chrome. Demo password: rapport-demo-2026 (see README).');
}
