// The living experiment docs (docs/experiments.md): the sections the action owns, built as mdast trees from the
// baseline file alone, and spliced into a page people also edit. Only the text between our markers changes;
// everything outside stays byte for byte.
import type { InlineCode, Link, PhrasingContent, RootContent, Text } from 'mdast'
import type { BaselineFile, BaselineRecord, RunSummary } from '../core/baseline.js'
import type { MetricStat } from '../core/experiment.js'
import { defaultRules, goalOf, type Rules } from '../core/rules.js'
import { CHART_PALETTE, mermaidLabel, xyChart } from './chart.js'
import { decimalsFor, fmtNumber, fmtSigned, fmtStat, shortSha } from './format.js'
import {
  code,
  details,
  githubUrl,
  heading,
  link,
  own,
  paragraph,
  root,
  strong,
  table,
  text,
  untrusted,
  untrustedCode,
  type Cell,
  type Own,
  type OwnUrl,
  type SummaryContent
} from './mdast.js'
import { stringify } from './markdown.js'
import { findRegions, sectionMarker, sectionNames } from './docs-regions.js'
import { recordedPlotsBlocks } from './plots.js'

/** How the docs are rendered. */
export interface DocsOptions {
  /** The review id; sections of another id carry it in their marker name (`current:gpu`). */
  id: string
  /** Rules for metric goals (↑/↓, points); defaults when absent. */
  rules?: Rules
  /** Where the baseline file lives, named where the page says more is there. */
  baselinePath?: string
  /** How many PRs the "Experiments by PR" section lists before it points at the baseline file. */
  maxPrs?: number
  /** The repository's web page (`githubUrl(server, owner, repo)`): PR and commit references link into it. */
  repositoryUrl?: OwnUrl
}

export { DocsMarkerError, findRegions, parsePage, sectionMarker, sectionNames } from './docs-regions.js'
export type { DocsMarker, ManagedRegion } from './docs-regions.js'

/** The blocks of every section this id owns, by marker name, in page order. */
export function renderSections(
  baseline: BaselineFile,
  options: DocsOptions
): { name: Own; blocks: RootContent[] }[] {
  const names = sectionNames(options.id)
  return [
    { name: names.current, blocks: currentSection(baseline, options) },
    { name: names.history, blocks: historySection(baseline, options) }
  ]
}

/** A section as text: its start marker, the blocks, its end marker (no trailing newline). */
export function renderRegion(name: Own, blocks: RootContent[]): string {
  return stringify(root([sectionMarker('start', name), ...blocks, sectionMarker('end', name)])).replace(
    /\n+$/,
    ''
  )
}

/** A new page: a title, a line saying what is managed, and the markers of this id's sections. */
export function docsTemplate(options: Pick<DocsOptions, 'id'>): string {
  const names = sectionNames(options.id)
  return stringify(
    root([
      heading(1, text`Experiments`),
      paragraph(
        text`The sections between the `,
        code`experiment-review`,
        text` markers are rewritten by Experiment Review on every merge to the default branch. Everything else on this page is yours: edit it freely.`
      ),
      sectionMarker('start', names.current),
      sectionMarker('end', names.current),
      sectionMarker('start', names.history),
      sectionMarker('end', names.history)
    ])
  )
}

/**
 * The page with this id's sections rewritten from the baseline file. `page` undefined → a page from the template.
 * Sections found on the page are replaced in place; missing ones are added at the end. Broken markers throw
 * DocsMarkerError and nothing is written. Text outside the sections is kept byte for byte.
 */
