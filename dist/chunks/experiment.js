import { q as paramText } from './findings.js';

// Statistics for noisy metrics: summaries, Welch's t-test, Student's t distribution. Pure functions.
/** Summarises a sample; non-finite values are left out (the caller reports them). Never overflows for finite input. */
function summarize(values) {
    const xs = values.filter(Number.isFinite);
    const n = xs.length;
    const nonFinite = values.length - n;
    // Stryker disable next-line ConditionalExpression: without this line no value gives the same (the scale of none is 1, the mean of none NaN, and n < 2 returns it)
    if (n === 0)
        return { n: 0, nonFinite, mean: NaN };
    // Scaled by a power of two (exact) so that neither the sum nor the squares can overflow or lose the tiny.
    const scale = powerOfTwoScale(xs);
    const scaled = xs.map(x => x / scale);
    const meanScaled = meanOf(scaled);
    const mean = meanScaled * scale;
    if (n < 2)
        return { n, nonFinite, mean };
    const sd = Math.sqrt(varianceOf(scaled, meanScaled)) * scale;
    const half = studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
    return { n, nonFinite, mean, sd, ci95: [mean - half, mean + half] };
}
/** A power of two near the largest magnitude of finite values (1 when all are 0): dividing by it is exact. */
function powerOfTwoScale(xs) {
    let largest = 0;
    // Stryker disable next-line EqualityOperator: on a tie, taking the equal magnitude again leaves the largest as it was
    for (const x of xs)
        if (Math.abs(x) > largest)
            largest = Math.abs(x);
    if (largest === 0 || !Number.isFinite(largest))
        return 1;
    return 2 ** Math.max(-1022, Math.min(1023, Math.floor(Math.log2(largest))));
}
/** Arithmetic mean, with a correction pass so that constant samples give their constant exactly. */
function meanOf(xs) {
    let sum = 0;
    for (const x of xs)
        sum += x;
    const rough = sum / xs.length;
    let correction = 0;
    for (const x of xs)
        correction += x - rough;
    return rough + correction / xs.length;
}
/** Sample variance (n − 1) about a given mean, by the corrected two-pass formula. */
function varianceOf(xs, mean) {
    let squares = 0;
    let residual = 0;
    for (const x of xs) {
        squares += (x - mean) ** 2;
        // Stryker disable next-line AssignmentOperator: the residual is only used squared, so its sign changes nothing
        residual += x - mean;
    }
    return Math.max(0, (squares - (residual * residual) / xs.length) / (xs.length - 1));
}
/** P(T > t) for Student's t with df degrees of freedom (any real t; df > 0). */
function studentTSurvival(t, df) {
    if (Number.isNaN(t) || !(df > 0))
        return NaN;
    if (t === Infinity)
        return 0;
    // Stryker disable next-line UnaryOperator: after the line above +Infinity never matches here, and the formula below gives 1 for t = −∞ too
    if (t === -Infinity)
        return 1;
    // P(|T| > t) = I_x(df/2, 1/2) with x = df/(df+t²). Where the continued fraction would switch to the
    // complement, pass 1 − x = t²/(df+t²) computed directly so that small t keeps its digits.
    const t2 = t * t;
    const a = df / 2;
    const x = df / (df + t2);
    const tail = x > (a + 1) / (a + 2.5)
        ? 0.5 * (1 - regularizedIncompleteBeta(t2 / (df + t2), 0.5, a))
        : 0.5 * regularizedIncompleteBeta(x, a, 0.5);
    // Stryker disable next-line EqualityOperator: at t = 0 the tail is exactly 0.5, so tail and 1 − tail agree
    return t >= 0 ? tail : 1 - tail;
}
const quantileCache = new Map();
/** The q-quantile of Student's t with df degrees of freedom (0 < q < 1), like R's `qt(q, df)`. */
function studentTQuantile(q, df) {
    if (!(q > 0 && q < 1) || !(df > 0))
        return NaN;
    if (q === 0.5)
        return 0;
    // Stryker disable next-line EqualityOperator: q = 0.5 has returned on the line above
    if (q < 0.5)
        return -studentTQuantile(1 - q, df);
    const key = `${q}:${df}`;
    const cached = quantileCache.get(key);
    // Stryker disable next-line ConditionalExpression: the cache only saves time; computing again gives the same quantile
    if (cached !== undefined)
        return cached;
    const tail = 1 - q;
    let lo = 0;
    let hi = 1;
    while (studentTSurvival(hi, df) > tail && hi < 1e300)
        hi *= 2;
    // Bisection to a bracket, then Newton steps on the survival function for full precision.
    for (let i = 0; i < 60 && hi - lo > 1e-12 * hi; i++) {
        const mid = (lo + hi) / 2;
        if (studentTSurvival(mid, df) > tail)
            lo = mid;
        else
            hi = mid;
    }
    let x = (lo + hi) / 2;
    for (let i = 0; i < 4; i++) {
        const step = (studentTSurvival(x, df) - tail) / studentTDensity(x, df);
        if (!Number.isFinite(step))
            break;
        const next = x + step;
        if (next < lo || next > hi)
            break;
        x = next;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the cache only saves time; clearing it always, never or at another size gives the same quantiles
    if (quantileCache.size > 1000)
        quantileCache.clear();
    quantileCache.set(key, x);
    return x;
}
/** The density of Student's t with df degrees of freedom at t. */
function studentTDensity(t, df) {
    const lnC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
    return Math.exp(lnC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}
/**
 * Terms the incomplete beta's continued fraction may take before it is judged not to converge. Every Student's t
 * the code asks for (one of a, b is 1/2) converges within about 100 terms: the most found over df and t from
 * 1e-300 to 1e308 is 102 (df ≈ 1,800, t ≈ 1.74); where it does not converge the arithmetic has already gone to NaN.
 * Three times that bounds the work of any input.
 */
const MAX_FRACTION_TERMS = 300;
/**
 * The regularized incomplete beta function I_x(a, b) (continued fraction, Lentz's method); NaN when the fraction
 * has not converged within MAX_FRACTION_TERMS (a and b both in the millions, which no Student's t needs).
 */
function regularizedIncompleteBeta(x, a, b) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x > (a + 1) / (a + b + 2))
        return 1 - regularizedIncompleteBeta(1 - x, b, a);
    const front = Math.exp(lnFront) / a;
    const tiny = 1e-300;
    let f = 1;
    let c = 1;
    let d = 0;
    for (let i = 0; i < MAX_FRACTION_TERMS; i++) {
        const m = Math.floor(i / 2);
        let numerator;
        if (i === 0)
            numerator = 1;
        else if (i % 2 === 0)
            numerator = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
        else
            numerator = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
        d = 1 + numerator * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        d = 1 / d;
        c = 1 + numerator / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        const cd = c * d;
        f *= cd;
        if (Math.abs(1 - cd) < 3e-16)
            return front * (f - 1);
    }
    return NaN;
}
/** ln Γ(x) by the Lanczos approximation (g = 7, n = 9). */
function logGamma(x) {
    const g = 7;
    const coefficients = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.6150291621406,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
    ];
    if (x < 0.5)
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    x -= 1;
    let a = coefficients[0];
    const t = x + g + 0.5;
    for (let i = 1; i < g + 2; i++)
        a += coefficients[i] / (x + i);
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

