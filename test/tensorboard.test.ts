import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { crc32c, maskedCrc32c } from '../src/sources/crc.js'
import { collectRuns } from '../src/sources/detect.js'
import { MAX_HISTORY_POINTS } from '../src/sources/history.js'
import { tensorboardSource } from '../src/sources/tensorboard.js'
import { scanTfRecords } from '../src/sources/tfrecord.js'
import {
  DT,
  LFS_POINTER_TEXT,
  encodeEvent,
  eventFile,
  tfRecord,
  writeEventFile,
  type EventSpec
} from './fixtures/make-tfevents.js'
import { message, type Field } from './fixtures/protobuf-writer.js'
import { describeShared } from './helpers/shared.js'

const onlyTb = { sources: [tensorboardSource] }
let ws: string
beforeEach(async () => {
  ws = await mkdtemp(path.join(os.tmpdir(), 'er-tb-'))
})
afterEach(async () => {
  await rm(ws, { recursive: true, force: true })
})

async function eventDir(rel: string, files: Record<string, EventSpec[] | Buffer | string>): Promise<string> {
  const dir = path.join(ws, rel)
  await mkdir(dir, { recursive: true })
  for (const [name, content] of Object.entries(files)) {
    if (Array.isArray(content)) await writeEventFile(path.join(dir, name), content)
    else await writeFile(path.join(dir, name), content)
  }
  return dir
}

const T0 = 1_700_000_000
const simple = (step: number, tag: string, value: number): EventSpec => ({
  wallTime: T0 + step,
  step,
  values: [{ kind: 'simple', tag, value }]
})

describe('TFRecord framing', () => {
  it('computes CRC-32C and its TFRecord mask', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283)
    // The masked CRC of an empty payload, as TensorFlow writes it.
    expect(maskedCrc32c(Buffer.alloc(0))).toBe(0xa282ead8)
    // Slicing-by-8 and the byte loop agree at every length and alignment.
    const data = Buffer.from(Array.from({ length: 100 }, (_, i) => (i * 37) & 0xff))
    for (let s = 0; s < 9; s++)
      for (let e = s; e < 100; e += 7)
        expect(crc32c(data, s, e)).toBe(crc32c(Buffer.from(data.subarray(s, e))))
  })

  it('reads records split across stream chunks at every byte', async () => {
    const file = eventFile([simple(0, 'a', 1), simple(1, 'a', 2)])
    for (const size of [1, 3, 13, 40, 1000]) {
      const chunks = Array.from({ length: Math.ceil(file.length / size) }, (_, i) =>
        file.subarray(i * size, (i + 1) * size)
      )
      const offsets: number[] = []
      const scan = await scanTfRecords(Readable.from(chunks), (_b, _s, _e, offset) => offsets.push(offset))
      expect(scan.records).toBe(3)
      expect(scan.error).toBeUndefined()
      expect(offsets[0]).toBe(0)
    }
  })

  it('reads records split across chunks of one reused buffer, overwritten after each chunk', async () => {
    const file = eventFile([simple(0, 'a', 1), simple(1, 'a', 2), simple(2, 'b', 3)])
    for (const size of [1, 5, 13, 40, 1000]) {
      // The way ReadContext.readChunks hands out chunks: one buffer, filled again for each chunk.
      const reused = Buffer.alloc(size)
      async function* chunks(): AsyncGenerator<Buffer> {
        for (let at = 0; at < file.length; at += size) {
          const n = file.copy(reused, 0, at, at + size)
          yield reused.subarray(0, n)
          reused.fill(0xa5)
        }
      }
      const records: string[] = []
      const scan = await scanTfRecords(chunks(), (b, s, e) => records.push(b.toString('hex', s, e)))
      expect(scan.error).toBeUndefined()
      expect(scan.truncatedAt).toBeUndefined()
      const whole: string[] = []
      await scanTfRecords(Readable.from([file]), (b, s, e) => whole.push(b.toString('hex', s, e)))
      expect(records).toEqual(whole)
      expect(records).toHaveLength(4)
    }
  })
})

