/**
 * The tests Stryker runs against each mutant of the model's rules (`npm run mutate`): the rules' unit
 * tests and the fast whole-model checks. The stylized facts (minutes each) run in the normal suite.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/models/civil-society/rules.*.test.ts',
      'test/models/civil-society/citizenState.test.ts',
      'test/models/civil-society/invariants.test.ts',
      'test/models/civil-society/ownership.test.ts',
    ],
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
