import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleElectron } from '../../build/bundle-electron';
import { hardenContents, hardenSession, isOwnUrl, isSafeExternal } from '../../electron/main/security';
import { ELECTRON_CSP, windowOptions } from '../../electron/main/window-options';

describe('the Electron shell (checked without the Electron binary, which cannot be downloaded here)', () => {
  it('creates windows by the security checklist', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('has a strict Content-Security-Policy', () => {
    expect(ELECTRON_CSP).toContain("script-src 'self'");
    expect(ELECTRON_CSP).toContain("object-src 'none'");
    expect(ELECTRON_CSP).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('denies navigation away from the app and every new window, opening only safe links outside', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler(h: (d: { url: string }) => unknown): void };
    let openHandler: (d: { url: string }) => unknown = () => undefined;
    contents.setWindowOpenHandler = (h) => (openHandler = h);
    const opened: string[] = [];
    hardenContents(contents as never, (u) => opened.push(u));

    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/phish')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://rapport/index.html')).toBe(false);
    expect(openHandler({ url: 'https://www.gov.uk/after-a-death' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.gov.uk/after-a-death']);
    expect(isOwnUrl('app://rapport.evil/x')).toBe(false);
    expect(isSafeExternal('file:///C:/Windows')).toBe(false);
  });

  it('denies every permission request and check', () => {
    let requestHandler: (wc: unknown, p: string, cb: (ok: boolean) => void) => void = () => undefined;
    let checkHandler: (wc: unknown, p: string) => boolean = () => true;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
      webRequest: { onHeadersReceived: () => undefined },
    };
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let answer: boolean | undefined;
      requestHandler(null, permission, (ok) => (answer = ok));
      expect(answer).toBe(false);
    }
    expect(checkHandler(null, 'media')).toBe(false);
    expect(checkHandler(null, 'clipboard-read')).toBe(false);
    // Writing to the clipboard is the one thing allowed ("Copy diagnostics").
    expect(checkHandler(null, 'clipboard-sanitized-write')).toBe(true);
  });

  describe('bundles', () => {
    beforeAll(async () => {
      await bundleElectron('dist/electron-test');
    }, 60_000);

    it('makes the preload ONE CommonJS file that requires nothing but electron and exposes only the bridge', () => {
      const preload = readFileSync('dist/electron-test/preload.cjs', 'utf8');
      const requires = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
      expect(new Set(requires)).toEqual(new Set(['electron']));
      expect(preload).toContain('exposeInMainWorld("rapportBridge"');
      expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\)/);
    });

    it('keeps electron out of the core bundle', () => {
      const core = readFileSync('dist/electron-test/core.cjs', 'utf8');
      expect(core).not.toContain('require("electron")');
    });
  });
});

describe('tel: links in the Electron window', () => {
  it('dial through Rapport instead of navigating or opening another program', async () => {
    const { hardenContents: harden, telNumber } = await import('../../electron/main/security');
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler(h: (d: { url: string }) => unknown): void };
    let openHandler: (d: { url: string }) => unknown = () => undefined;
    contents.setWindowOpenHandler = (h) => (openHandler = h);
    const dialled: string[] = [];
    const opened: string[] = [];
    harden(contents as never, (u) => opened.push(u), (n) => dialled.push(n));
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'tel:07700%20900123');
    expect(prevented).toBe(true);
    expect(openHandler({ url: 'tel:+44 161 496 0000' })).toEqual({ action: 'deny' });
    expect(dialled).toEqual(['07700900123', '+441614960000']);
    expect(opened).toEqual([]);
    expect(telNumber('tel:javascript:alert(1)')).toBeNull();
    expect(telNumber('tel:0770%E0')).toBeNull(); // a malformed escape is no number, never a throw in main
  });
});
