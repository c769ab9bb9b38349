// The words of a review's findings: broken rules, warnings, the checklist, hypotheses. Plain text only; callers
// escape it for markdown (report/mdast.ts) or the terminal (report/text.ts).
import type {
  ChecklistItem,
  Comparison,
  MissingEvidence,
  NotLikeForLike,
  UnknownRuleMetric,
  UnreadableRuleEvidence,
  ReviewWarning,
  Violation
} from '../core/compare.js'
import { formatDiagnostic, type Diagnostic } from '../core/run.js'
import type { ClauseResult, HypothesisResult, OverfittingResult } from '../core/criteria.js'
import { own, type Own } from './mdast.js'
import {
  checkText,
  gateP,
  noVarianceText,
  pPhrase,
  rawValue,
  ruleValue,
  tooFewSamplesText
} from './significance.js'

/** The verdict in a few words and its sign: ❌ "2 rules broken", ✅ "all rules met", 🆕 "no baseline yet" … */
export function verdictWords(c: Comparison): { sign: Own; words: Own } {
  const broken = c.violations.filter(v => !v.accepted).length
  if (c.missingEvidence) return { sign: own`❌`, words: missingEvidenceTitle(c.missingEvidence) }
  if (c.unknownMetrics) return { sign: own`❌`, words: unknownMetricsTitle(c.unknownMetrics) }
  if (c.unreadableEvidence) return { sign: own`❌`, words: unreadableEvidenceTitle(c.unreadableEvidence) }
  if (c.verdict === 'fail')
    return { sign: own`❌`, words: own`${broken} rule${broken === 1 ? own`` : own`s`} broken` }
  if (c.verdict === 'no-baseline') return { sign: own`🆕`, words: own`no baseline yet` }
  return { sign: own`✅`, words: own`all rules met` }
}

/** A broken rule in words: what the value was, against what limit. */
export function violationMessage(v: Violation): string {
  if (v.rule === 'overfitting') return overfittingText(v.gap)
  const c = v.check
  const text = checkText(c, v)
  switch (c.rule) {
    case 'min':
      return `${v.metric} is ${ruleValue(v.current)}, below the floor ${c.limit}`
    case 'max':
      return `${v.metric} is ${ruleValue(v.current)}, above the ceiling ${c.limit}`
    case 'max_drop':
    case 'max_rise': {
      const how =
        {
          significant: ` (${gateP(c)}, significant)`,
          'noise-not-required': ` (within noise, ${gateP(c)}; the rule does not require significance)`,
          inconclusive: ' (too few samples to rule out noise)',
          untested: ' (one run a side: no noise estimate)',
          uncomputable: ' (the p-value could not be computed: the gate fails closed)',
          exact: ' (no variance: the difference is exact)'
        }[c.outcome as string] ?? ''
      return `${v.metric} went from ${ruleValue(v.baseline)} to ${ruleValue(v.current)}, beyond the allowed ${text}${how}`
    }
    case 'required':
      return `${v.metric} is ${text}`
    case 'diverged':
      return `${v.metric}: ${text}`
  }
}

/** A train/validation gap in words: "overfitting: train_accuracy − val_accuracy gap is 0.08, over the allowed 0.05". */
export function overfittingText(o: OverfittingResult): string {
  const [first, second] = o.goal === 'maximize' ? [o.train, o.val] : [o.val, o.train]
  return `overfitting: ${first} − ${second} gap is ${+o.gap.toPrecision(4)}, ${o.exceeded ? 'over' : 'within'} the allowed ${o.maxGap}`
}

/** A warning in words. */
export function warningMessage(w: ReviewWarning): string {
  switch (w.kind) {
    case 'champion-pick':
      return w.problem
    case 'overfitting':
      return overfittingText(w.gap)
    case 'mixed-repeats': {
      const list = w.params.slice(0, 5).join(', ') + (w.params.length > 5 ? ', …' : '')
      return `the ${w.runs} runs of ${w.run} differ in ${list}, so they are not plain repeats of one configuration`
    }
    case 'non-finite-sample': {
      const where = w.baseline ? `the baseline ${w.run}` : w.run
      const runs = w.runs?.length ? ` (${w.runs.join(', ')})` : ''
      return `${w.metric}: ${w.nonFinite} of ${w.samples} samples of ${where} are not finite (NaN or infinite)${runs} and are left out of the mean and the test`
    }
    case 'failed-run':
      return `run ${w.run} failed${w.reason ? `: ${w.reason}` : ''}`
    case 'vanished-metric':
      return `${w.metric} is in the baseline but no longer reported`
    case 'not-comparable':
      return `${w.metric} is not a finite number on one side (${rawValue(w.baseline)} → ${rawValue(w.current)}); it is shown, not compared`
    case 'rounded':
      return `${w.metric} is ${w.exact}, which is compared as ${w.value} (a double cannot hold it exactly)`
    case 'unreadable':
    case 'read-warning':
      return `${w.file}: ${w.message}`
  }
}

