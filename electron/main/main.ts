import { app, BrowserWindow, MessageChannelMain, net, Notification, protocol, safeStorage, session, shell, utilityProcess } from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { requestPath } from '../../shared/url';
import { CoreLink } from './core-link';
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
  const child = utilityProcess.fork(join(here, 'core.cjs'), [], {
    serviceName: 'Rapport core',
    env: { ...process.env, RAPPORT_DATA_DIR: process.env.RAPPORT_DATA_DIR ?? app.getPath('userData') },
  });
  child.postMessage({ type: 'vault-key', key: vaultKey() });
  child.on('message', (message: { type?: string; caller?: string; name?: string | null; ringing?: number }) => {
    if (message.type === 'call-offered') notifyCall(message.caller ?? 'Unknown number', message.name ?? null);
    if (message.type === 'ringing') app.setBadgeCount(message.ringing ?? 0);
  });
  child.on('exit', (code) => link.coreExited(child, code));
  setTimeout(() => link.core === child && link.coreSteady(), 60_000).unref();
  return child;
}

/** The core restarts after a crash while the window stays; a reload always meets the live core. */
const link = new CoreLink<Electron.UtilityProcess>({
  startCore,
  connect(core) {
    if (!win) return;
    const { port1, port2 } = new MessageChannelMain();
    core.postMessage({ type: 'port' }, [port1]);
    win.webContents.postMessage('rapport:port', null, [port2]);
  },
  linkDown: () => win?.webContents.send('rapport:link-down'),
  later: (fn, ms) => void setTimeout(fn, ms),
});

/** A native notification when a call is offered, so the advisor sees it over other windows. */
function notifyCall(caller: string, name: string | null): void {
  if (!Notification.isSupported()) return;
  const n = new Notification({ title: 'Incoming call', body: name ? `${name} · ${caller}` : caller, silent: false, urgency: 'critical' });
  n.on('click', () => {
    win?.show();
    win?.focus();
  });
  n.show();
}

async function createWindow(): Promise<void> {
  win = new BrowserWindow(windowOptions(join(here, 'preload.cjs')));
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
    link.windowClosed();
  });
  if (!link.core) link.start();
  win.webContents.on('did-finish-load', () => link.windowLoaded());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('second-instance', () => {
  if (win?.isMinimized()) win.restore();
  win?.focus();
});
app.on('before-quit', () => link.quit());
app.on('window-all-closed', () => app.quit());

hardenApp(
  app,
  (url) => {
    if (isSafeExternal(url)) void shell.openExternal(url);
  },
  (number) => link.core?.postMessage({ type: 'dial', number }),
);

void app.whenReady().then(async () => {
  hardenSession(session.defaultSession);
  protocol.handle('app', (request) => {
    const decoded = requestPath(request.url);
    if (decoded === null) return new Response('Bad request', { status: 400 });
    const path = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(rendererRoot, path || 'index.html');
    if (!file.startsWith(rendererRoot + sep)) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  await createWindow();
});
