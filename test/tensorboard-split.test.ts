// A large event file is read in two parts at once: a read worker decodes the part from a record past the middle
// while the main thread decodes the part before it. Here the second part is decoded in process by the same code
// the worker runs, and handed over as a worker hands it (structured clone, buffers transferred); every file is
// also read whole, and both reads must give the same run and the same diagnostics.
import { spawnSync } from 'node:child_process'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createReadContext } from '../src/sources/context.js'
import { READ_THREADS_ENV } from '../src/sources/read-pool.js'
import { decodeEventRange } from '../src/sources/tensorboard-range.js'
import {
  eventFileWorkers,
  readTensorBoardRun,
  SPLIT_MIN_BYTES,
  type EventFileSplit,
  type SecondPartReader
} from '../src/sources/tensorboard.js'
import { DT, encodeEvent, eventFile, tfRecord, type EventSpec } from './fixtures/make-tfevents.js'
import { message } from './fixtures/protobuf-writer.js'
import { describeShared } from './helpers/shared.js'
import { tempDirs } from './helpers/temp.js'

const T0 = 1_700_000_000
const simple = (step: number, tag: string, value: number): EventSpec => ({
  wallTime: T0 + step / 10,
  step,
  values: [{ kind: 'simple', tag, value }]
})

/** Splits every file (however small) and decodes the second part in process; `fail` makes the reader reject. */
function splitIn(starts: number[], fail = false): EventFileSplit {
  const reader: SecondPartReader = {
    async readEvents(fd, start) {
      starts.push(start)
      if (fail) throw new Error('the worker stopped')
      const { result, transfer } = await decodeEventRange(fd, start)
      return structuredClone(result, { transfer })
    },
    close: async () => undefined
  }
  return { minBytes: 0, start: () => reader }
}
const WHOLE: EventFileSplit = { minBytes: Infinity, start: () => undefined }

/** The offsets at which the records of an event file start. */
function recordStarts(bytes: Buffer): number[] {
  const starts: number[] = []
  for (let at = 0; at + 12 <= bytes.length; at += 12 + bytes.readUInt32LE(at) + 4) starts.push(at)
  return starts
}

const makeTemp = tempDirs('er-tb-split-')
let ws: string
beforeEach(async () => {
  ws = await makeTemp()
})

/** Reads `dir` whole and split; the run (as JSON) and the diagnostics of both, and where the split reads began. */
async function readBothWays(dir: string, fail = false) {
  const read = async (split: EventFileSplit) => {
    const ctx = await createReadContext(ws)
    const run = await readTensorBoardRun(dir, ctx, split)
    return { run: JSON.stringify(run), diagnostics: ctx.diagnostics }
  }
  const starts: number[] = []
  const whole = await read(WHOLE)
  const split = await read(splitIn(starts, fail))
  return { whole, split, starts }
}

async function writeEvents(rel: string, files: Record<string, Buffer>): Promise<string> {
  const dir = path.join(ws, rel)
  await mkdir(dir, { recursive: true })
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes)
  return dir
}

/** Events over 200 steps: tags of the first part only, of the second only, steps going back, placeholders, tensors. */
function mixedEvents(): EventSpec[] {
  const events: EventSpec[] = []
  for (let step = 0; step < 200; step++) {
    events.push(simple(step, 'loss', 1 / (step + 1)))
    if (step < 60) events.push(simple(step, 'early', step))
    if (step > 150) events.push(simple(step, 'late', -step))
    if (step % 40 === 0) events.push(simple(step, 'hp_metric', -1), simple(step, '_hparams_/session', 1))
    events.push({
      wallTime: T0 + step,
      step,
      values: [{ kind: 'tensor', tag: 'val/f1', value: step / 200, dtype: DT.DOUBLE }]
    })
  }
  // A restarted run writes low steps again, after the highest: sorted by step, the final value stays step 199's.
  for (let step = 10; step < 20; step++) events.push(simple(step, 'loss', 100 + step))
  return events
}

