// Property-based checks of every surface the project writes: hostile strings go into every field that can come from
// outside (run, metric and param names and values, tags, notes, descriptions, data versions, hypotheses, reasons,
// logins, branch names, PR titles), every surface is rendered (markdown with cmark-gfm, GitHub's renderer), and the
// result must hold only what the project wrote. `npm test` runs a few cases with a fixed seed; `npm run fuzz` many.
import fc from 'fast-check'
import type { Nodes, Root, RootContent } from 'mdast'
import { parseRulesFile } from '../../src/config/rules-file.js'
import { recordFromExperiment, type BaselineFile } from '../../src/core/baseline.js'
import { compareRuns, type Comparison } from '../../src/core/compare.js'
import { makeExperiment } from '../../src/core/experiment.js'
import { promote } from '../../src/core/promotion.js'
import {
  breachKey,
  evaluateRetraining,
  monitorRules,
  type MonitorEvaluation
} from '../../src/core/retraining.js'
import { defaultRules, RETRAINING_DEFAULTS, type RetrainingRules } from '../../src/core/rules.js'
import type { Run } from '../../src/core/run.js'
import { inertLog } from '../../src/main.js'
import { issueLinks } from '../../src/modes/monitor.js'
import { buildComment, type ReportContext } from '../../src/report/comment.js'
import { findRegions, renderSections, updateDocsPage } from '../../src/report/docs.js'
import {
  monitorText,
  recoveryTree,
  retrainingIssueTitle,
  retrainingIssueTree,
  retrainingUpdateTree
} from '../../src/report/issue.js'
import { githubUrl, root } from '../../src/report/mdast.js'
import { stringify } from '../../src/report/markdown.js'
import { productionBlocks, updateProductionLine } from '../../src/report/production.js'
import { renderReviewSummary, reviewSummaryBlocks, statusDescription } from '../../src/report/summary.js'
import { violationMessage, warningMessage } from '../../src/report/findings.js'
import { renderText } from '../../src/report/text.js'
import { renderGfm, renderGfmAll } from '../helpers/cmark.js'
import { run } from '../helpers/runs.js'

/** Pieces of hostile text: markup, mentions, references, table and code breakers, invisible characters, commands. */
export const HOSTILE_PIECES = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<iframe src=//evil>',
  '<b>bold</b>',
  '<br>',
  '<details open><summary>x</summary>',
  '</details>',
  '</summary>',
  '</sub>',
  '</td></tr></table>',
  '@everyone',
  '@acme/ml-team',
  '@octocat',
  '#1',
  'GH-12',
  'acme/models#2',
  'octocat/hello@abc1234',
  '|',
  '||',
  '`',
  '```',
  '~~~',
  '[x](https://evil.example)',
  '![i](https://evil.example/i.png)',
  '[ref]: https://evil.example',
  '<https://evil.example>',
  'https://evil.example/a',
  'www.evil.example',
  'someone@evil.example',
  '*',
  '**',
  '_',
  '~~',
  '\\',
  '&amp;',
  '&lt;script&gt;',
  '\n',
  '\r\n',
  '\n\n',
  '\n| a | b |\n| - | - |\n',
  '\n# heading\n',
  '\n> quote',
  '\n- item',
  '\n1. item',
  '\n---\n',
  '\t',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u0000',
  '\u001b[31m',
  '\u0085',
  '::error::injected',
  '\n::warning file=a::x',
  '::add-mask::secret',
  '::set-output name=x::y',
  '<!-- experiment-review:default -->',
  '<!-- experiment-review:start current -->',
  '<!-- experiment-review:end history -->',
  '<!--',
  '-->',
  '%%{init: {}}%%',
  '"',
  "'",
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ':',
  ' ',
  'ok'
]

/** A hostile string: a few pieces glued together, now and then with random characters, empty, or very long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 4, unit: 'binary' })), {
        minLength: 1,
        maxLength: 6
      })
      .map(parts => parts.join(''))
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '@everyone'.repeat(400), '|'.repeat(3000)) }
)

/** Every field of a review that comes from outside the project. */
export interface HostileFields {
  runName: string
  otherRunName: string
  baselineName: string
  metric: string
  param: string
  paramValue: string
  tag: string
  notes: string
  description: string
  dataVersion: string
  gitCommit: string
  hypothesis: string
  successCriteria: string
  statusReason: string
  envKey: string
  envValue: string
  login: string
  reason: string
  branch: string
  prTitle: string
  rulesFile: string
}

