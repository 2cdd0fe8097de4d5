import { app, BrowserWindow, crashReporter, Menu, MessageChannelMain, nativeImage, net, Notification, powerMonitor, protocol, safeStorage, session, shell, Tray, utilityProcess } from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { policyPath, readPolicy } from '../core/deployment';
import { appFilePath, withSecurityHeaders } from './app-protocol';
import { CoreLink } from './core-link';
import { openMainLog } from './main-log';
import { telFromArgv } from './deep-links';
import { hardenApp, hardenSession, isSafeExternal } from './security';
import { updatePlan } from './updates';
import { vaultPlan } from './vault-policy';
import { appMenuTemplate, closeAction, trayMenu, trayTooltip } from './window-rules';
import { APP_ORIGIN, windowOptions } from './window-options';

/**
 * The thin Electron shell: lifecycle, one instance, a hardened window, the core in a
 * utilityProcess (a long sync or a native crash never freezes the window), the MessagePort
 * between them, and the OS: tel: links, tray, notifications, lock and sleep, updates, crash dumps.
 * The decisions live in small modules beside this one, tested without Electron.
 */
const here = __dirname;
const rendererRoot = join(here, '..', 'renderer');
const APP_ID = 'uk.co.rapport.desktop';
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();
if (process.platform === 'win32') app.setAppUserModelId(APP_ID); // notifications need it on Windows

// Crash dumps stay on this computer (the service desk asks for them); nothing is uploaded.
if (process.env.RAPPORT_DATA_DIR) app.setPath('userData', process.env.RAPPORT_DATA_DIR);
app.setPath('crashDumps', join(app.getPath('userData'), 'crashes'));
crashReporter.start({ uploadToServer: false, compress: true });
const log = openMainLog(app.getPath('userData'));
log.info({ version: app.getVersion(), electron: process.versions.electron, platform: process.platform, packaged: app.isPackaged }, 'main started');

const policy = readPolicy(policyPath());
if (policy.problem) log.error({ problem: policy.problem }, 'the policy file cannot be used');

let win: BrowserWindow | null = null;
let tray: Tray | null = null;
let quitting = false;
const desk = { signedIn: false, agentState: null as string | null, ringing: false };
let pendingDial: string | null = telFromArgv(process.argv);

/** A key for the saved session, itself kept encrypted by the OS keychain through safeStorage. */
function vaultKey(): { key: string; notice?: string } {
  const plan = vaultPlan({
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    platform: process.platform,
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
  });
  if (plan.mode === 'process-only') return { key: '', notice: plan.notice };
  const file = join(app.getPath('userData'), 'vault.key');
  if (existsSync(file)) return { key: safeStorage.decryptString(readFileSync(file)) };
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600 });
  return { key };
}

type CoreMessage = { type?: string; caller?: string; name?: string | null; ringing?: number; signedIn?: boolean; agentState?: string | null };

function startCore(): Electron.UtilityProcess {
  const child = utilityProcess.fork(join(here, 'core.cjs'), [], {
    serviceName: 'Rapport core',
    env: { ...process.env, RAPPORT_DATA_DIR: app.getPath('userData') },
  });
  child.postMessage({ type: 'vault-key', ...vaultKey(), electron: process.versions.electron });
  child.on('message', (message: CoreMessage) => {
    if (message.type === 'call-offered') notifyCall(message.caller ?? 'Unknown number', message.name ?? null);
    if (message.type === 'ringing') showRinging((message.ringing ?? 0) > 0);
    if (message.type === 'desk') {
      desk.signedIn = message.signedIn === true;
      desk.agentState = message.agentState ?? null;
      refreshTray();
    }
  });
  child.on('exit', (code) => {
    if (code !== 0) log.error({ code }, 'the core stopped; starting it again');
    link.coreExited(child, code);
  });
  setTimeout(() => link.core === child && link.coreSteady(), 60_000).unref();
  if (pendingDial) {
    child.postMessage({ type: 'dial', number: pendingDial });
    pendingDial = null;
  }
  return child;
}

/** The core restarts after a crash while the window stays; a reload always meets the live core. */
const link = new CoreLink<Electron.UtilityProcess>({
  startCore,
  connect(core) {
    if (!win) return;
    // The window's bridge, and a second port its search worker takes for bulk knowledge, so
    // article pages and pushes never pass through the page's own thread (as browser mode does).
    const bridge = new MessageChannelMain();
    const knowledge = new MessageChannelMain();
    core.postMessage({ type: 'port', workerTakesKnowledge: true }, [bridge.port1]);
    core.postMessage({ type: 'port', channel: 'knowledge' }, [knowledge.port1]);
    win.webContents.postMessage('rapport:port', null, [bridge.port2]);
    win.webContents.postMessage('rapport:knowledge-port', null, [knowledge.port2]);
  },
  linkDown: () => win?.webContents.send('rapport:link-down'),
  later: (fn, ms) => void setTimeout(fn, ms),
});

