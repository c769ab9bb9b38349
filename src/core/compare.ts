// The comparison: the PR's experiments against the baseline, with the gate's verdict. Pure: data in, data out.
import type { AcceptedRegression, BaselineRecord } from './baseline.js'
import { baselineExperiment } from './baseline.js'
import { chooseChampion, primaryMetric, rankExperiments } from './champion.js'
import { groupRuns, type Experiment, type MetricStat } from './experiment.js'
import { paramText, type Diagnostic, type ParamValue, type Run, type RunStatus } from './run.js'
import {
  goalOf,
  isGated,
  thresholdText,
  type Goal,
  type MetricRule,
  type Rules,
  type Threshold
} from './rules.js'
import { bootstrapDifferenceCi, isInconclusive, welchTTest } from './stats.js'
import {
  judgeHypotheses,
  overfittingGaps,
  pPhrase,
  successCriteriaByExperiment,
  type CriterionResult,
  type HypothesisResult,
  type OverfittingResult
} from './criteria.js'

/** The verdict of a review. */
export type Verdict = 'pass' | 'fail' | 'no-baseline'

/** Which way a metric moved, judged by its goal. */
export type MetricStatus = 'improved' | 'regressed' | 'unchanged' | 'added' | 'removed' | 'not-comparable'

/**
 * A significance test of the PR's samples against the baseline's: Welch's t-test, judged one-sided in the direction
 * the mean moved, at `alpha`. "Significantly worse" and "significantly better" are each claimed wrongly at most
 * alpha of the time, so a gate on drops fails a PR with no true change at most alpha of the time (the two-sided p
 * that R and SciPy print by default is `pTwoSided`, twice `p`).
 * Set on a MetricComparison whenever either side has at least 2 samples. `state` says what the numbers mean:
 * - `significant`: tested and p < alpha; the change is larger than run-to-run noise explains
 *   ("f1 −2.1 pts (p = 0.003, significant)").
 * - `within-noise`: tested and p ≥ alpha; the change could be noise ("accuracy −0.8 pts (p = 0.41, within noise)").
 *   A drop beyond max_drop that is within noise does not fail the gate (unless the rule sets require_significance: false).
 * - `exact`: at least 2 samples a side and no variance on either side; no test applies and none is needed, the
 *   difference is exact. `significant` is true when the means differ. A drop beyond max_drop fails.
 * - `inconclusive`: fewer than 2 finite samples on one side (e.g. a baseline kept as one value, or NaN samples left
 *   out); noise cannot be judged. The raw change decides the rule and the check is labelled inconclusive: this state
 *   never reads as a pass.
 */
export interface SignificanceResult {
  state: 'significant' | 'within-noise' | 'exact' | 'inconclusive'
  /** Whether a test could be run (n ≥ 2 finite samples a side, some variance): states significant and within-noise. */
  tested: boolean
  /** One-sided p-value for a change in the direction observed (tested only); compared with alpha. */
  p?: number
  /** Two-sided p-value (tested only), as R's t.test and SciPy's ttest_ind(equal_var=False) print it. */
  pTwoSided?: number
  /** t statistic of PR − baseline (tested only). */
  t?: number
  /** Welch–Satterthwaite degrees of freedom (tested only). */
  df?: number
  /** p < alpha when tested; the means differ when exact; undefined when inconclusive. */
  significant?: boolean
  /** Seeded bootstrap 95% interval of the difference of means (PR − baseline), reproducible run to run. */
  ci95?: [number, number]
  /** Welch 95% interval of the difference of means (PR − baseline). */
  welchCi95?: [number, number]
  /** Why no test could be run (state inconclusive only): too few finite samples on a side. */
  inconclusive?: string
  /** Why no test was needed (state exact only): no variance on either side. */
  reason?: string
  /** Finite samples used from each side. */
  n: { baseline: number; current: number }
  /** Non-finite samples (NaN, ±Infinity) left out of the test on each side. */
  excluded: { baseline: number; current: number }
  /** The level the test was judged at. */
  alpha: number
}

/** One rule applied to one metric. */
export interface RuleCheck {
  rule: 'min' | 'max' | 'max_drop' | 'max_rise' | 'required' | 'overfitting'
  /** The rule as a reader would say it, e.g. "≥ 0.85" or "drop ≤ 1%". */
  text: string
  passed: boolean
  /** True when it failed only because the result was inconclusive rather than significant. */
  inconclusive?: boolean
  /** Why it passed although the limit was crossed (within noise), when so. */
  note?: string
}

