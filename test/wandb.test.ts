import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { collectRuns } from '../src/sources/detect.js'
import { crc32 } from '../src/sources/crc.js'
import { ProtoReader, halfToNumber } from '../src/sources/protobuf.js'
import { wandbSource } from '../src/sources/wandb.js'
import { scanRunLog } from '../src/sources/wandb-log.js'
import { message, varint } from './fixtures/protobuf-writer.js'
import { records, runLog, writeWandbRun } from './fixtures/make-wandb.js'

const onlyWandb = { sources: [wandbSource] }
let ws: string
beforeEach(async () => {
  ws = await mkdtemp(path.join(os.tmpdir(), 'er-wandb-'))
})
afterEach(async () => {
  await rm(ws, { recursive: true, force: true })
})

/** A complete run: Python-style keys, Go-core nested keys, a table, summary, config and exit code 0. */
function completeLog(): Buffer[] {
  return [
    records.run({
      id: 'abc123',
      name: 'bright-sun-7',
      group: 'sweep-a',
      project: 'p',
      commit: 'deadbeef',
      tags: ['baseline'],
      python: '3.11.4',
      startSeconds: 1_700_000_000
    }),
    records.environment({ os: 'Linux-6.8', python: 'CPython 3.11.4', host: 'gpu-01', commit: 'deadbeef' }),
    records.config([
      { key: 'lr', json: '0.001' },
      { key: 'optimizer', json: '"adam"' },
      { key: 'model', json: '{"depth": 6, "width": 128}' },
      { nested: ['_wandb', 'visualize'], json: '{}' }
    ]),
    records.history([
      { key: 'loss', json: '1.5' },
      { key: 'trainer/global_step', json: '10' },
      { key: '_step', json: '0' },
      { key: '_timestamp', json: '1.7e+09' },
      { key: '_runtime', json: '1.2' }
    ]),
    records.history([
      { nested: ['loss'], json: '1' },
      { nested: ['eval', 'acc'], json: '0.5' },
      { nested: ['trainer/global_step'], json: '20' },
      { nested: ['conf_mat', '_type'], json: '"table-file"' },
      { nested: ['conf_mat', 'size'], json: '116' },
      { key: 'examples', json: '{"_type": "images", "count": 3}' },
      { key: 'note', json: '"text is not a metric"' },
      { key: '_step', json: '1' },
      { key: '_timestamp', json: '1.78e+09' }
    ]),
    records.history([
      { key: 'loss', json: '0.25' },
      { key: 'eval', json: '{"acc": 0.75}' },
      { key: 'bad', json: 'NaN' },
      { key: '_step', json: '2' }
    ]),
    records.summary([
      { key: 'loss', json: '0.25' },
      { nested: ['eval', 'acc'], json: '0.75' },
      { key: 'best_f1', json: '0.9' },
      { nested: ['_wandb', 'runtime'], json: '12' }
    ]),
    records.exit(0)
  ]
}

describe('W&B run log framing', () => {
  it('computes CRC-32 as zlib does', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
    expect(crc32(Buffer.alloc(0))).toBe(0)
  })

  it('decodes varints, negative int64 and half floats', () => {
    const r = new ProtoReader(Buffer.concat([varint(300), varint(-1), varint(2n ** 40n), varint(-5)]))
    expect(r.uint32()).toBe(300)
    expect(r.int64()).toBe(-1)
    expect(r.uint64()).toBe(2 ** 40)
    expect(r.int64()).toBe(-5)
    expect(halfToNumber(0x3c00)).toBe(1)
    expect(halfToNumber(0xc000)).toBe(-2)
    expect(halfToNumber(0x7c00)).toBe(Infinity)
  })

  it('joins a record that spans 32 KiB block boundaries (FIRST, MIDDLE, LAST)', async () => {
    const big = records.output('x'.repeat(80_000))
    const log = runLog([records.output('a'), big, records.output('b')])
    expect(log.length).toBeGreaterThan(2 * 32768)
    const seen: number[] = []
    // Feed odd-sized chunks to cross block edges inside the scanner too.
    const chunks = Array.from({ length: Math.ceil(log.length / 5000) }, (_, i) =>
      log.subarray(i * 5000, (i + 1) * 5000)
    )
    const scan = await scanRunLog(Readable.from(chunks), data => seen.push(data.length))
    expect(scan).toEqual({ records: 3, truncated: false })
    expect(seen).toEqual([records.output('a').length, big.length, records.output('b').length])
  })

  it('treats a cut-off last record as the normal end of a killed run', async () => {
    const log = runLog([records.output('one'), records.output('two'), records.output('three')])
    const scan = await scanRunLog(Readable.from([log.subarray(0, log.length - 4)]), () => undefined)
    expect(scan).toEqual({ records: 2, truncated: true })
  })

  it('stops at a bad CRC and names the byte offset', async () => {
    const log = runLog([records.output('one'), records.output('two')])
    const second = 7 + 7 + records.output('one').length
    log[second + 9] ^= 0xff
    const scan = await scanRunLog(Readable.from([log]), () => undefined)
    expect(scan.records).toBe(1)
    expect(scan.error?.offset).toBe(second)
    expect(scan.error?.message).toMatch(/CRC-32/)
  })
})

