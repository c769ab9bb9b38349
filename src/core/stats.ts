// Statistics for noisy metrics: summaries, Welch's t-test and a seeded bootstrap. Pure functions.

/** Mean, standard deviation (n − 1) and count of the finite values of a sample. */
export interface SampleSummary {
  n: number
  mean: number
  /** Sample standard deviation; undefined for n < 2. */
  sd?: number
  /** 95% confidence interval of the mean (Student t); undefined for n < 2. */
  ci95?: [number, number]
}

/** Summarises a sample; non-finite values are left out (the caller reports them). */
export function summarize(values: number[]): SampleSummary {
  const xs = values.filter(Number.isFinite)
  const n = xs.length
  if (n === 0) return { n: 0, mean: NaN }
  const mean = xs.reduce((a, b) => a + b, 0) / n
  if (n < 2) return { n, mean }
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)
  const sd = Math.sqrt(variance)
  const half = studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n))
  return { n, mean, sd, ci95: [mean - half, mean + half] }
}

/** The outcome of Welch's unequal-variance t-test of b against a. */
export interface WelchResult {
  /** t statistic of mean(b) − mean(a). */
  t: number
  df: number
  /** Two-sided p-value. */
  p: number
  meanDifference: number
}

/** Why a test could not be run. */
export interface Inconclusive {
  inconclusive: string
}

/** Welch's t-test (two-sided) of sample b against sample a; inconclusive for too few or degenerate samples. */
export function welchTTest(a: number[], b: number[]): WelchResult | Inconclusive {
  const sa = summarize(a)
  const sb = summarize(b)
  if (sa.n < 2 || sb.n < 2) {
    return { inconclusive: `too few samples to test (${sa.n} baseline, ${sb.n} in this PR; at least 2 a side)` }
  }
  const va = (sa.sd as number) ** 2 / sa.n
  const vb = (sb.sd as number) ** 2 / sb.n
  const meanDifference = sb.mean - sa.mean
  if (va + vb === 0) {
    if (meanDifference === 0) return { inconclusive: 'both sides are identical constants' }
    return { inconclusive: 'no variance on either side, so no test applies; the difference is exact' }
  }
  const t = meanDifference / Math.sqrt(va + vb)
  const df = (va + vb) ** 2 / (va ** 2 / (sa.n - 1) + vb ** 2 / (sb.n - 1))
  const p = Math.min(1, 2 * studentTSurvival(Math.abs(t), df))
  return { t, df, p, meanDifference }
}

/** True when a test result is inconclusive. */
export function isInconclusive(r: WelchResult | Inconclusive): r is Inconclusive {
  return 'inconclusive' in r
}

/** A seeded 32-bit PRNG (mulberry32) so bootstrap results are reproducible. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let r = Math.imul(s ^ (s >>> 15), 1 | s)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}

/** Percentile bootstrap confidence interval of mean(b) − mean(a), seeded and reproducible. */
export function bootstrapDifferenceCi(a: number[], b: number[], options: { level?: number; resamples?: number; seed?: number } = {}): [number, number] | undefined {
  const xs = a.filter(Number.isFinite)
  const ys = b.filter(Number.isFinite)
  if (xs.length < 2 || ys.length < 2) return undefined
  const { level = 0.95, resamples = 2000, seed = 20240601 } = options
  const random = seededRandom(seed)
  const resampleMean = (v: number[]) => {
    let sum = 0
    for (let i = 0; i < v.length; i++) sum += v[Math.floor(random() * v.length)]
    return sum / v.length
  }
  const diffs = new Float64Array(resamples)
  for (let i = 0; i < resamples; i++) diffs[i] = resampleMean(ys) - resampleMean(xs)
  diffs.sort()
  const lo = diffs[Math.floor(((1 - level) / 2) * (resamples - 1))]
  const hi = diffs[Math.ceil((1 - (1 - level) / 2) * (resamples - 1))]
  return [lo, hi]
}

/** P(T > t) for Student's t with df degrees of freedom (t ≥ 0). */
export function studentTSurvival(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0
  const x = df / (df + t * t)
  return 0.5 * regularizedIncompleteBeta(x, df / 2, 0.5)
}

/** The q-quantile of Student's t with df degrees of freedom (bisection on the survival function). */
export function studentTQuantile(q: number, df: number): number {
  let lo = 0
  let hi = 1e3
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2
    if (1 - studentTSurvival(mid, df) < q) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/** The regularized incomplete beta function I_x(a, b) (continued fraction, Lentz's method). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x)
  if (x > (a + 1) / (a + b + 2)) return 1 - regularizedIncompleteBeta(1 - x, b, a)
  const front = Math.exp(lnFront) / a
  const tiny = 1e-300
  let f = 1
  let c = 1
  let d = 0
  for (let i = 0; i <= 400; i++) {
    const m = Math.floor(i / 2)
    let numerator: number
    if (i === 0) numerator = 1
    else if (i % 2 === 0) numerator = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m))
    else numerator = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))
    d = 1 + numerator * d
    if (Math.abs(d) < tiny) d = tiny
    d = 1 / d
    c = 1 + numerator / c
    if (Math.abs(c) < tiny) c = tiny
    const cd = c * d
    f *= cd
    if (Math.abs(1 - cd) < 1e-15) break
  }
  return front * (f - 1)
}

/** ln Γ(x) by the Lanczos approximation (g = 7, n = 9). */
export function logGamma(x: number): number {
  const g = 7
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
  ]
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x)
  x -= 1
  let a = coefficients[0]
  const t = x + g + 0.5
  for (let i = 1; i < g + 2; i++) a += coefficients[i] / (x + i)
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a)
}