export function updateDocsPage(
  page: string | undefined,
  baseline: BaselineFile,
  options: DocsOptions & { file: string }
): string {
  const original = page ?? docsTemplate(options)
  const found = findRegions(original, options.file)
  const crlf = original.includes('\r\n')
  const eol = (s: string) => (crlf ? s.replace(/\r?\n/g, '\r\n') : s)
  const sections = renderSections(baseline, options)
  const replacements: { start: number; end: number; text: string }[] = []
  const appended: string[] = []
  for (const section of sections) {
    const region = found.find(r => r.name === section.name)
    const rendered = eol(renderRegion(section.name, section.blocks))
    if (region) replacements.push({ start: region.start.start, end: region.end.end, text: rendered })
    else appended.push(rendered)
  }
  let out = original
  for (const r of replacements.sort((a, b) => b.start - a.start))
    out = out.slice(0, r.start) + r.text + out.slice(r.end)
  if (appended.length) {
    const nl = crlf ? '\r\n' : '\n'
    const body = out.replace(/(\r?\n)+$/, '')
    out = `${body}${body ? nl + nl : ''}${appended.join(nl + nl)}${nl}`
  }
  return out
}

// ── the current model ───────────────────────────────────────────────────────────────────────────────────────────

/** Earlier champions only (records of merges that did not replace the champion are left out), newest first. */
export function promotedHistory(baseline: BaselineFile): BaselineRecord[] {
  return baseline.history.filter(r => r.promoted !== false)
}

/** The section about the current champion: metrics against the previous one, why, hyperparameters, provenance. */
export function currentSection(baseline: BaselineFile, options: DocsOptions): RootContent[] {
  const rules = options.rules ?? defaultRules()
  const c = baseline.champion
  const previous = promotedHistory(baseline)[0]
  return [
    currentHeading(c, options),
    ...currentMetricsTable(c, previous, rules, options),
    paragraph(...whyChosen(c, options)),
    ...recordedPlotsBlocks(c.plots, options.repositoryUrl),
    ...hyperparametersBlocks(c, options),
    ...provenanceBlocks(c, options)
  ]
}

/** "Current model (id): `name` (since PR #n, date)". */
function currentHeading(c: BaselineRecord, options: DocsOptions): RootContent {
  const idText: PhrasingContent[] =
    options.id === 'default' ? [] : [text` (`, untrusted(options.id, 60), text`)`]
  const since: PhrasingContent[] = []
  if (c.pr && Number.isInteger(c.pr.number)) since.push(prRef(c.pr.number, options))
  if (c.date) since.push(...(since.length ? [text`, `] : []), untrusted(neutralDate(c.date)))
  const title: PhrasingContent[] = [text`Current model`, ...idText, text`: `, untrustedCode(c.name)]
  if (since.length) title.push(text` (since `, ...since, text`)`)
  return heading(2, ...title)
}

/** The champion's metrics (primary first, at most 30) with their change against the previous champion. */
function currentMetricsTable(
  c: BaselineRecord,
  previous: BaselineRecord | undefined,
  rules: Rules,
  options: DocsOptions
): RootContent[] {
  const primary = c.primary
  const accepted = new Set((c.acceptedRegressions ?? []).map(a => a.metric))
  const metricNames = orderMetrics(Object.keys(c.metrics), primary, rules)
  const shown = metricNames.slice(0, 30)
  const rows: Cell[][] = shown.map(name => {
    const stat = c.metrics[name]
    const d = decimalsFor(stat.value, previous?.metrics[name]?.value)
    const value = own`${fmtStat(stat, d)}${stat.n > 1 ? own` (${stat.n} runs)` : own``}`
    const change = previous ? changeText(name, stat, previous.metrics[name], rules) : own`—`
    const nameCell: PhrasingContent[] = [
      name === primary ? strong(untrusted(name)) : untrusted(name),
      text` ${arrowOf(name, rules)}`
    ]
    return [nameCell, value, own`${change}${accepted.has(name) ? own`, accepted` : own``}`]
  })
  if (metricNames.length > shown.length)
    rows.push([[text`… ${metricNames.length - shown.length} more in `, baselineFile(options)]])
  if (!rows.length) return []
  const header: Cell[] = [
    own`metric`,
    own`value`,
    previous ? [text`vs previous (`, untrustedCode(previous.name), text`)`] : own`vs previous`
  ]
  return [table([null, 'right', 'right'], header, rows)]
}

