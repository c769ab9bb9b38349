// The sweep and the selection in words: which parameters matter (parameter effects, the top ones shown and the rest
// folded in the comment, every one in the job summary), the champion's neighbourhood, and what was selected in shared
// stores. Parameter names and values, run and experiment names are untrusted and enter only through untrusted().
import type { PhrasingContent, RootContent } from 'mdast'
import type { Comparison } from '../core/compare.js'
import { numberOf, type ParameterEffect, type ParameterLevelStat } from '../core/parameter-effects.js'
import { paramText, type ParamValue } from '../core/run.js'
import type { Neighbour, SweepSummary } from '../core/sweep.js'
import { decimalsFor, fmtNumber, fmtSigned } from './format.js'
import {
  code,
  details,
  heading,
  own,
  paragraph,
  strong,
  table,
  text,
  untrusted,
  untrustedCode,
  type Cell,
  type Own
} from './mdast.js'

/** How much of a sweep the comment shows at one folding level. */
export interface SweepBudget {
  /** Parameters shown with their tables. */
  parameters: number
  /** Parameters folded under "Other parameters" after those. */
  foldedParameters: number
  /** Values (rows) per parameter table. */
  levels: number
  /** The best configurations shown, champion among them. */
  neighbours: number
  /** The next best folded after those. */
  foldedNeighbours: number
}

/** Parameter tables the job summary holds at most (all of them in the JSON report). */
export const SUMMARY_PARAMETERS = 200
/** Rows per parameter table in the job summary. */
const SUMMARY_LEVELS = 50
/** Names listed in a sentence before "and N more". */
const NAMES_LISTED = 5
/** Differences from the champion named in one cell before "and N more". */
const DIFFERENCES_LISTED = 4

/** The comment's sweep part: parameter effects (the top ones shown, more folded) and the champion's neighbourhood. */
export function sweepBlocks(c: Comparison, budget: SweepBudget): RootContent[] {
  const sweep = c.sweep
  if (!sweep) return []
  const shown = sweep.effects.slice(0, budget.parameters)
  const folded = sweep.effects.slice(budget.parameters, budget.parameters + budget.foldedParameters)
  const rest = sweep.effects.length - shown.length - folded.length
  const blocks: RootContent[] = [
    effectsIntro(sweep),
    ...shown.flatMap(e => effectBlocks(sweep, e, budget.levels))
  ]
  if (folded.length || rest > 0 || sweep.identifiers.length || sweep.constant.length) {
    blocks.push(
      ...details(
        sweep.effects.length > shown.length
          ? own`Other parameters (${sweep.effects.length - shown.length} more that vary)`
          : own`Parameters left out`,
        [
          ...folded.flatMap(e => effectBlocks(sweep, e, budget.levels)),
          ...(rest > 0
            ? [paragraph(text`… and ${rest} more parameters in the job summary and the JSON report.`)]
            : []),
          ...leftOutParameters(sweep)
        ]
      )
    )
  }
  return [...blocks, ...neighbourhoodBlocks(sweep, budget)]
}

/** The job summary's sweep part: every parameter's table (up to SUMMARY_PARAMETERS), unfolded. */
export function sweepSummaryBlocks(c: Comparison): RootContent[] {
  const sweep = c.sweep
  if (!sweep) return []
  const listed = sweep.effects.slice(0, SUMMARY_PARAMETERS)
  return [
    heading(3, text`Parameter effects: every parameter that varies (${sweep.effects.length})`),
    effectsIntro(sweep),
    ...listed.flatMap(e => effectBlocks(sweep, e, SUMMARY_LEVELS)),
    ...(sweep.effects.length > listed.length
      ? [paragraph(text`… and ${sweep.effects.length - listed.length} more parameters in the JSON report.`)]
      : []),
    ...leftOutParameters(sweep)
  ]
}