function showWindow(): void {
  if (!win) return void createWindow();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** A native notification when a call is offered, with Show bringing the call to the front. */
function notifyCall(caller: string, name: string | null): void {
  if (!Notification.isSupported()) return;
  const n = new Notification({
    title: 'Incoming call',
    body: name ? `${name} · ${caller}` : caller,
    silent: false,
    urgency: 'critical',
    actions: [{ type: 'button', text: 'Show' }],
  });
  n.on('click', showWindow);
  n.on('action', showWindow);
  n.show();
}

function showRinging(ringing: boolean): void {
  desk.ringing = ringing;
  app.setBadgeCount(ringing ? 1 : 0);
  if (process.platform === 'win32' && win) {
    win.setOverlayIcon(ringing ? nativeImage.createFromPath(join(here, 'icons', 'tray.png')) : null, ringing ? 'Call waiting' : '');
    if (ringing) win.flashFrame(true);
  }
  refreshTray();
}

function refreshTray(): void {
  if (!tray) return;
  tray.setToolTip(trayTooltip(desk));
  tray.setContextMenu(
    Menu.buildFromTemplate(
      trayMenu(desk).map((item) =>
        'separator' in item
          ? { type: 'separator' as const }
          : { label: item.label, enabled: item.enabled ?? true, click: item.action === 'show' ? showWindow : item.action === 'quit' ? () => app.quit() : undefined },
      ),
    ),
  );
}

function createTray(): void {
  try {
    tray = new Tray(nativeImage.createFromPath(join(here, 'icons', 'tray.png')));
    tray.on('click', showWindow);
    refreshTray();
  } catch (err) {
    log.warn({ err }, 'no system tray here; closing the window will quit Rapport');
    tray = null;
  }
}

async function createWindow(): Promise<void> {
  win = new BrowserWindow(windowOptions(join(here, 'preload.cjs')));
  win.once('ready-to-show', () => win?.show());
  win.webContents.on('render-process-gone', (_event, details) => log.error({ reason: details.reason, exitCode: details.exitCode }, 'the window’s page crashed'));
  win.on('close', (event) => {
    if (closeAction({ signedIn: desk.signedIn, quitting, trayAvailable: tray !== null }) === 'hide') {
      event.preventDefault();
      win?.hide();
    }
  });
  win.on('closed', () => {
    win = null;
    link.windowClosed();
  });
  if (!link.core) link.start();
  win.webContents.on('did-finish-load', () => link.windowLoaded());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

/** A tel: link from another program: dial it from the advisor's own extension, and show Rapport. */
function dial(number: string): void {
  if (link.core) link.core.postMessage({ type: 'dial', number });
  else pendingDial = number;
  showWindow();
}

app.on('second-instance', (_event, argv) => {
  const number = telFromArgv(argv);
  if (number) dial(number);
  else showWindow();
});
app.on('open-url', (event, url) => {
  event.preventDefault();
  const number = telFromArgv([url]);
  if (number) dial(number);
});
app.on('before-quit', () => {
  quitting = true;
  link.quit();
});
app.on('window-all-closed', () => {
  if (!tray || !desk.signedIn) app.quit();
});

hardenApp(
  app,
  (url) => {
    if (isSafeExternal(url)) void shell.openExternal(url);
  },
  dial,
);

void app.whenReady().then(async () => {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ packaged: app.isPackaged, platform: process.platform }) as Electron.MenuItemConstructorOptions[]));
  hardenSession(session.defaultSession);
  if (app.isPackaged) app.setAsDefaultProtocolClient('tel');
  if (policy.policy) app.setLoginItemSettings({ openAtLogin: policy.policy.startAtLogin });
  protocol.handle('app', async (request) => {
    const file = appFilePath(request.url, rendererRoot);
    if (!file) return new Response('Not found', { status: 404 });
    return withSecurityHeaders(await net.fetch(pathToFileURL(file).toString()));
  });
  // A locked screen or sleep: nobody is at the desk to answer (the core sets a Ready advisor Not ready).
  for (const state of ['lock-screen', 'suspend'] as const) powerMonitor.on(state as 'suspend', () => link.core?.postMessage({ type: 'presence', state }));
  createTray();
  await createWindow();
  startUpdates();
});

/** electron-updater against the policy's HTTPS feed; off without one (see updates.ts). */
function startUpdates(): void {
  const plan = updatePlan(policy.policy, app.isPackaged);
  if (!plan.enabled) return;
  void import('electron-updater')
    .then(({ autoUpdater }) => {
      autoUpdater.setFeedURL(plan.feed);
      autoUpdater.autoInstallOnAppQuit = true;
      autoUpdater.on('error', (err) => log.warn({ err }, 'update check failed'));
      autoUpdater.on('update-downloaded', (info) => log.info({ version: info.version }, 'update downloaded; it installs when Rapport quits'));
      void autoUpdater.checkForUpdates();
      setInterval(() => void autoUpdater.checkForUpdates(), 4 * 60 * 60_000).unref();
    })
    .catch((err: unknown) => log.error({ err }, 'updater unavailable'));
}
