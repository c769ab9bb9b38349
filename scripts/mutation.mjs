// npm run mutation: StrykerJS for each module (the gate, the statistics, the escaping, the sticky comment), each run
// with only the tests of what it mutates, then one merged JSON report (reports/mutation/mutation.json) and a table.
// Exits 1 when a module scores under the break threshold of stryker.config.mjs.
// Usage: npm run mutation [-- <module> ...]   (modules: see MODULES; none given = all)
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { BREAK_THRESHOLD } from '../stryker.config.mjs'

/**
 * Each module: its runs of Stryker, each with the sources it mutates and the only test files that judge them.
 * Jest loads every listed test file for every mutant (Stryker's per-test coverage only narrows the tests run inside
 * them), so each run lists the files that exercise its sources directly; files that also load the rules-file
 * parser, the report wording or start the local GitHub API per test are left out where these cover the module, and
 * a module whose sources each have a test file of their own is judged source by source (see the README's mutation
 * section). A module's report and row merge its runs.
 */
export const MODULES = {
  gate: [
    {
      mutate: [
        'src/core/rules.ts',
        'src/core/rule-checks.ts',
        'src/core/metric-comparison.ts',
        'src/core/violations.ts'
      ],
      tests: ['test/gate-boundaries.test.ts']
    }
  ],
  statistics: [
    { part: 'stats', mutate: ['src/core/stats.ts'], tests: ['test/stats.test.ts'] },
    {
      part: 'difference-tests',
      mutate: ['src/core/difference-tests.ts'],
      tests: ['test/difference-tests.test.ts']
    },
    { part: 'significance', mutate: ['src/core/significance.ts'], tests: ['test/significance.test.ts'] }
  ],
  escaping: [
    { mutate: ['src/report/mdast.ts', 'src/report/markdown.ts'], tests: ['test/mdast-escaping.test.ts'] }
  ],
  sticky: [
    {
      mutate: ['src/github/sticky.ts'],
      tests: ['test/sticky-guards.test.ts', 'test/github-sticky.test.ts']
    }
  ]
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

/**
 * CPU seconds (user + system) of this process's finished children, from /proc (Linux); undefined elsewhere.
 * Stryker's test runner processes are its children, so the difference around one module's run is its CPU time.
 */
function childCpuSeconds() {
  try {
    // After the command name in parentheses (which may hold spaces and parentheses) come the state, …, and cutime and
    // cstime as the 14th and 15th fields, in clock ticks of 1/100 s (USER_HZ on Linux).
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return undefined
  }
}

/** Minutes and seconds, e.g. 3 min 05 s. */
function duration(seconds) {
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`
}

function main(argv) {
  const unknown = argv.filter(name => !(name in MODULES))
  if (unknown.length) {
    console.error(`Unknown module ${unknown.join(', ')}: expected one of ${Object.keys(MODULES).join(', ')}.`)
    return 2
  }
  const chosen = argv.length ? argv : Object.keys(MODULES)
  mkdirSync(REPORT_DIR, { recursive: true })
  const thresholds = { high: 90, low: BREAK_THRESHOLD }
  const merged = { schemaVersion: '2', thresholds, files: {} }
  const rows = []
  for (const name of chosen) {
    const started = Date.now()
    const cpuBefore = childCpuSeconds()
    const loadBefore = loadavg()[0]
    // A report left by an earlier run must never stand in for this one.
    rmSync(`${REPORT_DIR}/${name}.json`, { force: true })
    const report = { files: {}, testFiles: {} }
    let failed = false
    for (const { part, mutate, tests } of MODULES[name]) {
      const reportName = part ? `${name}-${part}` : name
      console.log(`\n== ${reportName}: ${mutate.join(', ')} judged by ${tests.join(', ')}`)
      rmSync(`${REPORT_DIR}/${reportName}.json`, { force: true })
      const result = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], {
        stdio: 'inherit',
        env: {
          ...process.env,
          MUTATION_MODULE: reportName,
          MUTATION_MUTATE: mutate.join(','),
          MUTATION_TESTS: tests.join(',')
        }
      })
      try {
        const partReport = JSON.parse(readFileSync(`${REPORT_DIR}/${reportName}.json`, 'utf8'))
        Object.assign(report.files, partReport.files)
        Object.assign(report.testFiles, partReport.testFiles)
      } catch (error) {
        console.error(
          `${reportName}: Stryker wrote no report (${error.message}); its exit status was ${result.status}.`
        )
        failed = true
      }
    }
    if (failed) {
      rows.push({ name, failed: true })
      continue
    }
    if (MODULES[name].length > 1)
      writeFileSync(
        `${REPORT_DIR}/${name}.json`,
        JSON.stringify({ schemaVersion: '2', thresholds, ...report })
      )
    Object.assign(merged.files, report.files)
    const cpuAfter = childCpuSeconds()
    rows.push({
      name,
      ...scoreOf(report),
      seconds: (Date.now() - started) / 1000,
      cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
      load: [loadBefore, loadavg()[0]]
    })
  }
  writeFileSync(`${REPORT_DIR}/mutation.json`, JSON.stringify(merged))
  const total = { seconds: 0, cpu: 0 }
  console.log(
    `\nModule      Killed  Survived  No coverage  Timeout  Errors   Score  Wall time     CPU time      Load (start, end)`
  )
  let failed = false
  for (const row of rows) {
    if (row.failed) {
      console.log(`${row.name.padEnd(10)}  (no report: the run failed)`)
      failed = true
      continue
    }
    const below = !(row.score >= BREAK_THRESHOLD)
    failed ||= below
    total.seconds += row.seconds
    total.cpu = row.cpu === undefined || total.cpu === undefined ? undefined : total.cpu + row.cpu
    console.log(
      `${row.name.padEnd(10)}  ${String(row.killed).padStart(6)}  ${String(row.survived).padStart(8)}  ` +
        `${String(row.noCoverage).padStart(11)}  ${String(row.timeout).padStart(7)}  ${String(row.errors).padStart(6)}  ` +
        `${row.score.toFixed(1).padStart(6)}%  ${duration(row.seconds).padEnd(12)}  ` +
        `${(row.cpu === undefined ? 'unknown' : duration(row.cpu)).padEnd(12)}  ` +
        `${row.load.map(l => l.toFixed(1)).join(', ')}${below ? `  under ${BREAK_THRESHOLD}%` : ''}`
    )
  }
  console.log(
    `All modules: ${duration(total.seconds)} wall, ${total.cpu === undefined ? 'unknown' : duration(total.cpu)} CPU`
  )
  console.log(`\nReport: ${REPORT_DIR}/mutation.json (per module: ${REPORT_DIR}/<module>.json)`)
  return failed ? 1 : 0
}

// Run only as a script (npm run mutation), not when a test imports MODULES.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = main(process.argv.slice(2))