describe('TensorBoard event folders', () => {
  it('reads TF1 simple_value and TF2 tensor scalars of every float dtype and form', async () => {
    await eventDir('logs/run_a', {
      'events.out.tfevents.1700000000.host.1.0': [
        simple(0, 'loss', 2),
        simple(1, 'loss', 0.5),
        { wallTime: T0 + 2, step: 2, values: [{ kind: 'tensor', tag: 'acc', value: 0.75, dtype: DT.FLOAT }] },
        {
          wallTime: T0 + 3,
          step: 3,
          values: [{ kind: 'tensor', tag: 'acc', value: 0.875, dtype: DT.FLOAT, form: 'val' }]
        },
        {
          wallTime: T0 + 3,
          step: 3,
          values: [
            { kind: 'tensor', tag: 'd', value: 0.1, dtype: DT.DOUBLE },
            { kind: 'tensor', tag: 'd2', value: 0.2, dtype: DT.DOUBLE, form: 'val' }
          ]
        },
        {
          wallTime: T0 + 3,
          step: 3,
          values: [
            { kind: 'tensor', tag: 'h', value: 1.5, dtype: DT.HALF },
            { kind: 'tensor', tag: 'h2', value: -0.25, dtype: DT.HALF, form: 'val' }
          ]
        },
        // Skipped: text, images, a histogram-shaped tensor, hparams, and Lightning's hp_metric placeholder.
        {
          wallTime: T0 + 4,
          step: 4,
          values: [
            { kind: 'text', tag: 'notes', text: 'hello' },
            { kind: 'image', tag: 'img' }
          ]
        },
        {
          wallTime: T0 + 4,
          step: 4,
          values: [{ kind: 'tensor', tag: 'hist', value: 1, dtype: DT.FLOAT, shape: [2, 3] }]
        },
        {
          wallTime: T0 + 4,
          step: 0,
          values: [
            { kind: 'hparams', tag: '_hparams_/session_start_info' },
            { kind: 'simple', tag: 'hp_metric', value: -1 }
          ]
        },
        { wallTime: T0 + 5, step: 5, graph: true }
      ]
    })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyTb })
    expect(diagnostics).toEqual([])
    expect(runs).toHaveLength(1)
    const run = runs[0]
    expect(run.name).toBe('logs/run_a')
    expect(run.id).toBe('tensorboard:logs/run_a')
    expect(run.metrics.loss).toEqual({
      value: 0.5,
      history: [
        { step: 0, value: 2, timestamp: T0 * 1000 },
        { step: 1, value: 0.5, timestamp: (T0 + 1) * 1000 }
      ]
    })
    expect(run.metrics.acc.history?.map(p => p.value)).toEqual([0.75, 0.875])
    expect(run.metrics.d.value).toBe(0.1)
    expect(run.metrics.d2.value).toBe(0.2)
    expect(run.metrics.h.value).toBe(1.5)
    expect(run.metrics.h2.value).toBe(-0.25)
    expect(Object.keys(run.metrics).sort()).toEqual(['acc', 'd', 'd2', 'h', 'h2', 'loss'])
  })

  it('reads TF2 scalars the same whether their bytes take the common shape or any other', async () => {
    const f32 = (v: number) => {
      const b = Buffer.alloc(4)
      b.writeFloatLE(v)
      return b
    }
    const f64 = (v: number) => {
      const b = Buffer.alloc(8)
      b.writeDoubleLE(v)
      return b
    }
    const metadata = (name: string, extra: Field[] = [], content?: string): Field => ({
      n: 9,
      message: [
        { n: 1, message: [{ n: 1, bytes: name }, ...(content ? [{ n: 2, bytes: content }] : [])] },
        ...extra
      ]
    })
    const tensor = (dtype: number, field: number, bytes: Buffer, shape: Field[] = []): Field => ({
      n: 8,
      message: [
        { n: 1, varint: dtype },
        { n: 2, message: shape },
        { n: field, bytes }
      ]
    })
    const raw = (step: number, ...fields: Field[]): EventSpec => ({
      wallTime: T0 + step,
      step,
      values: [{ kind: 'raw', fields }]
    })
    const tag = (name: string): Field => ({ n: 1, bytes: name })
    const long = 'x'.repeat(130)
    await eventDir('logs', {
      'events.out.tfevents.1700000000.host.1.0': [
        raw(1, tag('content'), metadata('scalars', [], 'abc'), tensor(DT.FLOAT, 4, f32(0.5))),
        raw(
          2,
          tag('displayName'),
          metadata('scalars', [{ n: 2, bytes: 'shown' }]),
          tensor(DT.FLOAT, 4, f32(0.25))
        ),
        raw(3, tag('noMetadata'), tensor(DT.FLOAT, 5, f32(0.125))),
        raw(
          4,
          tag('shapeOne'),
          metadata('scalars'),
          tensor(DT.FLOAT, 4, f32(1.5), [{ n: 2, message: [{ n: 1, varint: 1 }] }])
        ),
        raw(5, tag('twoFloats'), metadata('scalars'), tensor(DT.FLOAT, 5, Buffer.concat([f32(1), f32(2)]))),
        raw(6, tag('wideContent'), metadata('scalars'), tensor(DT.FLOAT, 4, f64(1))),
        raw(7, tag('doubleOfFloat'), metadata('scalars'), tensor(DT.DOUBLE, 5, f32(0.75))),
        raw(8, tag('doubleVal'), metadata('scalars'), tensor(DT.DOUBLE, 6, f64(0.1))),
        raw(9, tag(long), metadata('scalars'), tensor(DT.FLOAT, 4, f32(2))),
        raw(10, tag('custom'), metadata('custom'), tensor(DT.FLOAT, 4, f32(3))),
        raw(11, tag('_hparams_/x'), metadata('scalars'), tensor(DT.FLOAT, 4, f32(3))),
        raw(12, tag('tensorFirst'), tensor(DT.FLOAT, 4, f32(4)), metadata('scalars')),
        raw(13, tag('simpleAndMore'), { n: 2, float: 5 }, { n: 7, bytes: 'node' })
      ]
    })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyTb })
    expect(diagnostics).toEqual([])
    const values = Object.fromEntries(Object.entries(runs[0].metrics).map(([k, m]) => [k, m.value]))
    expect(values).toEqual({
      content: 0.5,
      displayName: 0.25,
      noMetadata: 0.125,
      shapeOne: 1.5,
      doubleOfFloat: 0.75,
      doubleVal: 0.1,
      [long]: 2,
      tensorFirst: 4,
      simpleAndMore: 5
    })
  })

  it('reads Events the same whether their fields take the common shape or any other', async () => {
    const value = (tag: string, v: number): Field => ({
      n: 5,
      message: [
        {
          n: 1,
          message: [
            { n: 1, bytes: tag },
            { n: 2, float: v }
          ]
        }
      ]
    })
    const wall = (seconds: number): Field => ({ n: 1, double: seconds })
    const events: [string, number, Field[]][] = [
      ['common', 7, [wall(T0), { n: 2, varint: 7 }, value('common', 0.5)]],
      ['step 0, not written', 0, [wall(T0), value('noStep', 0.5)]],
      ['negative step', -3, [wall(T0), { n: 2, varint: -3 }, value('negative', 0.5)]],
      ['step of 2^28', 2 ** 28, [wall(T0), { n: 2, varint: 2 ** 28 }, value('large', 0.5)]],
      ['summary first', 9, [value('summaryFirst', 0.5), wall(T0), { n: 2, varint: 9 }]],
      [
        'file_version between',
        11,
        [wall(T0), { n: 2, varint: 11 }, { n: 3, bytes: 'x' }, value('between', 0.5)]
      ],
      [
        'a field after the summary',
        12,
        [wall(T0), { n: 2, varint: 12 }, value('after', 0.5), { n: 8, varint: 1 }]
      ],
      ['two summaries', 13, [wall(T0), { n: 2, varint: 13 }, value('first', 0.5), value('second', 0.25)]]
    ]
    const file = Buffer.concat(events.map(([, , fields]) => tfRecord(message(fields))))
    await eventDir('logs', { 'events.out.tfevents.1700000000.host.1.0': file })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyTb })
    expect(diagnostics).toEqual([])
    const points = Object.fromEntries(
      Object.entries(runs[0].metrics).map(([tag, m]) => [
        tag,
        m.history?.map(p => [p.step, p.value, p.timestamp])
      ])
    )
    const at = (step: number, v = 0.5) => [[step, v, T0 * 1000]]
    expect(points).toEqual({
      common: at(7),
      noStep: at(0),
      negative: at(-3),
      large: at(2 ** 28),
      summaryFirst: at(9),
      between: at(11),
      after: at(12),
      // Of two summaries, the reader takes the last.
      second: at(13, 0.25)
    })
  })

  it('tells tags apart whatever order they come in, including tags of the same length', async () => {
    const orders = [['ab', 'ba', 'ac'], ['ba', 'ab'], ['ac', 'ab', 'ba'], ['ab', 'ac'], ['ba']]
    const events: EventSpec[] = orders.map((tags, step) => ({
      wallTime: T0 + step,
      step,
      values: tags.map((tag, k) => ({ kind: 'simple' as const, tag, value: step * 10 + k }))
    }))
    await eventDir('logs', { 'events.out.tfevents.1700000000.host.1.0': events })
    const { runs } = await collectRuns({ workspace: ws, ...onlyTb })
    const values = Object.fromEntries(
      Object.entries(runs[0].metrics).map(([tag, m]) => [tag, m.history?.map(p => p.value)])
    )
    expect(values).toEqual({ ab: [0, 11, 21, 30], ba: [1, 10, 22, 40], ac: [2, 20, 31] })
  })

  it('reads simple_value scalars whatever the tag length, and skips hparams tags given as simple values', async () => {
    const long = `train/${'ü'.repeat(70)}` // 146 bytes: its length takes two varint bytes
    await eventDir('logs/tags', {
      'events.out.tfevents.1.host.1.0': [
        simple(0, long, 0.25),
        simple(1, long, 0.5),
        simple(1, '', 3),
        simple(1, '_hparams_/session_end_info', 7),
        simple(2, 'x'.repeat(127), 1),
        simple(2, 'y'.repeat(128), 2)
      ]
    })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyTb })
    expect(diagnostics).toEqual([])
    const metrics = runs[0].metrics
    expect(Object.keys(metrics).sort()).toEqual(['', long, 'x'.repeat(127), 'y'.repeat(128)].sort())
    expect(metrics[long].history?.map(p => [p.step, p.value])).toEqual([
      [0, 0.25],
      [1, 0.5]
    ])
    expect([metrics[''].value, metrics['x'.repeat(127)].value, metrics['y'.repeat(128)].value]).toEqual([
      3, 1, 2
    ])
  })

  it('merges every event file of a folder into one run and keeps sub-folders as their own runs', async () => {
    await eventDir('lightning_logs/version_0', {
      'events.out.tfevents.1.host.1.0': [simple(0, 'loss', 3), simple(1, 'loss', 2)],
      'events.out.tfevents.2.host.1.1': [simple(2, 'loss', 1)],
      'hparams.yaml':
        'lr: 0.01\nloss: !!python/object:torch.nn.L1Loss\n  _buffers: {}\n  reduction: mean\nlayers: [1, 2]\n'
    })
    await eventDir('lightning_logs/version_0/nested', {
      'events.out.tfevents.3.host.1.0': [simple(0, 'other', 1)]
    })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyTb })
    expect(diagnostics).toEqual([])
    expect(runs.map(r => r.name).sort()).toEqual([
      'lightning_logs/version_0',
      'lightning_logs/version_0/nested'
    ])
    const run = runs.find(r => r.name === 'lightning_logs/version_0')
    expect(run?.metrics.loss.history?.map(p => p.value)).toEqual([3, 2, 1])
    expect(run?.params).toEqual({ lr: 0.01, 'loss.reduction': 'mean', layers: '[1,2]' })
  })

  it('stops a file at a bad CRC with the byte offset, keeps what was read, and reads the other files', async () => {
    const good = [simple(0, 'loss', 3), simple(1, 'loss', 2), simple(2, 'loss', 1)]
    const bytes = eventFile(good)
    const records = [
      encodeEvent({ wallTime: T0, fileVersion: 'brain.Event:2' }),
      ...good.map(encodeEvent)
    ].map(tfRecord)
    const third = records[0].length + records[1].length + records[2].length
    bytes[third + 14] ^= 0x55 // inside the data of the fourth record (loss at step 2)
    await eventDir('runs/x', {
      'events.out.tfevents.1.h.1.0': bytes,
      'events.out.tfevents.2.h.1.0': [simple(5, 'acc', 0.9)]
    })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyTb })
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      file: 'runs/x/events.out.tfevents.1.h.1.0',
      run: 'runs/x'
    })
    expect(diagnostics[0].message).toBe(
      `record at byte ${third} (${records[3].length - 16} bytes) fails the CRC-32C check of its data; the file is corrupt from there. The 3 whole records before it were read`
    )
    expect(runs[0].metrics.loss.history?.map(p => p.value)).toEqual([3, 2])
    expect(runs[0].metrics.acc.value).toBeCloseTo(0.9, 6)
  })

  it('warns about a file cut inside a record and keeps the whole records', async () => {
    const bytes = eventFile([simple(0, 'loss', 3), simple(1, 'loss', 2)])
    await eventDir('r', { 'events.out.tfevents.1.h.1.0': bytes.subarray(0, bytes.length - 5) })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyTb })
    expect(runs[0].metrics.loss.history).toHaveLength(1)
    expect(diagnostics.map(d => d.severity)).toEqual(['warning'])
    expect(diagnostics[0].message).toMatch(/ends inside a record at byte \d+/)
  })

  it('skips an Event that does not decode as a whole: none of its values are kept, and the error says so', async () => {
    const value = (fields: Field[]): Field => ({ n: 1, message: fields })
    const good = value([
      { n: 1, bytes: 'loss' },
      { n: 2, float: 1.5 }
    ])
    // A Value whose third field is a varint cut off at the end of the Value.
    const cut = Buffer.concat([message([{ n: 1, bytes: 'acc' }]), Buffer.from([0x18, 0x80])])
    const summary = Buffer.concat([message([good]), message([{ n: 1, bytes: cut }])])
    // A step written as a 12-byte varint: protobuf allows 10 at most.
    const longStep = Buffer.from([0x10, 0x87, ...Array<number>(10).fill(0x80), 0x00])
    const records = [
      tfRecord(
        message([
          { n: 1, double: T0 },
          { n: 2, varint: 7 },
          { n: 5, bytes: summary }
        ])
      ),
      tfRecord(
        Buffer.concat([message([{ n: 1, double: T0 }]), longStep, message([{ n: 5, message: [good] }])])
      ),
      tfRecord(encodeEvent(simple(8, 'loss', 2)))
    ]
    await eventDir('r', { 'events.out.tfevents.1.h.1.0': Buffer.concat(records) })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyTb })
    expect(diagnostics.map(d => [d.severity, d.message])).toEqual([
      ['error', 'record at byte 0 is not a valid Event protobuf (truncated varint); it was skipped'],
      [
        'error',
        `record at byte ${records[0].length} is not a valid Event protobuf (varint longer than 10 bytes); it was skipped`
      ]
    ])
    expect(Object.keys(runs[0].metrics)).toEqual(['loss'])
    expect(runs[0].metrics.loss.history?.map(p => [p.step, p.value])).toEqual([[8, 2]])
  })

  it('reports Git LFS pointers and files that are not event data, never parsing them', async () => {
    await eventDir('runs/lfs', { 'events.out.tfevents.1.h.1.0': LFS_POINTER_TEXT })
    await eventDir('runs/junk', { 'events.out.tfevents.1.h.1.0': 'just some text' })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyTb })
    expect(runs).toEqual([])
    expect(diagnostics.map(d => [d.file, d.message.split(';')[0]])).toEqual([
      [
        'runs/junk/events.out.tfevents.1.h.1.0',
        'is not a TensorBoard event file: record at byte 0 fails the CRC-32C check of its length'
      ],
      ['runs/lfs/events.out.tfevents.1.h.1.0', 'is a Git LFS pointer, not event data']
    ])
  })

  it('streams a file larger than the whole-file limit', async () => {
    const events = Array.from({ length: 20_000 }, (_, i) => simple(i, 'loss', 1 / (i + 1)))
    await eventDir('big', { 'events.out.tfevents.1.h.1.0': events })
    const { runs, diagnostics } = await collectRuns({
      workspace: ws,
      ...onlyTb,
      limits: { maxTextBytes: 1024 }
    })
    expect(diagnostics).toEqual([])
    // 20,000 points thinned to MAX_HISTORY_POINTS, the first and the last kept; the value is the full series' last.
    const history = runs[0].metrics.loss.history ?? []
    expect(history).toHaveLength(MAX_HISTORY_POINTS)
    expect(history[0]).toMatchObject({ step: 0, value: 1 })
    expect(history[MAX_HISTORY_POINTS - 1].step).toBe(19_999)
    expect(runs[0].metrics.loss.value).toBeCloseTo(1 / 20_000, 9)
  })
})

