// The sticky PR comment as an mdast tree: verdict, champion and metrics, what changed, warnings, curves, footer.
import type { Html, PhrasingContent, Root, RootContent, Table } from 'mdast'
import { SUPPORTED_COMMANDS, type CommandWord } from '../core/commands.js'
import type { ChecklistItem, Comparison, ExperimentSummary, MetricComparison } from '../core/compare.js'
import { GITHUB_BODY_LIMIT } from '../core/conventions.js'
import { learningCurve } from './chart.js'
import { commandsFooter } from './commands.js'
import {
  statisticsSentence,
  checklistDetail,
  hypothesisReason,
  missingEvidenceText,
  unknownMetricText,
  unreadableEvidenceText,
  readErrorsText,
  unreadableLabel,
  notLikeForLikeText,
  verdictWords,
  violationMessage,
  warningMessage
} from './findings.js'
import {
  decimalsFor,
  fmtChange,
  fmtMeaning,
  fmtRules,
  fmtStat,
  goalArrow,
  metricIcon,
  metricSentence,
  shortSha
} from './format.js'
import {
  bulletList,
  details,
  githubUrl,
  heading,
  link,
  marker,
  own,
  paragraph,
  root,
  small,
  strong,
  table,
  text,
  untrusted,
  untrustedCode,
  type Cell,
  type Own,
  type OwnUrl
} from './mdast.js'
import { stringify } from './markdown.js'
import { plotsBlocks, type PlotsView } from './plots.js'
import { rulesChangeBlocks, type RulesChangeView } from './rules-change.js'
import { selectionBlocks, sweepBlocks, type SweepBudget } from './sweep.js'

/** Where the review ran, for the footer and the baseline line. The strings may be untrusted; the URLs are ours. */
export interface ReportContext {
  headSha?: string
  baseSha?: string
  baseBranch?: string
  /** Link to the run's checks (built with `githubUrl` from the server URL, repository and commit). */
  runUrl?: OwnUrl
  /** The repository's web page (`githubUrl(server, owner, repo)`): PR and commit references link into it. */
  repositoryUrl?: OwnUrl
  /** The `/experiments` commands the comment may name; this build's parser's list (SUPPORTED_COMMANDS) by default. */
  commands?: readonly CommandWord[]
  rulesFile?: string
  /** True when no rules file was found and defaults were used. */
  defaultRules?: boolean
  /** How the pull request touches the rules file that judges it, when it does. */
  rulesChange?: RulesChangeView
  /** The champion's images and confusion matrices, with the baseline's. */
  plots?: PlotsView
}

/** What the slash commands add to the comment: the reviewers' decisions, the hidden state blocks and who may decide. */
export interface CommentExtras {
  /** The section of reviewers' decisions (report/commands.ts decisionsBlocks). */
  decisions?: RootContent[]
  /** Hidden state blocks (report/hidden-state.ts hiddenState) kept at the end; they count against GitHub's limit. */
  state?: Html[]
  /** The repository permission the commands need; the footer then names every command and who may use them. */
  commandPermission?: string
}

/** How much the comment may hold; later levels fold more to stay under GitHub's limit. */
interface Budget {
  runs: number
  params: number
  warnings: number
  curves: number
  curvePoints: number
  checklists: number
  sweep: SweepBudget
}

const BUDGETS: Budget[] = [
  {
    runs: 50,
    params: 60,
    warnings: 30,
    curves: 3,
    curvePoints: 40,
    checklists: 10,
    sweep: { parameters: 3, foldedParameters: 20, levels: 12, neighbours: 5, foldedNeighbours: 20 }
  },
  {
    runs: 20,
    params: 30,
    warnings: 15,
    curves: 2,
    curvePoints: 20,
    checklists: 5,
    sweep: { parameters: 3, foldedParameters: 10, levels: 10, neighbours: 5, foldedNeighbours: 10 }
  },
  {
    runs: 10,
    params: 15,
    warnings: 8,
    curves: 1,
    curvePoints: 12,
    checklists: 3,
    sweep: { parameters: 2, foldedParameters: 5, levels: 8, neighbours: 5, foldedNeighbours: 5 }
  },
  {
    runs: 5,
    params: 8,
    warnings: 5,
    curves: 0,
    curvePoints: 0,
    checklists: 1,
    sweep: { parameters: 1, foldedParameters: 0, levels: 6, neighbours: 3, foldedNeighbours: 0 }
  }
]

