import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from './browser';

export default async function globalSetup(): Promise<void> {
  if (!existsSync('dist/renderer/index.html')) {
    throw new Error('The renderer is not built: run `npm run build` first (npm run test:e2e does).');
  }
  try {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--headless'] });
    await browser.close();
  } catch (err) {
    throw new Error(
      `No Chromium to run the end-to-end tests: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.\n${(err as Error).message}`,
    );
  }
}