/** "Why it was chosen.": the promotion reason, each accepted regression, and who opened and merged the PR. */
function whyChosen(c: BaselineRecord, options: DocsOptions): PhrasingContent[] {
  const why: PhrasingContent[] = [
    strong(text`Why it was chosen.`),
    text` `,
    c.reason ? untrusted(c.reason, 400) : text`It was the first model promoted.`
  ]
  for (const a of c.acceptedRegressions ?? []) {
    why.push(
      text` The `,
      untrusted(a.metric),
      text` regression was accepted by `,
      untrusted(`@${a.by}`),
      text` on `,
      untrusted(neutralDate(a.at)),
      text`: “`,
      untrusted(a.reason, 300),
      text`”.`
    )
  }
  why.push(...mergeCredit(c, options))
  return why
}

/** A collapsed table of the champion's hyperparameters (at most 100), or nothing when it has none. */
function hyperparametersBlocks(c: BaselineRecord, options: DocsOptions): RootContent[] {
  const params = Object.keys(c.params).sort()
  if (!params.length) return []
  const rows: Cell[][] = params
    .slice(0, 100)
    .map(k => [[untrusted(k)], [untrustedCode(c.params[k] === null ? 'null' : String(c.params[k]))]])
  if (params.length > 100) rows.push([[text`… ${params.length - 100} more in `, baselineFile(options)]])
  return details(own`Hyperparameters (${params.length})`, [
    table([null, null], [own`param`, own`value`], rows)
  ])
}

/** One line of provenance: data version, code commit, merge commit and up to four environment entries. */
function provenanceBlocks(c: BaselineRecord, options: DocsOptions): RootContent[] {
  const parts: PhrasingContent[][] = []
  if (c.metadata.dataVersion) parts.push([text`Data `, untrustedCode(c.metadata.dataVersion)])
  if (c.metadata.gitCommit) parts.push([text`code `, commitRef(c.metadata.gitCommit, options)])
  if (c.commit) parts.push([text`merged as `, commitRef(c.commit, options)])
  const env = Object.entries(c.metadata.environment ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, 4)
  if (env.length) parts.push([untrusted(env.map(([k, v]) => `${k} ${v}`).join(', '), 200)])
  const provenance = parts.flatMap((p, i) => (i ? [text` · `, ...p] : p))
  return provenance.length ? [paragraph(...provenance)] : []
}

/** Who opened and who merged the champion's PR, and when: " Opened by @bob in PR #57: “title”, merged by @alice on 2026-11-20." */
function mergeCredit(c: BaselineRecord, options: Pick<DocsOptions, 'repositoryUrl'>): PhrasingContent[] {
  const out: PhrasingContent[] = []
  const pr = c.pr && Number.isInteger(c.pr.number) ? c.pr : undefined
  if (pr) {
    out.push(text` From `, prRef(pr.number, options))
    if (pr.title) out.push(text` “`, untrusted(pr.title, 200), text`”`)
    if (pr.author) out.push(text` by `, untrusted(`@${pr.author}`))
  }
  if (c.mergedBy) out.push(pr ? text`, merged by ` : text` Merged by `, untrusted(`@${c.mergedBy}`))
  if (c.date && (pr || c.mergedBy)) out.push(text` on `, untrusted(neutralDate(c.date)))
  if (out.length) out.push(text`.`)
  return out
}

