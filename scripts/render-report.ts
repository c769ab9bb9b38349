// `npm run render`: the demo's comment, job summary and living docs page as a person sees them on GitHub, and the
// design's example comment beside the demo's. The markdown is rendered with cmark-gfm (GitHub's renderer, with its
// extensions), Mermaid charts are drawn by the mermaid package in headless Chromium, and each page is saved as a PNG.
// Usage: npm run render [-- OUT_DIR]   (default: a new folder under the system temp folder; the paths are printed)
// Needs: cmark-gfm and chromium on PATH (Debian packages), `npm run build` done (the demo runs dist/index.js).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseRulesFile } from '../src/config/rules-file.js'
import { planPromotion } from '../src/report/promotion.js'
import { githubUrl } from '../src/report/mdast.js'
import { collectRuns } from '../src/sources/detect.js'
import { startGitHubTwin, type GitHubTwin } from '../test/github-twin/server.js'
import {
  DIST_ACTION,
  fixtureBaselineText,
  mainBranchFiles,
  makeReviewRepository,
  PROJECT_ROOT,
  pullRequestPayload,
  REVIEW_RULES,
  runActionAsRunner,
  type ReviewRepository
} from '../test/review-fixtures.js'

const DESIGN_COMMENT = path.resolve(PROJECT_ROOT, '..', 'shared', 'design', 'comment-example.md')
const MERMAID = path.join(PROJECT_ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js')
const PR_NUMBER = 42

/** GitHub-like page styles: enough to judge layout, tables, folding and small print. */
const STYLE = `
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328;
  margin: 0; padding: 16px; background: #fff; }
.columns { display: flex; gap: 16px; align-items: flex-start; }
.column { flex: 1; min-width: 0; }
.card { border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px 16px; }
.label { font-weight: 600; color: #59636e; margin: 4px 0 8px; }
table { border-collapse: collapse; margin: 8px 0; display: block; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 4px 10px; }
tr:nth-child(2n) { background: #f6f8fa; }
code { background: #eff1f3; border-radius: 4px; padding: 1px 4px; font-size: 85%; }
details { margin: 8px 0; } summary { cursor: pointer; }
h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: 4px; font-size: 1.5em; }
a { color: #0969da; }
sub { color: #59636e; }
pre.mermaid { background: #fff; }
`

/** Markdown → HTML as GitHub renders it. */
function gfm(markdown: string): string {
  return execFileSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'],
    { input: markdown, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  )
}

/** Rendered HTML with every <details> opened (a screenshot shows what a reader sees after unfolding) and Mermaid blocks ready. */
function prepare(html: string): string {
  return html
    .replace(/<details>/g, '<details open>')
    .replace(
      /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
      (_, source: string) => `<pre class="mermaid">${source}</pre>`
    )
}

/** A page of labelled columns, Mermaid drawn in the page. */
function page(title: string, columns: { label: string; html: string }[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style>
<script src="file://${MERMAID}"></script></head><body><div class="columns">
${columns.map(c => `<div class="column"><div class="label">${c.label}</div><div class="card">${prepare(c.html)}</div></div>`).join('\n')}
</div><script>mermaid.initialize({ startOnLoad: false }); mermaid.run({ querySelector: 'pre.mermaid' });</script></body></html>`
}

/** Screenshots a page with headless Chromium, tall enough for the whole page. */
function screenshot(htmlFile: string, png: string, width: number, height: number): void {
  const profile = path.join(path.dirname(png), `.chromium-${path.basename(png, '.png')}`)
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--hide-scrollbars',
      '--allow-file-access-from-files',
      `--user-data-dir=${profile}`,
      '--virtual-time-budget=15000',
      `--window-size=${width},${height}`,
      `--screenshot=${png}`,
      `file://${htmlFile}`
    ],
    { stdio: 'ignore', timeout: 180_000 }
  )
}