/** Renders the PR comment, folding more until it fits under GitHub's body limit (GITHUB_BODY_LIMIT). */
export function renderComment(c: Comparison, ctx: ReportContext = {}, extras: CommentExtras = {}): string {
  return buildComment(c, ctx, extras).markdown
}

/** The PR comment as the tree that was stringified and its markdown: the largest budget that fits the limit. */
export function buildComment(
  c: Comparison,
  ctx: ReportContext = {},
  extras: CommentExtras = {}
): { tree: Root; markdown: string } {
  const state = extras.state ?? []
  const stateLength = state.reduce((n, block) => n + block.value.length + 2, 0)
  for (const budget of BUDGETS) {
    const tree = root([...commentTree(c, ctx, budget, extras), ...state])
    const markdown = stringify(tree)
    if (markdown.length < GITHUB_BODY_LIMIT - 1000) return { tree, markdown }
  }
  // The smallest budget still too long (thousands of metrics): keep the verdict and say where the rest is.
  const tree = root([
    marker(c.id),
    ...verdictBlock(c, ctx.rulesFile),
    ...(ctx.rulesChange ? rulesChangeBlocks(ctx.rulesChange) : []),
    paragraph(
      text`The full comparison (${c.metrics.length} metrics, ${c.experiments.length} runs) is too long for a comment; see the job summary and the JSON report.`
    ),
    ...(extras.decisions ?? []),
    ...(stateLength < GITHUB_BODY_LIMIT / 2 ? state : [])
  ])
  return { tree, markdown: stringify(tree) }
}

/** The comment's blocks with a given budget. */
export function commentTree(
  c: Comparison,
  ctx: ReportContext,
  budget: Budget = BUDGETS[0],
  extras: CommentExtras = {}
): RootContent[] {
  return [
    marker(c.id),
    ...verdictBlock(c, ctx.rulesFile),
    ...(ctx.rulesChange ? rulesChangeBlocks(ctx.rulesChange) : []),
    ...championLine(c, ctx),
    ...selectionBlocks(c),
    ...metricsTable(c),
    ...inWords(c),
    ...hypotheses(c),
    ...notLikeForLike(c),
    ...acceptHint(c, ctx),
    ...(extras.decisions ?? []),
    ...sweepBlocks(c, budget.sweep),
    ...whatChanged(c, budget),
    ...allRuns(c, budget),
    ...warnings(c, budget),
    ...curves(c, budget),
    ...plotsBlocks(ctx.plots, budget.curves),
    ...checklists(c, budget, ctx),
    ...footer(ctx, extras.commandPermission)
  ]
}

/** The verdict heading. */
export function verdictBlock(c: Comparison, rulesFile?: string): RootContent[] {
  const id: PhrasingContent[] = c.id === 'default' ? [] : [text` (`, untrusted(c.id, 60), text`)`]
  const broken = c.violations.filter(v => !v.accepted)
  const { sign, words } = verdictWords(c)
  const blocks: RootContent[] = [heading(2, text`${sign} Experiment review`, ...id, text`: ${words}`)]
  if (c.missingEvidence) blocks.push(paragraph(untrusted(missingEvidenceText(c.missingEvidence), 2000)))
  if (c.unknownMetrics)
    blocks.push(bulletList(c.unknownMetrics.map(u => [untrusted(unknownMetricText(u, rulesFile), 400)])))
  if (c.unreadableEvidence)
    blocks.push(
      bulletList(c.unreadableEvidence.map(u => [untrusted(unreadableEvidenceText(u, rulesFile), 1200)]))
    )
  if (broken.length) {
    blocks.push(bulletList(broken.map(v => [untrusted(violationMessage(v), 200)])))
  }
  if (!c.champion && !c.missingEvidence?.noRuns) {
    blocks.push(
      paragraph(
        text`No finished run was found in this PR, so nothing was compared. Check the runs input and the warnings below.`
      )
    )
  }
  return blocks
}

