// Promote records the champion's plots: its images committed to the assets branch (never the default branch) and
// its confusion matrices in the baseline file; the living docs show them, and the next review shows its own beside
// them with the change of each class's recall and precision.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { parseBaseline } from '../src/core/baseline.js'
import { matrixFromPairs } from '../src/core/confusion.js'
import { defaultRules } from '../src/core/rules.js'
import { makeRun } from '../src/core/run.js'
import { runPromote } from '../src/modes/promote.js'
import { plotsView } from '../src/modes/review-plots.js'
import { root } from '../src/report/mdast.js'
import { stringify } from '../src/report/markdown.js'
import { plotsBlocks } from '../src/report/plots.js'
import { twinClient } from './github-twin/client.js'
import { startGitHubTwin, type GitHubTwin } from './github-twin/server.js'
import { renderGfm } from './helpers/cmark.js'
import { pngImage } from './helpers/images.js'
import { tempDirs } from './helpers/temp.js'

const tempDir = tempDirs('er-promote-plots-')
const BASELINE = '.experiments/baseline.json'
const DOCS = 'docs/experiments.md'
const PNG = pngImage([20, 90, 200], 6, 6)
const SHA = createHash('sha256').update(PNG).digest('hex')
const ASSET = `images/${SHA.slice(0, 2)}/${SHA}.png`

const pairs = (cells: [string, string, number][]) =>
  cells.flatMap(([actual, predicted, n]) => Array.from({ length: n }, () => ({ actual, predicted })))
const BEFORE: [string, string, number][] = [
  ['cat', 'cat', 40],
  ['cat', 'dog', 10],
  ['dog', 'cat', 5],
  ['dog', 'dog', 45]
]

let twin: GitHubTwin
beforeAll(async () => {
  twin = await startGitHubTwin({ files: { 'README.md': '# models\n' } })
})
afterAll(async () => {
  expect(twin.violations).toEqual([])
  await twin.stop()
})

describe('promote records the champion plots', () => {
  it('commits the images to the assets branch, the matrices to the baseline, and the docs show both', async () => {
    const ws = await tempDir()
    const write = async (rel: string, content: string | Buffer) => {
      await mkdir(path.dirname(path.join(ws, rel)), { recursive: true })
      await writeFile(path.join(ws, rel), content)
    }
    await write(
      'dvc.yaml',
      'stages:\n  evaluate:\n    cmd: python eval.py\n    metrics: [eval/metrics.json]\n    plots:\n      - eval/cm.json: {template: confusion, x: actual, y: predicted}\n      - eval/confusion.png\n'
    )
    await write('eval/metrics.json', JSON.stringify({ accuracy: 0.85 }))
    await write('eval/cm.json', JSON.stringify(pairs(BEFORE)))
    await write('eval/confusion.png', PNG)
    await twin.openPullRequest({ number: 5, headRef: 'f5', files: { 'eval.py': '# 5\n' }, author: 'bob' })
    const after = await twin.mergePullRequest(5, { method: 'squash', mergedBy: 'alice' })
    const client = await twinClient(twin, 'ghs_workflow-token', { runtime: 'actions' })
    const result = await runPromote({
      config: {
        workspace: ws,
        runs: [],
        baselinePath: BASELINE,
        docsPath: DOCS,
        id: 'default',
        rules: defaultRules(),
        assetsBranch: 'experiment-review/assets'
      },
      after,
      ref: 'refs/heads/main',
      repository: { owner: twin.owner, repo: twin.repo },
      client,
      now: new Date('2026-11-20T10:00:00Z'),
      serverUrl: 'https://ghe.example.com',
      commit: { sleep: async () => undefined, backoffBaseMs: 1 }
    })
    expect(result.commitSha).toBeDefined()

    const baseline = parseBaseline(
      (await twin.git.readFileAt('refs/heads/main', BASELINE)) as string,
      BASELINE
    )
    const plots = baseline.champion.plots!
    expect(plots.branch).toBe('experiment-review/assets')
    expect(plots.images).toEqual([{ name: 'eval/confusion.png', path: ASSET, kind: 'png' }])
    expect(plots.confusion).toEqual([
      {
        name: 'eval/cm.json',
        classes: ['cat', 'dog'],
        counts: [
          [40, 10],
          [5, 45]
        ]
      }
    ])
    // The image is on the assets branch only.
    expect(await twin.git.readFileAt('refs/heads/experiment-review/assets', ASSET)).toBeDefined()
    expect(await twin.git.readFileAt('refs/heads/main', ASSET)).toBeUndefined()
    // The living docs show the champion's image under the server URL, and its matrix.
    const docs = renderGfm((await twin.git.readFileAt('refs/heads/main', DOCS)) as string)
    expect(docs).toContain(
      `<img src="https://ghe.example.com/${twin.owner}/${twin.repo}/raw/experiment-review/assets/${ASSET}" alt="eval/confusion.png"`
    )
    expect(docs).toContain('<code>eval/cm.json</code>')

    // The next review: the PR's image beside the baseline's, and each class's change against the baseline.
    const prPng = pngImage([200, 30, 30], 6, 6)
    const prSha = createHash('sha256').update(prPng).digest('hex')
    const view = plotsView({
      run: makeRun({ id: 'r', name: 'pr-run', source: 'dvc', path: '.' }),
      artifacts: {
        images: [
          {
            name: 'eval/confusion.png',
            file: 'eval/confusion.png',
            kind: 'png',
            bytes: prPng.length,
            sha256: prSha
          }
        ],
        confusion: [
          matrixFromPairs(
            'eval/cm.json',
            pairs([
              ['cat', 'cat', 48],
              ['cat', 'dog', 2],
              ['dog', 'cat', 9],
              ['dog', 'dog', 41]
            ])
          )
        ],
        diagnostics: [],
        imagesOverCap: 0
      },
      baseline: plots,
      host: {
        kind: 'branch',
        serverUrl: 'https://ghe.example.com',
        owner: twin.owner,
        repo: twin.repo,
        branch: 'experiment-review/assets'
      }
    })
    const html = renderGfm(stringify(root(plotsBlocks(view))))
    const base = `https://ghe.example.com/${twin.owner}/${twin.repo}/raw/experiment-review/assets/images`
    expect(html).toContain(
      `<img src="${base}/${SHA.slice(0, 2)}/${SHA}.png" alt="baseline eval/confusion.png"`
    )
    expect(html).toContain(`<img src="${base}/${prSha.slice(0, 2)}/${prSha}.png" alt="eval/confusion.png"`)
    // cat: recall 48/50 = 0.960 (was 40/50 = 0.800, +0.160); precision 48/57 = 0.842 (was 40/45 = 0.889, −0.047).
    const cat = view.confusion[0].rows.find(c => c.label === 'cat')!
    expect(cat.recallChange).toBeCloseTo(48 / 50 - 40 / 50, 12)
    expect(cat.precisionChange).toBeCloseTo(48 / 57 - 40 / 45, 12)
    expect(html).toMatch(/<td align="right">0\.960<\/td>\s*<td align="right">\+0\.160<\/td>/)
  })
})
