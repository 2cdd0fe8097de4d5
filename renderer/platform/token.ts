const STORAGE_KEY = 'rapport.bridgeToken';

/**
 * The per-run token arrives once in the address (`#token=…`). It is kept for this tab only, so a
 * reload still works, and taken out of the address bar so it is not shared by a screenshot or a
 * copied link.
 */
export function takeBridgeToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    try {
      sessionStorage.setItem(STORAGE_KEY, fromHash);
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