/** A metric of the champion against the baseline. */
export interface MetricComparison {
  name: string
  goal: Goal
  goalFrom: 'rule' | 'name'
  baseline?: MetricStat
  current?: MetricStat
  status: MetricStatus
  /** current − baseline, when both are finite. */
  change?: number
  /** change / |baseline|, when defined. */
  relativeChange?: number
  significance?: SignificanceResult
  checks: RuleCheck[]
  /** True when a rule on this metric can fail the gate. */
  gated: boolean
  /** True when a check failed and no acceptance covers it. */
  broken: boolean
  accepted?: AcceptedRegression
}

/** A changed, added or removed parameter. */
export interface ParamChange {
  name: string
  baseline?: ParamValue
  current?: ParamValue
  kind: 'changed' | 'added' | 'removed'
}

/** A change in what the run was trained or evaluated on. */
export interface ContextChange {
  what: 'data version' | 'evaluation set' | 'code commit' | 'environment'
  key?: string
  baseline?: string
  current?: string
}

/** A broken rule. */
export interface Violation {
  metric: string
  rule: RuleCheck['rule']
  message: string
  accepted?: AcceptedRegression
  /** Line of the rule in the rules file, for annotations. */
  line?: number
}

/** Something a reviewer should see that is not a metric row. */
export interface ReviewWarning {
  kind:
    | 'overfitting'
    | 'failed-run'
    | 'vanished-metric'
    | 'unreadable'
    | 'not-comparable'
    | 'champion-pick'
    | 'rounded'
    | 'non-finite-sample'
    | 'mixed-repeats'
  message: string
  run?: string
}

/** One item of a run's reproducibility checklist. */
export interface ChecklistItem {
  check: 'hyperparameters' | 'data version' | 'code commit' | 'environment' | 'baseline'
  ok: boolean
  detail: string
}

/** An experiment as the report lists it. */
export interface ExperimentSummary {
  name: string
  status: RunStatus
  statusReason?: string
  runs: string[]
  metrics: Record<string, MetricStat>
  /** Where the runs were read from. */
  paths: string[]
  source: Run['source']
}

/** Everything the report needs from one review. */
export interface Comparison {
  id: string
  verdict: Verdict
  primary?: string
  champion?: ExperimentSummary
  championReason: string
  baseline?: { name: string; pr?: number; commit?: string; samples: number }
  experiments: ExperimentSummary[]
  metrics: MetricComparison[]
  params: ParamChange[]
  context: ContextChange[]
  notLikeForLike: string[]
  warnings: ReviewWarning[]
  reproducibility: { run: string; items: ChecklistItem[] }[]
  violations: Violation[]
  diagnostics: Diagnostic[]
  alpha: number
  /** Champion and baseline learning curves, per metric with a history on either side. */
  curves: { metric: string; baseline?: MetricStat['history']; current?: MetricStat['history'] }[]
  /** The rules file's absolute targets (min, max) as met or missed, for every experiment, keyed by experiment name. */
  criteria: Record<string, CriterionResult[]>
  /** Each experiment's stated hypothesis and success criteria with the verdict (see src/core/criteria.ts). */
  hypotheses: HypothesisResult[]
  /** The train/validation gap of every experiment that reports both metrics of the rules' `overfitting`. */
  overfitting: OverfittingResult[]
}

/** The inputs of a comparison. */
export interface CompareInput {
  id?: string
  runs: Run[]
  diagnostics?: Diagnostic[]
  baseline?: BaselineRecord
  rules: Rules
  accepted?: AcceptedRegression[]
  championPick?: { name: string; by?: string }
}

const EPSILON = 1e-12

