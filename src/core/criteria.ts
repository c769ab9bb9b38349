// Success criteria and hypotheses: absolute targets from the rules file shown for every experiment, a run's own
// `success_criteria` text parsed and judged (supported, not supported, inconclusive) and the train/validation gap,
// as facts (src/report/ words them). Pure: data in, data out.
//
// The success_criteria grammar (keywords are case-insensitive; metric names are matched exactly, else
// case-insensitively):
//
//   criteria := clause (SEP clause)*            SEP: "and", "&&", ",", ";"
//   clause   := METRIC CMP NUMBER               absolute target     f1 >= 0.85 · latency_ms < 50 · loss ≤ 0.3
//             | METRIC WORDS NUMBER             absolute target     f1 at least 0.85 · latency_ms at most 50,
//                                                                  below / under / less than / above / more than
//             | METRIC SIGN AMOUNT [REF]        relative change     f1 +0.01 over baseline · loss -5% vs baseline
//             | METRIC VERB [by [at least] AMOUNT] [REF]            f1 improves by 1% · loss decreases by 0.02 ·
//                                                                  f1 improves (any improvement)
//   CMP      := >= | > | <= | < | ≥ | ≤ | = | ==
//   SIGN     := + (at least this much higher) | - (at least this much lower)
//   VERB     := improves (by the metric's goal) | increases | rises | grows | goes up
//               | decreases | drops | falls | reduces | goes down       (any tense: improve, improved …)
//   AMOUNT   := NUMBER [% | pt | pts | points | pp]
//               %: of the baseline's value · pt: a percentage point (0.01) for metrics that are fractions (both
//               values in [0, 1]), else one unit · bare: the metric's own unit
//   REF      := (over | vs | versus | than | from | relative to | compared to | against) [the] baseline
//
// Absolute targets are judged on the experiment's mean. Relative ones need the baseline and are judged on the
// means and on noise: a target met on the means is "supported" only when a one-sided Welch test of
// (PR − baseline − target) in the claimed direction is significant at the rules' alpha, or when there are no
// samples to judge noise by (single runs); met but within noise, or with too few samples on one side, it is
// "inconclusive". A percentage in an absolute target ("accuracy > 90%") is ambiguous
// and so is any "or"; text that does not fit the grammar is "inconclusive" with the reason.
import type { Experiment, MetricStat } from './experiment.js'
import { goalOf, type Goal, type Rules } from './rules.js'
import { isNoTest, pValue, welch } from './difference-tests.js'

const EPSILON = 1e-12

/** An absolute target of the rules file (`min`, `max`) as met or missed by one experiment. */
export interface CriterionResult {
  metric: string
  /** The target as a reader says it: "f1 ≥ 0.85", "latency_ms ≤ 50". */
  text: string
  bound: 'min' | 'max'
  limit: number
  /** The experiment's value (mean over its samples), when reported. */
  value?: number
  /** Met or missed; undefined when the experiment did not report the metric. A non-finite value is missed. */
  met: boolean | undefined
}

/** The rules file's absolute targets (`min`, `max`) for one experiment, in the rules file's metric order. */
export function successCriteriaOf(experiment: Experiment, rules: Rules): CriterionResult[] {
  const out: CriterionResult[] = []
  for (const [metric, rule] of Object.entries(rules.metrics)) {
    const stat = experiment.metrics[metric]
    const value = stat?.value
    const judge = (bound: 'min' | 'max', limit: number) => {
      const met =
        value === undefined
          ? undefined
          : bound === 'min'
            ? value >= limit - EPSILON
            : value <= limit + EPSILON
      out.push({
        metric,
        text: `${metric} ${bound === 'min' ? '≥' : '≤'} ${limit}`,
        bound,
        limit,
        ...(value !== undefined ? { value } : {}),
        met: value !== undefined && Number.isNaN(value) ? false : met
      })
    }
    if (rule.min !== undefined) judge('min', rule.min)
    if (rule.max !== undefined) judge('max', rule.max)
  }
  return out
}

/** The rules file's absolute targets for every experiment, keyed by experiment name. */
export function successCriteriaByExperiment(
  experiments: Experiment[],
  rules: Rules
): Record<string, CriterionResult[]> {
  const out: Record<string, CriterionResult[]> = {}
  for (const e of experiments) out[e.name] = successCriteriaOf(e, rules)
  return out
}

