// Mutation testing of the policy core (`npm run mutation`; slow, so not part of `npm test`).
// Stryker changes the code of shared/policy and shared/calendar one small bug at a time and
// runs the policy and calendar tests against each; a mutant that no test notices survives.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'shared/policy/**/*.ts',
    'shared/calendar/**/*.ts',
    '!shared/**/index.ts',
    '!shared/policy/types.ts',
    '!shared/policy/signals/types.ts',
  ],
  coverageAnalysis: 'perTest',
  // Mutants in module-level code (tables, the bundled calendar) rerun every test; they are left out.
  ignoreStatic: true,
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: null },
};