/** Compares a PR's runs with the baseline and applies the rules. */
export function compareRuns(input: CompareInput): Comparison {
  const { rules, baseline } = input
  const experiments = groupRuns(input.runs, rules)
  const base = baseline ? baselineExperiment(baseline) : undefined
  const primary = primaryMetric(rules, base ? [...experiments, base] : experiments)
  const ranked = rankExperiments(experiments, primary, rules)
  const choice = chooseChampion(ranked, primary, input.championPick)
  const champion = choice.champion
  const warnings: ReviewWarning[] = []
  if (choice.problem) warnings.push({ kind: 'champion-pick', message: choice.problem })

  const metrics = champion ? compareMetrics(champion, base, rules, input.accepted ?? []) : []
  const violations: Violation[] = []
  for (const m of metrics) {
    for (const c of m.checks) {
      if (c.passed) continue
      violations.push({
        metric: m.name,
        rule: c.rule,
        message: violationMessage(m, c),
        accepted: m.accepted,
        line: rules.origin?.lines[m.name]
      })
    }
  }
  const overfitting = overfittingGaps(ranked, rules, champion)
  for (const o of overfitting) {
    if (!o.exceeded) continue
    warnings.push({ kind: 'overfitting', message: o.message, run: o.run })
    if (o.gates)
      violations.push({
        metric: o.val,
        rule: 'overfitting',
        message: o.message,
        line: rules.origin?.lines['overfitting']
      })
  }
  for (const e of experiments) {
    if (e.varyingParams.length) {
      const list = e.varyingParams.slice(0, 5).join(', ') + (e.varyingParams.length > 5 ? ', …' : '')
      warnings.push({
        kind: 'mixed-repeats',
        run: e.name,
        message: `the ${e.runs.length} runs of ${e.name} differ in ${list}, so they are not plain repeats of one configuration`
      })
    }
  }
  for (const e of base ? [...ranked, base] : ranked) {
    for (const [name, m] of Object.entries(e.metrics)) {
      if (!m.nonFinite) continue
      const where = e === base ? `the baseline ${e.name}` : e.name
      const message = `${name}: ${m.nonFinite} of ${m.samples.length} samples of ${where} are not finite (NaN or infinite) and are left out of the mean and the test`
      warnings.push({ kind: 'non-finite-sample', message, run: e.name })
    }
  }
  for (const e of experiments) {
    for (const r of e.failedRuns) {
      warnings.push({
        kind: 'failed-run',
        run: r.name,
        message: `run ${r.name} failed${r.metadata.statusReason ? `: ${r.metadata.statusReason}` : ''}`
      })
    }
  }
  for (const m of metrics) {
    if (m.status === 'removed')
      warnings.push({
        kind: 'vanished-metric',
        message: `${m.name} is in the baseline but no longer reported`
      })
    if (m.status === 'not-comparable')
      warnings.push({
        kind: 'not-comparable',
        message: `${m.name} is not a finite number on one side (${fmtRaw(m.baseline)} → ${fmtRaw(m.current)}); it is shown, not compared`
      })
    if (m.current?.exact)
      warnings.push({
        kind: 'rounded',
        message: `${m.name} is ${m.current.exact}, which is compared as ${m.current.value} (a double cannot hold it exactly)`
      })
  }
  for (const d of input.diagnostics ?? []) {
    if (d.severity === 'error')
      warnings.push({ kind: 'unreadable', run: d.run, message: `${d.file}: ${d.message}` })
  }

  const params = champion && base ? diffParams(base.lead.params, champion.lead.params) : []
  const context = champion && base ? diffContext(base, champion) : []
  const notLikeForLike: string[] = []
  for (const c of context) {
    if (c.what === 'data version')
      notLikeForLike.push(`the data version changed (${c.baseline ?? 'none'} → ${c.current ?? 'none'})`)
    if (c.what === 'evaluation set')
      notLikeForLike.push(`the evaluation set changed (${c.baseline ?? 'none'} → ${c.current ?? 'none'})`)
  }
  const added = metrics.filter(m => m.status === 'added').map(m => m.name)
  const removed = metrics.filter(m => m.status === 'removed').map(m => m.name)
  if (base && (added.length || removed.length)) {
    const parts = [
      removed.length ? `${removed.join(', ')} no longer reported` : '',
      added.length ? `${added.join(', ')} new` : ''
    ].filter(Boolean)
    notLikeForLike.push(`the metric set changed (${parts.join('; ')})`)
  }

  const broken = violations.filter(v => !v.accepted)
  const verdict: Verdict = !base ? (broken.length ? 'fail' : 'no-baseline') : broken.length ? 'fail' : 'pass'
  return {
    id: input.id ?? 'default',
    verdict,
    primary,
    champion: champion ? summarizeExperiment(champion) : undefined,
    championReason: choice.reason,
    baseline: baseline
      ? {
          name: baseline.name,
          pr: baseline.pr?.number,
          commit: baseline.commit,
          samples: Math.max(0, ...Object.values(baseline.metrics).map(m => m.n))
        }
      : undefined,
    experiments: ranked.map(summarizeExperiment),
    metrics,
    params,
    context,
    notLikeForLike,
    warnings,
    reproducibility: ranked.map(e => ({ run: e.name, items: reproducibility(e, !!base) })),
    violations,
    diagnostics: input.diagnostics ?? [],
    alpha: rules.significance.alpha,
    curves: metrics
      .filter(m => (m.current?.history?.length ?? 0) > 1 || (m.baseline?.history?.length ?? 0) > 1)
      .map(m => ({ metric: m.name, baseline: m.baseline?.history, current: m.current?.history })),
    criteria: successCriteriaByExperiment(ranked, rules),
    hypotheses: judgeHypotheses(ranked, base, rules),
    overfitting
  }
}