// Experiments: runs that repeat one configuration (seeds, folds) grouped into one experiment with samples.
/** Turns a `-seed<N>` style pattern into a RegExp that matches it as a suffix of a run name (case-insensitive). */
function patternRegExp(pattern) {
    let re = compiledPatterns.get(pattern);
    if (!re) {
        const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('<N>', '\\d+');
        re = new RegExp(`${escaped}$`, 'i');
        compiledPatterns.set(pattern, re);
    }
    return re;
}
const compiledPatterns = new Map();
/** A run name without its repeat suffixes: every grouping pattern is stripped, repeatedly (`a-fold2-seed1` → `a`). */
function stripRepeatSuffixes(name, patterns) {
    const res = patterns.map(patternRegExp);
    let stem = name;
    let stripped = false;
    for (let changed = true; changed;) {
        changed = false;
        for (const re of res) {
            const next = stem.replace(re, '');
            if (next !== stem && next.length > 0) {
                stem = next;
                stripped = changed = true;
            }
        }
    }
    return stripped ? stem : undefined;
}
/**
 * The group key of a run, first found of: metadata `group` (built-in metadata.yaml, W&B group), the parent run
 * (MLflow nested runs, by metadata.parentId: the parent's name when it is among the runs), or the run's name
 * without its repeat suffixes (rules-file `grouping.patterns`, `-seed<N>` and `-fold<N>` by default).
 */
