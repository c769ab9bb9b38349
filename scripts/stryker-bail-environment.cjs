// Jest's Node environment that stops testing a mutant at its first failing test, for npm run mutation.
// Stryker's jest runner cannot bail (Jest has no programmatic per-test bail), so every test covering a killed mutant
// ran to the end although the first failure already decides "killed". Stryker wraps this environment with its own
// (coverage, hit limit). While it tests a mutant it sets __STRYKER_ACTIVE_MUTANT__; once a test of that mutant has
// failed, the tests after it (in this file and in the files Jest runs after it) are skipped. The dry run, which
// has no active mutant and must measure every test's coverage, is never cut short, and neither is a mutant no test
// fails (a survivor runs every covering test).
const { TestEnvironment } = require('jest-environment-node')

/** The mutant whose run has had a failing test (one runner process tests one mutant at a time). */
let failedMutant

/** The Node environment, skipping the rest of a mutant's tests after its first failure. */
class BailOnFirstFailureEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__
    if (mutant === undefined) return
    if (event.name === 'test_done' && event.test.errors.length > 0) failedMutant = mutant
    else if (event.name === 'test_start' && failedMutant === mutant) event.test.mode = 'skip'
  }
}

module.exports = BailOnFirstFailureEnvironment