/** A broken rule in words: what the value was, against what limit. */
export function violationMessage(m: MetricComparison, c: RuleCheck): string {
  const value = (s: MetricStat | undefined) => (s ? (s.exact ?? String(round(s.value))) : 'missing')
  switch (c.rule) {
    case 'min':
      return `${m.name} is ${value(m.current)}, below the floor ${c.text.replace('≥ ', '')}`
    case 'max':
      return `${m.name} is ${value(m.current)}, above the ceiling ${c.text.replace('≤ ', '')}`
    case 'max_drop':
    case 'max_rise': {
      const how = c.inconclusive
        ? ' (too few samples to rule out noise)'
        : m.significance?.tested
          ? ` (${pPhrase(m.significance.p)}, significant)`
          : ''
      return `${m.name} went from ${value(m.baseline)} to ${value(m.current)}, beyond the allowed ${c.text}${how}`
    }
    case 'required':
      return `${m.name} is ${c.text}`
    default:
      return `${m.name}: ${c.text}`
  }
}

/** Compares every metric of the champion and the baseline (their union), applying each metric's rule. */
export function compareMetrics(
  champion: Experiment,
  base: Experiment | undefined,
  rules: Rules,
  accepted: AcceptedRegression[]
): MetricComparison[] {
  const names = new Set([...Object.keys(champion.metrics), ...Object.keys(base?.metrics ?? {})])
  for (const [name, rule] of Object.entries(rules.metrics)) if (rule.required) names.add(name)
  const ordered = [...names].sort((a, b) => rank(a, rules) - rank(b, rules) || a.localeCompare(b))
  return ordered.map(name =>
    compareMetric(name, base?.metrics[name], champion.metrics[name], rules, accepted)
  )
}

function rank(name: string, rules: Rules): number {
  if (name === rules.primary) return 0
  if (isGated(rules.metrics[name])) return 1
  if (rules.metrics[name]) return 2
  return 3
}

/** Compares one metric and applies its rule. */
export function compareMetric(
  name: string,
  baseline: MetricStat | undefined,
  current: MetricStat | undefined,
  rules: Rules,
  accepted: AcceptedRegression[] = []
): MetricComparison {
  const { goal, from } = goalOf(name, rules)
  const rule = rules.metrics[name]
  const gated = isGated(rule)
  let status: MetricStatus
  let change: number | undefined
  let relativeChange: number | undefined
  if (!current && !baseline) status = 'removed'
  else if (!current) status = 'removed'
  else if (!baseline) status = 'added'
  else if (!Number.isFinite(current.value) || !Number.isFinite(baseline.value)) status = 'not-comparable'
  else {
    change = current.value - baseline.value
    relativeChange = baseline.value !== 0 ? change / Math.abs(baseline.value) : undefined
    const better = goal === 'maximize' ? change > EPSILON : change < -EPSILON
    const worse = goal === 'maximize' ? change < -EPSILON : change > EPSILON
    status = better ? 'improved' : worse ? 'regressed' : 'unchanged'
  }
  const significance =
    baseline && current && status !== 'not-comparable'
      ? testSignificance(baseline, current, rules.significance.alpha)
      : undefined
  const checks = rule ? checkRule(rule, baseline, current, significance, rules.significance.alpha) : []
  const acceptance = accepted.find(a => a.metric === name)
  const failed = checks.some(c => !c.passed)
  return {
    name,
    goal,
    goalFrom: from,
    baseline,
    current,
    status,
    change,
    relativeChange,
    significance,
    checks,
    gated,
    broken: failed && !acceptance,
    accepted: failed ? acceptance : undefined
  }
}

