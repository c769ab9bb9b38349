// Statistics for noisy metrics: summaries, Welch's t-test and a seeded bootstrap. Pure functions.

/** Mean, standard deviation (n − 1) and count of the finite values of a sample. */
export interface SampleSummary {
  /** Number of finite values (the ones summarised). */
  n: number
  /** Number of values left out because they were NaN or ±Infinity. */
  nonFinite: number
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
  const nonFinite = values.length - n
  if (n === 0) return { n: 0, nonFinite, mean: NaN }
  const mean = meanOf(xs)
  if (n < 2) return { n, nonFinite, mean }
  const sd = Math.sqrt(varianceOf(xs, mean))
  const half = studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n))
  return { n, nonFinite, mean, sd, ci95: [mean - half, mean + half] }
}

/** Arithmetic mean, with a correction pass so that constant samples give their constant exactly. */
function meanOf(xs: number[]): number {
  let sum = 0
  for (const x of xs) sum += x
  const rough = sum / xs.length
  let correction = 0
  for (const x of xs) correction += x - rough
  return rough + correction / xs.length
}

/** Sample variance (n − 1) about a given mean, by the corrected two-pass formula. */
function varianceOf(xs: number[], mean: number): number {
  let squares = 0
  let residual = 0
  for (const x of xs) {
    squares += (x - mean) ** 2
    residual += x - mean
  }
  return Math.max(0, (squares - (residual * residual) / xs.length) / (xs.length - 1))
}

/** The outcome of Welch's unequal-variance t-test of b against a (as R's `t.test(b, a)` and SciPy's `ttest_ind(b, a, equal_var=False)`). */
export interface WelchResult {
  /** t statistic of mean(b) − mean(a). */
  t: number
  /** Welch–Satterthwaite degrees of freedom. */
  df: number
  /** Two-sided p-value. */
  p: number
  /**
   * One-sided p-value in the direction of the observed difference: P(T ≥ |t|), i.e. SciPy's
   * `alternative='greater'` when t > 0 and `'less'` when t < 0 (half the two-sided p).
   */
  pOneSided: number
  /** mean(b) − mean(a). */
  meanDifference: number
  /** 95% Welch confidence interval of mean(b) − mean(a). */
  ci95: [number, number]
  /** Finite values used from a and from b. */
  n: [number, number]
  /** Non-finite values left out of a and of b. */
  nonFinite: [number, number]
}

/** Why a test could not be run. */
export interface Inconclusive {
  /** too-few-samples: fewer than 2 finite values on a side; no-variance: neither side varies. */
  inconclusive: 'too-few-samples' | 'no-variance'
  /**
   * Set when both sides have at least 2 values and none varies: no test applies, but the difference of the means
   * is then known exactly (0 when the two constants are equal).
   */
  exactDifference?: number
  /** Finite values used from a and from b. */
  n: [number, number]
  /** Non-finite values left out of a and of b. */
  nonFinite: [number, number]
}

/** Welch's t-test (two-sided) of sample b against sample a; non-finite values are left out and counted. */
export function welchTTest(a: number[], b: number[]): WelchResult | Inconclusive {
  const sa = summarize(a)
  const sb = summarize(b)
  const n: [number, number] = [sa.n, sb.n]
  const nonFinite: [number, number] = [sa.nonFinite, sb.nonFinite]
  if (sa.n < 2 || sb.n < 2) return { inconclusive: 'too-few-samples', n, nonFinite }
  const va = (sa.sd as number) ** 2 / sa.n
  const vb = (sb.sd as number) ** 2 / sb.n
  const meanDifference = sb.mean - sa.mean
  if (va + vb === 0) return { inconclusive: 'no-variance', exactDifference: meanDifference, n, nonFinite }
  const se = Math.sqrt(va + vb)
  const t = meanDifference / se
  const df = (va + vb) ** 2 / (va ** 2 / (sa.n - 1) + vb ** 2 / (sb.n - 1))
  const pOneSided = studentTSurvival(Math.abs(t), df)
  const p = Math.min(1, 2 * pOneSided)
  const half = studentTQuantile(0.975, df) * se
  return {
    t,
    df,
    p,
    pOneSided,
    meanDifference,
    ci95: [meanDifference - half, meanDifference + half],
    n,
    nonFinite
  }
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
export function bootstrapDifferenceCi(
  a: number[],
  b: number[],
  options: { level?: number; resamples?: number; seed?: number } = {}
): [number, number] | undefined {
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

/** Standard normal draws from a seeded PRNG by the Box–Muller transform (reproducible simulations). */
export function seededNormal(seed: number): () => number {
  const random = seededRandom(seed)
  let spare: number | undefined
  return () => {
    if (spare !== undefined) {
      const z = spare
      spare = undefined
      return z
    }
    let u = random()
    while (u <= 0) u = random()
    const v = random()
    const r = Math.sqrt(-2 * Math.log(u))
    spare = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }
}

/** P(T > t) for Student's t with df degrees of freedom (any real t; df > 0). */
export function studentTSurvival(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN
  if (t === Infinity) return 0
  if (t === -Infinity) return 1
  // P(|T| > t) = I_x(df/2, 1/2) with x = df/(df+t²). Where the continued fraction would switch to the
  // complement, pass 1 − x = t²/(df+t²) computed directly so that small t keeps its digits.
  const t2 = t * t
  const a = df / 2
  const x = df / (df + t2)
  const tail =
    x > (a + 1) / (a + 2.5)
      ? 0.5 * (1 - regularizedIncompleteBeta(t2 / (df + t2), 0.5, a))
      : 0.5 * regularizedIncompleteBeta(x, a, 0.5)
  return t >= 0 ? tail : 1 - tail
}

const quantileCache = new Map<string, number>()

/** The q-quantile of Student's t with df degrees of freedom (0 < q < 1), like R's `qt(q, df)`. */
export function studentTQuantile(q: number, df: number): number {
  if (!(q > 0 && q < 1) || !(df > 0)) return NaN
  if (q === 0.5) return 0
  if (q < 0.5) return -studentTQuantile(1 - q, df)
  const key = `${q}:${df}`
  const cached = quantileCache.get(key)
  if (cached !== undefined) return cached
  const tail = 1 - q
  let lo = 0
  let hi = 1
  while (studentTSurvival(hi, df) > tail && hi < 1e300) hi *= 2
  // Bisection to a bracket, then Newton steps on the survival function for full precision.
  for (let i = 0; i < 60 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2
    if (studentTSurvival(mid, df) > tail) lo = mid
    else hi = mid
  }
  let x = (lo + hi) / 2
  for (let i = 0; i < 4; i++) {
    const step = (studentTSurvival(x, df) - tail) / studentTDensity(x, df)
    if (!Number.isFinite(step)) break
    const next = x + step
    if (next < lo || next > hi) break
    x = next
  }
  if (quantileCache.size > 1000) quantileCache.clear()
  quantileCache.set(key, x)
  return x
}

/** The density of Student's t with df degrees of freedom at t. */
export function studentTDensity(t: number, df: number): number {
  const lnC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI)
  return Math.exp(lnC - ((df + 1) / 2) * Math.log1p((t * t) / df))
}

/** The regularized incomplete beta function I_x(a, b) (continued fraction, Lentz's method). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x)
  if (x > (a + 1) / (a + b + 2)) return 1 - regularizedIncompleteBeta(1 - x, b, a)
  const front = Math.exp(lnFront) / a
  const tiny = 1e-300
  let f = 1
  let c = 1
  let d = 0
  for (let i = 0; i <= 20000; i++) {
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
    if (Math.abs(1 - cd) < 3e-16) break
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