describe('W&B run folders', () => {
  it('reads history, summary, config, run and environment records from the run log', async () => {
    await writeWandbRun(path.join(ws, 'wandb'), {
      folder: 'offline-run-20250101_120000-abc123',
      log: completeLog(),
      files: { 'requirements.txt': 'torch==2.3.0\nnumpy==1.26.4\n# comment\n' }
    })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyWandb })
    expect(diagnostics).toEqual([])
    expect(runs).toHaveLength(1)
    const run = runs[0]
    expect(run.name).toBe('bright-sun-7')
    expect(run.id).toBe('wandb:wandb/offline-run-20250101_120000-abc123')
    expect(run.params).toEqual({ lr: 0.001, optimizer: 'adam', 'model.depth': 6, 'model.width': 128 })
    expect(run.metrics.loss.value).toBe(0.25)
    expect(run.metrics.loss.history).toEqual([
      { step: 0, value: 1.5, timestamp: 1_700_000_000_000 },
      { step: 1, value: 1, timestamp: 1_780_000_000_000 },
      { step: 2, value: 0.25 }
    ])
    expect(run.metrics['eval/acc']).toEqual({
      value: 0.75,
      history: [
        { step: 1, value: 0.5, timestamp: 1_780_000_000_000 },
        { step: 2, value: 0.75 }
      ]
    })
    expect(run.metrics['trainer/global_step'].history?.map(p => p.value)).toEqual([10, 20])
    expect(run.metrics.best_f1).toEqual({ value: 0.9 })
    expect(run.metrics.bad.value).toBeNaN()
    expect(Object.keys(run.metrics).sort()).toEqual([
      'bad',
      'best_f1',
      'eval/acc',
      'loss',
      'trainer/global_step'
    ])
    expect(run.metadata).toMatchObject({
      status: 'finished',
      gitCommit: 'deadbeef',
      group: 'sweep-a',
      tags: ['baseline'],
      startedAt: '2023-11-14T22:13:20.000Z',
      environment: {
        python: '3.11.4',
        host: 'gpu-01',
        os: 'Linux-6.8',
        'packages.torch': '2.3.0',
        'packages.numpy': '1.26.4'
      }
    })
  })

  it('marks a run whose log was cut mid-record as killed, with what was whole, and no error', async () => {
    const log = runLog(completeLog().slice(0, 5))
    await writeWandbRun(path.join(ws, 'wandb'), {
      folder: 'run-20250101_120000-kill01',
      logBytes: log.subarray(0, log.length - 10)
    })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyWandb })
    expect(diagnostics).toEqual([])
    expect(runs[0].metadata.status).toBe('killed')
    expect(runs[0].metrics.loss.history).toHaveLength(1)
    expect(runs[0].params.lr).toBe(0.001)
  })

  it('marks a non-zero exit code as failed', async () => {
    await writeWandbRun(path.join(ws, 'wandb'), {
      folder: 'run-20250101_120000-fail01',
      log: [records.run({ id: 'fail01' }), records.exit(3)]
    })
    const { runs } = await collectRuns({ workspace: ws, ...onlyWandb })
    expect(runs[0].metadata).toMatchObject({ status: 'failed', statusReason: 'exit code 3' })
    expect(runs[0].name).toBe('fail01')
  })

  it('reports a corrupt log with its byte offset and uses the JSON files', async () => {
    const log = runLog(completeLog())
    log[200] ^= 0xff
    await writeWandbRun(path.join(ws, 'wandb'), {
      folder: 'run-20250101_120000-corr01',
      logBytes: log,
      files: {
        'wandb-summary.json': JSON.stringify({ accuracy: 0.8, _step: 4, _wandb: { runtime: 3 } }),
        'config.yaml':
          'wandb_version: 1\n_wandb:\n  desc: null\n  value: {cli_version: 0.17.3}\nlr:\n  desc: null\n  value: 0.01\nlayers:\n  value: [1, 2]\n',
        'wandb-metadata.json': JSON.stringify({
          git: { commit: 'cafe' },
          python: '3.9.1',
          host: 'h',
          os: 'Linux',
          state: 'running'
        })
      }
    })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyWandb })
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      file: 'wandb/run-20250101_120000-corr01/run-corr01.wandb',
      run: 'run-20250101_120000-corr01'
    })
    expect(diagnostics[0].message).toMatch(/^record at byte \d+ fails its CRC-32 check/)
    const run = runs[0]
    expect(run.metrics.accuracy).toEqual({ value: 0.8 })
    expect(run.params).toEqual({ lr: 0.01, layers: '[1,2]' })
    expect(run.metadata.gitCommit).toBe('cafe')
    expect(run.metadata.environment).toEqual({ python: '3.9.1', host: 'h', os: 'Linux' })
  })

  it('takes metrics from the log when wandb-summary.json only holds {"_wandb": {"runtime": N}}', async () => {
    await writeWandbRun(path.join(ws, 'wandb'), {
      folder: 'offline-run-20250101_120000-sum001',
      log: [records.run({ id: 'sum001' }), records.summary([{ key: 'f1', json: '0.61' }]), records.exit(0)],
      files: { 'wandb-summary.json': '{"_wandb": {"runtime": 0}}' }
    })
    const { runs } = await collectRuns({ workspace: ws, ...onlyWandb })
    expect(runs[0].metrics).toEqual({ f1: { value: 0.61 } })
  })

  it('reads the pre-0.10 layout with wandb-history.jsonl and skips media and graph objects', async () => {
    await writeWandbRun(path.join(ws, 'wandb'), {
      folder: 'run-20190614_121952-leg001',
      legacyFiles: {
        'wandb-history.jsonl': [
          '{"examples": {"_type": "images", "count": 2}, "acc": 0.5, "_step": 0, "_timestamp": 1560514797.5}',
          '{"acc": 0.7, "loss": NaN, "_step": 1}',
          'not json',
          '{"acc": 0.8, "_step": 2}',
          '{"acc": 0.9, "_st'
        ].join('\n'),
        'wandb-summary.json': JSON.stringify({ graph: { _type: 'graph', nodes: [] }, acc: 0.8, _step: 2 }),
        'wandb-metadata.json': JSON.stringify({
          git: { commit: 'efe58ecb' },
          python: '3.7.3',
          exitcode: 0,
          state: 'finished'
        }),
        'config.yaml': 'wandb_version: 1\n\nepochs:\n  desc: null\n  value: 10\n',
        'description.md': '\n'
      }
    })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyWandb })
    const run = runs[0]
    expect(run.metrics.acc.value).toBe(0.8)
    expect(run.metrics.acc.history?.map(p => p.step)).toEqual([0, 1, 2])
    expect(run.metrics.loss.value).toBeNaN()
    expect(run.metrics.examples).toBeUndefined()
    expect(run.metrics.graph).toBeUndefined()
    expect(run.params).toEqual({ epochs: 10 })
    expect(run.metadata).toMatchObject({ status: 'finished', gitCommit: 'efe58ecb' })
    expect(diagnostics.map(d => [d.severity, d.line])).toEqual([
      ['error', 3],
      ['warning', 5]
    ])
    expect(diagnostics[0].file).toBe('wandb/run-20190614_121952-leg001/wandb-history.jsonl')
  })

  it('does not count latest-run twice and ignores dangling log symlinks', async () => {
    const wandbDir = path.join(ws, 'wandb')
    const dir = await writeWandbRun(wandbDir, { folder: 'run-20250101_120000-lnk001', log: completeLog() })
    await symlink('run-20250101_120000-lnk001', path.join(wandbDir, 'latest-run'))
    await symlink('run-20250101_120000-lnk001/logs/debug.log', path.join(wandbDir, 'debug.log'))
    await mkdir(path.join(dir, 'logs'))
    await symlink(
      '/nonexistent/home/.cache/wandb/logs/core-debug.log',
      path.join(dir, 'logs', 'debug-core.log')
    )
    const { runs, diagnostics } = await collectRuns({ workspace: ws })
    expect(runs.map(r => r.id)).toEqual(['wandb:wandb/run-20250101_120000-lnk001'])
    expect(diagnostics).toEqual([])
  })

  it('reads one run folder given explicitly', async () => {
    await writeWandbRun(path.join(ws, 'wandb'), { folder: 'run-20250101_120000-one001', log: completeLog() })
    await writeWandbRun(path.join(ws, 'wandb'), { folder: 'run-20250101_130000-two002', log: completeLog() })
    const { runs } = await collectRuns({
      workspace: ws,
      patterns: ['wandb/run-20250101_130000-two002'],
      ...onlyWandb
    })
    expect(runs.map(r => r.path)).toEqual(['wandb/run-20250101_130000-two002'])
  })

  it('keeps hostile keys as data and reports a file that is not a run log', async () => {
    await writeWandbRun(path.join(ws, 'wandb'), {
      folder: 'run-20250101_120000-evil01',
      log: [
        records.history([
          { key: '__proto__', json: '{"polluted": 1}' },
          { nested: ['constructor', 'prototype', 'polluted'], json: '2' },
          { key: '_step', json: '0' }
        ]),
        records.exit(0)
      ]
    })
    await writeWandbRun(path.join(ws, 'wandb'), {
      folder: 'run-20250101_120000-junk01',
      logBytes: Buffer.from('hello, not a log at all')
    })
    const { runs, diagnostics } = await collectRuns({ workspace: ws, ...onlyWandb })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const evil = runs.find(r => r.path.endsWith('evil01'))
    // `_` keys are never metrics; the rest stays plain data.
    expect(Object.keys(evil?.metrics ?? {})).toEqual(['constructor/prototype/polluted'])
    expect(diagnostics.map(d => d.file)).toEqual(['wandb/run-20250101_120000-junk01/run-junk01.wandb'])
    expect(diagnostics[0].message).toMatch(/is not a W&B run log/)
  })

  it('does not claim a folder named wandb without run folders (e.g. the Python package)', async () => {
    await mkdir(path.join(ws, 'src', 'wandb', 'sdk'), { recursive: true })
    await writeFile(path.join(ws, 'src', 'wandb', '__init__.py'), '')
    const { runs } = await collectRuns({ workspace: ws, ...onlyWandb })
    expect(runs).toEqual([])
  })

  it('decodes every record of a log it wrote (round trip through the protobuf writer)', async () => {
    const log = runLog([
      message([
        { n: 1, varint: 5 },
        { n: 18, message: [{ n: 1, varint: -2 }] }
      ])
    ])
    const file = path.join(ws, 'x.wandb')
    await writeFile(file, log)
    const seen: number[] = []
    await scanRunLog(Readable.from([await readFile(file)]), data => {
      const r = new ProtoReader(data)
      while (r.next()) {
        if (r.field === 18) {
          r.bytes()
          const e = new ProtoReader(data, r.start, r.pos)
          e.next()
          seen.push(e.int64())
        } else r.skip()
      }
    })
    expect(seen).toEqual([-2])
  })
})
