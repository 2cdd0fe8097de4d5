import { z } from 'zod';
import type { CallSource } from '../contract/calls';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A hub address as IT or a person types it: https (plain http only on this computer, for a local
 * demo hub), a host and maybe a port, nothing else. Passwords and tokens travel to it, so no
 * other scheme, no user:password@, no path, query or fragment.
 */
export const hubAddress = z
  .string()
  .trim()
  .min(1, 'Enter the hub address your IT team gave you, such as https://rapport.example.co.uk.')
  .max(300)
  .transform((text, ctx) => {
    let url: URL;
    try {
      url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a web address. It looks like https://rapport.example.co.uk.` });
      return z.NEVER;
    }
    const problem =
      url.protocol !== 'https:' && url.protocol !== 'http:'
        ? 'The hub address starts with https://.'
        : url.protocol === 'http:' && !LOOPBACK.has(url.hostname)
          ? 'Use https:// for a hub on another computer: sign-in passwords travel to it.'
          : url.username || url.password
            ? 'Leave the user name and password out of the address; you sign in on the next screen.'
            : (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash
              ? 'Give only the hub’s address, without a path: https://rapport.example.co.uk.'
              : null;
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return url.origin;
  });

/**
 * The machine-wide policy IT ships (`%ProgramData%\Rapport\policy.json`,
 * `/Library/Application Support/Rapport/policy.json`, `/etc/rapport/policy.json`). Unknown keys
 * are refused, so a misspelt setting is reported rather than silently ignored.
 */
export const desktopPolicy = z
  .object({
    hubUrl: hubAddress,
    /** Where calls come from: the hub's PBX relay, a softphone on this PC, or both. */
    callSource: z.enum(['pbx', 'softphone', 'both']).default('both'),
    softphonePort: z.number().int().min(1024).max(65535).optional(),
    /** An HTTPS folder holding electron-builder's latest*.yml; updates are off without one. */
    updateFeed: z
      .url({ protocol: /^https$/, error: 'updateFeed must be an https:// address.' })
      .optional(),
    startAtLogin: z.boolean().default(false),
  })
  .strict();
export type DesktopPolicy = z.infer<typeof desktopPolicy>;

/**
 * The call sources a desktop may use under IT's `callSource`: `pbx` pins the hub's relay,
 * `softphone` the webhook on this PC (the simulator speaks through the same webhook), `both` (or
 * no policy) leaves the choice to the person in Settings. The first is the default.
 */
export function allowedCallSources(policy: DesktopPolicy['callSource'] | null | undefined): readonly CallSource[] {
  if (policy === 'pbx') return ['hub'];
  if (policy === 'softphone') return ['softphone', 'simulator'];
  return ['softphone', 'hub', 'simulator'];
}