/** Primary first, then gated and ruled metrics in the rules' order, then the rest alphabetically. */
function orderMetrics(names: string[], primary: string | undefined, rules: Rules): string[] {
  const ruled = Object.keys(rules.metrics)
  const rank = (n: string) => (n === primary ? -1 : ruled.includes(n) ? ruled.indexOf(n) : ruled.length)
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/** The change from the previous champion: "+1.00 pts" for fractions to maximise, else "−2.0". */
function changeText(name: string, now: MetricStat, before: MetricStat | undefined, rules: Rules): Own {
  if (!before) return own`new`
  if (!Number.isFinite(now.value) || !Number.isFinite(before.value)) return own`not comparable`
  const diff = now.value - before.value
  const fraction = [now.value, before.value].every(v => v >= 0 && v <= 1)
  if (goalOf(name, rules).goal === 'maximize' && fraction) return own`${fmtSigned(diff * 100, 2)} pts`
  return fmtSigned(diff, decimalsFor(now.value, before.value))
}

/** ↑ for a metric to maximise, ↓ to minimise. */
function arrowOf(name: string, rules: Rules): Own {
  return goalOf(name, rules).goal === 'maximize' ? own`↑` : own`↓`
}

/** Where the rest is: the baseline file's path (from the action's input) as code, or "the baseline file". */
function baselineFile(options: DocsOptions): PhrasingContent {
  return options.baselinePath ? untrustedCode(options.baselinePath) : text`the baseline file`
}

/** "PR #12", linked to the pull request when the repository URL is known (a file on GitHub autolinks nothing). */
function prRef(pr: number, options: Pick<DocsOptions, 'repositoryUrl'>): Text | Link {
  const url = githubUrl(options.repositoryUrl, 'pull', pr)
  return url ? link(url, text`PR #${pr}`) : text`PR #${pr}`
}

/** A commit as inline code, linked to its page when the sha is hex and the repository URL is known. */
function commitRef(sha: string, options: Pick<DocsOptions, 'repositoryUrl'>): InlineCode | Link {
  const short = untrustedCode(shortSha(sha))
  const url = /^[0-9a-f]{7,40}$/i.test(sha) ? githubUrl(options.repositoryUrl, 'commit', sha) : undefined
  return url ? link(url, short) : short
}

/** The date part of an ISO time (the text itself when it is not one). */
function neutralDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso
}

// ── history and experiments ─────────────────────────────────────────────────────────────────────────────────────

/** The section about the past: the primary metric over time (chart and table), then every PR's experiments. */
export function historySection(baseline: BaselineFile, options: DocsOptions): RootContent[] {
  const rules = options.rules ?? defaultRules()
  const c = baseline.champion
  const primary = c.primary ?? Object.keys(c.metrics).sort()[0]
  const models = [c, ...promotedHistory(baseline)]
  const blocks: RootContent[] = []
  if (primary) {
    blocks.push(heading(2, untrusted(primary), text` over time`))
    blocks.push(...primaryChart([...models].reverse(), primary))
  } else {
    blocks.push(heading(2, text`Baseline history`))
  }
  const others = orderMetrics(Object.keys(c.metrics), primary, rules)
    .filter(m => m !== primary)
    .slice(0, 2)
  const columns = primary ? [primary, ...others] : others
  const rows: Cell[][] = models.map(r => [
    r.date ? [untrusted(neutralDate(r.date))] : own`—`,
    prLabel(r, options),
    [untrustedCode(r.name)],
    ...columns.map(m => metricCell(r.metrics[m]?.value)),
    r.pr?.author ? [untrusted(`@${r.pr.author}`)] : own`—`,
    r.mergedBy ? [untrusted(`@${r.mergedBy}`)] : own`—`
  ])
  blocks.push(
    table(
      [null, null, null, ...columns.map(() => 'right' as const), null, null],
      [own`merged`, own`PR`, own`model`, ...columns.map(m => [untrusted(m)]), own`author`, own`merged by`],
      rows
    )
  )

  const records = [c, ...baseline.history].filter(r => r.experiments?.length)
  const byDate = [...records].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
  if (byDate.length) {
    blocks.push(heading(2, text`Experiments by PR`))
    const max = options.maxPrs ?? 50
    for (const r of byDate.slice(0, max)) blocks.push(...prExperiments(r, rules, options))
    if (byDate.length > max) {
      blocks.push(
        paragraph(text`${byDate.length - max} older merges are listed in `, baselineFile(options), text`.`)
      )
    }
  }
  return blocks
}

