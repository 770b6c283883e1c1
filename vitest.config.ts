import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Handlers log and emit metrics to stdout as in Lambda; in tests that is noise. A test about
    // logging sets its own level.
    env: { POWERTOOLS_LOG_LEVEL: 'WARN', POWERTOOLS_METRICS_DISABLED: 'true' },
    // Builds web/dist for the browser tests when it is out of date.
    globalSetup: ['test/browser/global-setup.ts'],
  },
});