function championLine(c: Comparison, ctx: ReportContext): RootContent[] {
  if (!c.champion) return []
  const total = c.experiments.length
  const parts: PhrasingContent[] = [
    strong(untrustedCode(c.champion.name)),
    total > 1 ? text` is this PR's best run (of ${total})` : text` is this PR's run`,
    ...(c.primary ? [text` on `, strong(untrusted(c.primary))] : []),
    text`, `
  ]
  if (c.baseline) {
    parts.push(text`compared with the baseline `, strong(untrustedCode(c.baseline.name)))
    const branch = ctx.baseBranch ?? 'main'
    parts.push(text` from `, untrusted(branch))
    const sha = c.baseline.commit ?? ctx.baseSha
    if (sha) parts.push(text` @ `, commitRef(sha, ctx))
    if (c.baseline.pr) parts.push(text` (`, prRef(c.baseline.pr, ctx), text`)`)
    parts.push(text`.`)
    const n = c.champion.metrics[c.primary ?? '']?.n ?? 1
    if (n > 1 || c.baseline.samples > 1)
      parts.push(
        text` ${n} sample${n === 1 ? own`` : own`s`} in this PR, ${c.baseline.samples} in the baseline.`
      )
  } else {
    parts.push(text`with no baseline to compare against yet: the first merge with runs sets it.`)
  }
  return [paragraph(...parts)]
}

function metricsTable(c: Comparison): RootContent[] {
  if (!c.metrics.length) return []
  const other = new Set(c.otherSeries)
  const main = c.metrics.filter(m => !other.has(m.name))
  const bookkeeping = c.metrics.filter(m => other.has(m.name))
  return [
    ...(main.length ? [metricTable(c, main)] : []),
    ...statisticsNote(c),
    ...(bookkeeping.length
      ? details(
          own`Other series (${bookkeeping.length}): epoch, step, learning rate, runtime and other bookkeeping, never ranked on`,
          [metricTable(c, bookkeeping)]
        )
      : [])
  ]
}

/** The metrics table: metric, baseline, this PR, change and verdict. */
function metricTable(c: Comparison, metrics: MetricComparison[]): Table {
  const rows: Cell[][] = metrics.map(m => {
    const d = decimalsFor(m.baseline?.value, m.current?.value)
    const name: PhrasingContent[] = [
      m.name === c.primary || m.broken ? strong(untrusted(m.name)) : untrusted(m.name),
      text` ${goalArrow(m)}`
    ]
    return [metricIcon(m), name, fmtStat(m.baseline, d), fmtStat(m.current, d), fmtChange(m), verdictCell(m)]
  })
  return table(
    ['center', null, 'right', 'right', 'right', null],
    [own``, own`metric`, own`baseline`, own`this PR`, own`change`, own`verdict`],
    rows
  )
}

/** What the p-values are: two-sided labels, the gate's one-sided adjusted question, the best-of-k selection. */
function statisticsNote(c: Comparison): RootContent[] {
  const tested = c.metrics.some(m => m.significance?.tested)
  if (!tested && !c.gate.family) return []
  return small([text(statisticsSentence(c))])
}

/** The tested metrics in words: "accuracy −0.80 pts (p = 0.41, within noise)". */
function inWords(c: Comparison): RootContent[] {
  const tested = c.metrics.filter(m => m.significance && m.change !== undefined).slice(0, 6)
  if (!tested.length) return []
  const sentences = tested.map(metricSentence).join('; ')
  return [paragraph(text`In words: `, untrusted(sentences, 1000), text`.`)]
}

