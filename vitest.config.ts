import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Builds web/dist for the browser tests when it is out of date.
    globalSetup: ['test/browser/global-setup.ts'],
  },
});