/** The demo's review as the runner runs it: the posted comment and the job summary. */
async function demoReview(
  temp: string
): Promise<{ comment: string; summary: string; repository: ReviewRepository }> {
  let twin: GitHubTwin | undefined
  const repository = await makeReviewRepository({ parent: temp })
  try {
    twin = await startGitHubTwin({ files: await mainBranchFiles() })
    twin.addPullRequest({
      number: PR_NUMBER,
      title: 'Train a wider ResNet',
      headRef: repository.headRef,
      headSha: repository.headSha,
      author: 'ml-engineer'
    })
    const run = await runActionAsRunner({
      action: DIST_ACTION,
      workspace: repository.workspace,
      temp,
      eventName: 'pull_request',
      payload: pullRequestPayload({
        owner: twin.owner,
        repo: twin.repo,
        number: PR_NUMBER,
        headSha: repository.headSha,
        headRef: repository.headRef,
        baseSha: repository.baseSha
      }),
      apiUrl: twin.url,
      repository: `${twin.owner}/${twin.repo}`,
      inputs: { 'github-token': 'ghs_workflow-token' },
      env: { GITHUB_SERVER_URL: 'https://github.com' }
    })
    const comment = [...twin.state.comments.values()].find(c => c.issueNumber === PR_NUMBER)
    if (!comment)
      throw new Error(`the demo posted no comment (exit ${run.code}): ${run.stderr || run.stdout}`)
    return { comment: comment.body, summary: run.summary, repository }
  } finally {
    await twin?.stop()
  }
}

/** The living docs page after the demo PR is merged: the promotion the merge would commit. */
async function demoDocs(repository: ReviewRepository): Promise<string> {
  const { runs } = await collectRuns({ workspace: repository.workspace, patterns: [] })
  const plan = planPromotion(
    { baseline: await fixtureBaselineText() },
    {
      id: 'default',
      rules: parseRulesFile(REVIEW_RULES, '.github/experiment-review.yml'),
      baselinePath: '.experiments/baseline.json',
      docsPath: 'docs/experiments.md',
      runs,
      pr: { number: PR_NUMBER, title: 'Train a wider ResNet', mergedBy: 'ml-lead' },
      commit: repository.headSha,
      date: '2026-11-30T10:00:00Z',
      repositoryUrl: githubUrl('https://github.com', 'octo-org', 'models')
    }
  )
  const docs = plan.files['docs/experiments.md']
  if (!docs) throw new Error(`the promotion wrote no docs page: ${plan.skipped ?? 'no change'}`)
  return docs
}

async function main(): Promise<number> {
  if (!existsSync(DIST_ACTION)) {
    console.error('The demo runs the bundled action: run npm run build first.')
    return 2
  }
  if (!existsSync(MERMAID)) {
    console.error('The mermaid package is missing: run npm ci (it is a dev dependency).')
    return 2
  }
  const out = path.resolve(
    process.argv[2] ?? (await mkdtemp(path.join(tmpdir(), 'experiment-review-render-')))
  )
  await mkdir(out, { recursive: true })
  const temp = await mkdtemp(path.join(tmpdir(), 'experiment-review-render-work-'))
  try {
    const { comment, summary, repository } = await demoReview(temp)
    const docs = await demoDocs(repository)
    await repository.remove()
    const pages: {
      name: string
      title: string
      columns: { label: string; html: string }[]
      width: number
    }[] = [
      {
        name: 'comment',
        title: 'PR comment',
        columns: [{ label: 'The demo’s PR comment', html: gfm(comment) }],
        width: 1000
      },
      {
        name: 'summary',
        title: 'Job summary',
        columns: [{ label: 'The demo’s job summary', html: gfm(summary) }],
        width: 1000
      },
      {
        name: 'docs',
        title: 'Living docs',
        columns: [{ label: 'docs/experiments.md after the merge', html: gfm(docs) }],
        width: 1000
      }
    ]
    if (existsSync(DESIGN_COMMENT))
      pages.push({
        name: 'comment-vs-design',
        title: 'Design example and the demo comment',
        columns: [
          { label: 'design/comment-example.md', html: gfm(await readFile(DESIGN_COMMENT, 'utf8')) },
          { label: 'The demo’s PR comment', html: gfm(comment) }
        ],
        width: 1900
      })
    else console.log(`(${DESIGN_COMMENT} is not here: the side-by-side page is skipped)`)
    for (const p of pages) {
      const html = path.join(out, `${p.name}.html`)
      const png = path.join(out, `${p.name}.png`)
      await writeFile(html, page(p.title, p.columns))
      await writeFile(
        path.join(out, `${p.name}.md`),
        p.name === 'comment' ? comment : p.name === 'summary' ? summary : p.name === 'docs' ? docs : ''
      )
      screenshot(html, png, p.width, 2600)
      await rm(path.join(out, `.chromium-${p.name}`), { recursive: true, force: true })
      console.log(`${p.title.padEnd(38)} ${png}`)
    }
    return 0
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

process.exitCode = await main()