/** A line chart of the primary metric of each champion, oldest first, named in its title (Mermaid draws no legend). */
function primaryChart(models: BaselineRecord[], primary: string): RootContent[] {
  const points = models
    .map(r => ({
      label:
        r.pr && Number.isInteger(r.pr.number)
          ? `#${r.pr.number}`
          : mermaidLabel(shortSha(r.commit) ?? r.name, 20),
      value: r.metrics[primary]?.value
    }))
    .filter(
      (p): p is { label: string; value: number } => typeof p.value === 'number' && Number.isFinite(p.value)
    )
  if (!points.length)
    return [
      paragraph(
        text`No champion so far reported a finite `,
        untrusted(primary),
        text`, so there is no chart.`
      )
    ]
  return [
    xyChart({
      title: `${primary} of the champion, by merged PR`,
      xLabel: 'PR',
      x: points.map(p => p.label),
      yLabel: primary,
      lines: [points.map(p => p.value)],
      colors: [CHART_PALETTE.current]
    })
  ]
}

function prLabel(r: BaselineRecord, options: DocsOptions): Cell {
  if (r.pr && Number.isInteger(r.pr.number)) {
    const url = githubUrl(options.repositoryUrl, 'pull', r.pr.number)
    return url ? link(url, text`#${r.pr.number}`) : own`#${r.pr.number}`
  }
  return r.commit ? commitRef(r.commit, options) : own`—`
}

/** A metric value read back from JSON (where non-finite numbers are strings). */
function metricCell(value: unknown): Own {
  if (value === undefined || value === null) return own`—`
  const v = typeof value === 'number' ? value : Number(value)
  return fmtNumber(v, decimalsFor(v))
}

/** One merge's experiments: every run, best first, failed runs marked, the chosen one flagged. */
function prExperiments(r: BaselineRecord, rules: Rules, options: DocsOptions): RootContent[] {
  const runs = r.experiments ?? []
  const primary = r.primary
  // Columns: the primary, then the chosen run's metrics, then those most runs report (at most four).
  const count = new Map<string, number>()
  for (const x of runs) for (const m of Object.keys(x.metrics ?? {})) count.set(m, (count.get(m) ?? 0) + 1)
  const chosen = new Set(Object.keys(runs.find(x => x.chosen)?.metrics ?? {}))
  const weight = (m: string) => (m === primary ? 2 : chosen.has(m) ? 1 : 0)
  const names = orderMetrics([...count.keys()], primary, rules)
    .sort((a, b) => weight(b) - weight(a) || (count.get(b) ?? 0) - (count.get(a) ?? 0))
    .slice(0, 4)
  const shown = runs.slice(0, 50)
  const rows: Cell[][] = shown.map(x => [
    [
      untrustedCode(x.name),
      ...(x.chosen ? [r.promoted === false ? text` (best, not promoted)` : text` ✅ chosen`] : [])
    ],
    ...names.map(m => (x.status === 'failed' ? own`—` : metricCell(x.metrics?.[m]))),
    statusCell(x)
  ])
  if (runs.length > shown.length) rows.push([own`… ${runs.length - shown.length} more runs`])
  const header: Cell[] = [
    own`run`,
    ...names.map(m => [untrusted(m), text` ${arrowOf(m, rules)}`]),
    own`status`
  ]
  const who: SummaryContent[] =
    r.pr && Number.isInteger(r.pr.number)
      ? [
          prRef(r.pr.number, options),
          ...(r.pr.title ? [text`: `, untrusted(r.pr.title)] : []),
          ...(r.pr.author ? [text` by `, untrusted(`@${r.pr.author}`)] : [])
        ]
      : [text`commit `, commitRef(r.commit ?? r.name, options)]
  const summary: SummaryContent[] = [
    ...who,
    text` (${runs.length} run${runs.length === 1 ? own`` : own`s`})${r.promoted === false ? own`, champion kept` : own``}`
  ]
  const inner: RootContent[] = [table([null, ...names.map(() => 'right' as const), null], header, rows)]
  if (r.promoted === false && r.reason) inner.push(paragraph(untrusted(r.reason, 400)))
  return details(summary, inner)
}

function statusCell(x: RunSummary): Cell {
  if (x.status === 'failed')
    return [text`❌ failed`, ...(x.statusReason ? [text`: `, untrusted(x.statusReason, 80)] : [])]
  return [untrusted(x.status ?? 'finished')]
}
