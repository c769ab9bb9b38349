// npm run mutation: StrykerJS once per module (the gate, the statistics, the escaping, the sticky comment), each
// with only that module's tests, then one merged JSON report (reports/mutation/mutation.json) and a table.
// Exits 1 when a module scores under the break threshold of stryker.config.mjs.
// Usage: npm run mutation [-- <module> ...]   (modules: see MODULES; none given = all)
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { BREAK_THRESHOLD } from '../stryker.config.mjs'

/** Each module: the sources mutated and the tests that judge them. */
export const MODULES = {
  gate: {
    mutate: [
      'src/core/rules.ts',
      'src/core/rule-checks.ts',
      'src/core/metric-comparison.ts',
      'src/core/violations.ts'
    ],
    tests: ['test/gate-boundaries.test.ts', 'test/gate-statistics.test.ts', 'test/gate.test.ts']
  },
  statistics: {
    mutate: ['src/core/stats.ts', 'src/core/difference-tests.ts', 'src/core/significance.ts'],
    tests: [
      'test/stats.test.ts',
      'test/stats-reference.test.ts',
      'test/difference-tests.test.ts',
      'test/gate-statistics.test.ts'
    ]
  },
  escaping: {
    mutate: ['src/report/mdast.ts'],
    tests: ['test/mdast-escaping.test.ts']
  },
  sticky: {
    mutate: ['src/github/sticky.ts'],
    tests: ['test/sticky-guards.test.ts', 'test/github-sticky.test.ts']
  }
}

const REPORT_DIR = 'reports/mutation'

/** Stryker's per-file counts folded into killed, survived, no coverage, timeouts and the score. */
export function scoreOf(report) {
  const count = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, errors: 0, ignored: 0 }
  for (const file of Object.values(report.files))
    for (const mutant of file.mutants) {
      if (mutant.status === 'Killed') count.killed++
      else if (mutant.status === 'Survived') count.survived++
      else if (mutant.status === 'NoCoverage') count.noCoverage++
      else if (mutant.status === 'Timeout') count.timeout++
      else if (mutant.status === 'Ignored') count.ignored++
      else count.errors++
    }
  const detected = count.killed + count.timeout
  const valid = detected + count.survived + count.noCoverage
  return { ...count, score: valid ? (100 * detected) / valid : NaN }
}

function main(argv) {
  const unknown = argv.filter(name => !(name in MODULES))
  if (unknown.length) {
    console.error(`Unknown module ${unknown.join(', ')}: expected one of ${Object.keys(MODULES).join(', ')}.`)
    return 2
  }
  const chosen = argv.length ? argv : Object.keys(MODULES)
  mkdirSync(REPORT_DIR, { recursive: true })
  const merged = { schemaVersion: '2', thresholds: { high: 90, low: BREAK_THRESHOLD }, files: {} }
  const rows = []
  for (const name of chosen) {
    const { mutate, tests } = MODULES[name]
    console.log(`\n== ${name}: ${mutate.join(', ')} judged by ${tests.join(', ')}`)
    const started = Date.now()
    // A report left by an earlier run must never stand in for this one.
    rmSync(`${REPORT_DIR}/${name}.json`, { force: true })
    const result = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], {
      stdio: 'inherit',
      env: {
        ...process.env,
        MUTATION_MODULE: name,
        MUTATION_MUTATE: mutate.join(','),
        MUTATION_TESTS: tests.join(',')
      }
    })
    let report
    try {
      report = JSON.parse(readFileSync(`${REPORT_DIR}/${name}.json`, 'utf8'))
    } catch (error) {
      console.error(
        `${name}: Stryker wrote no report (${error.message}); its exit status was ${result.status}.`
      )
      rows.push({ name, failed: true })
      continue
    }
    Object.assign(merged.files, report.files)
    rows.push({ name, ...scoreOf(report), seconds: (Date.now() - started) / 1000, load: loadavg()[0] })
  }
  writeFileSync(`${REPORT_DIR}/mutation.json`, JSON.stringify(merged))
  console.log(`\nModule      Killed  Survived  No coverage  Timeout   Score  Time (load at the end)`)
  let failed = false
  for (const row of rows) {
    if (row.failed) {
      console.log(`${row.name.padEnd(10)}  (no report: the run failed)`)
      failed = true
      continue
    }
    const below = !(row.score >= BREAK_THRESHOLD)
    failed ||= below
    console.log(
      `${row.name.padEnd(10)}  ${String(row.killed).padStart(6)}  ${String(row.survived).padStart(8)}  ` +
        `${String(row.noCoverage).padStart(11)}  ${String(row.timeout).padStart(7)}  ` +
        `${row.score.toFixed(1).padStart(6)}%  ${Math.round(row.seconds)} s (${row.load.toFixed(1)})` +
        `${below ? `  under ${BREAK_THRESHOLD}%` : ''}`
    )
  }
  console.log(`\nReport: ${REPORT_DIR}/mutation.json (per module: ${REPORT_DIR}/<module>.json)`)
  return failed ? 1 : 0
}

process.exitCode = main(process.argv.slice(2))
