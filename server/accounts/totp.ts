import { createHmac, randomBytes } from 'node:crypto';

/** RFC 6238 as authenticator apps use it: HMAC-SHA1, 30-second steps, 6 digits. */
export const STEP_SECONDS = 30;
export const DIGITS = 6;
/** One step either side, for a phone clock a little off and a code typed as it changes. */
export const WINDOW = 1;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, as otpauth:// URIs and apps expect. */
export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error('not base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226's HOTP: dynamic truncation of HMAC-SHA1 over the 8-byte counter. */
export function hotp(key: Buffer, counter: number, digits = DIGITS): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(code).padStart(digits, '0');
}

export const stepAt = (ms: number): number => Math.floor(ms / 1000 / STEP_SECONDS);

export const totpAt = (key: Buffer, ms: number, digits = DIGITS): string => hotp(key, stepAt(ms), digits);

/**
 * The step whose code this is, within the window around `now`, or null. The caller refuses a step
 * at or before the last one accepted, so a code seen over a shoulder cannot be used again.
 */
export function matchingStep(key: Buffer, code: string, now: number): number | null {
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(code)) return null;
  const current = stepAt(now);
  // Newest first: a code valid for two steps (it cannot be, but cheaply) counts as the later one.
  for (let step = current + WINDOW; step >= current - WINDOW; step--) {
    if (hotp(key, step) === code) return step;
  }
  return null;
}

/** 20 random bytes, RFC 4226's recommended key length, as base32 for typing into an app. */
export const newTotpSecret = (): string => base32Encode(randomBytes(20));

/** The address an authenticator app reads (Key Uri Format): issuer and account shown in the app. */
export function otpauthUri(secret: string, account: string, issuer = 'Rapport'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(DIGITS), period: String(STEP_SECONDS) });
  return `otpauth://totp/${label}?${params.toString()}`;
}
