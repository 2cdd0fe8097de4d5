import type { Db } from '../db/types';
import { SecretBox } from './secret-box';

const PURPOSE = 'pbx:main';

export const sealPbxSecret = (box: SecretBox, secret: string): string => box.seal(secret, PURPOSE);

/** A secret still in clear (written before sealing, by an older hub) is read as it is, and sealed at the next start. */
export const openPbxSecret = (box: SecretBox, stored: string): string => (SecretBox.isSealed(stored) ? box.open(stored, PURPOSE) : stored);

/** At start: a PBX secret stored in clear by an earlier version is sealed in place. */
export async function sealStoredPbxSecret(db: Db, box: SecretBox): Promise<boolean> {
  return db.tx(async (q) => {
    const row = await q.get<{ secret: string }>("SELECT secret FROM pbx_connections WHERE id = 'main'");
    if (!row || SecretBox.isSealed(row.secret)) return false;
    await q.run("UPDATE pbx_connections SET secret = ? WHERE id = 'main' AND secret = ?", [sealPbxSecret(box, row.secret), row.secret]);
    return true;
  });
}

/** Whether a PBX login goes to the same place as the saved one: host, port and user. */
export const samePbxLogin = (
  saved: { host: string; port: number | string; username: string },
  wanted: { host?: string; port?: number; username?: string },
): boolean => saved.host === wanted.host && Number(saved.port) === Number(wanted.port) && saved.username === wanted.username;
