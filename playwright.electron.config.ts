import { defineConfig } from '@playwright/test';

/**
 * `npm run test:electron`: the real Electron app (bundled main, core in a utilityProcess, preload)
 * driven by Playwright's `_electron`. Needs Electron's binary, which cannot be downloaded on the
 * development machines here, so it is not part of `npm test`; run it where the binary is installed.
 */
export default defineConfig({
  testDir: 'tests/electron',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/electron',
  globalSetup: './tests/electron/global-setup.ts',
});
