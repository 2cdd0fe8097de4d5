import { telNumber } from './security';

/**
 * A `tel:` link clicked in a CRM or a browser reaches Rapport as a command-line argument (Windows,
 * Linux: the second instance's argv) or an `open-url` event (macOS). The number to dial, or null.
 */
export function telFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) if (/^tel:/i.test(arg)) return telNumber(`tel:${arg.slice(4)}`);
  return null;
}
