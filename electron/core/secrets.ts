import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Compares a secret someone sent with ours in constant time. Both sides are hashed first, so a
 * guess of another length, or one with multi-byte characters, compares (false) instead of
 * throwing, and the time taken says nothing about the length.
 */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
