import { existsSync } from 'node:fs';

/** CHROMIUM_PATH, else Debian's Chromium, else Playwright's own; with none, say so and fail. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  return undefined; // Playwright's own browser, if `npx playwright install` was possible here
}
