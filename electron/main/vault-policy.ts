/**
 * Whether the saved sign-in may be written to disk. Only under a key the OS keychain protects:
 * when Electron's safeStorage is unavailable, or on Linux falls back to `basic_text` (a key
 * hard-coded in Chromium, i.e. plain text), sign-in lasts for this run only and the person is told.
 */
export type VaultPlan = { mode: 'encrypted' } | { mode: 'process-only'; notice: string };

export function vaultPlan(opts: { encryptionAvailable: boolean; platform: NodeJS.Platform; linuxBackend?: string }): VaultPlan {
  if (!opts.encryptionAvailable)
    return { mode: 'process-only', notice: 'This computer has no keychain Rapport can use, so you will sign in again each time Rapport starts.' };
  if (opts.platform === 'linux' && (opts.linuxBackend === 'basic_text' || opts.linuxBackend === 'unknown'))
    return {
      mode: 'process-only',
      notice: 'No desktop keyring (GNOME Keyring or KWallet) is running, so Rapport will not keep your sign-in on disk: you will sign in again each time it starts.',
    };
  return { mode: 'encrypted' };
}