/** Hostile values for every outside field. */
export const hostileFields: fc.Arbitrary<HostileFields> = fc.record({
  runName: hostileString,
  otherRunName: hostileString,
  baselineName: hostileString,
  metric: hostileString,
  param: hostileString,
  paramValue: hostileString,
  tag: hostileString,
  notes: hostileString,
  description: hostileString,
  dataVersion: hostileString,
  gitCommit: hostileString,
  hypothesis: hostileString,
  successCriteria: hostileString,
  statusReason: hostileString,
  envKey: hostileString,
  envValue: hostileString,
  login: hostileString,
  reason: hostileString,
  branch: hostileString,
  prTitle: hostileString,
  rulesFile: hostileString
})

/** The repository the fixtures live in: every link in a surface must point into it. */
export const REPOSITORY_URL = githubUrl('https://github.com', 'acme', 'models')!

function hostileRuns(f: HostileFields): Run[] {
  const history = [0.5, 0.7, 0.8, 0.79].map((value, i) => ({ step: i * 10, value }))
  const metadata = {
    tags: [f.tag],
    notes: f.notes,
    description: f.description,
    dataVersion: f.dataVersion,
    gitCommit: f.gitCommit,
    hypothesis: f.hypothesis,
    successCriteria: f.successCriteria,
    environment: { [f.envKey]: f.envValue }
  }
  return [
    run(
      f.runName,
      { f1: { value: 0.79, history }, loss: 0.4, [f.metric]: 0.5 },
      { params: { [f.param]: f.paramValue, lr: 0.1 }, metadata }
    ),
    run(
      f.otherRunName,
      { f1: 0.7, loss: 0.5, [f.metric]: 0.4 },
      { metadata: { ...metadata, status: 'running' } }
    ),
    run(`${f.runName}-failed`, { f1: 0.1 }, { metadata: { status: 'failed', statusReason: f.statusReason } })
  ]
}

/** A review with every outside field hostile: a broken rule, an accepted regression, several runs, a curve. */
export function hostileReview(f: HostileFields): { comparison: Comparison; ctx: ReportContext } {
  const rules = parseRulesFile(
    'primary: f1\nmetrics:\n  f1: { goal: maximize, max_drop: 0.01 }\n  loss: { goal: minimize, max: 0.3 }\n',
    'r.yml'
  )
  rules.metrics[f.metric] = { goal: 'maximize', min: 0.45 }
  const baseline = recordFromExperiment(
    makeExperiment(f.baselineName, [
      run(
        f.baselineName,
        {
          f1: { value: 0.9, history: [0, 10, 20].map((step, i) => ({ step, value: 0.6 + i / 10 })) },
          loss: 0.2
        },
        {
          params: { [f.param]: `${f.paramValue}!` },
          metadata: { dataVersion: `${f.dataVersion}-old`, tags: [] }
        }
      )
    ]),
    { pr: { number: 41, title: f.prTitle }, commit: 'a3b8c9d'.padEnd(40, '0') }
  )
  const comparison = compareRuns({
    runs: hostileRuns(f),
    baseline,
    rules,
    accepted: [{ metric: 'loss', by: f.login, reason: f.reason, at: '2026-01-01T00:00:00Z' }]
  })
  const ctx: ReportContext = {
    headSha: 'b4c9d0e'.padEnd(40, '1'),
    baseSha: 'a3b8c9d'.padEnd(40, '0'),
    baseBranch: f.branch,
    runUrl: githubUrl('https://github.com', 'acme', 'models', 'commit', 'b4c9d0e', 'checks'),
    repositoryUrl: REPOSITORY_URL,
    rulesFile: f.rulesFile
  }
  return { comparison, ctx }
}

/** A baseline file after two merges with hostile runs, titles, logins and an accepted regression. */
export function hostileBaseline(f: HostileFields): BaselineFile {
  const rules = parseRulesFile('primary: f1\n', 'r.yml')
  const first = promote({
    id: 'default',
    rules,
    runs: hostileRuns(f),
    pr: { number: 12, title: f.prTitle, mergedBy: f.login },
    commit: 'a'.repeat(40),
    date: '2026-06-01T10:00:00Z'
  })
  if (first.kind !== 'promoted') throw new Error(first.reason)
  const second = promote({
    id: 'default',
    rules,
    previous: first.baseline,
    runs: hostileRuns({ ...f, runName: `${f.otherRunName}2`, otherRunName: `${f.runName}2` }),
    pr: { number: 57, title: f.prTitle, mergedBy: f.login },
    commit: 'b'.repeat(40),
    date: '2026-11-20T10:00:00Z',
    decisions: { accepted: [{ metric: f.metric, reason: f.reason, by: f.login, at: f.reason }] }
  })
  if (second.kind !== 'promoted') throw new Error(second.reason)
  return second.baseline
}