const VERDICT_ICON = { supported: own`✅`, 'not supported': own`❌`, inconclusive: own`❔` } as const
const VERDICT_WORDS = {
  supported: own`supported`,
  'not supported': own`not supported`,
  inconclusive: own`inconclusive`
} as const

/** Each run's stated hypothesis and success criteria with the verdict, champion first. */
function hypotheses(c: Comparison): RootContent[] {
  const stated = c.hypotheses.filter(h => h.hypothesis || h.criteria).slice(0, 5)
  return stated.map(h =>
    paragraph(
      text`${VERDICT_ICON[h.verdict]} `,
      strong(text`Hypothesis`),
      text` of `,
      untrustedCode(h.run),
      text`: `,
      ...(h.hypothesis ? [untrusted(h.hypothesis, 300)] : []),
      ...(h.criteria
        ? [
            h.hypothesis ? text` (success: ` : text`success: `,
            untrusted(h.criteria, 200),
            ...(h.hypothesis ? [text`)`] : [])
          ]
        : []),
      text` — `,
      strong(text`${VERDICT_WORDS[h.verdict]}`),
      text`: `,
      untrusted(hypothesisReason(h), 300)
    )
  )
}

/** What a change means and the rules' state; the rules part names who accepted a regression and why (untrusted). */
function verdictCell(m: MetricComparison): PhrasingContent[] {
  return [text`${fmtMeaning(m)}; `, untrusted(fmtRules(m), 600)]
}

function notLikeForLike(c: Comparison): RootContent[] {
  if (!c.notLikeForLike.length) return []
  return [
    paragraph(
      text`⚠️ `,
      strong(text`Not like for like:`),
      text` `,
      untrusted(c.notLikeForLike.map(notLikeForLikeText).join('; '), 400),
      text`. The comparison mixes a model change with a change in what it was measured on.`
    )
  ]
}

/** How to accept a broken rule, only when this build's command parser accepts `/experiments accept`. */
function acceptHint(c: Comparison, ctx: ReportContext): RootContent[] {
  if (!(ctx.commands ?? SUPPORTED_COMMANDS).includes('accept')) return []
  const metrics = [...new Set(c.violations.filter(v => !v.accepted).map(v => v.metric))]
  if (!metrics.length) return []
  const first = metrics[0]
  return [
    paragraph(
      text`To accept ${metrics.length === 1 ? own`this regression` : own`a regression`}, a reviewer with write access comments `,
      untrustedCode(`/experiments accept ${first} <reason>`),
      text`.`
    )
  ]
}

function whatChanged(c: Comparison, budget: Budget): RootContent[] {
  if (!c.baseline || (!c.params.length && !c.context.length)) return []
  const rows: Cell[][] = []
  for (const p of c.params.slice(0, budget.params)) {
    const suffix = p.kind === 'added' ? [text` (added)`] : p.kind === 'removed' ? [text` (removed)`] : []
    rows.push([
      [untrusted(p.name)],
      p.kind === 'added' ? own`—` : [untrusted(p.baseline)],
      p.kind === 'removed' ? own`—` : [untrusted(p.current), ...suffix]
    ])
  }
  if (c.params.length > budget.params) rows.push([own`… ${c.params.length - budget.params} more`])
  for (const x of c.context) {
    const label = x.what === 'environment' ? `environment: ${x.key}` : x.what
    const cell = (v: string | undefined): Cell =>
      v === undefined ? own`—` : x.what === 'code commit' ? [untrustedCode(shortSha(v))] : [untrusted(v)]
    rows.push([[untrusted(label)], cell(x.baseline), cell(x.current)])
  }
  const parts = [
    ...(c.params.length ? [text`${c.params.length} parameter${c.params.length === 1 ? own`` : own`s`}`] : []),
    ...[...new Set(c.context.map(x => x.what))].map(what => untrusted(what))
  ].flatMap((part, i) => (i ? [text`, `, part] : [part]))
  return details(
    [text`What changed: `, ...parts],
    [table([null, null, null], [own``, own`baseline`, own`this PR`], rows)]
  )
}