/** Welch's test and a bootstrap interval; set whenever either side has ≥ 2 samples (see SignificanceResult). */
export function testSignificance(
  baseline: MetricStat,
  current: MetricStat,
  alpha: number
): SignificanceResult | undefined {
  // Records written before samples were kept have none: their single value is the one sample.
  const a = baseline.samples ?? [baseline.value]
  const b = current.samples ?? [current.value]
  if (a.length < 2 && b.length < 2) return undefined
  const result = welchTTest(a, b)
  const n = { baseline: result.n[0], current: result.n[1] }
  const excluded = { baseline: result.nonFinite[0], current: result.nonFinite[1] }
  if (isInconclusive(result)) {
    if (result.exactDifference !== undefined) {
      const d = result.exactDifference
      return {
        state: 'exact',
        tested: false,
        significant: d !== 0,
        ci95: [d, d],
        reason: result.inconclusive,
        n,
        excluded,
        alpha
      }
    }
    return { state: 'inconclusive', tested: false, inconclusive: result.inconclusive, n, excluded, alpha }
  }
  const significant = result.pOneSided < alpha
  return {
    state: significant ? 'significant' : 'within-noise',
    tested: true,
    p: result.pOneSided,
    pTwoSided: result.p,
    t: result.t,
    df: result.df,
    significant,
    ci95: bootstrapDifferenceCi(a.filter(Number.isFinite), b.filter(Number.isFinite)),
    welchCi95: result.ci95,
    n,
    excluded,
    alpha
  }
}

function limitOf(t: Threshold, baseline: number): number {
  return t.relative ? t.amount * Math.abs(baseline) : t.amount
}

/** Applies one metric rule to the values; a non-finite value never passes a bound. */
function checkRule(
  rule: MetricRule,
  baseline: MetricStat | undefined,
  current: MetricStat | undefined,
  significance: SignificanceResult | undefined,
  alpha: number
): RuleCheck[] {
  const checks: RuleCheck[] = []
  if (!current) {
    if (rule.required || (baseline && isGated(rule))) {
      checks.push({
        rule: 'required',
        text: baseline
          ? 'missing: the metric vanished from this PR'
          : 'missing: a required metric was not reported',
        passed: false
      })
    }
    return checks
  }
  const v = current.value
  if (rule.min !== undefined)
    checks.push({ rule: 'min', text: `≥ ${rule.min}`, passed: !Number.isNaN(v) && v >= rule.min })
  if (rule.max !== undefined)
    checks.push({ rule: 'max', text: `≤ ${rule.max}`, passed: !Number.isNaN(v) && v <= rule.max })
  const demandSignificance = rule.requireSignificance !== false
  const moveCheck = (kind: 'max_drop' | 'max_rise', t: Threshold) => {
    const text = `${kind === 'max_drop' ? 'drop' : 'rise'} ≤ ${thresholdText(t)}`
    if (!baseline) return
    if (!Number.isFinite(v) || !Number.isFinite(baseline.value)) {
      checks.push({
        rule: kind,
        text: `${text} (not comparable: ${fmtRaw(baseline)} → ${fmtRaw(current)})`,
        passed: false
      })
      return
    }
    const move = kind === 'max_drop' ? baseline.value - v : v - baseline.value
    const crossed = move > limitOf(t, baseline.value) + EPSILON
    if (!crossed) {
      checks.push({ rule: kind, text, passed: true })
      return
    }
    switch (significance?.state) {
      case 'significant':
        checks.push({
          rule: kind,
          text,
          passed: false,
          note: `significant (${pPhrase(significance.p)} < ${alpha})`
        })
        return
      case 'within-noise':
        if (demandSignificance) {
          checks.push({
            rule: kind,
            text,
            passed: true,
            note: `beyond the limit but within noise (${pPhrase(significance.p)} ≥ ${alpha})`
          })
        } else {
          checks.push({
            rule: kind,
            text,
            passed: false,
            note: `within noise (${pPhrase(significance.p)}), but the rule does not require significance`
          })
        }
        return
      case 'exact':
        checks.push({
          rule: kind,
          text,
          passed: false,
          note: 'no variance on either side: the difference is exact'
        })
        return
      case 'inconclusive':
        checks.push({
          rule: kind,
          text,
          passed: false,
          inconclusive: true,
          note: `inconclusive: ${significance.inconclusive}; the raw change decides`
        })
        return
      default:
        checks.push({ rule: kind, text, passed: false })
    }
  }
  if (rule.maxDrop) moveCheck('max_drop', rule.maxDrop)
  if (rule.maxRise) moveCheck('max_rise', rule.maxRise)
  return checks
}

