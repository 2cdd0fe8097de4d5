import { join, normalize, sep } from 'node:path';
import { ELECTRON_CSP } from './window-options';

/**
 * The app:// protocol's answer with its security headers. The CSP goes on the response itself
 * because session.webRequest hooks may not run for custom protocols (index.html also carries a
 * <meta> fallback).
 */
export function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('content-security-policy', ELECTRON_CSP);
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'no-referrer');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The file under the renderer folder an app:// URL names, or null for anything outside it. */
export function appFilePath(url: string, rendererRoot: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const path = normalize(pathname).replace(/^([/\\])+/, '');
  const file = join(rendererRoot, path || 'index.html');
  return file.startsWith(rendererRoot + sep) ? file : null;
}
