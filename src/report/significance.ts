// The words of significance: p-values, test states and rule checks as a reader reads them. Plain text only.
import type { MoveCheck, RuleCheck, ShownValue, SignificanceResult } from '../core/compare.js'
import type { TestMethod } from '../core/difference-tests.js'
import { thresholdText } from '../core/rules.js'

/** A p-value as a reader writes it: "p = 0.41", "p = 0.003", "p < 0.001". */
export function pPhrase(p: number | undefined): string {
  return p !== undefined && p < 0.001 ? 'p < 0.001' : `p = ${fmtP(p)}`
}

/** The name of a test as the report says it. */
export function methodName(method: TestMethod): string {
  switch (method) {
    case 'welch':
      return "Welch's t-test"
    case 'paired':
      return 'paired t-test over matched seeds'
    case 'prediction':
      return 'prediction interval of one run'
    case 'corrected-paired':
      return 'Nadeau–Bengio corrected t-test over folds'
  }
}

/** The test behind a significance result, with why runs were not paired: "Welch's t-test; seeds do not match". */
export function testName(s: SignificanceResult): string {
  const method = s.test?.method ?? s.method
  const name = method ? methodName(method) : 'no test'
  if (s.fallback === 'keys-differ') return `${name}; the seeds do not match, so runs are not paired`
  if (s.fallback === 'folds-unmatched')
    return `${name}; the fold indices do not match, so folds are not paired and not corrected for shared training data`
  return name
}

/** The label's p in words: "p = 0.003, two-sided, paired t-test" (with the best-of-k adjustment when made). */
export function labelP(s: SignificanceResult): string {
  const adjusted = s.bestOf ? `, ×${s.bestOf} for the best of ${s.bestOf}` : ''
  return `${pPhrase(s.pLabel)}, two-sided${adjusted}, ${testName(s)}`
}

/** The significance of a change in words, e.g. "p = 0.41, two-sided, within noise" or "single runs, no noise estimate". */
export function significanceWords(s: SignificanceResult | undefined): string {
  if (!s) return 'single runs, no noise estimate'
  const selected = s.bestOf ? ` ×${s.bestOf} for the best of ${s.bestOf}` : ''
  switch (s.state) {
    case 'significant':
      return `${pPhrase(s.pLabel)} two-sided${selected}, significant`
    case 'within-noise':
      return `${pPhrase(s.pLabel)} two-sided${selected}, within noise`
    case 'exact':
      return s.significant ? 'no variance, exact difference' : 'no variance, no difference'
    case 'inconclusive':
      return 'inconclusive: too few samples to test'
    case 'uncomputable':
      return 'the p-value could not be computed'
  }
}

/** Why too few samples allow no test: "too few samples to test (1 baseline, 3 in this PR; at least 2 a side)". */
export function tooFewSamplesText(n: [number, number], nonFinite: [number, number]): string {
  const left = nonFinite[0] + nonFinite[1]
  const after = left ? ` after leaving out ${left} non-finite` : ''
  return `too few samples to test (${n[0]} baseline, ${n[1]} in this PR${after}; at least 2 a side)`
}

/** Why no test was needed when neither side varies. */
export function noVarianceText(differ: boolean): string {
  return differ
    ? 'no variance on either side, so no test applies; the difference is exact'
    : 'both sides are the same constant: no variance, no difference'
}

/** Why a significance result has no p: the inconclusive or exact reason in words; undefined when tested. */
export function untestedText(s: SignificanceResult): string | undefined {
  if (s.state === 'uncomputable')
    return 'the p-value could not be computed (values beyond the range of a double)'
  if (s.state === 'inconclusive')
    return tooFewSamplesText([s.n.baseline, s.n.current], [s.excluded.baseline, s.excluded.current])
  if (s.state === 'exact') return noVarianceText(!!s.significant)
  return undefined
}

/** A value as the rule messages show it: the exact text, else 4 significant digits; "missing" when absent. */
export function ruleValue(v: ShownValue | undefined): string {
  return v ? (v.exact ?? String(+v.value.toPrecision(4))) : 'missing'
}

/** A value in full: the exact text, else the number as JavaScript writes it; "missing" when absent. */
export function rawValue(v: ShownValue | undefined): string {
  return v ? (v.exact ?? String(v.value)) : 'missing'
}

/** The rule as a reader would say it, e.g. "≥ 0.85", "drop ≤ 1%", "missing: the metric vanished from this PR". */
export function checkText(c: RuleCheck, values: { baseline?: ShownValue; current?: ShownValue }): string {
  switch (c.rule) {
    case 'min':
      return `≥ ${c.limit}`
    case 'max':
      return `≤ ${c.limit}`
    case 'diverged':
      return `${c.nonFinite} of ${c.samples} samples are not finite (NaN or infinite): the seeds diverged${c.runs.length ? ` (${c.runs.join(', ')})` : ''}`
    case 'required':
      return c.missing === 'vanished'
        ? 'missing: the metric vanished from this PR'
        : 'missing: a required metric was not reported'
    case 'max_drop':
    case 'max_rise': {
      const text = `${c.rule === 'max_drop' ? 'drop' : 'rise'} ≤ ${thresholdText(c.threshold)}`
      return c.outcome === 'not-comparable'
        ? `${text} (not comparable: ${rawValue(values.baseline)} → ${rawValue(values.current)})`
        : text
    }
  }
}

/** The gate's p of a drop or rise check: "one-sided p = 0.003, Holm-adjusted for 4 gated metrics". */
export function gateP(c: MoveCheck): string {
  const p = c.pAdjusted ?? c.pOneSided
  const how = c.adjustment ? `, Holm-adjusted for ${c.adjustment.family} gated metrics` : ''
  return `one-sided ${pPhrase(p)}${how}`
}

/** The confidence bound of a move in words: "drop ≥ 0.012 at 95% confidence". */
export function boundText(c: MoveCheck): string | undefined {
  if (!c.bound) return undefined
  const what = c.rule === 'max_drop' ? 'drop' : 'rise'
  return `${what} ≥ ${String(+c.bound.value.toPrecision(4)).replace(/^-/, '−')} at ${+(c.bound.level * 100).toPrecision(4)}% confidence`
}

/** Why a drop or rise check came out as it did, when there is more to say than met or broken. */
export function checkNote(c: RuleCheck, significance: SignificanceResult | undefined): string | undefined {
  if (c.rule !== 'max_drop' && c.rule !== 'max_rise') return undefined
  const bound = boundText(c)
  const withBound = bound ? `; ${bound}` : ''
  switch (c.outcome) {
    case 'significant':
      return `significant (${gateP(c)} < ${c.alpha}${withBound})`
    case 'within-noise':
      return `beyond the limit but within noise (${gateP(c)} ≥ ${c.alpha}${withBound})`
    case 'noise-not-required':
      return `within noise (${gateP(c)}), but the rule does not require significance`
    case 'exact':
      return 'no variance on either side: the difference is exact'
    case 'inconclusive':
      return `inconclusive: ${significance ? untestedText(significance) : 'too few samples to test'}; the raw change decides`
    case 'untested':
      return 'one run a side: no noise estimate; the raw change decides'
    case 'uncomputable':
      return 'the p-value could not be computed, so the gate fails closed'
    default:
      return undefined
  }
}

function fmtP(p: number | undefined): string {
  if (p === undefined) return '—'
  if (p < 0.001) return '< 0.001'
  return String(+p.toPrecision(2))
}
