// StrykerJS for one module at a time; scripts/mutation.mjs (npm run mutation) sets the module through
// MUTATION_MODULE, MUTATION_MUTATE (sources) and MUTATION_TESTS (the only test files jest runs).
import { fileURLToPath } from 'node:url'

/** A module scoring under this mutation score fails npm run mutation. */
export const BREAK_THRESHOLD = 85

const list = value => (value ?? '').split(',').filter(Boolean)
const module = process.env.MUTATION_MODULE ?? 'all'
const tests = list(process.env.MUTATION_TESTS)

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      ...(tests.length ? { testMatch: tests.map(t => `**/${t}`) } : {}),
      // Jest's Node environment, but a mutant's tests stop at its first failure (Jest cannot bail by itself).
      testEnvironment: fileURLToPath(new URL('scripts/stryker-bail-environment.cjs', import.meta.url))
    },
    enableFindRelatedTests: false
  },
  mutate: list(process.env.MUTATION_MUTATE),
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // The margin beyond the covering tests' time × 1.5 and the runner's overhead. A mutant that loops in the mutated
  // code is stopped by Stryker's hit limit, and the incomplete beta's continued fraction is bounded
  // (MAX_FRACTION_TERMS), so nearly every mutant ends on its own. On the shared 2-core machine a 5 s margin
  // (Stryker's default) cut off mutants that were only slowed by other jobs: they counted as detected though some
  // survive, and each cut-off costs a restart of the test runner. 10 s lets them finish.
  timeoutMS: 10000,
  thresholds: { high: 90, low: BREAK_THRESHOLD, break: BREAK_THRESHOLD },
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: `reports/mutation/${module}.json` },
  clearTextReporter: { allowColor: false, logTests: false },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'reports', 'bench-results', 'coverage', '.stryker-tmp'],
  cleanTempDir: true,
  // MUTATION_INCREMENTAL=1 reuses the last run's results for mutants and tests that did not change (while iterating).
  incremental: process.env.MUTATION_INCREMENTAL === '1',
  incrementalFile: `reports/mutation/${module}-incremental.json`
}