function allRuns(c: Comparison, budget: Budget): RootContent[] {
  if (c.experiments.length < 2) return []
  const columns = runColumns(c)
  const shown = c.experiments.slice(0, budget.runs)
  const withTargets = Object.values(c.criteria).some(list => list.length > 0)
  const rows: Cell[][] = shown.map((e, i) => [
    [untrustedCode(e.name), ...(i === 0 && e.name === c.champion?.name ? [text` 🏆`] : [])],
    ...columns.map(m => cellValue(e, m)),
    ...(withTargets ? [targetsCell(c.criteria[e.name] ?? [])] : []),
    statusCell(e)
  ])
  if (c.experiments.length > shown.length) {
    rows.push([own`… ${c.experiments.length - shown.length} more runs in the JSON report`])
  }
  const header: Cell[] = [
    own`run`,
    ...columns.map(m => [untrusted(m.name), text` ${goalArrow(m)}`]),
    ...(withTargets ? [own`targets`] : []),
    own`status`
  ]
  const align = [null, ...columns.map(() => 'right' as const), ...(withTargets ? [null] : []), null]
  return details(own`All runs (${c.experiments.length}), best first`, [table(align, header, rows)])
}

function runColumns(c: Comparison): MetricComparison[] {
  const gated = c.metrics.filter(m => m.gated || m.name === c.primary)
  return (gated.length ? gated : c.metrics).slice(0, 4)
}

function cellValue(e: ExperimentSummary, metric: MetricComparison): Own {
  const stat = e.metrics[metric.name]
  if (!stat) return own`—`
  return fmtStat(stat, decimalsFor(stat.value))
}

/** The rules file's absolute targets for one run: "✅ f1 ≥ 0.85 · ❌ latency_ms ≤ 50". */
function targetsCell(criteria: Comparison['criteria'][string]): Cell {
  if (!criteria.length) return own`—`
  return [
    untrusted(
      criteria.map(x => `${x.met === undefined ? '➖' : x.met ? '✅' : '❌'} ${x.text}`).join(' · '),
      400
    )
  ]
}

function statusCell(e: ExperimentSummary): Cell {
  const n = e.runs.length > 1 ? own` (${e.runs.length} runs)` : own``
  if (e.unreadable) {
    const [first] = e.unreadable
    const which = e.runs.length > 1 ? `${first.run}: ` : ''
    const more = e.unreadable.length > 1 ? ` (and ${e.unreadable.length - 1} more runs)` : ''
    return [
      text`⚠️ ${unreadableLabel(e.unreadable.flatMap(u => u.errors))}: `,
      untrusted(`${which}${readErrorsText(first.errors)}${more}`, 160)
    ]
  }
  if (e.status === 'failed')
    return [text`❌ failed`, ...(e.statusReason ? [text`: `, untrusted(e.statusReason, 80)] : [])]
  if (e.status === 'running') return own`⏳ still running${n}`
  if (e.status === 'killed') return own`⚠️ killed${n}`
  return own`✅${n}`
}

function warnings(c: Comparison, budget: Budget): RootContent[] {
  const items = c.warnings
  if (!items.length) return []
  const shown = items.slice(0, budget.warnings).map(w => [untrusted(warningMessage(w), 300)])
  if (items.length > shown.length)
    shown.push([text`… ${items.length - shown.length} more in the job summary`])
  const list = bulletList(shown)
  const title = own`⚠️ Warnings (${items.length})`
  return items.length > 5 ? details(title, [list]) : [paragraph(text(title)), list]
}