describeShared('TensorBoard reader on real event files', fixtures => {
  const root = path.join(fixtures, 'runs', 'tensorboard')

  it('reads TF2 tensor scalars (go-tensorboard: DT_FLOAT tensor_content, 100 steps, .v2 suffix)', async () => {
    const { runs, diagnostics } = await collectRuns({ workspace: path.join(root, 'go-tensorboard') })
    expect(diagnostics).toEqual([])
    expect(runs).toHaveLength(1)
    expect(runs[0].name).toBe('testdata/tfevents')
    expect(runs[0].metrics.my_metric.history).toHaveLength(100)
    expect(runs[0].metrics.my_metric.history?.[0]).toMatchObject({ step: 0, value: 0 })
    expect(runs[0].metrics.my_metric.value).toBe(49.5)
  })

  it('reads Lightning logs (KANKAN): simple_value, slash tags, hparams.yaml with python tags, no hp_metric placeholder', async () => {
    const { runs, diagnostics } = await collectRuns({ workspace: path.join(root, 'KANKAN') })
    expect(runs.map(r => r.name).sort()).toEqual([
      'lightning_logs/version_0',
      'lightning_logs/version_1',
      'lightning_logs/version_11',
      'lightning_logs/version_2'
    ])
    const v0 = runs.find(r => r.name === 'lightning_logs/version_0')
    expect(v0?.metrics['ptl/val_loss'].value).toBeCloseTo(2.1501002311706543, 12)
    expect(v0?.metrics.train_loss_epoch.history).toHaveLength(166)
    expect(v0?.metrics.hp_metric).toBeUndefined()
    expect(v0?.params).toMatchObject({
      max_steps: 1000,
      learning_rate: 0.001,
      hidden_size: 512,
      'loss.training': true
    })
    expect(Object.keys(v0?.params ?? {}).some(k => k.includes('._'))).toBe(false)
    expect(runs.find(r => r.name === 'lightning_logs/version_11')?.params.max_steps).toBe(500)
    const v1 = runs.find(r => r.name === 'lightning_logs/version_1')
    expect(v1?.metrics.valid_loss.history).toHaveLength(4)
    expect(v1?.metrics.epoch.value).toBe(399)
    // version_2 holds only hparams events: a run with params and no metrics, and a warning saying so.
    expect(runs.find(r => r.name === 'lightning_logs/version_2')?.metrics).toEqual({})
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'lightning_logs/version_2',
        message: expect.stringMatching(/no scalar values/)
      })
    ])
    expect(diagnostics.some(d => /hp_metric/.test(d.message))).toBe(false)
  })

  it('reports the Git LFS pointers of whisper-tiny and makes no run from them', async () => {
    const { runs, diagnostics } = await collectRuns({
      workspace: path.join(root, 'whisper-tiny-nbaiLab-LFS-pointers')
    })
    expect(runs).toEqual([])
    expect(diagnostics).toHaveLength(3)
    for (const d of diagnostics)
      expect(d.message).toMatch(/^is a Git LFS pointer, not event data; run git lfs pull/)
    expect(diagnostics.map(d => d.file)).toContain(
      'runs/Dec30_05-50-47_ficino/1672375864.9455469/events.out.tfevents.1672375864.ficino.2745717.1'
    )
  })
})
