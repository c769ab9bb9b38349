// Jest's order of test files, with the slowest first when Jest knows no durations yet (a fresh clone, CI). Jest
// then sorts by file size, which starts small files that run for long (the demo, the fuzz test, the Node 24 and
// end-to-end tests, which wait on child processes) last, so the run ends with one or two workers busy and the other
// cores idle. Once Jest's cache holds durations from a run, its own order (failed first, then slowest) is kept.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import jestSequencer from '@jest/test-sequencer'

const TestSequencer = jestSequencer.default ?? jestSequencer

const TEST_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test')

/** The test files that take longest on a cold cache, slowest first (measured with `jest --json`, endTime − startTime). */
export const SLOWEST_FIRST = [
  'review.test.ts',
  'promote-github.test.ts',
  'e2e-review.test.ts',
  'monitor.test.ts',
  'mlflow-sqlite-node24.test.ts',
  'rules-from-base.test.ts',
  'demo.test.ts',
  'fuzz.test.ts',
  'log.test.ts',
  'e2e-promote.test.ts',
  'baseline-spec.test.ts',
  'command-mode.test.ts',
  'build-cycles.test.ts',
  'lint-boundaries.test.ts',
  'ids.test.ts',
  'history.test.ts',
  'promote-local.test.ts',
  'github-commit.test.ts'
]

for (const file of SLOWEST_FIRST)
  if (!existsSync(path.join(TEST_ROOT, file)))
    throw new Error(
      `scripts/jest-sequencer.mjs lists test/${file}, which does not exist: update SLOWEST_FIRST`
    )

/** Jest's sequencer, starting the files of SLOWEST_FIRST first (in that order) when no file has a known duration. */
export default class SlowestFirstSequencer extends TestSequencer {
  sort(tests) {
    const sorted = super.sort(tests)
    if (sorted.some(test => test.duration != null)) return sorted
    const rank = test => {
      const at = SLOWEST_FIRST.indexOf(path.relative(TEST_ROOT, test.path))
      return at < 0 ? SLOWEST_FIRST.length : at
    }
    return sorted
      .map((test, at) => ({ test, at }))
      .sort((a, b) => rank(a.test) - rank(b.test) || a.at - b.at)
      .map(({ test }) => test)
  }
}