/** A monitor evaluation with hostile metric and run names: one metric breaches two conditions, one is healthy. */
export function hostileEvaluation(f: HostileFields): {
  evaluation: MonitorEvaluation
  retraining: RetrainingRules
  baseline: ReturnType<typeof recordFromExperiment>
  healthy: string
} {
  const breached = f.metric
  const healthy = f.param === f.metric ? `${f.param}2` : f.param
  const retraining: RetrainingRules = {
    ...RETRAINING_DEFAULTS,
    labels: ['retraining'],
    when: {
      [breached]: { below: 0.85, maxDrop: { amount: 0.01, relative: true } },
      [healthy]: { above: 0.3 }
    }
  }
  const baseline = recordFromExperiment(
    makeExperiment(f.baselineName, [run(f.baselineName, { [breached]: 0.91, [healthy]: 0.1 })]),
    {
      pr: { number: 41, title: f.prTitle, author: f.login },
      commit: 'a'.repeat(40),
      date: '2026-11-01T00:00:00Z'
    }
  )
  const comparison = compareRuns({
    runs: [
      run(f.runName, { [breached]: 0.8, [healthy]: 0.2 }),
      run(f.otherRunName, { [breached]: 0.81, [healthy]: 0.25 })
    ],
    baseline,
    rules: monitorRules(defaultRules(), retraining)
  })
  return { evaluation: evaluateRetraining(comparison, retraining), retraining, baseline, healthy }
}

/** Problems of an issue title: one line under GitHub's 256 characters, no command, no live mention or reference. */
export function titleProblems(title: string): string[] {
  const problems = textProblems(title, 'issue title')
  if (title.includes('\n') || title.length > 256)
    problems.push(`issue title not one line of 256: ${title.length}`)
  for (const m of title.matchAll(/(?<![\w\u200c])(@[A-Za-z0-9][\w-]*|#\d+|GH-\d+)/gi))
    problems.push(`issue title: a live reference ${JSON.stringify(m[1])}`)
  return problems
}

/**
 * Every surface monitor mode writes, under hostile metric, run, baseline and PR text: the markdown ones to render,
 * and the problems of the others.
 */
export function monitorSurfaces(f: HostileFields): {
  markdown: MarkdownSurface[]
  other: Record<string, string[]>
} {
  const { evaluation, retraining, baseline, healthy } = hostileEvaluation(f)
  const problems: string[] = []
  if (!evaluation.breaches.length) problems.push('the hostile evaluation breaches nothing')
  const server = 'https://github.com'
  const links = issueLinks('acme', 'models', {
    serverUrl: server,
    docsPath: 'docs/experiments.md',
    defaultBranch: f.branch,
    runUrl: `${REPOSITORY_URL}/actions/runs/1`,
    baseline
  })
  const body = retrainingIssueTree({
    id: f.tag,
    evaluation,
    retraining,
    state: { since: '2026-11-02T00:00:00Z', changed: '2026-11-03T00:00:00Z', reported: {}, healthy: 0 },
    baseline,
    evaluatedAt: new Date('2026-11-03T00:00:00Z'),
    links
  })
  const newly = evaluation.breaches.map(breachKey)
  const update = retrainingUpdateTree(
    { newly, worse: newly.slice(0, 1), eased: [`${healthy} above`] },
    evaluation,
    retraining
  )
  const recovery = recoveryTree([...newly, `${healthy} above`], evaluation, 2)
  const production = productionBlocks({
    evaluatedAt: '2026-11-03T00:00:00Z',
    runs: [f.runName, f.otherRunName, f.baselineName, f.tag],
    breaches: evaluation.breaches.length,
    issue: { number: 3, url: `${REPOSITORY_URL}/issues/3`, open: true }
  })
  const page = updateProductionLine(
    '# Models\n',
    { evaluatedAt: '2026-11-03T00:00:00Z', runs: [f.runName], breaches: 0 },
    { id: f.tag, file: 'docs/experiments.md' }
  )
  const regions = findRegions(page, 'docs/experiments.md')
  return {
    markdown: [
      { name: 'retraining issue', markdown: stringify(body), tree: body, options: { markers: 1 } },
      { name: 'retraining update', markdown: stringify(update), tree: update, options: { markers: 0 } },
      { name: 'retraining recovery', markdown: stringify(recovery), tree: recovery, options: { markers: 0 } },
      {
        name: 'production line',
        markdown: stringify(root(production)),
        tree: production,
        options: { markers: 0 }
      }
    ],
    other: {
      'retraining evaluation': problems,
      'retraining issue title': titleProblems(retrainingIssueTitle(evaluation, retraining, f.tag)),
      'production region':
        regions.length === 1 && regions[0].name.startsWith('production')
          ? []
          : ['production region not found again'],
      'monitor text': textProblems(monitorText(evaluation, retraining), 'monitor text')
    }
  }
}

/** Opening tags in HTML by name, with counts. */
function tagCounts(html: string, into: Map<string, number> = new Map()): Map<string, number> {
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s>/])/g)) {
    const tag = m[1].toLowerCase()
    into.set(tag, (into.get(tag) ?? 0) + 1)
  }
  return into
}

