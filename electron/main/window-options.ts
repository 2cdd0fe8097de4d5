import { contentSecurityPolicy } from '../../shared/content-security';
import type { BrowserWindowConstructorOptions } from 'electron';

/** Electron's security checklist, as window options: isolated, sandboxed, no Node in the page. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1320,
    height: 840,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Rapport',
    backgroundColor: '#f5f7f7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

export const APP_ORIGIN = 'app://rapport';

/** The window's own policy: our bundled files only; the core is reached through a MessagePort. */
export const ELECTRON_CSP = contentSecurityPolicy("'none'");