/** A verdict on a hypothesis or on one clause of its success criteria. */
export type HypothesisVerdict = 'supported' | 'not supported' | 'inconclusive'

/** One parsed clause of a success_criteria text. */
export type CriterionClause =
  | { kind: 'absolute'; text: string; metric: string; op: '>=' | '>' | '<=' | '<' | '=='; value: number }
  | {
      kind: 'relative'
      text: string
      metric: string
      /** up: PR − baseline ≥ amount; down: baseline − PR ≥ amount; improve: by the metric's goal. */
      direction: 'up' | 'down' | 'improve'
      amount: number
      unit: 'absolute' | 'percent' | 'points'
    }
  | { kind: 'unknown'; text: string; reason: string }

/** Parses success_criteria text by the grammar at the top of this file; clauses that do not fit are `unknown`. */
export function parseSuccessCriteria(text: string): CriterionClause[] {
  const trimmed = text.trim()
  if (!trimmed) return [{ kind: 'unknown', text, reason: 'the success criteria are empty' }]
  if (/\bor\b|\|\|/i.test(trimmed)) {
    return [
      { kind: 'unknown', text: trimmed, reason: '"or" is not supported; write criteria joined by "and"' }
    ]
  }
  return trimmed
    .split(/\s*(?:\band\b|&&|,|;)\s*/i)
    .filter(part => part.length > 0)
    .map(parseClause)
}