describe('an event file read in two parts at once', () => {
  it('appends the second part after the first: the same run, tag order, sorting and final values', async () => {
    const bytes = eventFile(mixedEvents())
    const dir = await writeEvents('mixed', { 'events.out.tfevents.1.h.1.0': bytes })
    const { whole, split, starts } = await readBothWays(dir)
    expect(starts).toHaveLength(1)
    expect(recordStarts(bytes)).toContain(starts[0])
    expect(starts[0]).toBeGreaterThan(bytes.length / 2 - 100)
    expect(split).toEqual(whole)
    const run = JSON.parse(whole.run) as { metrics: Record<string, { value: number }> }
    expect(Object.keys(run.metrics)).toEqual(['loss', 'early', 'val/f1', 'late'])
    expect(run.metrics.loss.value).toBeCloseTo(1 / 200, 9)
  })

  it('appends a split file before the next file of the folder', async () => {
    const first = eventFile(mixedEvents())
    const later = Array.from({ length: 20 }, (_, i) => [
      simple(300 + i, 'loss', i),
      simple(5 + i, 'other', i)
    ])
    const second = eventFile(later.flat())
    const dir = await writeEvents('two', {
      'events.out.tfevents.1.h.1.0': first,
      'events.out.tfevents.2.h.1.0': second
    })
    const { whole, split, starts } = await readBothWays(dir)
    expect(starts).toHaveLength(2)
    expect(split).toEqual(whole)
  })

  it('reports a bad CRC, a cut record and invalid Events in the second part as a single read does', async () => {
    const events = mixedEvents()
    const records = [encodeEvent({ wallTime: T0, fileVersion: 'brain.Event:2' }), ...events.map(encodeEvent)]
    // Three records that are not Events in the first part, four in the second: five are reported.
    const notEvent = Buffer.from([0x00, 0x01])
    for (const at of [
      records.length - 5,
      records.length - 20,
      records.length - 40,
      records.length - 60,
      40,
      30,
      20
    ])
      records.splice(at, 0, notEvent)
    const bytes = Buffer.concat(records.map(tfRecord))
    const starts = recordStarts(bytes)
    const corrupt = Buffer.from(bytes)
    corrupt[starts[starts.length - 3] + 14] ^= 0x55
    const dir = await writeEvents('bad', {
      'events.out.tfevents.1.h.1.0': corrupt,
      'events.out.tfevents.2.h.1.0': bytes.subarray(0, bytes.length - 5)
    })
    const { whole, split } = await readBothWays(dir)
    expect(split).toEqual(whole)
    const messages = whole.diagnostics.map(d => d.message)
    expect(messages.filter(m => /is not a valid Event protobuf/.test(m))).toHaveLength(10)
    expect(
      messages.some(m =>
        /fails the CRC-32C check of its data.*The \d+ whole records before it were read/.test(m)
      )
    ).toBe(true)
    expect(messages.some(m => /ends inside a record at byte \d+/.test(m))).toBe(true)
  })

  it('reads on alone when the record found past the middle was not one (records inside a record)', async () => {
    // A large Event whose graph_def holds two whole TFRecords: found by their checksums, but inside a record.
    const fake = Buffer.concat(
      [simple(999, 'fake', 5), simple(998, 'fake', 6)].map(e => tfRecord(encodeEvent(e)))
    )
    const graph = Buffer.concat([Buffer.alloc(2500), fake, Buffer.alloc(200)])
    const holder = message([
      { n: 1, double: T0 },
      { n: 2, varint: 3 },
      { n: 4, bytes: graph }
    ])
    const head = eventFile([simple(0, 'loss', 1), simple(1, 'loss', 2)])
    const tail = Buffer.concat(
      [simple(4, 'loss', 3), simple(5, 'loss', 4)].map(e => tfRecord(encodeEvent(e)))
    )
    const bytes = Buffer.concat([head, tfRecord(holder), tail])
    const dir = await writeEvents('inside', { 'events.out.tfevents.1.h.1.0': bytes })
    const { whole, split, starts } = await readBothWays(dir)
    expect(starts).toEqual([bytes.indexOf(fake)])
    expect(recordStarts(bytes)).not.toContain(starts[0])
    expect(split).toEqual(whole)
    expect(Object.keys((JSON.parse(whole.run) as { metrics: object }).metrics)).toEqual(['loss'])
  })

  it('reads the second part itself, and says so, when the worker fails', async () => {
    const dir = await writeEvents('fails', { 'events.out.tfevents.1.h.1.0': eventFile(mixedEvents()) })
    const { whole, split, starts } = await readBothWays(dir, true)
    expect(starts).toHaveLength(1)
    expect(split.run).toBe(whole.run)
    expect(split.diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'fails/events.out.tfevents.1.h.1.0',
        run: 'fails',
        message: `a read worker could not decode the part from byte ${starts[0]} (the worker stopped); it was read on the main thread`
      }
    ])
  })
})

