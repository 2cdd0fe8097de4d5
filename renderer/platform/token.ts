import { TOKEN_KEY, readBridgeToken } from './early-bridge';

/**
 * The per-run token arrives once in the address (`#token=…`). It is kept for this tab only, so a
 * reload still works, and taken out of the address bar so it is not shared by a screenshot or a
 * copied link.
 */
export function takeBridgeToken(): string | null {
  const found = readBridgeToken(location.hash, () => sessionStorage.getItem(TOKEN_KEY));
  if (!found?.inAddress) return found?.token ?? null;
  try {
    sessionStorage.setItem(TOKEN_KEY, found.token);
  } catch {
    // Storage can be disabled; the token still works for this page load.
  }
  history.replaceState(null, '', location.pathname + location.search);
  return found.token;
}
