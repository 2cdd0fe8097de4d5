import type { App, Session, WebContents } from 'electron';
import { APP_ORIGIN, ELECTRON_CSP } from './window-options';
import { decodeEscapes } from '../../shared/url';

/** Only our own pages may be shown; links to the web open in the user's browser instead. */
export function isOwnUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

export function isSafeExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** The one permission the page has: writing text to the clipboard ("Copy diagnostics", the webhook address). */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

/** Denies every other permission (camera, notifications by the page, geolocation...) and sets the CSP. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => callback(ALLOWED_PERMISSIONS.includes(permission)));
  session.setPermissionCheckHandler((_wc, permission) => ALLOWED_PERMISSIONS.includes(permission));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] } });
  });
}

/** A `tel:` link's number, or null when the link is not a phone number. */
export function telNumber(url: string): string | null {
  const m = /^tel:([+\d][\d\s().-]{2,30})$/.exec(decodeEscapes(url) ?? '');
  return m ? m[1]!.replace(/[\s().-]/g, '') : null;
}

/**
 * Navigation and new windows denied for every web contents the app ever creates; a `tel:` link
 * dials through Rapport (click-to-dial from the advisor's own extension) instead.
 */
export function hardenContents(contents: WebContents, openExternal: (url: string) => void, dial: (number: string) => void = () => undefined): void {
  contents.on('will-navigate', (event, url) => {
    if (isOwnUrl(url)) return;
    event.preventDefault();
    const number = telNumber(url);
    if (number) dial(number);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const number = telNumber(url);
    if (number) dial(number);
    else if (isSafeExternal(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function hardenApp(app: App, openExternal: (url: string) => void, dial: (number: string) => void): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, openExternal, dial));
}