function effectsIntro(sweep: SweepSummary): RootContent {
  const left = sweep.leftOut ? text` (${sweep.leftOut} left out: failed, or no value of it)` : text``
  return paragraph(
    strong(text`Parameter effects`),
    text` on `,
    strong(untrusted(sweep.primary)),
    text` over ${sweep.configurations} configurations`,
    left,
    text`: for each value, the number of ${unitOf(sweep)}, the mean and the best. The parameters whose values explain the most of its variance come first.`
  )
}

/** "runs" when every configuration is one run, "configurations" when some are repeats. */
function unitOf(sweep: SweepSummary): Own {
  return sweep.runs === sweep.configurations ? own`runs` : own`configurations`
}

/** One parameter: a line saying how much it matters, and its table of values. */
function effectBlocks(sweep: SweepSummary, effect: ParameterEffect, maxLevels: number): RootContent[] {
  const d = decimalsFor(...effect.levels.flatMap(l => [l.mean, l.best]))
  const share =
    effect.varianceShare === undefined
      ? text`: no value repeats, so its share of the variance is not estimated; means differ by up to ${fmtNumber(effect.spread, d)}`
      : text`: its values explain ${Math.round(effect.varianceShare * 100)}% of the variance; means differ by up to ${fmtNumber(effect.spread, d)}`
  const binned = effect.binned
    ? text` (${effect.distinct} values in ${effect.levels.length} ranges of about equal counts)`
    : text``
  const levels = effect.levels.slice(0, maxLevels)
  const rows: Cell[][] = levels.map(l => levelRow(l, d))
  if (effect.levels.length > levels.length)
    rows.push([own`… ${effect.levels.length - levels.length} more values in the JSON report`])
  return [
    paragraph(strong(untrustedCode(effect.name)), share, binned, text`.`),
    table(
      [null, 'right', 'right', 'right', null],
      [
        [untrusted(effect.name)],
        unitOf(sweep),
        [text`mean `, untrusted(sweep.primary)],
        [text`best `, untrusted(sweep.primary)],
        own`best run`
      ],
      rows
    )
  ]
}

function levelRow(l: ParameterLevelStat, d: number): Cell[] {
  const label: Cell =
    l.level.kind === 'unset'
      ? own`not set`
      : l.level.kind === 'range'
        ? own`${fmtNumber(l.level.low, 0)} – ${fmtNumber(l.level.high, 0)}`
        : [paramValue(l.level.value, true)]
  return [label, own`${l.count}`, fmtNumber(l.mean, d), fmtNumber(l.best, d), [untrustedCode(l.bestRun)]]
}

/** The parameters left out of the effects: identifiers and those with one value. */
function leftOutParameters(sweep: SweepSummary): RootContent[] {
  const parts: PhrasingContent[] = []
  if (sweep.identifiers.length)
    parts.push(
      text`Left out as identifiers (seeds, folds, run ids, text that differs in every run): `,
      ...nameList(sweep.identifiers),
      text`.`
    )
  if (sweep.constant.length)
    parts.push(
      text`${parts.length ? own` ` : own``}${sweep.constant.length} parameters have the same value in every configuration.`
    )
  return parts.length ? [paragraph(...parts)] : []
}

/** The best configurations with the parameters in which each differs from the champion; the rest folded. */
function neighbourhoodBlocks(sweep: SweepSummary, budget: SweepBudget): RootContent[] {
  const list = sweep.neighbourhood
  const d = decimalsFor(...list.map(n => n.value))
  const header: Cell[] = [
    own`#`,
    own`run`,
    [untrusted(sweep.primary)],
    own`vs champion`,
    own`differs from the champion in`
  ]
  const align = ['right' as const, null, 'right' as const, 'right' as const, null]
  const shown = list.slice(0, budget.neighbours)
  // The champion is always among the rows shown, even when a reviewer picked one further down.
  const champion = list.find(n => n.champion)
  if (champion && !shown.includes(champion)) shown.push(champion)
  const folded = list.filter(n => !shown.includes(n)).slice(0, budget.foldedNeighbours)
  const blocks: RootContent[] = [
    paragraph(
      strong(text`The champion's neighbourhood`),
      text`: the best configurations on `,
      untrusted(sweep.primary),
      text` and the parameters in which each differs from the champion.`
    ),
    table(
      align,
      header,
      shown.map(n => neighbourRow(n, d))
    )
  ]
  if (folded.length)
    blocks.push(
      ...details(own`The next ${folded.length} best configurations`, [
        table(
          align,
          header,
          folded.map(n => neighbourRow(n, d))
        )
      ])
    )
  return blocks
}

