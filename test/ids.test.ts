// Review ids are separate: each id other than `default` has its own baseline file (.experiments/<id>/baseline.json),
// and a baseline file of another id is refused by promote, compare and monitor. A repository of the old layout (every
// id's baseline in .experiments/baseline.json) is read for the id it holds, with a warning, and moved by promote.
// Real git checkouts and the CLI in process.
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseBaseline } from '../src/core/baseline.js'
import { DEFAULT_BASELINE_PATH, defaultBaselinePath } from '../src/core/conventions.js'
import { cli } from './helpers/cli.js'
import { madeOnce, type MadeFolders } from './helpers/made-once.js'
import { tempDirs } from './helpers/temp.js'

const tempDir = tempDirs('er-ids-')

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-C', cwd, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    encoding: 'utf8'
  }).trim()

async function write(ws: string, rel: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(ws, rel)), { recursive: true })
  await writeFile(path.join(ws, rel), text)
}

/** Checkouts made once and laid down again for each test, by what they hold. */
const checkouts: MadeFolders<void> = new Map()

/** A checkout with the runs of two models: vision/ (accuracy) and nlp/ (bleu), and monitoring rules per id. */
async function checkout(): Promise<string> {
  const ws = await tempDir()
  await madeOnce(checkouts, 'two models', ws, commitTwoModels)
  return ws
}

/** checkout()'s files and commit in the empty folder `ws`. */
async function commitTwoModels(ws: string): Promise<void> {
  git(ws, 'init', '--quiet', '--initial-branch=main')
  await write(ws, 'vision/experiments/resnet/metrics.json', '{"accuracy": 0.9}')
  await write(ws, 'nlp/experiments/t5/metrics.json', '{"bleu": 31}')
  await write(ws, 'vision.yml', 'retraining:\n  when:\n    accuracy: { max_drop: 0.05 }\n')
  await write(ws, 'nlp.yml', 'retraining:\n  when:\n    bleu: { max_drop: 2 }\n')
  git(ws, 'add', '.')
  git(ws, 'commit', '--quiet', '-m', 'runs')
}

const baselineAt = async (ws: string, rel: string) =>
  parseBaseline(await readFile(path.join(ws, rel), 'utf8'), rel)

describe('each id has its own baseline', () => {
  it('the default paths: .experiments/baseline.json for default, .experiments/<id>/baseline.json otherwise', () => {
    expect(defaultBaselinePath('default')).toBe(DEFAULT_BASELINE_PATH)
    expect(defaultBaselinePath('vision')).toBe('.experiments/vision/baseline.json')
  })

  it("promote --id vision then promote --id nlp keeps nlp's runs out of vision's baseline", async () => {
    const ws = await checkout()
    const vision = await cli(ws, 'promote', '--id', 'vision', '--runs', 'vision')
    expect(vision.code).toBe(0)
    const nlp = await cli(ws, 'promote', '--id', 'nlp', '--runs', 'nlp')
    expect(nlp.code).toBe(0)
    expect(nlp.out).toMatch(/^champion: t5$/m)
    const visionFile = await baselineAt(ws, '.experiments/vision/baseline.json')
    const nlpFile = await baselineAt(ws, '.experiments/nlp/baseline.json')
    expect([visionFile.id, visionFile.champion.name, visionFile.history.map(h => h.name)]).toEqual([
      'vision',
      'resnet',
      []
    ])
    expect([nlpFile.id, nlpFile.champion.name]).toEqual(['nlp', 't5'])
    expect(git(ws, 'ls-files', '.experiments')).toBe(
      '.experiments/nlp/baseline.json\n.experiments/vision/baseline.json'
    )
  })

  it('a baseline file of another id is refused by promote, compare and monitor (exit 2, nothing written)', async () => {
    const ws = await checkout()
    expect((await cli(ws, 'promote', '--id', 'vision', '--runs', 'vision')).code).toBe(0)
    const head = git(ws, 'rev-parse', 'HEAD')
    const visionFile = '.experiments/vision/baseline.json'
    const refused = 'belongs to review id "vision", not "nlp"; ids never share a baseline'
    const promote = await cli(ws, 'promote', '--id', 'nlp', '--runs', 'nlp', '--baseline', visionFile)
    const compare = await cli(ws, 'compare', '--id', 'nlp', '--runs', 'nlp', '--baseline', visionFile)
    const monitor = await cli(
      ws,
      'monitor',
      '--id',
      'nlp',
      '--runs',
      'nlp',
      '--rules',
      'nlp.yml',
      '--baseline',
      visionFile
    )
    for (const [name, result] of Object.entries({ promote, compare, monitor })) {
      expect({ name, code: result.code }).toEqual({ name, code: 2 })
      expect(result.err).toContain(`${visionFile}: ${refused}`)
    }
    expect(git(ws, 'rev-parse', 'HEAD')).toBe(head)
    expect((await baselineAt(ws, visionFile)).champion.name).toBe('resnet')
  })
})

