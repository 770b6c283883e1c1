import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant of `shared/policy` and `shared/calendar`
 * (`npm run mutation`): the unit and property tests of the policy and the calendar, without the
 * browser tests' web build.
 */
export default defineConfig({
  test: {
    include: [
      'test/unit/policy/**/*.test.ts',
      'test/unit/calendar/**/*.test.ts',
      'test/property/signals*.test.ts',
      'test/property/sickness.property.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