function groupKeyOf(run, rules, runsById) {
    if (run.metadata.group)
        return run.metadata.group;
    if (run.metadata.parentId) {
        const parent = runsById.get(run.metadata.parentId);
        return parent ? parent.name : run.metadata.parentId;
    }
    return stripRepeatSuffixes(run.name, rules.grouping.patterns);
}
/** Groups runs into experiments; a parent run with children becomes their experiment. */
function groupRuns(runs, rules) {
    const byNativeId = new Map();
    for (const r of runs)
        byNativeId.set(nativeId(r), r);
    const parents = new Set(runs.map(r => r.metadata.parentId).filter((x) => !!x));
    const groups = new Map();
    const order = [];
    for (const run of runs) {
        // A parent with children only frames them; its own metrics join only if it has no children reporting.
        if (parents.has(nativeId(run)))
            continue;
        const key = groupKeyOf(run, rules, byNativeId);
        const id = key !== undefined ? `group:${key}` : `run:${run.id}`;
        if (!groups.has(id)) {
            groups.set(id, []);
            order.push(id);
        }
        groups.get(id)?.push(run);
    }
    // Parents whose children were all absent are runs of their own.
    for (const run of runs) {
        if (parents.has(nativeId(run)) && !runs.some(r => r.metadata.parentId === nativeId(run))) {
            groups.set(`run:${run.id}`, [run]);
            order.push(`run:${run.id}`);
        }
    }
    return order.map(id => {
        const members = groups.get(id);
        const name = id.startsWith('group:') && members.length > 1 ? id.slice('group:'.length) : members[0].name;
        return makeExperiment(name, members);
    });
}
/** The id a tracker uses for a run (the last segment of our id), which parentId refers to. */
function nativeId(run) {
    return run.id.split(/[:/]/).pop() ?? run.id;
}
/** Builds an experiment from its runs; failed runs are kept aside and left out of the samples. */
function makeExperiment(name, runs) {
    const good = runs.filter(r => r.metadata.status !== 'failed');
    const failedRuns = runs.filter(r => r.metadata.status === 'failed');
    const counted = good.length ? good : runs;
    const lead = counted[0];
    const names = new Set(counted.flatMap(r => Object.keys(r.metrics)));
    const metrics = {};
    for (const metric of names) {
        const present = counted.filter(r => r.metrics[metric]);
        const samples = present.map(r => r.metrics[metric].value);
        const history = present.find(r => r.metrics[metric].history?.length)?.metrics[metric].history;
        if (samples.length === 1) {
            const m = present[0].metrics[metric];
            metrics[metric] = {
                value: m.value,
                samples,
                n: 1,
                ...(m.exact ? { exact: m.exact } : {}),
                ...(history ? { history } : {})
            };
        }
        else {
            const s = summarize(samples);
            // All samples non-finite: show the first one (NaN, or ±Infinity when they agree) rather than a made-up mean.
            const value = s.n === 0 ? (samples.every(x => x === samples[0]) ? samples[0] : NaN) : s.mean;
            metrics[metric] = {
                value,
                samples,
                n: s.n,
                sd: s.sd,
                ci95: s.ci95,
                ...(s.nonFinite ? { nonFinite: s.nonFinite } : {}),
                sampleRuns: present.map(r => r.name),
                ...repeatKeys(present),
                ...(history ? { history } : {})
            };
        }
    }
    const status = good.length ? lead.metadata.status : 'failed';
    return { name, runs, lead, metrics, status, failedRuns, varyingParams: varyingParams(counted) };
}
/** The seed or fold keys of the runs behind a metric, and the folds' test/train ratio, when known. */
function repeatKeys(runs) {
    const keys = runs.map(sampleKeyOf);
    if (keys.some(k => k === undefined) || new Set(keys).size !== keys.length)
        return {};
    const sampleKeys = keys;
    const ratio = sampleKeys.every(isFoldKey) ? testTrainRatioOf(runs[0].params) : undefined;
    return { sampleKeys, ...(ratio !== undefined ? { testTrainRatio: ratio } : {}) };
}
/**
 * The repeat key of a run: its fold (a `-fold<N>` name suffix, or a `fold`/`cv_fold` param) and its seed (metadata
 * `seed`, a `-seed<N>` name suffix, or a `seed`/`random_seed`/`random_state` param), e.g. `fold2-seed1`.
 */
