import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/types';
import { SecretBox } from './secret-box';

export const SECRET_KEY_FILE = 'secret.key';

export type SecretKeySource = 'environment' | 'file' | 'ephemeral';

/** 32 bytes as 64 hex digits or as base64 (`openssl rand -base64 32`). */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(t) ? Buffer.from(t, 'base64') : null;
  if (!key || key.length !== 32) throw new Error('RAPPORT_SECRET_KEY must be 32 bytes written as 64 hex digits or base64 (openssl rand -base64 32).');
  return key;
}

/** The key file in the hub's data folder, made once (readable by the hub's user only) and then kept. */
function keyFromFile(dir: string): Buffer {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, SECRET_KEY_FILE);
  try {
    // `wx`: two instances starting at once on one folder never both write a key.
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if (statSync(path).mode & 0o077) chmodSync(path, 0o600);
  try {
    return parseSecretKey(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`${path} does not hold a secret key (32 bytes in base64); restore it from your backup.`);
  }
}

/**
 * The key that seals the hub's secrets: RAPPORT_SECRET_KEY when given (every instance on a shared
 * PostgreSQL must have the same), else a file in the hub's data folder. A hub with neither (an
 * in-memory test hub) gets a key for this run only.
 */
export function loadSecretKey(opts: { fromEnvironment?: string; dir?: string }): { box: SecretBox; source: SecretKeySource } {
  if (opts.fromEnvironment) return { box: new SecretBox(parseSecretKey(opts.fromEnvironment)), source: 'environment' };
  if (opts.dir) return { box: new SecretBox(keyFromFile(opts.dir)), source: 'file' };
  return { box: new SecretBox(randomBytes(32)), source: 'ephemeral' };
}

/**
 * The database remembers which key sealed its secrets (by fingerprint): an instance started with
 * another key stops at once with a message, instead of failing later on each secret it cannot open.
 */
export async function checkSecretKey(db: Db, box: SecretBox, source: SecretKeySource): Promise<void> {
  if (source === 'ephemeral') return;
  await db.run('INSERT INTO hub_secret_key (id, fingerprint, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING', ['main', box.fingerprint, Date.now()]);
  const row = await db.get<{ fingerprint: string }>("SELECT fingerprint FROM hub_secret_key WHERE id = 'main'");
  if (row?.fingerprint !== box.fingerprint) {
    throw new Error(
      `This hub's secret key (${source === 'environment' ? 'RAPPORT_SECRET_KEY' : SECRET_KEY_FILE + ' in its data folder'}) is not the key that sealed this database's secrets: give every hub instance the same key.`,
    );
  }
}
