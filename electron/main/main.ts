import { app, BrowserWindow, MessageChannelMain, net, protocol, safeStorage, session, shell, utilityProcess } from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hardenApp, hardenSession, isSafeExternal } from './security';
import { APP_ORIGIN, windowOptions } from './window-options';

/**
 * The thin Electron shell: lifecycle, one instance, a hardened window, the core in a
 * utilityProcess (a long sync or a native crash never freezes the window), and the MessagePort
 * between them. Everything else lives in electron/core.
 */
const here = __dirname;
const rendererRoot = join(here, '..', 'renderer');
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | null = null;
let quitting = false;

/** A key for the saved session, itself kept encrypted by the OS keychain through safeStorage. */
function vaultKey(): string {
  const file = join(app.getPath('userData'), 'vault.key');
  if (safeStorage.isEncryptionAvailable()) {
    if (existsSync(file)) return safeStorage.decryptString(readFileSync(file));
    const key = randomBytes(32).toString('base64');
    writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600 });
    return key;
  }
  return '';
}

function startCore(): Electron.UtilityProcess {
  const core = utilityProcess.fork(join(here, 'core.cjs'), [], {
    serviceName: 'Rapport core',
    env: { ...process.env, RAPPORT_DATA_DIR: process.env.RAPPORT_DATA_DIR ?? app.getPath('userData') },
  });
  core.postMessage({ type: 'vault-key', key: vaultKey() });
  core.on('exit', (code) => {
    if (code !== 0 && !quitting) setTimeout(() => connect(startCore()), 1000); // the window stays; the core comes back
  });
  return core;
}

function connect(core: Electron.UtilityProcess): void {
  if (!win) return;
  const { port1, port2 } = new MessageChannelMain();
  core.postMessage({ type: 'port' }, [port1]);
  win.webContents.postMessage('rapport:port', null, [port2]);
}

async function createWindow(): Promise<void> {
  win = new BrowserWindow(windowOptions(join(here, 'preload.cjs')));
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  const core = startCore();
  win.webContents.on('did-finish-load', () => connect(core));
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('second-instance', () => {
  if (win?.isMinimized()) win.restore();
  win?.focus();
});
app.on('before-quit', () => (quitting = true));
app.on('window-all-closed', () => app.quit());

hardenApp(app, (url) => {
  if (isSafeExternal(url)) void shell.openExternal(url);
});

void app.whenReady().then(async () => {
  hardenSession(session.defaultSession);
  protocol.handle('app', (request) => {
    const path = normalize(decodeURIComponent(new URL(request.url).pathname)).replace(/^([/\\])+/, '');
    const file = join(rendererRoot, path || 'index.html');
    if (!file.startsWith(rendererRoot + sep)) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  await createWindow();
});