function sampleKeyOf(run) {
    const fromName = (word) => new RegExp(`(?:^|[-_.])${word}[-_]?(\\d+)(?=$|[-_.])`, 'i').exec(run.name)?.[1];
    const param = (...names) => {
        for (const n of names) {
            const v = run.params?.[n];
            if (typeof v === 'number' && Number.isInteger(v))
                return String(v);
        }
        return undefined;
    };
    const fold = fromName('fold') ?? param('fold', 'cv_fold', 'fold_index');
    const seed = run.metadata?.seed !== undefined
        ? String(run.metadata.seed)
        : (fromName('seed') ?? param('seed', 'random_seed', 'random_state'));
    const parts = [fold !== undefined ? `fold${+fold}` : '', seed !== undefined ? `seed${+seed}` : ''].filter(Boolean);
    return parts.length ? parts.join('-') : undefined;
}
/** True for a key of a cross-validation fold. */
function isFoldKey(key) {
    return key.startsWith('fold');
}
/** The test/train ratio from params: `test_train_ratio`, or `test_size` as a fraction of the data (in (0, 1)). */
function testTrainRatioOf(params) {
    const ratio = params.test_train_ratio;
    if (typeof ratio === 'number' && ratio > 0 && Number.isFinite(ratio))
        return ratio;
    const test = params.test_size;
    if (typeof test === 'number' && test > 0 && test < 1)
        return test / (1 - test);
    return undefined;
}
const SEED_LIKE = /(^|[._-])(seed|random_state|random_seed|rng|fold|split|run_id|run_name|output_dir|logging_dir)$/i;
/** True for a param that tells repeats or runs apart (seed, fold, run id, output folder) rather than configures one. */
function isSeedLikeParam(name) {
    return SEED_LIKE.test(name);
}
/** Params whose text differs between runs (seed-like keys left out); empty for a single run. */
function varyingParams(runs) {
    if (runs.length < 2)
        return [];
    const keys = new Set(runs.flatMap(r => Object.keys(r.params)));
    return [...keys]
        .filter(k => !isSeedLikeParam(k))
        .filter(k => new Set(runs.map(r => paramText(r.params[k]))).size > 1)
        .sort();
}

export { studentTQuantile as a, summarize as b, isFoldKey as c, sampleKeyOf as d, groupRuns as g, isSeedLikeParam as i, makeExperiment as m, powerOfTwoScale as p, studentTSurvival as s };
