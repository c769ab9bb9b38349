// Where the TensorBoard reader's time goes, in process: reading the 100 MB event file of the readers bench into a
// run, and TFRecord framing with both CRC-32C checks alone (no protobuf decoding), next to `cat` of the same bytes.
// The reader against its floor from outside (a fresh `node dist/cli.js`) is in readers.bench.ts.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createReadContext } from '../src/sources/context.js'
import { readTensorBoardRun } from '../src/sources/tensorboard.js'
import { scanTfRecords } from '../src/sources/tfrecord.js'
import { timeMs, type Benchmark } from './harness.js'
import { STORE_KINDS } from './stores.js'

/** The in-process TensorBoard measurements. */
export const benchmarks: Benchmark[] = [
  {
    name: 'tensorboard in process',
    async run() {
      const kind = STORE_KINDS.find(k => k.name === 'tensorboard')
      if (!kind) throw new Error('bench/stores.ts has no tensorboard store')
      const dir = await mkdtemp(path.join(os.tmpdir(), 'er-bench-tb-'))
      try {
        const bytes = await kind.make(dir)
        const runDir = path.join(dir, kind.runs[0])
        const ctx = await createReadContext(dir)
        const cat = () => execFileSync('sh', ['-c', `cat ${kind.runs[0]}/* > /dev/null`], { cwd: dir })
        cat() // warm the page cache
        const catMs = await timeMs(cat, 3)
        let points = 0
        // The first read also warms the JIT; the best of three is taken.
        const readMs = await timeMs(async () => {
          const run = await readTensorBoardRun(runDir, ctx)
          points = Object.values(run?.metrics ?? {}).reduce((n, m) => n + (m.historyPoints ?? 0), 0)
        }, 3)
        const scanMs = await timeMs(async () => {
          const { files } = await ctx.list(runDir)
          // Read as the reader reads it: 1 MiB chunks of one reused buffer.
          const chunks = await ctx.readChunks(path.join(runDir, files[0]), undefined, 1024 * 1024)
          if (chunks) await scanTfRecords(chunks, () => undefined)
        }, 3)
        if (ctx.diagnostics.length)
          throw new Error(`unexpected diagnostics: ${JSON.stringify(ctx.diagnostics)}`)
        const mb = bytes / 1e6
        return [
          {
            name: `read the run of one ${mb.toFixed(0)} MB event file (${points} points), warm`,
            value: readMs,
            unit: 'ms',
            reference: { name: 'cat the same bytes', value: catMs },
            details: { bytes, points, mbPerSecond: mb / (readMs / 1000) }
          },
          {
            name: 'TFRecord framing + CRC-32C only, same file, warm',
            value: scanMs,
            unit: 'ms',
            reference: { name: 'cat the same bytes', value: catMs },
            details: { mbPerSecond: mb / (scanMs / 1000) }
          }
        ]
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    }
  }
]
