/**
 * `decodeURIComponent` that answers null for a malformed escape (`%E0`, `%c0%ae`, a lone `%`)
 * instead of throwing: callers turn null into a 400, never an uncaught URIError.
 */
export function decodeEscapes(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The decoded path of an HTTP request target (`/a/b?q` or `http://host/a/b?q`), or null when it is
 * neither or holds a malformed escape. Dot segments are left to the caller (a file server
 * normalises and then checks it stayed inside its folder).
 */
export function requestPath(target: string | undefined): string | null {
  const raw = target ?? '/';
  const absolute = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*(.*)$/i.exec(raw);
  const rest = absolute ? absolute[1] || '/' : raw;
  if (!rest.startsWith('/')) return null;
  return decodeEscapes(rest.replace(/[?#].*$/s, ''));
}
