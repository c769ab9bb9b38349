// The detector: runs globs with picomatch's syntax (character classes, braces holding wildcards), plain paths
// read as named, the folders it never walks into, the cap on folders walked, for auto-detection and globs alike,
// and the registry of formats (each format's claim is its reader's).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { builtinSource } from '../src/sources/builtin.js'
import { csvSource } from '../src/sources/csv.js'
import { collectRuns } from '../src/sources/detect.js'
import { dvcSource } from '../src/sources/dvc.js'
import { huggingfaceSource } from '../src/sources/huggingface.js'
import { mlflowSource } from '../src/sources/mlflow.js'
import { mlflowSqliteSource } from '../src/sources/mlflow-sqlite.js'
import { ALL_SOURCES } from '../src/sources/registry.js'
import type { DirListing } from '../src/sources/source.js'
import { tensorboardSource } from '../src/sources/tensorboard.js'
import { SKIPPED_FOLDERS } from '../src/sources/walk.js'
import { wandbSource } from '../src/sources/wandb.js'

let ws: string
beforeEach(async () => {
  ws = await mkdtemp(path.join(os.tmpdir(), 'er-detect-'))
})
afterEach(async () => {
  await rm(ws, { recursive: true, force: true })
})

/** Writes one built-in run folder (`<dir>/metrics.json`) per path. */
async function runFolders(...dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    await mkdir(path.join(ws, dir), { recursive: true })
    await writeFile(path.join(ws, dir, 'metrics.json'), '{"accuracy": 0.9}\n')
  }
}

const names = (c: { runs: { path: string }[] }) => c.runs.map(r => r.path).sort()

describe('runs globs', () => {
  it('match a character class such as [0-9] as a class, not literally', async () => {
    await runFolders('experiments/run-1', 'experiments/run-7', 'experiments/run-x')
    const c = await collectRuns({ workspace: ws, patterns: ['experiments/run-[0-9]'] })
    expect(names(c)).toEqual(['experiments/run-1', 'experiments/run-7'])
    expect(c.diagnostics).toEqual([])
  })

  it('match a wildcard inside braces as one character: {run-?,base}', async () => {
    await runFolders('experiments/run-1', 'experiments/run-22', 'experiments/run', 'experiments/base')
    const c = await collectRuns({ workspace: ws, patterns: ['experiments/{run-?,base}'] })
    expect(names(c)).toEqual(['experiments/base', 'experiments/run-1'])
  })

  it('match ** across folders, dot folders included, and keep the outermost of nested matches', async () => {
    await runFolders('a/experiments/one', 'b/.hidden/experiments/two')
    const c = await collectRuns({ workspace: ws, patterns: ['**/experiments'] })
    expect(names(c)).toEqual(['a/experiments/one', 'b/.hidden/experiments/two'])
  })

  it('say so when a glob matches nothing, and read one named outside the workspace (a trusted root)', async () => {
    await runFolders('experiments/a')
    const none = await collectRuns({ workspace: ws, patterns: ['experiments/run-[0-9]'] })
    expect(none.diagnostics.map(d => d.message)).toContain(
      'the runs glob "experiments/run-[0-9]" matched nothing'
    )
    const other = await mkdtemp(path.join(os.tmpdir(), 'er-detect-other-'))
    try {
      await mkdir(path.join(other, 'seeds', 'experiments', 'b'), { recursive: true })
      await writeFile(path.join(other, 'seeds', 'experiments', 'b', 'metrics.json'), '{"accuracy": 0.8}\n')
      const glob = path.relative(ws, path.join(other, '*', 'experiments'))
      const outside = await collectRuns({ workspace: ws, patterns: [glob] })
      expect(outside.diagnostics).toEqual([])
      expect(names(outside)).toEqual([path.join(other, 'seeds', 'experiments', 'b')])
    } finally {
      await rm(other, { recursive: true, force: true })
    }
  })
})

describe('runs paths without glob syntax', () => {
  it('are read as named, whatever other characters they hold', async () => {
    await runFolders('experiments/a!b+c@d]e', 'experiments/other')
    const c = await collectRuns({ workspace: ws, patterns: ['experiments/a!b+c@d]e'] })
    expect(names(c)).toEqual(['experiments/a!b+c@d]e'])
    expect(c.diagnostics).toEqual([])
    const missing = await collectRuns({ workspace: ws, patterns: ['experiments/gone'] })
    expect(missing.missing).toEqual(['experiments/gone'])
  })
})

describe('the registry of formats', () => {
  const readers = [
    builtinSource,
    wandbSource,
    tensorboardSource,
    dvcSource,
    huggingfaceSource,
    csvSource,
    mlflowSource,
    mlflowSqliteSource
  ]

  it('asks the formats in their order, each with the claim of its reader', () => {
    expect(ALL_SOURCES.map(s => s.format)).toEqual(readers.map(r => r.format))
    for (const [i, source] of ALL_SOURCES.entries()) expect(source.claim).toBe(readers[i].claim)
  })

  it('claims a folder as TensorBoard when a file name starts with events.out.tfevents.', () => {
    const listing = (files: string[]): DirListing => ({ path: '/w/logs', name: 'logs', files, dirs: ['x'] })
    const tensorboard = ALL_SOURCES.find(s => s.format === 'tensorboard')!
    for (const [files, claimed] of [
      [['events.out.tfevents.1700000000.host.1.0'], true],
      [['hparams.yaml', 'events.out.tfevents.1'], true],
      [['events.out.tfevents'], false],
      [['xevents.out.tfevents.1'], false],
      [[], false]
    ] as const) {
      expect(tensorboard.claim(listing([...files]))).toEqual(claimed ? [{ path: '/w/logs' }] : [])
    }
  })
})

describe('folders the detector skips', () => {
  it('are skipped by auto-detection and by globs alike', async () => {
    expect([...SKIPPED_FOLDERS]).toEqual(expect.arrayContaining(['node_modules', '.git', '.dvc', '.venv']))
    await runFolders(
      'experiments/kept',
      'node_modules/pkg/experiments/vendored',
      '.dvc/tmp/exps/experiments/queued'
    )
    expect(names(await collectRuns({ workspace: ws }))).toEqual(['experiments/kept'])
    expect(names(await collectRuns({ workspace: ws, patterns: ['**/experiments/*'] }))).toEqual([
      'experiments/kept'
    ])
  })
})

describe('the cap on folders walked', () => {
  it('stops auto-detection and glob expansion with a warning that says what to do', async () => {
    await runFolders('a/b/c/d/e/experiments/deep')
    const auto = await collectRuns({ workspace: ws, limits: { maxFolders: 3 } })
    expect(auto.runs).toEqual([])
    expect(auto.diagnostics.map(d => d.message)).toContain(
      'has more than 3 folders; the search for runs stopped there. Set the runs input to the folders that hold runs'
    )
    const glob = await collectRuns({ workspace: ws, patterns: ['**/deep'], limits: { maxFolders: 3 } })
    expect(glob.runs).toEqual([])
    expect(glob.diagnostics.map(d => d.message)).toContain(
      'has more than 3 folders; the search for runs stopped there. Set the runs input to the folders that hold runs'
    )
    const enough = await collectRuns({ workspace: ws, patterns: ['**/deep'], limits: { maxFolders: 20 } })
    expect(names(enough)).toEqual(['a/b/c/d/e/experiments/deep'])
  })
})