function curves(c: Comparison, budget: Budget): RootContent[] {
  const out: RootContent[] = []
  // The primary first, bookkeeping series (learning rate, epoch …) last: the few charts shown are the telling ones.
  const rank = (metric: string) => (metric === c.primary ? 0 : c.otherSeries.includes(metric) ? 2 : 1)
  const preferred = [...c.curves].sort((a, b) => rank(a.metric) - rank(b.metric))
  for (const curve of preferred.slice(0, budget.curves)) {
    const blocks = learningCurve(curve, {
      baselineName: c.baseline?.name,
      currentName: c.champion?.name ?? 'this PR',
      maxPoints: budget.curvePoints
    })
    if (blocks.length) out.push(...details([text`Learning curve: `, untrusted(curve.metric)], blocks))
  }
  return out
}

function checklists(c: Comparison, budget: Budget, ctx: ReportContext): RootContent[] {
  const lists = c.reproducibility.slice(0, budget.checklists)
  if (!lists.length) return []
  const champion = lists[0]
  const ok = champion.items.filter(i => i.ok).length
  const blocks: RootContent[] = []
  for (const list of lists) {
    if (lists.length > 1) blocks.push(paragraph(strong(untrustedCode(list.run))))
    blocks.push(bulletList(list.items.map(i => [i.ok ? text`✅ ` : text`⚠️ `, ...checklistWords(i, ctx)])))
  }
  return details(own`Reproducibility: ${ok} of ${champion.items.length}`, blocks)
}

/** A checklist item in words; a recorded data version as code, a code commit short and linked to its page. */
function checklistWords(item: ChecklistItem, ctx: ReportContext): PhrasingContent[] {
  if (item.check === 'code commit' && item.value) return [text`code commit `, commitRef(item.value, ctx)]
  if (item.check === 'data version' && item.value) return [text`data version `, untrustedCode(item.value)]
  return [untrusted(checklistDetail(item), 160)]
}

/** A commit as inline code, linked to the commit page when the sha is hex and the repository URL is known. */
function commitRef(sha: string, ctx: ReportContext): PhrasingContent {
  const short = untrustedCode(shortSha(sha))
  const url = /^[0-9a-f]{7,40}$/i.test(sha) ? githubUrl(ctx.repositoryUrl, 'commit', sha) : undefined
  return url ? link(url, short) : short
}

/** "PR #12", linked to the pull request when the repository URL is known. */
function prRef(pr: number, ctx: ReportContext): PhrasingContent {
  const url = Number.isInteger(pr) && pr > 0 ? githubUrl(ctx.repositoryUrl, 'pull', pr) : undefined
  return url ? link(url, text`PR #${pr}`) : text`PR ${Number.isInteger(pr) ? own`${pr}` : own`?`}`
}

/** The small print: what was reviewed against what, the checks, the rules used, and the commands (when there are any). */
function footer(ctx: ReportContext, commandPermission?: string): RootContent[] {
  const parts: PhrasingContent[] = [text`Experiment Review`]
  if (ctx.headSha) parts.push(text` · reviewed PR head `, commitRef(ctx.headSha, ctx))
  if (ctx.baseSha)
    parts.push(
      ctx.baseBranch ? text` against ` : text` against base `,
      ...(ctx.baseBranch ? [untrusted(ctx.baseBranch), text` `] : []),
      commitRef(ctx.baseSha, ctx)
    )
  if (ctx.runUrl) parts.push(text` · `, link(ctx.runUrl, text`checks`))
  parts.push(
    text` · `,
    ctx.defaultRules || !ctx.rulesFile
      ? text`default rules (no rules file)`
      : untrusted(`rules from ${ctx.rulesFile}`)
  )
  const commands = ctx.commands ?? SUPPORTED_COMMANDS
  if (commandPermission && commands.length)
    parts.push(text` · `, ...commandsFooter(commandPermission, commands))
  else if (commands.includes('help'))
    parts.push(text` · `, untrustedCode('/experiments help'), text` lists the commands`)
  return small(parts)
}
