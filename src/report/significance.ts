// The words of significance: p-values, test states and rule checks as a reader reads them. Plain text only.
import type { RuleCheck, ShownValue, SignificanceResult } from '../core/compare.js'
import { thresholdText } from '../core/rules.js'

/** A p-value as a reader writes it: "p = 0.41", "p = 0.003", "p < 0.001". */
export function pPhrase(p: number | undefined): string {
  return p !== undefined && p < 0.001 ? 'p < 0.001' : `p = ${fmtP(p)}`
}

/** The significance of a change in words, e.g. "p = 0.41, within noise" or "p = 0.003, significant". */
export function significanceWords(
  s:
    | { state: 'significant' | 'within-noise' | 'exact' | 'inconclusive'; p?: number; significant?: boolean }
    | undefined
): string {
  if (!s) return 'single runs, noise unknown'
  switch (s.state) {
    case 'significant':
      return `${pPhrase(s.p)}, significant`
    case 'within-noise':
      return `${pPhrase(s.p)}, within noise`
    case 'exact':
      return s.significant ? 'no variance, exact difference' : 'no variance, no difference'
    case 'inconclusive':
      return 'inconclusive: too few samples to test'
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

/** Why a drop or rise check came out as it did, when there is more to say than met or broken. */
export function checkNote(c: RuleCheck, significance: SignificanceResult | undefined): string | undefined {
  if (c.rule !== 'max_drop' && c.rule !== 'max_rise') return undefined
  switch (c.outcome) {
    case 'significant':
      return `significant (${pPhrase(c.p)} < ${c.alpha})`
    case 'within-noise':
      return `beyond the limit but within noise (${pPhrase(c.p)} ≥ ${c.alpha})`
    case 'noise-not-required':
      return `within noise (${pPhrase(c.p)}), but the rule does not require significance`
    case 'exact':
      return 'no variance on either side: the difference is exact'
    case 'inconclusive':
      return `inconclusive: ${significance ? untestedText(significance) : 'too few samples to test'}; the raw change decides`
    default:
      return undefined
  }
}

function fmtP(p: number | undefined): string {
  if (p === undefined) return '—'
  if (p < 0.001) return '< 0.001'
  return String(+p.toPrecision(2))
}
