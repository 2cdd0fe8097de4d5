import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/relevance/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['verbose'],
    // Each hub test file starts its own hubs on its own ports and schemas; two cores, two workers.
    maxWorkers: 2,
  },
});
