// `promoteLocal` on a real git checkout: one commit with the two files only, human edits kept, a re-run commits
// nothing, broken markers write nothing.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseBaseline } from '../src/core/baseline.js'
import { defaultRules, type Rules } from '../src/core/rules.js'
import { promoteLocal, type LocalPromoteOptions } from '../src/local/promote.js'
import { madeOnce, type MadeFolders } from './helpers/made-once.js'

const BASELINE = '.experiments/baseline.json'
const DOCS = 'docs/experiments.md'
const dirs: string[] = []

function rules(): Rules {
  const r = defaultRules()
  r.primary = 'f1'
  return r
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8' }).trim()

async function write(ws: string, rel: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(ws, rel)), { recursive: true })
  await writeFile(path.join(ws, rel), text)
}

async function addRun(ws: string, name: string, f1: number): Promise<void> {
  await write(ws, `experiments/${name}/metrics.json`, JSON.stringify({ f1, loss: 1 - f1 }))
  await write(ws, `experiments/${name}/params.json`, JSON.stringify({ lr: 0.1, name }))
}

/** The checkout every test starts from, made once and laid down again for each. */
const checkouts: MadeFolders<void> = new Map()

async function checkout(): Promise<string> {
  const ws = await mkdtemp(path.join(os.tmpdir(), 'er-local-promote-'))
  dirs.push(ws)
  await madeOnce(checkouts, 'initial', ws, commitInitial)
  return ws
}

/** A README and the run `first` committed on main of a new repository in the empty folder `ws`. */
async function commitInitial(ws: string): Promise<void> {
  git(ws, 'init', '--quiet', '--initial-branch=main')
  git(ws, 'config', 'user.name', 'Test User')
  git(ws, 'config', 'user.email', 'test@example.com')
  git(ws, 'config', 'commit.gpgsign', 'false')
  await write(ws, 'README.md', '# models\n')
  await addRun(ws, 'first', 0.8)
  git(ws, 'add', '.')
  git(ws, 'commit', '--quiet', '-m', 'initial')
}

afterAll(async () => {
  await Promise.all(dirs.map(d => rm(d, { recursive: true, force: true })))
})

const options = (ws: string, extra: Partial<LocalPromoteOptions> = {}): LocalPromoteOptions => ({
  workspace: ws,
  runs: ['experiments'],
  baselinePath: BASELINE,
  docsPath: DOCS,
  rules: rules(),
  now: new Date('2026-05-01T12:00:00Z'),
  ...extra
})

describe('promoteLocal', () => {
  it('creates the baseline and the page and commits exactly those two files; a re-run commits nothing', async () => {
    const ws = await checkout()
    await write(ws, 'unrelated.txt', 'staged but not ours\n')
    git(ws, 'add', 'unrelated.txt')
    const head = git(ws, 'rev-parse', 'HEAD')
    const result = await promoteLocal(
      options(ws, { pr: { number: 4, title: 'first model', mergedBy: 'alice' } })
    )
    expect(result).toMatchObject({ champion: 'first', written: [BASELINE, DOCS], warnings: [] })
    expect(result.message).toMatch(
      /^Experiment Review: promote the runs of PR #4 to the baseline \[skip ci\]\n\nNew champion: first\. Best f1 of 1 run\./
    )
    expect(git(ws, 'rev-parse', 'HEAD')).toBe(result.commitSha)
    expect(git(ws, 'rev-parse', 'HEAD~1')).toBe(head)
    expect(git(ws, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual([BASELINE, DOCS])
    expect(git(ws, 'diff', '--cached', '--name-only')).toBe('unrelated.txt')
    const baseline = parseBaseline(await readFile(path.join(ws, BASELINE), 'utf8'), BASELINE)
    expect(baseline.champion).toMatchObject({
      name: 'first',
      pr: { number: 4 },
      commit: head,
      mergedBy: 'alice',
      date: '2026-05-01T12:00:00.000Z'
    })
    expect(await readFile(path.join(ws, DOCS), 'utf8')).toMatch(/^# Experiments\n/)

    const again = await promoteLocal(options(ws, { pr: { number: 4 } }))
    expect(again.commitSha).toBeUndefined()
    expect(again.skipped).toBe('PR #4 is already recorded in the baseline (champion); nothing to do')
    const noPr = await promoteLocal(options(ws))
    expect(noPr.commitSha).toBeUndefined()
    expect(noPr.skipped).toMatch(
      /are the ones already recorded for PR #4 \(first\); the baseline is unchanged$/
    )
    expect(git(ws, 'rev-parse', 'HEAD')).toBe(result.commitSha)
  })

  it('keeps the page’s human text and records the previous champion in the history', async () => {
    const ws = await checkout()
    const page =
      '# Our page\n\nNotes above.\n\n<!-- experiment-review:start current -->\n<!-- experiment-review:end current -->\n\nBetween.\n\n<!-- experiment-review:start history -->\n<!-- experiment-review:end history -->\n\nBelow.\n'
    await write(ws, DOCS, page)
    git(ws, 'add', DOCS)
    git(ws, 'commit', '--quiet', '-m', 'docs by hand')
    await promoteLocal(options(ws, { pr: { number: 1 } }))
    await addRun(ws, 'second', 0.9)
    git(ws, 'add', 'experiments')
    git(ws, 'commit', '--quiet', '-m', 'second run')
    const second = await promoteLocal(options(ws, { pr: { number: 2 } }))
    expect(second.champion).toBe('second')
    const docs = await readFile(path.join(ws, DOCS), 'utf8')
    expect(docs.startsWith('# Our page\n\nNotes above.\n\n<!-- experiment-review:start current -->\n')).toBe(
      true
    )
    expect(docs).toContain(
      '<!-- experiment-review:end current -->\n\nBetween.\n\n<!-- experiment-review:start history -->\n'
    )
    expect(docs.endsWith('<!-- experiment-review:end history -->\n\nBelow.\n')).toBe(true)
    const baseline = parseBaseline(await readFile(path.join(ws, BASELINE), 'utf8'), BASELINE)
    expect([baseline.champion, ...baseline.history].map(r => r.name)).toEqual(['second', 'first'])
  })

  it('writes and commits nothing when the page’s markers are broken', async () => {
    const ws = await checkout()
    await write(ws, DOCS, '# P\n\n<!-- experiment-review:end history -->\n')
    git(ws, 'add', DOCS)
    git(ws, 'commit', '--quiet', '-m', 'broken page')
    const head = git(ws, 'rev-parse', 'HEAD')
    await expect(promoteLocal(options(ws))).rejects.toThrow(
      /docs\/experiments\.md: the experiment-review markers are broken[\s\S]*line 3: /
    )
    expect(git(ws, 'rev-parse', 'HEAD')).toBe(head)
    expect(git(ws, 'status', '--porcelain')).toBe('')
  })

  it('says what to do outside a git checkout, or only writes the files with commit: false', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'er-local-nogit-'))
    dirs.push(dir)
    await addRun(dir, 'solo', 0.7)
    await expect(promoteLocal(options(dir))).rejects.toThrow(
      /git could not find the commit to promote in .*: .*Run promote inside a git checkout/
    )
    const written = await promoteLocal(options(dir, { commit: false }))
    expect(written).toMatchObject({ champion: 'solo', written: [BASELINE, DOCS] })
    expect(written.commitSha).toBeUndefined()
  })
})