/** Parameters that changed, were added, or were removed (by their text). */
export function diffParams(
  baseline: Record<string, ParamValue>,
  current: Record<string, ParamValue>
): ParamChange[] {
  const names = [...new Set([...Object.keys(baseline), ...Object.keys(current)])].sort()
  const out: ParamChange[] = []
  for (const name of names) {
    const inBase = Object.prototype.hasOwnProperty.call(baseline, name)
    const inCur = Object.prototype.hasOwnProperty.call(current, name)
    if (inBase && !inCur) out.push({ name, baseline: baseline[name], kind: 'removed' })
    else if (!inBase && inCur) out.push({ name, current: current[name], kind: 'added' })
    else if (paramText(baseline[name]) !== paramText(current[name]))
      out.push({ name, baseline: baseline[name], current: current[name], kind: 'changed' })
  }
  return out
}

/** Data version, evaluation set, code commit and environment changes between baseline and champion. */
export function diffContext(base: Experiment, champion: Experiment): ContextChange[] {
  const a = base.lead.metadata
  const b = champion.lead.metadata
  const out: ContextChange[] = []
  if ((a.dataVersion ?? '') !== (b.dataVersion ?? '') && (a.dataVersion || b.dataVersion))
    out.push({ what: 'data version', baseline: a.dataVersion, current: b.dataVersion })
  if ((a.evalSet ?? '') !== (b.evalSet ?? '') && (a.evalSet || b.evalSet))
    out.push({ what: 'evaluation set', baseline: a.evalSet, current: b.evalSet })
  if (a.gitCommit !== b.gitCommit && (a.gitCommit || b.gitCommit))
    out.push({ what: 'code commit', baseline: a.gitCommit, current: b.gitCommit })
  const keys = [...new Set([...Object.keys(a.environment), ...Object.keys(b.environment)])].sort()
  for (const key of keys) {
    if (a.environment[key] !== b.environment[key])
      out.push({ what: 'environment', key, baseline: a.environment[key], current: b.environment[key] })
  }
  return out
}

/** The reproducibility checklist of one experiment. */
export function reproducibility(e: Experiment, baselinePresent: boolean): ChecklistItem[] {
  const m = e.lead.metadata
  const nParams = Object.keys(e.lead.params).length
  const envKeys = Object.keys(m.environment)
  return [
    {
      check: 'hyperparameters',
      ok: nParams > 0,
      detail: nParams > 0 ? `hyperparameters logged (${nParams})` : 'no hyperparameters logged'
    },
    {
      check: 'data version',
      ok: !!m.dataVersion,
      detail: m.dataVersion ? `data version ${m.dataVersion}` : 'no data version recorded'
    },
    {
      check: 'code commit',
      ok: !!m.gitCommit,
      detail: m.gitCommit ? `code commit ${m.gitCommit}` : 'no code commit recorded'
    },
    {
      check: 'environment',
      ok: envKeys.length > 0,
      detail: envKeys.length
        ? `environment captured (${envKeys.slice(0, 3).join(', ')}${envKeys.length > 3 ? ', …' : ''})`
        : 'environment not captured: no Python version or package list in the run'
    },
    {
      check: 'baseline',
      ok: baselinePresent,
      detail: baselinePresent ? 'baseline present' : 'no baseline on the default branch yet'
    }
  ]
}

/** The report's view of an experiment. */
export function summarizeExperiment(e: Experiment): ExperimentSummary {
  return {
    name: e.name,
    status: e.status,
    statusReason: e.lead.metadata.statusReason ?? e.failedRuns[0]?.metadata.statusReason,
    runs: e.runs.map(r => r.name),
    metrics: e.metrics,
    paths: e.runs.map(r => r.path),
    source: e.lead.source
  }
}

function round(x: number): number {
  return +x.toPrecision(4)
}

function fmtRaw(m: MetricStat | undefined): string {
  return m ? (m.exact ?? String(m.value)) : 'missing'
}
