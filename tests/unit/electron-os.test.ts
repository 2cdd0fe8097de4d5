import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFilePath, withSecurityHeaders } from '../../electron/main/app-protocol';
import { telFromArgv } from '../../electron/main/deep-links';
import { updatePlan } from '../../electron/main/updates';
import { ELECTRON_CSP } from '../../electron/main/window-options';
import { appMenuTemplate, closeAction, trayMenu, trayTooltip } from '../../electron/main/window-rules';
import { contentSecurityPolicy } from '../../electron/web-host/static';
import { META_CSP } from '../../shared/content-security';

describe('tel: links from other programs', () => {
  it('dial the number from a second instance’s argv or macOS open-url', () => {
    expect(telFromArgv(['C:\\Program Files\\Rapport\\Rapport.exe', '--allow-file-access', 'tel:+441614960000'])).toBe('+441614960000');
    expect(telFromArgv(['/usr/bin/rapport', 'TEL:0161%20496%200000'])).toBe('01614960000');
    expect(telFromArgv(['tel:0161 496-0000'])).toBe('01614960000');
    expect(telFromArgv(['/usr/bin/rapport'])).toBeNull();
    expect(telFromArgv(['tel:javascript:alert(1)'])).toBeNull();
    expect(telFromArgv(['tel:%E0%A4%A'])).toBeNull(); // a malformed escape is not a number, and does not throw
  });
});

describe('closing the window and the tray', () => {
  it('keeps Rapport running in the tray while signed in, so calls keep arriving', () => {
    expect(closeAction({ signedIn: true, quitting: false, trayAvailable: true })).toBe('hide');
    expect(closeAction({ signedIn: false, quitting: false, trayAvailable: true })).toBe('close');
    expect(closeAction({ signedIn: true, quitting: true, trayAvailable: true })).toBe('close');
    expect(closeAction({ signedIn: true, quitting: false, trayAvailable: false })).toBe('close'); // no tray: never hide where nobody can find it
  });

  it('shows the status, Show and Quit in the tray menu', () => {
    expect(trayMenu({ signedIn: true, agentState: 'not_ready', ringing: false })).toEqual([
      { label: 'Status: Not ready', enabled: false },
      { label: 'Show Rapport', action: 'show' },
      { separator: true },
      { label: 'Quit Rapport', action: 'quit' },
    ]);
    expect(trayMenu({ signedIn: true, agentState: 'ready', ringing: true })[0]).toEqual({ label: 'Call waiting', enabled: false });
    expect(trayMenu({ signedIn: false, agentState: null, ringing: false })[0]).toEqual({ label: 'Signed out', enabled: false });
    expect(trayTooltip({ signedIn: true, ringing: true })).toBe('Rapport: call waiting');
  });

  it('has no DevTools or reload in the menu of a packaged build', () => {
    const roles = (packaged: boolean) => appMenuTemplate({ packaged, platform: 'win32' }).flatMap((m) => m.submenu.map((i) => i.role));
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
    expect(appMenuTemplate({ packaged: true, platform: 'darwin' })[0]!.label).toBe('Rapport');
  });
});

describe('updates', () => {
  const policy = { hubUrl: 'https://hub.example', callSource: 'both' as const, startAtLogin: false };
  it('are off unless the policy names an HTTPS feed, and never in a development build', () => {
    expect(updatePlan(null, true)).toEqual({ enabled: false, reason: 'no updateFeed in the policy file' });
    expect(updatePlan(policy, true)).toMatchObject({ enabled: false });
    expect(updatePlan({ ...policy, updateFeed: 'https://updates.example/rapport/' }, false)).toEqual({ enabled: false, reason: 'development build' });
    expect(updatePlan({ ...policy, updateFeed: 'https://updates.example/rapport/' }, true)).toEqual({ enabled: true, feed: { provider: 'generic', url: 'https://updates.example/rapport/' } });
  });
});

describe('the Content-Security-Policy', () => {
  it('is set on the app:// response itself, not only by a webRequest hook', async () => {
    const answered = withSecurityHeaders(new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect(answered.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
    expect(answered.headers.get('content-type')).toBe('text/html');
    expect(await answered.text()).toBe('<html></html>');
  });

  it('is also in index.html as a <meta> fallback that no host can loosen', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CSP);
    expect(META_CSP).not.toMatch(/unsafe-|\*\s|https?:\/\/(?!127)/);
    // Every directive but connect-src is the same as the headers'; the meta only names the loopback socket.
    const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d]));
    for (const header of [ELECTRON_CSP, contentSecurityPolicy(5780)]) {
      const h = directives(header);
      for (const [name, value] of Object.entries(directives(META_CSP))) if (name !== 'connect-src') expect(value).toBe(h[name]);
      expect(h['frame-ancestors']).toBe("frame-ancestors 'none'");
    }
    expect(ELECTRON_CSP).toContain("connect-src 'none'");
  });

  it('serves only files under the renderer folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'rapport-app-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '');
    expect(appFilePath('app://rapport/index.html', root)).toBe(join(root, 'index.html'));
    expect(appFilePath('app://rapport/', root)).toBe(join(root, 'index.html'));
    expect(appFilePath('app://rapport/assets/a.js', root)).toBe(`${root}${sep}assets${sep}a.js`);
    // An escaped ../ is resolved against the folder's own root: it can name nothing outside it.
    expect(appFilePath('app://rapport/..%2F..%2Fetc%2Fpasswd', root)).toBe(join(root, 'etc', 'passwd'));
    expect(appFilePath('app://rapport/%E0%A4%A', root)).toBeNull();
    expect(appFilePath('app://rapport/a%00.js', root)).toBeNull();
  });
});
