import { existsSync } from 'node:fs';

/** CHROMIUM_PATH, else Debian's Chromium, else Playwright's own; with none, say so and fail. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  return undefined; // Playwright's own browser, if `npx playwright install` was possible here
}

/**
 * How the tests and benchmarks start Chromium. Headless Chromium is the whole browser: every new
 * tab also starts its omnibox popup (a WebUI renderer that compiled some 400 modules in 1.1 s of
 * its main thread and as much again on its helper threads, on two cores, during a benchmark's cold
 * start). The page under test never sees that popup, and Electron has none, so it is switched off.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];