describe('the read worker for a large event file', () => {
  it('is started only when the environment asks for threads', () => {
    expect(eventFileWorkers({})).toBe(0)
    expect(eventFileWorkers({ [READ_THREADS_ENV]: '0' })).toBe(0)
    expect(eventFileWorkers({ [READ_THREADS_ENV]: '3' })).toBe(1)
    expect(() => eventFileWorkers({ [READ_THREADS_ENV]: 'x' })).toThrow(READ_THREADS_ENV)
  })
})

describe('a large event file read by the built CLI', () => {
  it('gives the same export with a read worker as without one', async () => {
    // Just over the size that is split: scalars in both forms, a tag that starts in the second part.
    const records: Buffer[] = [tfRecord(encodeEvent({ wallTime: T0, fileVersion: 'brain.Event:2' }))]
    let bytes = records[0].length
    for (let step = 0; bytes < SPLIT_MIN_BYTES + 4096; step++) {
      const values: EventSpec['values'] = [
        { kind: 'simple', tag: 'train/loss', value: 1 / (step + 1) },
        { kind: 'tensor', tag: 'val/f1', value: step / (step + 2), dtype: DT.DOUBLE }
      ]
      if (step > 60_000) values.push({ kind: 'simple', tag: 'late', value: step })
      const record = tfRecord(encodeEvent({ wallTime: T0 + step / 100, step, values }))
      records.push(record)
      bytes += record.length
    }
    await writeEvents('logs', { 'events.out.tfevents.1.h.1.0': Buffer.concat(records) })
    const cli = (threads: string) =>
      spawnSync(
        process.execPath,
        [path.resolve('dist/cli.js'), 'export', '--format', 'json', '--runs', 'logs'],
        {
          cwd: ws,
          encoding: 'utf8',
          env: { ...process.env, [READ_THREADS_ENV]: threads }
        }
      )
    const alone = cli('0')
    const withWorker = cli('1')
    expect(alone.status).toBe(0)
    expect(withWorker.stdout).toBe(alone.stdout)
    // A worker that failed would be named in a warning; a bundle without the worker would not read the file.
    expect(withWorker.stderr).toBe(alone.stderr)
    expect(withWorker.status).toBe(0)
    expect(alone.stdout).toContain('"late"')
  })
})

describeShared('real event files read in two parts at once', fixtures => {
  it('gives every real event folder the same run and diagnostics', async () => {
    const folders = new Set<string>()
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name)
        if (entry.isDirectory()) await walk(p)
        else if (entry.name.startsWith('events.out.tfevents.')) folders.add(dir)
      }
    }
    await walk(fixtures)
    expect(folders.size).toBeGreaterThan(0)
    for (const dir of folders) {
      const files = (await readdir(dir)).filter(f => f.startsWith('events.out.tfevents.'))
      const copy = path.join(ws, path.relative(fixtures, dir))
      await mkdir(copy, { recursive: true })
      for (const f of files) await writeFile(path.join(copy, f), await readFile(path.join(dir, f)))
      const { whole, split } = await readBothWays(copy)
      expect(split).toEqual(whole)
    }
  })
})
