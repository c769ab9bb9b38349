// Runs every bench/*.bench.ts (or, given command-line words, the benchmarks whose file name contains one or whose
// name is one, e.g. `npm run bench readers` or `npm run bench mlflow-400`), prints a table and writes
// bench-results/bench.json.
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Benchmark, BenchRow } from './harness.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const filters = process.argv.slice(2)
const files = (await readdir(here)).filter(f => f.endsWith('.bench.ts')).sort()
const results: { benchmark: string; rows: BenchRow[] }[] = []
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { benchmarks: Benchmark[] }
  for (const b of mod.benchmarks) {
    if (filters.length && !filters.some(w => file.includes(w) || b.name === w)) continue
    process.stderr.write(`running ${b.name} …\n`)
    try {
      results.push({ benchmark: b.name, rows: await b.run() })
    } catch (e) {
      process.stderr.write(`${b.name} failed: ${(e as Error).message}\n`)
      results.push({
        benchmark: b.name,
        rows: [{ name: `FAILED: ${(e as Error).message}`, value: NaN, unit: '' }]
      })
      process.exitCode = 1
    }
  }
}
const fmt = (n: number) =>
  Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3)
const table = [['benchmark', 'measure', 'value', 'reference', 'goal']]
for (const { benchmark, rows } of results) {
  for (const r of rows) {
    table.push([
      benchmark,
      r.name,
      `${fmt(r.value)} ${r.unit}`,
      r.reference
        ? `${r.reference.name}: ${fmt(r.reference.value)} ${r.unit} (×${fmt(r.value / r.reference.value)})`
        : '',
      r.goal ? `${r.goal.met ? 'met' : 'MISSED'}: ${r.goal.text}` : ''
    ])
  }
}
const widths = table[0].map((_, i) => Math.max(...table.map(row => row[i].length)))
for (const [i, row] of table.entries()) {
  console.log(
    row
      .map((c, j) => c.padEnd(widths[j]))
      .join('  ')
      .trimEnd()
  )
  if (i === 0) console.log(widths.map(w => '-'.repeat(w)).join('  '))
}
await mkdir('bench-results', { recursive: true })
const out = path.join('bench-results', 'bench.json')
await writeFile(
  out,
  JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2)
)
console.log(`\nwrote ${out}`)
