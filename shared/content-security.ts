/**
 * The page's Content-Security-Policy, one source for every host: our own scripts, styles and
 * workers only, no inline code, no plugins, no frames. Only `connect-src` differs: nothing in
 * Electron (the core is reached through a MessagePort), the host's own WebSocket in browser mode.
 */
export function contentSecurityPolicy(connectSrc: string, opts: { forMeta?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // Browsers ignore frame-ancestors in a <meta> policy (and warn about it), so only headers carry it.
    ...(opts.forMeta ? [] : ["frame-ancestors 'none'"]),
  ].join('; ');
}

/**
 * The `<meta>` fallback in renderer/index.html, for a host whose header might not arrive (custom
 * protocol handlers can skip webRequest hooks). Both policies apply when both are present, so the
 * meta allows the union of the hosts' connections and each header narrows it to its own.
 */
export const META_CSP = contentSecurityPolicy("'self' ws://127.0.0.1:*", { forMeta: true });