/** A reproducibility checklist item in words: "data version v3", "no code commit recorded". */
export function checklistDetail(item: ChecklistItem): string {
  switch (item.check) {
    case 'hyperparameters':
      return item.count > 0 ? `hyperparameters logged (${item.count})` : 'no hyperparameters logged'
    case 'data version':
      return item.value ? `data version ${item.value}` : 'no data version recorded'
    case 'code commit':
      return item.value ? `code commit ${item.value}` : 'no code commit recorded'
    case 'environment':
      return item.keys.length
        ? `environment captured (${item.keys.slice(0, 3).join(', ')}${item.keys.length > 3 ? ', …' : ''})`
        : 'environment not captured: no Python version or package list in the run'
    case 'baseline':
      return item.ok ? 'baseline present' : 'no baseline on the default branch yet'
  }
}

/** Why a comparison is not like for like, in words: "the data version changed (v1 → v2)". */
export function notLikeForLikeText(n: NotLikeForLike): string {
  if (n.what === 'metric set') {
    const parts = [
      n.removed.length ? `${n.removed.join(', ')} no longer reported` : '',
      n.added.length ? `${n.added.join(', ')} new` : ''
    ].filter(Boolean)
    return `the metric set changed (${parts.join('; ')})`
  }
  return `the ${n.what} changed (${n.baseline ?? 'none'} → ${n.current ?? 'none'})`
}

/** What was seen for one clause: "f1 0.871 meets ≥ 0.85", "f1 +0.012 vs baseline (0.8 → 0.812), needed +0.01". */
export function clauseReason(c: ClauseResult): string {
  const f = c.finding
  const metric = c.metric ?? ''
  const shown = fmt(c.value ?? NaN)
  switch (f.kind) {
    case 'unparsed':
      return f.reason
    case 'not-reported':
      return `${metric} was not reported`
    case 'not-finite':
      return `${metric} is ${shown}, not a finite number`
    case 'absolute': {
      const sign = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' }[f.op]
      const of = f.n > 1 ? ` (mean of ${f.n})` : ''
      return `${metric} ${shown}${of} ${f.met ? 'meets' : 'misses'} ${sign} ${f.limit}`
    }
    case 'no-baseline':
      return `no baseline to compare ${metric} with`
    case 'baseline-missing':
      return `the baseline has no ${metric} to compare with`
    case 'not-comparable':
      return `${metric} is not comparable (${fmt(c.baseline ?? NaN)} → ${shown})`
    case 'relative': {
      const needed =
        f.amount === 0
          ? f.up
            ? 'needed a rise'
            : 'needed a fall'
          : `needed ${signed(f.target)}${f.unit === 'percent' ? ` (${f.amount}%)` : ''}`
      const seen = `${metric} ${signed(f.difference)} vs baseline (${fmt(c.baseline ?? NaN)} → ${shown})`
      switch (f.noise) {
        case 'missed':
          return `${seen}, ${needed}`
        case 'single-runs':
          return `${seen}, ${needed}; single runs, so noise is unknown`
        case 'exact':
          return `${seen}, ${needed}; no variance, the difference is exact`
        case 'too-few-samples': {
          const why = f.samples ? tooFewSamplesText(f.samples.n, f.samples.nonFinite) : noVarianceText(false)
          return `${seen}, ${needed}: met on the means, but ${why}`
        }
        case 'significant':
          return `${seen}, ${needed}; significant (${pPhrase(c.p)}, one-sided Welch)`
        case 'within-noise':
          return `${seen}, ${needed}: met on the means but within noise (${pPhrase(c.p)} ≥ ${f.alpha}, one-sided Welch)`
        case 'uncomputable':
          return `${seen}, ${needed}: met on the means, but the p-value could not be computed`
      }
    }
  }
}