function neighbourRow(n: Neighbour, d: number): Cell[] {
  const shown = n.differences.slice(0, DIFFERENCES_LISTED)
  const differences: PhrasingContent[] = shown.flatMap((x, i) => [
    ...(i ? [text`, `] : []),
    untrustedCode(x.name),
    text` `,
    paramValue(x.value),
    text` (`,
    paramValue(x.champion),
    text`)`
  ])
  if (n.differences.length > shown.length)
    differences.push(text` and ${n.differences.length - shown.length} more`)
  return [
    own`${n.rank}`,
    [untrustedCode(n.name), ...(n.champion ? [text` 🏆`] : [])],
    fmtNumber(n.value, d),
    n.champion ? own`—` : fmtSigned(n.difference, d),
    n.champion ? own`the champion` : n.differences.length ? differences : own`no varying parameter`
  ]
}

/**
 * What was selected in shared stores and what that left out; without a selection, when the runs come from several
 * experiments (MLflow experiments, W&B projects), that they are ranked together and how to review one.
 */
export function selectionBlocks(c: Comparison): RootContent[] {
  const s = c.selection
  if (!s) return []
  const { experiments, tags = [], groups = [] } = s.selected
  const selective = experiments.length + tags.length + groups.length > 0
  if (!selective) {
    if (s.experiments.length < 2) return []
    return [
      paragraph(
        text`⚠️ These runs come from ${s.experiments.length} experiments (`,
        ...nameList(s.experiments),
        text`) and are ranked together. To review one, name it in `,
        code`select.experiments`,
        text` of the rules file.`
      )
    ]
  }
  const parts: PhrasingContent[] = [text`Selected`]
  const add = (label: Own, patterns: string[]) => {
    if (!patterns.length) return
    parts.push(text`${parts.length > 1 ? own`;` : own``} ${label} `, ...nameList(patterns))
  }
  add(own`experiments`, experiments)
  add(own`tags`, tags)
  add(own`groups`, groups)
  parts.push(text`. `)
  if (s.experiments.length) parts.push(text`Reviewed: runs of `, ...nameList(s.experiments), text`. `)
  if (s.leftOut) {
    parts.push(text`Left out: ${s.leftOut} runs`)
    if (s.leftOutExperiments.length) parts.push(text` (of `, ...nameList(s.leftOutExperiments), text`)`)
    parts.push(text`.`)
  } else parts.push(text`No run was left out.`)
  return [paragraph(...parts)]
}

/**
 * A parameter value: a number (or numeric text, as MLflow logs it) written by us with at most 4 significant digits;
 * other values as untrusted text, or inline code in a table's first column; "not set" when absent.
 */
function paramValue(value: ParamValue | undefined, asCode = false): PhrasingContent {
  if (value === undefined || value === null) return text`not set`
  const n = numberOf(value)
  if (n !== undefined) return text`${Number(n.toPrecision(4))}`
  return asCode ? untrustedCode(paramText(value), 60) : untrusted(paramText(value), 40)
}

/** Names as inline code, comma-separated, the first NAMES_LISTED and then how many more. */
function nameList(names: string[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  names
    .slice(0, NAMES_LISTED)
    .forEach((name, i) => out.push(...(i ? [text`, `] : []), untrustedCode(name, 80)))
  if (names.length > NAMES_LISTED) out.push(text` and ${names.length - NAMES_LISTED} more`)
  return out
}
