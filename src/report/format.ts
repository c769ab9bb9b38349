// Numbers and verdicts in words, shared by the markdown and the terminal report. Plain text only: what is built from
// numbers and the project's own words is `Own`; what mixes in untrusted text (names, reasons) stays a plain string
// that can only enter a markdown tree through `untrusted`.
import type { MetricComparison } from '../core/compare.js'
import type { MetricStat } from '../core/experiment.js'
import { thresholdText, type Threshold } from '../core/rules.js'
import { neutralize, trusted, type Own } from './mdast.js'
import { checkNote, checkText, labelP, significanceWords } from './significance.js'

const MINUS = '−'

/** The fewest significant digits a number is ever shown with, in every surface. */
export const MIN_SIGNIFICANT_DIGITS = 3

/** The most decimal places a number is written with before it switches to exponent notation. */
const MAX_DECIMALS = 6

/** Decimal places a value needs to show `digits` significant digits (3: 0.00025 → 6, 0.9 → 3, 12.5 → 1, 123456 → 0). */
function decimalsToKeepDigits(abs: number, digits = MIN_SIGNIFICANT_DIGITS): number {
  return Math.max(0, digits - 1 - Math.floor(Math.log10(abs)))
}

/**
 * Decimal places for a column of values, from their magnitude (4 below 1, 3 below 10, 1 below 1000, else 0), and
 * more when a small value needs them to keep three significant digits (up to six places).
 */
export function decimalsFor(...values: (number | undefined)[]): number {
  const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v)).map(Math.abs)
  const largest = finite.length ? Math.max(...finite) : 0
  const byMagnitude = largest >= 1000 ? 0 : largest >= 10 ? 1 : largest >= 1 ? 3 : 4
  const needed = finite.filter(v => v > 0).map(v => Math.min(MAX_DECIMALS, decimalsToKeepDigits(v)))
  return Math.max(byMagnitude, ...needed)
}

/**
 * A number with a proper minus sign; NaN and infinities spelled out. `decimals` is a minimum (so a column lines up);
 * a value that would keep fewer than `minSignificant` significant digits gets more places (0.00025 → 0.000250), or
 * exponent notation beyond six places or from 1e9 up (2.50e-7, 1.23e+12).
 */
export function fmtNumber(value: number, decimals: number, minSignificant = MIN_SIGNIFICANT_DIGITS): Own {
  if (Number.isNaN(value)) return trusted('NaN')
  if (value === Infinity) return trusted('∞')
  if (value === -Infinity) return trusted(`${MINUS}∞`)
  const abs = Math.abs(value)
  let s: string
  if (abs === 0) s = value.toFixed(decimals)
  else {
    const needed = Math.max(decimals, decimalsToKeepDigits(abs, minSignificant))
    s =
      abs >= 1e9 || needed > MAX_DECIMALS
        ? value.toExponential(MIN_SIGNIFICANT_DIGITS - 1)
        : value.toFixed(needed)
  }
  return trusted(s.replace(/^-/, MINUS))
}

/**
 * A signed difference: +1.00 or −1.00, at the decimals of the values it is the difference of (a change is as precise
 * as its values), never rounded to zero: a change too small for those decimals gets its first digit.
 */
export function fmtSigned(value: number, decimals: number, minSignificant = 1): Own {
  const s = fmtNumber(value, decimals, minSignificant)
  return value > 0 ? trusted(`+${s}`) : s
}

/** The exact text of a number a double could not hold, as read from a run file (digits only, else made inert). */
function exactText(exact: string): Own {
  return trusted(/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(exact) ? exact : neutralize(exact, 40))
}

/** A metric value: mean ± sd when there are samples, the exact text when a double could not hold it. */
export function fmtStat(stat: MetricStat | undefined, decimals: number): Own {
  if (!stat) return trusted('—')
  if (stat.exact) return exactText(stat.exact)
  const base = fmtNumber(stat.value, decimals)
  // The spread is shown at the value's decimals (one significant digit at least): it qualifies the value.
  return stat.n > 1 && stat.sd !== undefined ? trusted(`${base} ± ${fmtNumber(stat.sd, decimals, 1)}`) : base
}

/** True when a change reads best in percentage points (a maximised fraction such as accuracy). */
export function inPoints(m: MetricComparison): boolean {
  const values = [m.baseline?.value, m.current?.value].filter((v): v is number => v !== undefined)
  return m.goal === 'maximize' && values.length > 0 && values.every(v => v >= 0 && v <= 1)
}

/** The change of a metric: "−3.00 pts (−3.3%)" or "+0.010 (+3.3%)" (relative part optional); "new" or "vanished". */
export function fmtChange(m: MetricComparison, withRelative = true): Own {
  if (m.status === 'added') return trusted('new')
  if (m.status === 'removed') return trusted('vanished')
  if (m.change === undefined) return trusted('not comparable')
  const decimals = decimalsFor(m.baseline?.value, m.current?.value)
  const absolute = inPoints(m) ? `${fmtSigned(m.change * 100, 2)} pts` : fmtSigned(m.change, decimals)
  if (!withRelative) return trusted(absolute)
  const relative =
    m.relativeChange !== undefined && Number.isFinite(m.relativeChange)
      ? ` (${fmtSigned(m.relativeChange * 100, 1, 2)}%)`
      : ''
  return trusted(`${absolute}${relative}`)
}

/** The arrow of a metric's goal: ↑ maximize, ↓ minimize. */
export function goalArrow(m: Pick<MetricComparison, 'goal'>): Own {
  return trusted(m.goal === 'maximize' ? '↑' : '↓')
}

/** What the numbers mean, in words: "significant drop (p = 0.004)", "within noise (p = 0.41)", "better". */
export function fmtMeaning(m: MetricComparison): Own {
  return trusted(meaningWords(m))
}

function meaningWords(m: MetricComparison): string {
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

/**
 * The rule status of a metric in words: "rule: drop ≤ 1% broken", "rule: ≤ 50 met", "not gated", and who accepted a
 * regression and why. A plain string: it carries a login and a reason, so markdown takes it through `untrusted`.
 */
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
    .concat(m.accepted ? [`accepted by ${m.accepted.by}: ${m.accepted.reason}`] : [])
    .join('; ')
}

/** A one-line sentence for a metric: "accuracy −0.80 pts (p = 0.41, within noise)". */
export function metricSentence(m: MetricComparison): string {
  return `${m.name} ${fmtChange(m, false)}${m.significance ? ` (${significanceWords(m.significance)})` : ''}`
}

/** The status icon of a metric row. */
export function metricIcon(m: MetricComparison): Own {
  return trusted(m.broken ? '❌' : m.accepted ? '⚠️' : !m.gated ? '➖' : '✅')
}

/** A short commit sha. */
export function shortSha(sha: string | undefined): string | undefined {
  return sha ? sha.slice(0, 7) : undefined
}

/** A rules threshold as own text: `1%` or `0.01`. */
export function fmtThreshold(t: Threshold): Own {
  return trusted(thresholdText(t))
}