/** Why a hypothesis got its verdict: the clauses that decided it, or what is missing. */
export function hypothesisReason(h: HypothesisResult): string {
  if (!h.criteria) return 'no success criteria are given to judge the hypothesis by'
  const deciding = h.verdict === 'supported' ? h.clauses : h.clauses.filter(c => c.verdict === h.verdict)
  if (!deciding.length) return 'no success criteria to judge by'
  return deciding.map(clauseReason).join('; ')
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(+x.toPrecision(4)) : String(x)
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${fmt(Math.abs(x))}`
}

/** Why a review had nothing to judge: no run found, and where it looked; or which named runs paths do not exist. */
export function missingEvidenceText(e: MissingEvidence): string {
  const list = (paths: string[]) => paths.map(p => JSON.stringify(p)).join(', ')
  const missing = e.missing.length
    ? `the runs path${e.missing.length === 1 ? '' : 's'} ${list(e.missing)} ${e.missing.length === 1 ? 'does' : 'do'} not exist`
    : ''
  const fix = 'set the runs input (CLI: --runs) to the folders your tracker writes'
  if (!e.noRuns) return `Missing evidence: ${missing}; ${fix}.`
  const where = e.searched.length ? ` in ${list(e.searched)}` : ''
  return `No runs were found${where}${missing ? ` (${missing})` : ''}, so nothing was judged; ${fix}.`
}

/** The verdict's title for missing evidence. */
export function missingEvidenceTitle(e: MissingEvidence): Own {
  return e.noRuns ? own`no runs were found` : own`a runs path does not exist`
}

/** A rules key that names a metric nobody reports: `rules.yml:3 metrics.acuracy: no run … did you mean accuracy?` */
export function unknownMetricText(u: UnknownRuleMetric, rulesFile?: string): string {
  const where = rulesFile ? `${rulesFile}${u.line !== undefined ? `:${u.line}` : ''} ` : ''
  const hint = u.suggestion
    ? `; did you mean ${u.suggestion}?`
    : '; check the name against the metrics your runs log (experiment-review list)'
  return `${where}${u.key}: no run and no baseline reports a metric named ${JSON.stringify(u.metric)}${hint}`
}

/**
 * A rules key whose metric may sit in runs that could not be read: `rules.yml:3 metrics.accuracy: 1 run that may
 * report accuracy could not be read: truncated-json (metrics.json:1:25: is not valid JSON …); …`.
 */
export function unreadableEvidenceText(u: UnreadableRuleEvidence, rulesFile?: string): string {
  const where = rulesFile ? `${rulesFile}${u.line !== undefined ? `:${u.line}` : ''} ` : ''
  const n = u.runs.length
  const runs = u.runs.map(r => `${r.name} (${readErrorsText(r.errors)})`).join('; ')
  return `${where}${u.key}: ${n} run${n === 1 ? ' that may report' : 's that may report'} ${JSON.stringify(u.metric)} could not be read, so the rule cannot be judged: ${runs}. Repair or remove ${n === 1 ? 'it' : 'them'}, or leave ${n === 1 ? 'it' : 'them'} out of the runs input (CLI: --runs)`
}

/** The verdict's title when rules cannot be judged because runs could not be read. */
export function unreadableEvidenceTitle(list: UnreadableRuleEvidence[]): Own {
  const runs = new Set(list.flatMap(u => u.runs.map(r => r.path))).size
  return own`${runs} run${runs === 1 ? own`` : own`s`} could not be read, so ${list.length} rule${list.length === 1 ? own`` : own`s`} cannot be judged`
}

/** How much of a run could not be read: `unreadable` when a whole file failed, `partly unreadable` when some keys. */
export function unreadableLabel(errors: Diagnostic[]): Own {
  return errors.every(d => d.key !== undefined) ? own`partly unreadable` : own`unreadable`
}

/** What of a run could not be read, in one line: the first error with its place, and how many more. */
export function readErrorsText(errors: Diagnostic[]): string {
  const [first, ...rest] = errors
  if (!first) return 'could not be read'
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : ''
  return `${formatDiagnostic({ ...first, run: undefined })}${more}`
}

/** The verdict's title when rules name metrics nobody reports. */
export function unknownMetricsTitle(unknown: UnknownRuleMetric[]): Own {
  return own`${unknown.length} rule${unknown.length === 1 ? own` names a metric` : own`s name metrics`} no run reports`
}

/**
 * What the p-values mean, in one sentence for under the metrics table: labels two-sided at alpha, the gate one-sided
 * against each limit and adjusted across gated metrics, and the best-of-k optimism of the champion.
 */
export function statisticsSentence(c: Pick<Comparison, 'alpha' | 'gate' | 'bestOf'>): Own {
  const adjusted =
    c.gate.adjust === 'holm'
      ? own`, adjusted for ${c.gate.family} gated metrics (Holm)`
      : c.gate.family > 1
        ? own`, not adjusted for the other gated metrics`
        : own``
  const gate = c.gate.family
    ? own` The gate asks, one-sided, whether a drop (or rise) is larger than its limit: its p-values are one-sided${adjusted}.`
    : own``
  const bestOf = c.bestOf
    ? own` The champion is the best of ${c.bestOf} configurations, so its improvements are optimistic by selection; "significant improvement" is judged with p × ${c.bestOf}.`
    : own``
  return own`Labels use two-sided p-values at ${c.alpha}.${gate}${bestOf}`
}

/**
 * The warning when an id's baseline was read from the legacy shared path: where it was found, where it belongs, and
 * the command that moves it (the next promote of the id writes the new path by itself).
 */
export function legacyBaselineText(
  id: string,
  legacy: { from: string; to: string },
  promoting = false
): string {
  const found =
    `The baseline of id "${id}" was read from ${legacy.from}, where versions before per-id baselines kept every ` +
    `id's baseline; its place is now ${legacy.to}.`
  if (promoting)
    return `${found} This promote writes it there; delete ${legacy.from} once no other id uses it.`
  return (
    `${found} The next promote of "${id}" writes it there (then delete ${legacy.from} if no other id uses it); ` +
    `to move it now: mkdir -p ${legacy.to.replace(/\/[^/]*$/, '')} && git mv ${legacy.from} ${legacy.to}`
  )
}