/** The HTML elements a tree must render to: one per node we built, and the tags inside our own raw HTML. */
export function expectedElements(tree: Root | RootContent[]): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (tag: string) => counts.set(tag, (counts.get(tag) ?? 0) + 1)
  const visit = (node: Nodes, inHeaderRow = false): void => {
    switch (node.type) {
      case 'heading':
        add(`h${node.depth}`)
        break
      case 'strong':
        add('strong')
        break
      case 'emphasis':
        add('em')
        break
      case 'delete':
        add('del')
        break
      case 'inlineCode':
        add('code')
        break
      case 'code':
        add('pre')
        add('code')
        break
      case 'link':
        add('a')
        break
      case 'image':
        add('img')
        break
      case 'list':
        add(node.ordered ? 'ol' : 'ul')
        break
      case 'listItem':
        add('li')
        break
      case 'blockquote':
        add('blockquote')
        break
      case 'thematicBreak':
        add('hr')
        break
      case 'break':
        add('br')
        break
      case 'table':
        add('table')
        node.children.forEach((row, i) => visit(row, i === 0))
        return
      case 'tableRow':
        add('tr')
        for (const cell of node.children) {
          add(inHeaderRow ? 'th' : 'td')
          cell.children.forEach(c => visit(c))
        }
        return
      case 'html':
        tagCounts(node.value, counts)
        return
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  for (const node of Array.isArray(tree) ? tree : tree.children) visit(node)
  return counts
}

/** What a markdown surface may hold: how many of our markers, and which links (default: into the repository). */
export interface SurfaceOptions {
  markers: number
  allowedLinks?: (href: string) => boolean
}

/** A markdown surface to check: its name, its text, the tree it was stringified from, and what it may hold. */
export interface MarkdownSurface {
  name: string
  markdown: string
  tree: Root | RootContent[]
  options: SurfaceOptions
}

/** The problems of many markdown surfaces, by name, rendered in one cmark-gfm run. */
export function markdownSurfaceProblems(surfaces: MarkdownSurface[]): Record<string, string[]> {
  const html = renderGfmAll(surfaces.map(s => s.markdown))
  const out: Record<string, string[]> = {}
  surfaces.forEach((s, i) => {
    out[s.name] = [...(out[s.name] ?? []), ...surfaceProblems(s.markdown, s.tree, s.options, html[i])]
  })
  return out
}

/**
 * What a rendered surface may not contain, as a list of problems (empty when it holds only what we wrote). `html` is
 * the markdown as cmark-gfm renders it (rendered here when not given).
 */
export function surfaceProblems(
  markdown: string,
  tree: Root | RootContent[],
  options: SurfaceOptions,
  html = renderGfm(markdown)
): string[] {
  const problems: string[] = []
  // 1. No element other than the ones the project wrote (paragraphs and table sections aside).
  const expected = expectedElements(tree)
  const seen = tagCounts(html)
  for (const tag of new Set([...expected.keys(), ...seen.keys()])) {
    if (['p', 'thead', 'tbody'].includes(tag)) continue
    if ((expected.get(tag) ?? 0) !== (seen.get(tag) ?? 0))
      problems.push(`<${tag}>: ${seen.get(tag) ?? 0} rendered, ${expected.get(tag) ?? 0} written`)
  }
  // 2. Links only to our own URLs.
  const allowed = options.allowedLinks ?? ((href: string) => href.startsWith(`${REPOSITORY_URL}/`))
  for (const m of html.matchAll(/<a\s[^>]*href="([^"]*)"/g))
    if (!allowed(m[1])) problems.push(`a link to ${m[1]}`)
  // 3. No live mention or reference in the text GitHub would scan: code blocks and our own links are never scanned.
  const visible = html
    .replace(/<pre>[\s\S]*?<\/pre>/g, ' ')
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>[\s\S]*?<\/a>/g, (whole, href: string) =>
      allowed(href) ? ' ' : whole
    )
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
  for (const m of visible.matchAll(/(?<![\w\u200c])(@[A-Za-z0-9][\w-]*|#\d+|GH-\d+)/gi)) {
    const at = m.index ?? 0
    problems.push(
      `a live reference ${JSON.stringify(m[1])} in ${JSON.stringify(visible.slice(Math.max(0, at - 20), at + 20))}`
    )
  }
  // 4. Only our own markers.
  const markers = markdown.match(/<!--\s*experiment-review/g)?.length ?? 0
  if (markers !== options.markers)
    problems.push(`${markers} experiment-review markers, expected ${options.markers}`)
  if ((html.match(/<!--/g)?.length ?? 0) !== options.markers)
    problems.push('an HTML comment that is not ours')
  // 5. No workflow command at the start of a line.
  for (const line of markdown.split(/\r?\n/))
    if (/^\s*::/.test(line)) problems.push(`a workflow command line ${line}`)
  // 6. Tables intact: every row has as many cells as its header.
  for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const header = table.match(/<th[ >]/g)?.length ?? 0
    for (const row of table.match(/<tbody>[\s\S]*<\/tbody>/)?.[0].match(/<tr>[\s\S]*?<\/tr>/g) ?? [])
      if ((row.match(/<td[ >]/g)?.length ?? 0) !== header)
        problems.push(`a table row without ${header} cells`)
  }
  return problems
}

/** Problems of plain-text surfaces (terminal report, log lines, status descriptions): no command, no escape code. */
export function textProblems(text: string, what: string): string[] {
  const problems: string[] = []
  for (const line of text.split('\n'))
    if (/^\s*::/.test(line)) problems.push(`${what}: a workflow command line ${line}`)
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text))
    problems.push(`${what}: a control or direction character`)
  return problems
}

