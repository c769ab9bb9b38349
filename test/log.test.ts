import { execFile, execFileSync } from 'node:child_process'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { cli } from './helpers/cli.js'
import { jsonWithNonFinite, LOCK_FILE, logRun, removeStaleLock, withRunLock } from '../src/local/log.js'
import { parseJsonLenient } from '../src/sources/json.js'
import { collectRuns } from '../src/sources/detect.js'
import { runNamed, tempDirs } from './helpers/temp.js'

const execFileAsync = promisify(execFile)
const tempDir = tempDirs('er-log-')
const CLI = path.resolve('dist/cli.js')

describe('experiment-review log', () => {
  it('reads back what it wrote: NaN and Infinity round-trip through the next log call', async () => {
    const ws = await tempDir()
    expect((await cli(ws, 'log', 'r', '--metric', 'loss=NaN', '--no-capture')).code).toBe(0)
    const second = await cli(ws, 'log', 'r', '--metric', 'acc=1', '--metric', 'ppl=-inf', '--no-capture')
    expect(second.err).toBe('')
    expect(second.code).toBe(0)
    const text = await readFile(path.join(ws, 'experiments/r/metrics.json'), 'utf8')
    expect(text).toMatch(/"loss": NaN/)
    expect(text).toMatch(/"ppl": -Infinity/)
    const { runs, diagnostics } = await collectRuns({ workspace: ws })
    expect(diagnostics).toEqual([])
    const r = runNamed({ runs, diagnostics }, 'r')
    expect(r.metrics.loss.value).toBeNaN()
    expect(r.metrics.ppl.value).toBe(-Infinity)
    expect(r.metrics.acc.value).toBe(1)
  })

  it('keeps a string "NaN" a string and an exact big number exact', () => {
    const text = jsonWithNonFinite(
      parseJsonLenient('{"a": "NaN", "b": 9223372036854775807, "c": Infinity}').value
    )
    expect(text).toBe('{\n  "a": "NaN",\n  "b": 9223372036854775807,\n  "c": Infinity\n}\n')
  })

  it('loses no point when 20 processes log steps of one run at once', async () => {
    const ws = await tempDir()
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        execFileAsync(
          process.execPath,
          [CLI, 'log', 'r', '--metric', `loss=${i / 100}`, '--step', String(i), '--no-capture'],
          {
            cwd: ws
          }
        )
      )
    )
    const metrics = JSON.parse(await readFile(path.join(ws, 'experiments/r/metrics.json'), 'utf8'))
    expect(metrics.loss.history.map((p: { step: number }) => p.step)).toEqual(
      Array.from({ length: 20 }, (_, i) => i)
    )
    await expect(readFile(path.join(ws, 'experiments/r', LOCK_FILE))).rejects.toThrow(/ENOENT/)
  }, 60_000)

  it('records group, seed, data version and evaluation set that the reader groups by', async () => {
    const ws = await tempDir()
    for (const seed of [1, 2]) {
      const { code, err } = await cli(
        ws,
        'log',
        `base-s${seed}`,
        '--metric',
        `acc=0.${seed}`,
        '--group',
        'base',
        '--seed',
        String(seed),
        '--data-version',
        'v3',
        '--eval-set',
        'holdout',
        '--no-capture'
      )
      expect([code, err]).toEqual([0, ''])
    }
    const { runs } = await collectRuns({ workspace: ws })
    const r = runNamed({ runs, diagnostics: [] }, 'base-s2')
    expect(r.metadata).toMatchObject({ group: 'base', seed: 2, dataVersion: 'v3', evalSet: 'holdout' })
    expect(r.metadata.gitCommit).toBeUndefined()
    expect(r.metadata.environment).toEqual({})
    expect((await cli(ws, 'log', 'x', '--seed', '1.5')).code).toBe(2)
  })

  it('captures the git commit and the environment once, unless --no-capture', async () => {
    const ws = await tempDir()
    execFileSync('git', ['init', '-q', ws])
    await writeFile(path.join(ws, 'requirements.txt'), 'numpy==2.0\n')
    execFileSync('git', ['-C', ws, 'add', '.'])
    execFileSync('git', ['-C', ws, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init'])
    const head = execFileSync('git', ['-C', ws, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
    expect((await cli(ws, 'log', 'r', '--metric', 'acc=0.5')).code).toBe(0)
    const { runs } = await collectRuns({ workspace: ws })
    const r = runNamed({ runs, diagnostics: [] }, 'r')
    expect(r.metadata.gitCommit).toBe(head)
    expect(r.metadata.environment.os).toMatch(/^linux /)
    expect(r.metadata.environment.requirements_txt).toMatch(/^sha256:[0-9a-f]{16}$/)
  })

  it('removes a stale lock only while it is still the file judged stale', async () => {
    const dir = await tempDir()
    const lock = path.join(dir, LOCK_FILE)
    await writeFile(lock, 'gone-host 1\n')
    const judged = { info: await stat(lock), text: 'gone-host 1\n' }
    await removeStaleLock(lock, judged)
    await expect(readFile(lock)).rejects.toThrow(/ENOENT/)
    await removeStaleLock(lock, judged)
    await writeFile(lock, 'gone-host 1\n')
    const judgedAgain = { info: await stat(lock), text: 'gone-host 1\n' }
    await rm(lock)
    await writeFile(lock, 'live-host 2\n')
    await removeStaleLock(lock, judgedAgain)
    expect(await readFile(lock, 'utf8')).toBe('live-host 2\n')
    expect((await readdir(dir)).sort()).toEqual([LOCK_FILE])
  })

  it('waits for a held lock, and takes over one left by a process that is gone', async () => {
    const dir = path.join(await tempDir(), 'r')
    await mkdir(dir, { recursive: true })
    await writeFile(path.join(dir, LOCK_FILE), `${(await import('node:os')).hostname()} 999999999\n`)
    await logRun(path.dirname(dir), { run: 'r', params: { a: 1 }, metrics: {}, tags: [] })
    expect(JSON.parse(await readFile(path.join(dir, 'params.json'), 'utf8'))).toEqual({ a: 1 })
    const order: string[] = []
    let firstHasLock!: () => void
    const firstEntered = new Promise<void>(resolve => (firstHasLock = resolve))
    const first = withRunLock(dir, async () => {
      order.push('first in')
      firstHasLock()
      await new Promise(resolve => setTimeout(resolve, 50))
      order.push('first out')
    })
    await firstEntered
    await Promise.all([first, withRunLock(dir, async () => void order.push('second'))])
    expect(order).toEqual(['first in', 'first out', 'second'])
    await writeFile(path.join(dir, LOCK_FILE), `another-host 1\n`)
    await expect(withRunLock(dir, async () => undefined, 100)).rejects.toThrow(
      /held by another log call \(another-host 1\)/
    )
  })
})