const UNSIGNED = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`
const NUMBER = String.raw`[+-]?${UNSIGNED}`
const METRIC = String.raw`[A-Za-z_][\w./:@\[\]-]*`
const UNIT = String.raw`%|pts?\b|points?\b|pp\b`
const REF = String.raw`(?:\s+(?:over|vs\.?|versus|than|from|relative\s+to|compared\s+(?:to|with)|against)(?:\s+the)?\s+baseline)?`
const ABSOLUTE = new RegExp(String.raw`^(${METRIC})\s*(>=|<=|==|=|>|<|≥|≤)\s*(${NUMBER})\s*(%)?$`, 'i')
const WORDS = new RegExp(
  String.raw`^(${METRIC})\s+(?:is\s+)?(at\s+least|at\s+most|no\s+less\s+than|no\s+more\s+than|below|under|less\s+than|above|more\s+than|greater\s+than|over)\s+(${NUMBER})\s*(%)?$`,
  'i'
)
const SIGNED = new RegExp(String.raw`^(${METRIC})\s+([+\-−])\s*(${UNSIGNED})\s*(${UNIT})?${REF}$`, 'i')
const VERB = new RegExp(
  String.raw`^(${METRIC})\s+(?:should\s+|will\s+|must\s+)?(improve[sd]?|increase[sd]?|rise[sn]?|rose|grows?|grew|goes\s+up|go\s+up|decrease[sd]?|drops?|dropped|falls?|fell|reduce[sd]?|goes\s+down|go\s+down)(?:\s+by(?:\s+at\s+least)?\s+(${NUMBER})\s*(${UNIT})?)?${REF}$`,
  'i'
)

function parseClause(raw: string): CriterionClause {
  const text = raw.trim()
  let m = ABSOLUTE.exec(text)
  if (m) {
    if (m[4])
      return {
        kind: 'unknown',
        text,
        reason: `a percentage in an absolute target is ambiguous; write ${m[1]} ${m[2]} ${+m[3] / 100} or ${m[1]} ${m[2]} ${m[3]}`
      }
    const op = ({ '=': '==', '≥': '>=', '≤': '<=' } as Record<string, string>)[m[2]] ?? m[2]
    return {
      kind: 'absolute',
      text,
      metric: m[1],
      op: op as '>=' | '>' | '<=' | '<' | '==',
      value: Number(m[3])
    }
  }
  m = WORDS.exec(text)
  if (m) {
    if (m[4])
      return {
        kind: 'unknown',
        text,
        reason: `a percentage in an absolute target is ambiguous; write ${m[1]} ${m[2]} ${+m[3] / 100}`
      }
    const word = m[2].toLowerCase().replace(/\s+/g, ' ')
    const op = ['at least', 'no less than'].includes(word)
      ? '>='
      : ['at most', 'no more than'].includes(word)
        ? '<='
        : ['below', 'under', 'less than'].includes(word)
          ? '<'
          : '>'
    return { kind: 'absolute', text, metric: m[1], op, value: Number(m[3]) }
  }
  m = SIGNED.exec(text)
  if (m) {
    return {
      kind: 'relative',
      text,
      metric: m[1],
      direction: m[2] === '+' ? 'up' : 'down',
      amount: Number(m[3]),
      unit: unitOf(m[4])
    }
  }
  m = VERB.exec(text)
  if (m) {
    const verb = m[2].toLowerCase()
    const direction = verb.startsWith('improve')
      ? 'improve'
      : /^(increase|rise|rose|grow|grew|goe?s? up|go up)/.test(verb)
        ? 'up'
        : 'down'
    return {
      kind: 'relative',
      text,
      metric: m[1],
      direction,
      amount: m[3] ? Math.abs(Number(m[3])) : 0,
      unit: unitOf(m[4])
    }
  }
  return {
    kind: 'unknown',
    text,
    reason: `"${text}" is not a criterion this tool can check; write e.g. "f1 >= 0.85", "latency_ms <= 50", "f1 improves by 1%" or "f1 +0.01 over baseline"`
  }
}

function unitOf(unit: string | undefined): 'absolute' | 'percent' | 'points' {
  if (!unit) return 'absolute'
  return unit === '%' ? 'percent' : 'points'
}

/** What decided a clause's verdict, as facts (src/report/ words them). */
export type ClauseFinding =
  | { kind: 'unparsed'; /** Why the text does not fit the grammar. */ reason: string }
  | { kind: 'not-reported' }
  | { kind: 'not-finite' }
  | {
      kind: 'absolute'
      met: boolean
      op: '>=' | '>' | '<=' | '<' | '=='
      limit: number
      /** Finite samples behind the value. */
      n: number
    }
  | { kind: 'no-baseline' }
  | { kind: 'baseline-missing' }
  | { kind: 'not-comparable' }
  | {
      kind: 'relative'
      /** PR − baseline. */
      difference: number
      /** The signed target on the PR − baseline scale. */
      target: number
      /** The clause's amount as written (0: any change in the claimed direction). */
      amount: number
      unit: 'absolute' | 'percent' | 'points'
      up: boolean
      /**
       * missed: not met on the means; single-runs: met, no samples to judge noise; exact: met, no variance;
       * too-few-samples: met, fewer than 2 finite samples on a side; significant / within-noise: the test's answer
       * (a one-sided Welch p against the target); uncomputable: the arithmetic gave no p.
       */
      noise:
        | 'missed'
        | 'single-runs'
        | 'exact'
        | 'too-few-samples'
        | 'significant'
        | 'within-noise'
        | 'uncomputable'
      alpha: number
      /** Finite and non-finite samples of the baseline and the PR (too-few-samples only). */
      samples?: { n: [number, number]; nonFinite: [number, number] }
    }

/** One clause judged against an experiment (and the baseline for relative clauses). */
export interface ClauseResult {
  text: string
  verdict: HypothesisVerdict
  /** What was seen: the facts behind the verdict. */
  finding: ClauseFinding
  metric?: string
  /** The experiment's value (mean), when known. */
  value?: number
  /** The baseline's value (mean), for relative clauses. */
  baseline?: number
  /** One-sided Welch p-value of (PR − baseline − target) in the claimed direction, when a test ran. */
  p?: number
}

/** A run's hypothesis and success criteria with the verdict the evidence gives. */
export interface HypothesisResult {
  /** The experiment's name (a group of seeds or folds, or the run). */
  run: string
  /** The hypothesis as written (untrusted text). */
  hypothesis?: string
  /** The success criteria as written (untrusted text); without them the verdict is inconclusive. */
  criteria?: string
  verdict: HypothesisVerdict
  clauses: ClauseResult[]
}

/** Judges parsed clauses: any not supported → not supported; else any inconclusive → inconclusive; else supported. */
export function combineClauses(clauses: ClauseResult[]): HypothesisVerdict {
  if (clauses.some(c => c.verdict === 'not supported')) return 'not supported'
  if (clauses.some(c => c.verdict === 'inconclusive') || !clauses.length) return 'inconclusive'
  return 'supported'
}

/** Judges an experiment's hypothesis by its success criteria against the experiment and the baseline. */
export function judgeHypothesis(
  experiment: Experiment,
  baseline: Experiment | undefined,
  rules: Rules
): HypothesisResult | undefined {
  const source = experiment.runs.find(r => r.metadata.hypothesis || r.metadata.successCriteria)
  if (!source) return undefined
  const hypothesis = source.metadata.hypothesis?.trim() || undefined
  const criteria = source.metadata.successCriteria?.trim() || undefined
  if (!criteria) return { run: experiment.name, hypothesis, verdict: 'inconclusive', clauses: [] }
  const clauses = parseSuccessCriteria(criteria).map(c => judgeClause(c, experiment, baseline, rules))
  return { run: experiment.name, hypothesis, criteria, verdict: combineClauses(clauses), clauses }
}

/** Hypotheses of every experiment that states one or success criteria, in the given order. */
export function judgeHypotheses(
  experiments: Experiment[],
  baseline: Experiment | undefined,
  rules: Rules
): HypothesisResult[] {
  return experiments.map(e => judgeHypothesis(e, baseline, rules)).filter((h): h is HypothesisResult => !!h)
}

function findMetric(metrics: Record<string, MetricStat>, name: string): [string, MetricStat] | undefined {
  if (metrics[name]) return [name, metrics[name]]
  const matches = Object.keys(metrics).filter(k => k.toLowerCase() === name.toLowerCase())
  return matches.length === 1 ? [matches[0], metrics[matches[0]]] : undefined
}

/** Judges one clause (see the grammar at the top of this file). */
export function judgeClause(
  clause: CriterionClause,
  experiment: Experiment,
  baseline: Experiment | undefined,
  rules: Rules
): ClauseResult {
  const { text } = clause
  if (clause.kind === 'unknown')
    return { text, verdict: 'inconclusive', finding: { kind: 'unparsed', reason: clause.reason } }
  const found = findMetric(experiment.metrics, clause.metric)
  if (!found)
    return { text, metric: clause.metric, verdict: 'inconclusive', finding: { kind: 'not-reported' } }
  const [metric, stat] = found
  const value = stat.value
  if (clause.kind === 'absolute') {
    if (!Number.isFinite(value))
      return { text, metric, value, verdict: 'not supported', finding: { kind: 'not-finite' } }
    const met = compare(value, clause.op, clause.value)
    return {
      text,
      metric,
      value,
      verdict: met ? 'supported' : 'not supported',
      finding: { kind: 'absolute', met, op: clause.op, limit: clause.value, n: stat.n }
    }
  }
  if (!baseline) return { text, metric, value, verdict: 'inconclusive', finding: { kind: 'no-baseline' } }
  const base = findMetric(baseline.metrics, metric)?.[1]
  if (!base) return { text, metric, value, verdict: 'inconclusive', finding: { kind: 'baseline-missing' } }
  if (!Number.isFinite(value) || !Number.isFinite(base.value))
    return {
      text,
      metric,
      value,
      baseline: base.value,
      verdict: 'inconclusive',
      finding: { kind: 'not-comparable' }
    }
  return judgeRelative(clause, metric, stat, base, rules)
}

/** A relative clause: met on the means, then judged on noise by a test against the shifted baseline. */
function judgeRelative(
  clause: Extract<CriterionClause, { kind: 'relative' }>,
  metric: string,
  stat: MetricStat,
  base: MetricStat,
  rules: Rules
): ClauseResult {
  const value = stat.value
  // Signed target on the PR − baseline scale.
  const goal: Goal = goalOf(metric, rules).goal
  const up = clause.direction === 'up' || (clause.direction === 'improve' && goal === 'maximize')
  const baseSamples = base.samples ?? [base.value]
  const samples = stat.samples ?? [value]
  const fractions = [value, base.value, ...samples, ...baseSamples]
    .filter(Number.isFinite)
    .every(x => x >= 0 && x <= 1)
  const magnitude =
    clause.unit === 'percent'
      ? (clause.amount / 100) * Math.abs(base.value)
      : clause.unit === 'points'
        ? clause.amount * (fractions ? 0.01 : 1)
        : clause.amount
  const target = up ? magnitude : -magnitude
  const difference = value - base.value
  const strict = clause.amount === 0
  const met = up
    ? strict
      ? difference > EPSILON
      : difference >= target - EPSILON
    : strict
      ? difference < -EPSILON
      : difference <= target + EPSILON
  const alpha = rules.significance.alpha
  const common = { text: clause.text, metric, value, baseline: base.value }
  type RelativeFinding = Extract<ClauseFinding, { kind: 'relative' }>
  const finding = (noise: RelativeFinding['noise']): RelativeFinding => ({
    kind: 'relative',
    difference,
    target,
    amount: clause.amount,
    unit: clause.unit,
    up,
    noise,
    alpha
  })
  if (!met) return { ...common, verdict: 'not supported', finding: finding('missed') }
  if (baseSamples.length < 2 && samples.length < 2)
    return { ...common, verdict: 'supported', finding: finding('single-runs') }
  // Welch's test of PR − baseline against the target, one-sided in the claimed direction: is the change beyond the
  // target more than noise?
  const test = welch(baseSamples, samples)
  if (isNoTest(test) && test.inconclusive === 'uncomputable')
    return { ...common, verdict: 'inconclusive', finding: finding('uncomputable') }
  if (isNoTest(test)) {
    if (test.exactDifference !== undefined)
      return { ...common, verdict: 'supported', finding: finding('exact') }
    return {
      ...common,
      verdict: 'inconclusive',
      finding: { ...finding('too-few-samples'), samples: { n: test.n, nonFinite: test.nonFinite } }
    }
  }
  const p = pValue(test, up ? 'greater' : 'less', target)
  if (Number.isNaN(p)) return { ...common, verdict: 'inconclusive', finding: finding('uncomputable') }
  if (p < alpha) return { ...common, p, verdict: 'supported', finding: finding('significant') }
  return { ...common, p, verdict: 'inconclusive', finding: finding('within-noise') }
}

function compare(value: number, op: '>=' | '>' | '<=' | '<' | '==', limit: number): boolean {
  switch (op) {
    case '>=':
      return value >= limit - EPSILON
    case '>':
      return value > limit
    case '<=':
      return value <= limit + EPSILON
    case '<':
      return value < limit
    case '==':
      return Math.abs(value - limit) <= EPSILON * Math.max(1, Math.abs(limit))
  }
}

/** The train/validation gap of one experiment, oriented by the validation metric's goal. */
export interface OverfittingResult {
  run: string
  train: string
  val: string
  trainValue: number
  valValue: number
  /** How much worse validation is than training: train − val for a maximize metric, val − train for minimize. */
  gap: number
  maxGap: number
  goal: Goal
  /** gap > maxGap. */
  exceeded: boolean
  /** The gap is the champion's and the rules file gates on it (overfitting.gate, default true). */
  gates: boolean
}

/**
 * The overfitting gap of each experiment that reports both metrics of the rules file's `overfitting`. The gap is
 * oriented by the goal (of the validation metric's rule, else the training metric's rule, else guessed from the
 * name): for accuracy train − val, for loss val − train; a validation result better than training is no gap.
 */
export function overfittingGaps(
  experiments: Experiment[],
  rules: Rules,
  champion?: Experiment
): OverfittingResult[] {
  const o = rules.overfitting
  if (!o) return []
  const valGoal = goalOf(o.val, rules)
  const trainGoal = goalOf(o.train, rules)
  const goal = valGoal.from === 'rule' || trainGoal.from !== 'rule' ? valGoal.goal : trainGoal.goal
  const out: OverfittingResult[] = []
  for (const e of experiments) {
    const trainValue = e.metrics[o.train]?.value
    const valValue = e.metrics[o.val]?.value
    if (
      trainValue === undefined ||
      valValue === undefined ||
      !Number.isFinite(trainValue) ||
      !Number.isFinite(valValue)
    )
      continue
    const gap = goal === 'maximize' ? trainValue - valValue : valValue - trainValue
    const exceeded = gap > o.maxGap + EPSILON
    out.push({
      run: e.name,
      train: o.train,
      val: o.val,
      trainValue,
      valValue,
      gap,
      maxGap: o.maxGap,
      goal,
      exceeded,
      gates: exceeded && o.gate && e === champion
    })
  }
  return out
}