/** Every surface of one hostile review and one hostile baseline, with what is wrong in each. */
export function allSurfaceProblems(f: HostileFields): Record<string, string[]> {
  const { comparison, ctx } = hostileReview(f)
  const comment = buildComment(comparison, ctx)
  const commentUrl = 'https://github.com/acme/models/pull/7#issuecomment-1'
  const result = {
    comment: {
      action: 'updated' as const,
      id: 1,
      url: commentUrl,
      author: 'experiment-review[bot]',
      removedDuplicates: []
    }
  }
  const summary = renderReviewSummary(comparison, comment.markdown, result)
  const { lead, diagnostics } = reviewSummaryBlocks(comparison, result)
  const summaryTree = [...lead, ...comment.tree.children, ...diagnostics]
  const baseline = hostileBaseline(f)
  const docsOptions = {
    id: 'default',
    rules: parseRulesFile('primary: f1\n', 'r.yml'),
    repositoryUrl: REPOSITORY_URL
  }
  const sections = renderSections(baseline, docsOptions)
  const page = updateDocsPage(undefined, baseline, { ...docsOptions, file: 'docs/experiments.md' })
  const regions = findRegions(page, 'docs/experiments.md').map(r => r.name)
  const logLines = [
    ...comparison.violations.map(v =>
      v.accepted
        ? `${violationMessage(v)} (accepted by ${v.accepted.by}: ${v.accepted.reason})`
        : violationMessage(v)
    ),
    ...comparison.warnings.map(warningMessage),
    ...comparison.diagnostics.map(d => d.message)
  ].map(inertLog)
  const status = statusDescription(comparison)
  const monitor = monitorSurfaces(f)
  return {
    ...markdownSurfaceProblems([
      { name: 'comment', markdown: comment.markdown, tree: comment.tree, options: { markers: 1 } },
      {
        name: 'summary',
        markdown: summary,
        tree: summaryTree,
        options: {
          markers: 1,
          allowedLinks: href => href === commentUrl || href.startsWith(`${REPOSITORY_URL}/`)
        }
      },
      ...sections.map(s => ({
        name: `docs ${s.name}`,
        markdown: stringify(root(s.blocks)),
        tree: s.blocks,
        options: { markers: 0 }
      })),
      ...monitor.markdown
    ]),
    'docs regions': regions.join() === 'current,history' ? [] : [`docs regions ${regions.join()}`],
    text: textProblems(renderText(comparison), 'terminal report'),
    log: logLines.flatMap(l => textProblems(l, 'log line')),
    ...monitor.other,
    status: [
      ...textProblems(status, 'status'),
      ...(status.length <= 140 && !status.includes('\n')
        ? []
        : ['status description longer than one line of 140'])
    ]
  }
}
