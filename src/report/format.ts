// Numbers and verdicts in words, shared by the markdown and the terminal report. Plain text only.
import type { MetricComparison } from '../core/compare.js'
import type { MetricStat } from '../core/experiment.js'
import { checkNote, checkText, labelP, significanceWords } from './significance.js'

const MINUS = '−'

/** Decimal places for a metric, from the magnitude of its values. */
export function decimalsFor(...values: (number | undefined)[]): number {
  const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v)).map(Math.abs)
  const largest = finite.length ? Math.max(...finite) : 0
  if (largest >= 1000) return 0
  if (largest >= 10) return 1
  if (largest >= 1) return 3
  return 4
}

/** A number with a proper minus sign; NaN and infinities spelled out. */
export function fmtNumber(value: number, decimals: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '∞'
  if (value === -Infinity) return `${MINUS}∞`
  const abs = Math.abs(value)
  const s =
    abs !== 0 && (abs >= 1e9 || abs < 10 ** -decimals / 2) ? value.toExponential(3) : value.toFixed(decimals)
  return s.replace(/^-/, MINUS)
}

/** A signed number: +1.00 or −1.00. */
export function fmtSigned(value: number, decimals: number): string {
  const s = fmtNumber(value, decimals)
  return value > 0 ? `+${s}` : s
}

/** A metric value: mean ± sd when there are samples, the exact text when a double could not hold it. */
export function fmtStat(stat: MetricStat | undefined, decimals: number): string {
  if (!stat) return '—'
  if (stat.exact) return stat.exact
  const base = fmtNumber(stat.value, decimals)
  return stat.n > 1 && stat.sd !== undefined ? `${base} ± ${fmtNumber(stat.sd, decimals)}` : base
}

/** True when a change reads best in percentage points (a maximised fraction such as accuracy). */
export function inPoints(m: MetricComparison): boolean {
  const values = [m.baseline?.value, m.current?.value].filter((v): v is number => v !== undefined)
  return m.goal === 'maximize' && values.length > 0 && values.every(v => v >= 0 && v <= 1)
}

/** The change of a metric: "−3.00 pts (−3.3%)" or "+0.010 (+3.3%)" (relative part optional); "new" or "vanished". */
export function fmtChange(m: MetricComparison, withRelative = true): string {
  if (m.status === 'added') return 'new'
  if (m.status === 'removed') return 'vanished'
  if (m.change === undefined) return 'not comparable'
  const decimals = decimalsFor(m.baseline?.value, m.current?.value)
  const absolute = inPoints(m) ? `${fmtSigned(m.change * 100, 2)} pts` : fmtSigned(m.change, decimals)
  if (!withRelative) return absolute
  const relative =
    m.relativeChange !== undefined && Number.isFinite(m.relativeChange)
      ? ` (${fmtSigned(m.relativeChange * 100, 1)}%)`
      : ''
  return `${absolute}${relative}`
}

/** The arrow of a metric's goal: ↑ maximize, ↓ minimize. */
export function goalArrow(m: Pick<MetricComparison, 'goal'>): string {
  return m.goal === 'maximize' ? '↑' : '↓'
}

/** What the numbers mean, in words: "significant drop (p = 0.004)", "within noise (p = 0.41)", "better". */
export function fmtMeaning(m: MetricComparison): string {
  const s = m.significance
  if (m.status === 'added') return 'new metric'
  if (m.status === 'removed') return 'no longer reported'
  if (m.status === 'not-comparable') return 'not comparable (not a finite number)'
  if (m.status === 'unchanged') return 'unchanged'
  const worse = m.status === 'regressed'
  const moved = worse ? (m.goal === 'maximize' ? 'drop' : 'rise') : 'improvement'
  const direction = worse ? 'worse' : 'better'
  switch (s?.state) {
    case 'significant':
      return `significant ${moved} (${labelP(s)})`
    case 'within-noise':
      return `within noise (${labelP(s)})`
    case 'uncomputable':
      return `${direction}; the p-value could not be computed`
    case 'exact':
      return `${direction} (no variance: an exact difference)`
    case 'inconclusive':
      return `${direction}; inconclusive: too few samples to test (${s.n.baseline} vs ${s.n.current})`
    default:
      return `${direction} (single runs: no noise estimate)`
  }
}

/** The rule status of a metric in words: "rule: drop ≤ 1% broken", "rule: ≤ 50 met", "not gated". */
export function fmtRules(m: MetricComparison): string {
  if (!m.checks.length) return m.gated ? 'gated' : 'not gated'
  return m.checks
    .map(c => {
      const note = checkNote(c, m.significance)
      const state = c.passed
        ? note
          ? `met (${note})`
          : 'met'
        : 'inconclusive' in c && c.inconclusive
          ? 'broken (inconclusive: too few samples to rule out noise)'
          : note
            ? `broken (${note})`
            : 'broken'
      return `rule: ${checkText(c, m)} ${state}`
    })
    .join('; ')
}

/** A one-line sentence for a metric: "accuracy −0.80 pts (p = 0.41, within noise)". */
export function metricSentence(m: MetricComparison): string {
  return `${m.name} ${fmtChange(m, false)}${m.significance ? ` (${significanceWords(m.significance)})` : ''}`
}

/** The status icon of a metric row. */
export function metricIcon(m: MetricComparison): string {
  if (m.broken) return '❌'
  if (m.accepted) return '⚠️'
  if (!m.gated) return '➖'
  return '✅'
}

/** A short commit sha. */
export function shortSha(sha: string | undefined): string | undefined {
  return sha ? sha.slice(0, 7) : undefined
}
