import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt at OWASP's minimum (N=2^17, r=8, p=1): 128 MiB and about a second of one core per hash,
 * so hashing is rationed (see `rationed`) and older, cheaper hashes are redone on the next sign-in.
 */
export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}
export const PASSWORD_COST: PasswordCost = { N: 2 ** 17, r: 8, p: 1 };
const MAXMEM = 256 * 1024 * 1024;
const KEY_LENGTH = 64;

/**
 * At most this many hashes run at once: a burst of sign-ins (or of guesses) queues here instead of
 * asking the hub for 40 × 128 MiB at the same moment.
 */
const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function rationed<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** How long a real check takes here lately, by cost, so a refusal that skips hashing takes as long. */
const typicalMs = new Map<number, number>();

function derive(password: string, salt: Buffer, opts: ScryptOptions & { N: number }): Promise<Buffer> {
  return rationed(
    () =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...opts, maxmem: MAXMEM }, (err, key) => {
          if (err) return reject(err);
          const took = performance.now() - started;
          typicalMs.set(opts.N, 0.8 * (typicalMs.get(opts.N) ?? took) + 0.2 * took);
          resolve(key);
        });
      }),
  );
}

/** `scrypt$N$r$p$salt$hash` with base64 parts, so the cost can rise later without a migration. */
export async function hashPassword(password: string, cost: PasswordCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash made at a lower cost than today's is redone the next time its password is known. */
export function needsRehash(stored: string, cost: PasswordCost = PASSWORD_COST): boolean {
  const [kind, n, r, p] = stored.split('$');
  return kind !== 'scrypt' || Number(n) < cost.N || Number(r) < cost.r || Number(p) < cost.p;
}

/**
 * Waited out on unknown and locked usernames so a refusal takes as long as a wrong password, without
 * spending the hashing a burst of guesses is refused to save (only the first, with nothing measured
 * yet, hashes for real).
 */
export async function burnEquivalentTime(password: string, cost: PasswordCost = PASSWORD_COST): Promise<void> {
  const typical = typicalMs.get(cost.N);
  if (typical === undefined) {
    await hashPassword(password, cost);
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, typical));
}
