import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { siteView, userView } from '../../shared/schemas/accounts';

export const savedSession = z.object({
  token: z.string().min(20),
  user: userView,
  site: siteView,
  savedAt: z.number(),
  hubUrl: z.string(),
});
export type SavedSession = z.infer<typeof savedSession>;

/**
 * Keeps the signed-in session so the app can start without the hub. Electron supplies a vault
 * encrypted with the OS keychain (safeStorage); browser mode keeps a file only this user can read.
 */
export interface SessionVault {
  load(): SavedSession | null;
  save(session: SavedSession): void;
  clear(): void;
}

export function fileVault(path: string, codec: { encode(s: string): Buffer; decode(b: Buffer): string } = plainCodec): SessionVault {
  return {
    load() {
      try {
        const parsed = savedSession.safeParse(JSON.parse(codec.decode(readFileSync(path)))); 
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    save(session) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(path, codec.encode(JSON.stringify(session)), { mode: 0o600 });
      chmodSync(path, 0o600);
    },
    clear() {
      rmSync(path, { force: true });
    },
  };
}

const plainCodec = { encode: (s: string) => Buffer.from(s, 'utf8'), decode: (b: Buffer) => b.toString('utf8') };

/**
 * Sign-in kept in this process only: used when the OS offers no keychain for Electron's
 * safeStorage (or Linux would fall back to storing the key in plain text). The person is told
 * they will sign in again after Rapport restarts.
 */
export function memoryVault(): SessionVault {
  let kept: SavedSession | null = null;
  return {
    load: () => kept,
    save: (session) => void (kept = session),
    clear: () => void (kept = null),
  };
}
