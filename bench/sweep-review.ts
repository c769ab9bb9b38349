// The child process of the sweep benchmark (sweep.bench.ts): collects the runs of a folder, compares them and renders
// the comment, the job summary and the JSON report, timing each step; prints one JSON line with the times, the sizes
// and the process's peak RSS. `--floor` only reads and parses every file of the runs (the least a review must do).
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { compareRuns } from '../src/core/compare.js'
import { defaultRules } from '../src/core/rules.js'
import { renderComment } from '../src/report/comment.js'
import { renderJsonReport } from '../src/report/json.js'
import { renderReviewSummary } from '../src/report/summary.js'
import { collectRuns } from '../src/sources/detect.js'

const [workspace, mode] = process.argv.slice(2)
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const out: Record<string, number | string> = {}
if (mode === '--floor') {
  const start = process.hrtime.bigint()
  const root = path.join(workspace, 'experiments')
  const runs = await readdir(root)
  let files = 0
  let bytes = 0
  let next = 0
  // As many reads in flight as the review itself keeps (a few per core).
  const worker = async () => {
    while (next < runs.length) {
      const dir = path.join(root, runs[next++])
      for (const file of await readdir(dir)) {
        const text = await readFile(path.join(dir, file), 'utf8')
        JSON.parse(text)
        files++
        bytes += Buffer.byteLength(text)
      }
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker))
  out.readMs = ms(start)
  out.files = files
  out.bytes = bytes
} else {
  let start = process.hrtime.bigint()
  const collection = await collectRuns({ workspace })
  out.collectMs = ms(start)
  out.runs = collection.runs.length
  start = process.hrtime.bigint()
  const comparison = compareRuns({
    runs: collection.runs,
    rules: defaultRules(),
    diagnostics: collection.diagnostics
  })
  out.compareMs = ms(start)
  start = process.hrtime.bigint()
  const comment = renderComment(comparison)
  const summary = renderReviewSummary(comparison, comment, {})
  const report = renderJsonReport(comparison)
  out.renderMs = ms(start)
  out.commentChars = comment.length
  out.summaryBytes = Buffer.byteLength(summary)
  out.reportBytes = Buffer.byteLength(report)
  out.champion = comparison.champion?.name ?? ''
  out.primary = comparison.primary ?? ''
  out.parameters = comparison.sweep?.effects.length ?? 0
}
out.maxRssMiB = process.resourceUsage().maxRSS / 1024
process.stdout.write(`${JSON.stringify(out)}\n`)
