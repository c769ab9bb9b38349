// Statistics for noisy metrics: summaries, Welch's t-test, Student's t distribution. Pure functions.

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

/** Summarises a sample; non-finite values are left out (the caller reports them). Never overflows for finite input. */
export function summarize(values: number[]): SampleSummary {
  const xs = values.filter(Number.isFinite)
  const n = xs.length
  const nonFinite = values.length - n
  // Stryker disable next-line ConditionalExpression: without this line no value gives the same (the scale of none is 1, the mean of none NaN, and n < 2 returns it)
  if (n === 0) return { n: 0, nonFinite, mean: NaN }
  // Scaled by a power of two (exact) so that neither the sum nor the squares can overflow or lose the tiny.
  const scale = powerOfTwoScale(xs)
  const scaled = xs.map(x => x / scale)
  const meanScaled = meanOf(scaled)
  const mean = meanScaled * scale
  if (n < 2) return { n, nonFinite, mean }
  const sd = Math.sqrt(varianceOf(scaled, meanScaled)) * scale
  const half = studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n))
  return { n, nonFinite, mean, sd, ci95: [mean - half, mean + half] }
}

/** A power of two near the largest magnitude of finite values (1 when all are 0): dividing by it is exact. */
export function powerOfTwoScale(xs: number[]): number {
  let largest = 0
  // Stryker disable next-line EqualityOperator: on a tie, taking the equal magnitude again leaves the largest as it was
  for (const x of xs) if (Math.abs(x) > largest) largest = Math.abs(x)
  if (largest === 0 || !Number.isFinite(largest)) return 1
  return 2 ** Math.max(-1022, Math.min(1023, Math.floor(Math.log2(largest))))
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
    // Stryker disable next-line AssignmentOperator: the residual is only used squared, so its sign changes nothing
    residual += x - mean
  }
  return Math.max(0, (squares - (residual * residual) / xs.length) / (xs.length - 1))
}

/** A seeded 32-bit PRNG (mulberry32) so simulations are reproducible. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let r = Math.imul(s ^ (s >>> 15), 1 | s)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
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
  // Stryker disable next-line UnaryOperator: after the line above +Infinity never matches here, and the formula below gives 1 for t = −∞ too
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
  // Stryker disable next-line EqualityOperator: at t = 0 the tail is exactly 0.5, so tail and 1 − tail agree
  return t >= 0 ? tail : 1 - tail
}

const quantileCache = new Map<string, number>()

/** The q-quantile of Student's t with df degrees of freedom (0 < q < 1), like R's `qt(q, df)`. */
export function studentTQuantile(q: number, df: number): number {
  if (!(q > 0 && q < 1) || !(df > 0)) return NaN
  if (q === 0.5) return 0
  // Stryker disable next-line EqualityOperator: q = 0.5 has returned on the line above
  if (q < 0.5) return -studentTQuantile(1 - q, df)
  const key = `${q}:${df}`
  const cached = quantileCache.get(key)
  // Stryker disable next-line ConditionalExpression: the cache only saves time; computing again gives the same quantile
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
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the cache only saves time; clearing it always, never or at another size gives the same quantiles
  if (quantileCache.size > 1000) quantileCache.clear()
  quantileCache.set(key, x)
  return x
}

/** The density of Student's t with df degrees of freedom at t. */
export function studentTDensity(t: number, df: number): number {
  const lnC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI)
  return Math.exp(lnC - ((df + 1) / 2) * Math.log1p((t * t) / df))
}

/**
 * Terms the incomplete beta's continued fraction may take before it is judged not to converge. Every Student's t
 * the code asks for (one of a, b is 1/2) converges within about 100 terms: the most found over df and t from
 * 1e-300 to 1e308 is 102 (df ≈ 1,800, t ≈ 1.74); where it does not converge the arithmetic has already gone to NaN.
 * Three times that bounds the work of any input.
 */
export const MAX_FRACTION_TERMS = 300

/**
 * The regularized incomplete beta function I_x(a, b) (continued fraction, Lentz's method); NaN when the fraction
 * has not converged within MAX_FRACTION_TERMS (a and b both in the millions, which no Student's t needs).
 */
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
  for (let i = 0; i < MAX_FRACTION_TERMS; i++) {
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
    if (Math.abs(1 - cd) < 3e-16) return front * (f - 1)
  }
  return NaN
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
