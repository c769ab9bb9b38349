// Reading a 100 MB TensorBoard event file (TF1 simple_value and TF2 tensor scalars) next to `cat` of the same bytes.
import { execFileSync } from 'node:child_process'
import { mkdtemp, open, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createReadContext } from '../src/sources/context.js'
import { readTensorBoardRun, scanTfRecords } from '../src/sources/tensorboard.js'
import { DT, encodeEvent, tfRecord, type EventSpec } from '../test/fixtures/make-tfevents.js'
import { timeMs, type Benchmark } from './harness.js'

const TARGET_BYTES = 100 * 1024 * 1024

/** Writes ~100 MB of events: each step logs 4 simple_value scalars and 2 TF2 float tensors. */
async function writeBigEventFile(file: string): Promise<{ bytes: number; steps: number }> {
  const handle = await open(file, 'w')
  let bytes = 0
  let step = 0
  try {
    const header = tfRecord(encodeEvent({ wallTime: 1_700_000_000, fileVersion: 'brain.Event:2' }))
    await handle.write(header)
    bytes += header.length
    while (bytes < TARGET_BYTES) {
      const batch: Buffer[] = []
      for (let i = 0; i < 5000; i++, step++) {
        const spec: EventSpec = {
          wallTime: 1_700_000_000 + step * 0.01,
          step,
          values: [
            { kind: 'simple', tag: 'train/loss', value: 1 / (step + 1) },
            { kind: 'simple', tag: 'train/accuracy', value: step / (step + 1) },
            { kind: 'simple', tag: 'lr', value: 0.001 },
            { kind: 'simple', tag: 'epoch', value: Math.floor(step / 1000) }
          ]
        }
        batch.push(tfRecord(encodeEvent(spec)))
        batch.push(
          tfRecord(
            encodeEvent({
              wallTime: spec.wallTime,
              step,
              values: [
                { kind: 'tensor', tag: 'val/loss', value: 2 / (step + 1), dtype: DT.FLOAT },
                { kind: 'tensor', tag: 'val/f1', value: step / (step + 2), dtype: DT.DOUBLE }
              ]
            })
          )
        )
      }
      const chunk = Buffer.concat(batch)
      await handle.write(chunk)
      bytes += chunk.length
    }
  } finally {
    await handle.close()
  }
  return { bytes, steps: step }
}

/** The benchmarks of the TensorBoard reader. */
export const benchmarks: Benchmark[] = [
  {
    name: 'tensorboard',
    async run() {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'er-bench-tb-'))
      try {
        const file = path.join(dir, 'events.out.tfevents.1700000000.bench.1.0')
        const { bytes, steps } = await writeBigEventFile(file)
        const ctx = await createReadContext(dir)
        let points = 0
        // Warm the page cache and the JIT once, then take the best of three.
        execFileSync('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'] })
        const catMs = await timeMs(
          () => execFileSync('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'] }),
          3
        )
        const readMs = await timeMs(async () => {
          const run = await readTensorBoardRun(dir, ctx)
          points = Object.values(run?.metrics ?? {}).reduce((n, m) => n + (m.history?.length ?? 0), 0)
        }, 3)
        // The floor of the reader: framing and both CRC-32C checks, no protobuf decoding.
        const scanMs = await timeMs(async () => {
          const stream = await ctx.openStream(file)
          if (stream) await scanTfRecords(stream as AsyncIterable<Buffer>, () => undefined)
        }, 3)
        if (ctx.diagnostics.length)
          throw new Error(`unexpected diagnostics: ${JSON.stringify(ctx.diagnostics)}`)
        const mb = bytes / 1024 / 1024
        return [
          {
            name: `read a run from a ${mb.toFixed(0)} MB tfevents file (${steps} steps, ${points} points)`,
            value: readMs,
            unit: 'ms',
            reference: { name: 'cat the same bytes', value: catMs },
            goal: { text: 'within 3× of cat', met: readMs <= 3 * catMs },
            details: { bytes, steps, points, mbPerSecond: mb / (readMs / 1000) }
          },
          {
            name: `TFRecord framing + CRC-32C only, same file`,
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