describe('a repository of the old layout (every id in .experiments/baseline.json)', () => {
  /** A checkout whose .experiments/baseline.json holds vision's baseline, as versions before per-id paths wrote it. */
  async function oldLayout(): Promise<string> {
    const ws = await tempDir()
    await madeOnce(checkouts, 'old layout', ws, async root => {
      await madeOnce(checkouts, 'two models', root, commitTwoModels)
      expect((await cli(root, 'promote', '--id', 'vision', '--runs', 'vision')).code).toBe(0)
      git(root, 'mv', '.experiments/vision/baseline.json', DEFAULT_BASELINE_PATH)
      git(root, 'commit', '--quiet', '-m', 'the old layout')
      await write(root, 'vision/experiments/resnet-2/metrics.json', '{"accuracy": 0.95}')
      git(root, 'add', '.')
      git(root, 'commit', '--quiet', '-m', 'a better run')
    })
    return ws
  }

  it("promote of the id it holds starts from it, writes the id's own file and says so", async () => {
    const ws = await oldLayout()
    const { code, out, err } = await cli(ws, 'promote', '--id', 'vision', '--runs', 'vision')
    expect(code).toBe(0)
    expect(out).toMatch(/^champion: resnet-2$/m)
    expect(err).toContain(
      'The baseline of id "vision" was read from .experiments/baseline.json, where versions before per-id baselines kept every id\'s baseline; its place is now .experiments/vision/baseline.json. This promote writes it there'
    )
    const moved = await baselineAt(ws, '.experiments/vision/baseline.json')
    expect([moved.id, moved.champion.name, moved.history.map(h => h.name)]).toEqual([
      'vision',
      'resnet-2',
      ['resnet']
    ])
  })

  it('another id does not take it: nlp starts its own file', async () => {
    const ws = await oldLayout()
    const { code, err } = await cli(ws, 'promote', '--id', 'nlp', '--runs', 'nlp')
    expect(code).toBe(0)
    expect(err).not.toContain('per-id baselines')
    const nlp = await baselineAt(ws, '.experiments/nlp/baseline.json')
    expect([nlp.champion.name, nlp.history]).toEqual(['t5', []])
    expect((await baselineAt(ws, DEFAULT_BASELINE_PATH)).id).toBe('vision')
  })

  it('monitor of the id it holds reads it with a warning that says how to move it', async () => {
    const ws = await oldLayout()
    const { code, err } = await cli(
      ws,
      'monitor',
      '--id',
      'vision',
      '--runs',
      'vision',
      '--rules',
      'vision.yml'
    )
    expect(code).toBe(0)
    expect(err).toContain(
      'to move it now: mkdir -p .experiments/vision && git mv .experiments/baseline.json .experiments/vision/baseline.json'
    )
    const nlp = await cli(ws, 'monitor', '--id', 'nlp', '--runs', 'nlp', '--rules', 'nlp.yml')
    expect(nlp.code).toBe(2)
    expect(nlp.err).toContain('no baseline at .experiments/nlp/baseline.json')
  })
})
