import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant of `shared/policy` and `shared/calendar`
 * (`npm run mutation`): the unit tests of the policy and the calendar, without the browser tests'
 * web build. The property tests stay out: judging every mutant with them takes hours.
 */
export default defineConfig({
  test: {
    include: ['test/unit/policy/**/*.test.ts', 'test/unit/calendar/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
