import { q as paramText, O as trusted, P as neutralize, Q as thresholdText, R as significanceWords, B as checkNote, C as checkText, S as labelP, f as formatDiagnostic, T as unreadableLabel, U as readErrorsText, m as missingEvidenceText, J as unknownMetricsTitle, K as unreadableEvidenceTitle, u as unknownMetricText, a as unreadableEvidenceText, v as violationMessage, V as statisticsSentence, A as notLikeForLikeText, z as warningMessage } from './findings.js';

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
    const meanScaled = meanOf$1(scaled);
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
function meanOf$1(xs) {
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

// Parameter effects of a sweep: for each hyperparameter that varies across the configurations, the primary metric
// per value (how many configurations, their mean, the best), numeric parameters with many values binned by
// quantile, and the parameters ordered by how much of the primary's variance their values explain. Each
// configuration (an experiment: one run, or repeats averaged) counts once. Pure: experiments in, tables out.
/** A numeric parameter with more distinct values than this is binned. */
const MAX_UNBINNED_VALUES = 10;
/** How many quantile bins a numeric parameter with many values gets (fewer when equal values cannot be split). */
const NUMERIC_BINS = 5;
/** Computes the parameter effects of experiments on `primary` (see ParameterEffects). */
function parameterEffects(experiments, primary, goal) {
    const kept = experiments.filter(e => e.status !== 'failed' && Number.isFinite(e.metrics[primary]?.value));
    const values = kept.map(e => e.metrics[primary].value);
    const scale = powerOfTwoScale(values);
    const points = kept.map((experiment, i) => ({
        experiment,
        value: values[i],
        scaled: values[i] / scale
    }));
    const names = [...new Set(kept.flatMap(e => Object.keys(e.lead.params)))].sort();
    const effects = [];
    const constant = [];
    const identifiers = [];
    for (const name of names) {
        const texts = new Set(kept.map(e => keyOf(e.lead.params[name])));
        if (texts.size < 2) {
            constant.push(name);
            continue;
        }
        const numeric = kept.every(e => isUnset(e.lead.params[name]) || numberOf(e.lead.params[name]) !== undefined);
        const setTexts = [...texts].filter(t => t !== UNSET_KEY);
        if (isSeedLikeParam(name) || (!numeric && kept.length >= 3 && setTexts.length === kept.length)) {
            identifiers.push(name);
            continue;
        }
        effects.push(effectOf(name, points, numeric, goal, scale));
    }
    effects.sort((a, b) => (b.varianceShare ?? -1) - (a.varianceShare ?? -1) || b.spread - a.spread || (a.name < b.name ? -1 : 1));
    return {
        primary,
        goal,
        configurations: kept.length,
        runs: kept.reduce((n, e) => n + e.runs.length, 0),
        leftOut: experiments.length - kept.length,
        effects,
        constant,
        identifiers
    };
}
const UNSET_KEY = '\0unset';
function isUnset(value) {
    return value === undefined || value === null || value === '';
}
function keyOf(value) {
    return isUnset(value) ? UNSET_KEY : paramText(value);
}
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** A param value as a finite number: numbers, and strings that read as one ("0.001", "1e-3"); else undefined. */
function numberOf(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : undefined;
    if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) {
        const n = Number(value.trim());
        return Number.isFinite(n) ? n : undefined;
    }
    return undefined;
}
/** Groups the points by level and summarises each. */
function effectOf(name, points, numeric, goal, scale) {
    const unset = points.filter(p => isUnset(p.experiment.lead.params[name]));
    const set = points.filter(p => !isUnset(p.experiment.lead.params[name]));
    let groups;
    let distinct;
    let binned = false;
    if (numeric) {
        const byNumber = new Map();
        for (const p of set) {
            const n = numberOf(p.experiment.lead.params[name]);
            const list = byNumber.get(n) ?? [];
            list.push(p);
            byNumber.set(n, list);
        }
        const ordered = [...byNumber].sort((a, b) => a[0] - b[0]);
        distinct = ordered.length;
        binned = distinct > MAX_UNBINNED_VALUES;
        groups = binned
            ? quantileBins(ordered)
            : ordered.map(([value, list]) => ({ level: { kind: 'value', value }, points: list }));
    }
    else {
        const byText = new Map();
        for (const p of set) {
            const value = p.experiment.lead.params[name];
            const entry = byText.get(paramText(value)) ?? { value, points: [] };
            entry.points.push(p);
            byText.set(paramText(value), entry);
        }
        distinct = byText.size;
        groups = [...byText.values()].map(g => ({ level: { kind: 'value', value: g.value }, points: g.points }));
    }
    if (unset.length)
        groups.push({ level: { kind: 'unset' }, points: unset });
    const levels = groups.map(g => levelStat(g.level, g.points, goal, scale));
    if (!numeric) {
        const sign = goal === 'maximize' ? -1 : 1;
        levels.sort((a, b) => a.level.kind === 'unset' ? 1 : b.level.kind === 'unset' ? -1 : sign * (a.mean - b.mean));
    }
    const means = levels.map(l => l.mean / scale);
    const spread = (Math.max(...means) - Math.min(...means)) * scale;
    return {
        name,
        numeric,
        binned,
        distinct,
        levels,
        spread,
        ...varianceShareOf(groups.map(g => g.points.map(p => p.scaled)))
    };
}
/**
 * Splits numeric values (ascending, each with its points) into about NUMERIC_BINS bins of equal counts; equal
 * values always share a bin. Each bin is labelled with the lowest and highest value in it.
 */
function quantileBins(ordered) {
    const total = ordered.reduce((n, [, list]) => n + list.length, 0);
    const bins = [];
    let current = [];
    let low = ordered[0][0];
    let seen = 0;
    let target = 0;
    for (const [value, list] of ordered) {
        if (!current.length) {
            low = value;
            // The next quantile boundary past what earlier bins hold (a large tie may have passed several).
            target = ((Math.floor((seen * NUMERIC_BINS) / total + 1e-9) + 1) * total) / NUMERIC_BINS;
        }
        current.push(...list);
        seen += list.length;
        if (seen >= target - 1e-9) {
            bins.push({ level: { kind: 'range', low, high: value }, points: current });
            current = [];
        }
    }
    return bins;
}
function levelStat(level, points, goal, scale) {
    let best = points[0];
    for (const p of points) {
        if (goal === 'maximize' ? p.value > best.value : p.value < best.value)
            best = p;
    }
    return {
        level,
        count: points.length,
        runs: points.reduce((n, p) => n + p.experiment.runs.length, 0),
        mean: meanOf(points.map(p => p.scaled)) * scale,
        best: best.value,
        bestRun: best.experiment.name
    };
}
function meanOf(xs) {
    let sum = 0;
    for (const x of xs)
        sum += x;
    return sum / xs.length;
}
/** Epsilon squared of a one-way layout (groups of scaled values); undefined with no within-group freedom. */
function varianceShareOf(groups) {
    const all = groups.flat();
    const n = all.length;
    const k = groups.length;
    if (n - k < 1)
        return {};
    const grand = meanOf(all);
    let total = 0;
    for (const x of all)
        total += (x - grand) ** 2;
    if (total === 0)
        return { varianceShare: 0 };
    let between = 0;
    for (const g of groups)
        between += g.length * (meanOf(g) - grand) ** 2;
    const within = Math.max(0, total - between) / (n - k);
    return { varianceShare: Math.max(0, Math.min(1, (between - (k - 1) * within) / total)) };
}

const MINUS = '−';
/** The fewest significant digits a number is ever shown with, in every surface. */
const MIN_SIGNIFICANT_DIGITS = 3;
/** The most decimal places a number is written with before it switches to exponent notation. */
const MAX_DECIMALS = 6;
/** Decimal places a value needs to show `digits` significant digits (3: 0.00025 → 6, 0.9 → 3, 12.5 → 1, 123456 → 0). */
function decimalsToKeepDigits(abs, digits = MIN_SIGNIFICANT_DIGITS) {
    return Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
}
/**
 * Decimal places for a column of values, from their magnitude (4 below 1, 3 below 10, 1 below 1000, else 0), and
 * more when a small value needs them to keep three significant digits (up to six places).
 */
function decimalsFor(...values) {
    const finite = values.filter((v) => v !== undefined && Number.isFinite(v)).map(Math.abs);
    const largest = finite.length ? Math.max(...finite) : 0;
    const byMagnitude = largest >= 1000 ? 0 : largest >= 10 ? 1 : largest >= 1 ? 3 : 4;
    const needed = finite.filter(v => v > 0).map(v => Math.min(MAX_DECIMALS, decimalsToKeepDigits(v)));
    return Math.max(byMagnitude, ...needed);
}
/**
 * A number with a proper minus sign; NaN and infinities spelled out. `decimals` is a minimum (so a column lines up);
 * a value that would keep fewer than `minSignificant` significant digits gets more places (0.00025 → 0.000250), or
 * exponent notation beyond six places or from 1e9 up (2.50e-7, 1.23e+12).
 */
function fmtNumber(value, decimals, minSignificant = MIN_SIGNIFICANT_DIGITS) {
    if (Number.isNaN(value))
        return trusted('NaN');
    if (value === Infinity)
        return trusted('∞');
    if (value === -Infinity)
        return trusted(`${MINUS}∞`);
    const abs = Math.abs(value);
    let s;
    if (abs === 0)
        s = value.toFixed(decimals);
    else {
        const needed = Math.max(decimals, decimalsToKeepDigits(abs, minSignificant));
        s =
            abs >= 1e9 || needed > MAX_DECIMALS
                ? value.toExponential(MIN_SIGNIFICANT_DIGITS - 1)
                : value.toFixed(needed);
    }
    return trusted(s.replace(/^-/, MINUS));
}
/**
 * A signed difference: +1.00 or −1.00, at the decimals of the values it is the difference of (a change is as precise
 * as its values), never rounded to zero: a change too small for those decimals gets its first digit.
 */
function fmtSigned(value, decimals, minSignificant = 1) {
    const s = fmtNumber(value, decimals, minSignificant);
    return value > 0 ? trusted(`+${s}`) : s;
}
/** The exact text of a number a double could not hold, as read from a run file (digits only, else made inert). */
function exactText(exact) {
    return trusted(/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(exact) ? exact : neutralize(exact, 40));
}
/** A metric value: mean ± sd when there are samples, the exact text when a double could not hold it. */
function fmtStat(stat, decimals) {
    if (!stat)
        return trusted('—');
    if (stat.exact)
        return exactText(stat.exact);
    const base = fmtNumber(stat.value, decimals);
    // The spread is shown at the value's decimals (one significant digit at least): it qualifies the value.
    return stat.n > 1 && stat.sd !== undefined ? trusted(`${base} ± ${fmtNumber(stat.sd, decimals, 1)}`) : base;
}
/** True when a change reads best in percentage points (a maximised fraction such as accuracy). */
function inPoints(m) {
    const values = [m.baseline?.value, m.current?.value].filter((v) => v !== undefined);
    return m.goal === 'maximize' && values.length > 0 && values.every(v => v >= 0 && v <= 1);
}
/** The change of a metric: "−3.00 pts (−3.3%)" or "+0.010 (+3.3%)" (relative part optional); "new" or "vanished". */
function fmtChange(m, withRelative = true) {
    if (m.status === 'added')
        return trusted('new');
    if (m.status === 'removed')
        return trusted('vanished');
    if (m.change === undefined)
        return trusted('not comparable');
    const decimals = decimalsFor(m.baseline?.value, m.current?.value);
    const absolute = inPoints(m) ? `${fmtSigned(m.change * 100, 2)} pts` : fmtSigned(m.change, decimals);
    if (!withRelative)
        return trusted(absolute);
    const relative = m.relativeChange !== undefined && Number.isFinite(m.relativeChange)
        ? ` (${fmtSigned(m.relativeChange * 100, 1, 2)}%)`
        : '';
    return trusted(`${absolute}${relative}`);
}
/** The arrow of a metric's goal: ↑ maximize, ↓ minimize. */
function goalArrow(m) {
    return trusted(m.goal === 'maximize' ? '↑' : '↓');
}
/** What the numbers mean, in words: "significant drop (p = 0.004)", "within noise (p = 0.41)", "better". */
function fmtMeaning(m) {
    return trusted(meaningWords(m));
}
function meaningWords(m) {
    const s = m.significance;
    if (m.status === 'added')
        return 'new metric';
    if (m.status === 'removed')
        return 'no longer reported';
    if (m.status === 'not-comparable')
        return 'not comparable (not a finite number)';
    if (m.status === 'unchanged')
        return 'unchanged';
    const worse = m.status === 'regressed';
    const moved = worse ? (m.goal === 'maximize' ? 'drop' : 'rise') : 'improvement';
    const direction = worse ? 'worse' : 'better';
    switch (s?.state) {
        case 'significant':
            return `significant ${moved} (${labelP(s)})`;
        case 'within-noise':
            return `within noise (${labelP(s)})`;
        case 'uncomputable':
            return `${direction}; the p-value could not be computed`;
        case 'exact':
            return `${direction} (no variance: an exact difference)`;
        case 'inconclusive':
            return `${direction}; inconclusive: too few samples to test (${s.n.baseline} vs ${s.n.current})`;
        default:
            return `${direction} (single runs: no noise estimate)`;
    }
}
/**
 * The rule status of a metric in words: "rule: drop ≤ 1% broken", "rule: ≤ 50 met", "not gated", and who accepted a
 * regression and why. A plain string: it carries a login and a reason, so markdown takes it through `untrusted`.
 */
function fmtRules(m) {
    if (!m.checks.length)
        return m.gated ? 'gated' : 'not gated';
    return m.checks
        .map(c => {
        const note = checkNote(c, m.significance);
        const state = c.passed
            ? note
                ? `met (${note})`
                : 'met'
            : 'inconclusive' in c && c.inconclusive
                ? 'broken (inconclusive: too few samples to rule out noise)'
                : note
                    ? `broken (${note})`
                    : 'broken';
        return `rule: ${checkText(c, m)} ${state}`;
    })
        .concat(m.accepted ? [`accepted by ${m.accepted.by}: ${m.accepted.reason}`] : [])
        .join('; ');
}
/** A one-line sentence for a metric: "accuracy −0.80 pts (p = 0.41, within noise)". */
function metricSentence(m) {
    return `${m.name} ${fmtChange(m, false)}${m.significance ? ` (${significanceWords(m.significance)})` : ''}`;
}
/** The status icon of a metric row. */
function metricIcon(m) {
    return trusted(m.broken ? '❌' : m.accepted ? '⚠️' : !m.gated ? '➖' : '✅');
}
/** A short commit sha. */
function shortSha(sha) {
    return sha ? sha.slice(0, 7) : undefined;
}
/** A rules threshold as own text: `1%` or `0.01`. */
function fmtThreshold(t) {
    return trusted(thresholdText(t));
}

// Terminal escape sequences and other control characters from untrusted text must never reach the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Untrusted text made safe for a terminal line: control, escape and direction characters replaced. */
function plain(value, max = 80) {
    // `::` is broken so no workflow command (::error::, ::add-mask::) can start from untrusted text in a runner log.
    const s = String(value ?? '')
        .replace(/\r\n?|\n/g, ' ⏎ ')
        .replace(UNSAFE, '�')
        .replace(/::/g, ':\u200c:');
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
/** Lays out rows as aligned columns (the first row is the header). */
function columns(rows, align = []) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map(r => [...(r[i] ?? '')].length)));
    const line = (r) => r
        .map((c, i) => {
        const pad = ' '.repeat(widths[i] - [...c].length);
        return align[i] === 'right' ? pad + c : c + pad;
    })
        .join('  ')
        .trimEnd();
    return [line(rows[0]), widths.map(w => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
/** The comparison as terminal text. */
function renderText(c, rulesFile) {
    const out = [];
    const broken = c.violations.filter(v => !v.accepted);
    out.push(c.missingEvidence
        ? `FAIL: ${plain(missingEvidenceText(c.missingEvidence), 2000)}`
        : c.unknownMetrics
            ? `FAIL: ${unknownMetricsTitle(c.unknownMetrics)}`
            : c.unreadableEvidence
                ? `FAIL: ${unreadableEvidenceTitle(c.unreadableEvidence)}`
                : c.verdict === 'fail'
                    ? `FAIL: ${broken.length} rule${broken.length === 1 ? '' : 's'} broken`
                    : c.verdict === 'no-baseline'
                        ? 'NO BASELINE: nothing to compare against yet'
                        : 'PASS: all rules met');
    for (const u of c.unknownMetrics ?? [])
        out.push(`  ✗ ${plain(unknownMetricText(u, rulesFile), 400)}`);
    for (const u of c.unreadableEvidence ?? [])
        out.push(`  ✗ ${plain(unreadableEvidenceText(u, rulesFile), 1200)}`);
    for (const v of broken)
        out.push(`  ✗ ${plain(violationMessage(v), 200)}`);
    if (c.champion) {
        out.push('', `Champion: ${plain(c.champion.name)}${c.primary ? ` (best ${plain(c.primary)} of ${c.experiments.length})` : ''}${c.baseline ? `  vs baseline ${plain(c.baseline.name)}` : ''}`);
    }
    out.push(...selectionText(c));
    const bookkeeping = c.metrics.filter(m => c.otherSeries.includes(m.name));
    const ranked = c.metrics.filter(m => !c.otherSeries.includes(m.name));
    if (ranked.length) {
        out.push('', metricsText(ranked));
        if (c.metrics.some(m => m.significance?.tested) || c.gate.family)
            out.push(statisticsSentence(c));
    }
    if (bookkeeping.length)
        out.push('', 'Other series (bookkeeping, never ranked on):', metricsText(bookkeeping));
    if (c.notLikeForLike.length)
        out.push('', `Not like for like: ${plain(c.notLikeForLike.map(notLikeForLikeText).join('; '), 300)}`);
    if (c.params.length) {
        out.push('', 'Parameters changed:');
        for (const p of c.params)
            out.push(`  ${plain(p.name, 40)}: ${p.kind === 'added' ? '—' : plain(paramText(p.baseline), 30)} → ${p.kind === 'removed' ? '—' : plain(paramText(p.current), 30)}`);
    }
    if (c.experiments.length > 1) {
        const primary = c.primary;
        const rows = [['run', primary ? plain(primary, 30) : '', 'status']];
        for (const e of c.experiments) {
            const stat = primary ? e.metrics[primary] : undefined;
            rows.push([
                plain(e.name, 40),
                stat ? fmtStat(stat, decimalsFor(stat.value)) : '—',
                e.unreadable
                    ? `⚠ ${unreadableLabel(e.unreadable.flatMap(u => u.errors))}`
                    : e.status + (e.runs.length > 1 ? ` (${e.runs.length} runs)` : '')
            ]);
        }
        out.push('', `All runs (${c.experiments.length}), best first:`, columns(rows, ['left', 'right', 'left']));
    }
    out.push(...sweepText(c));
    if (c.warnings.length) {
        out.push('', `Warnings (${c.warnings.length}):`);
        for (const w of c.warnings)
            out.push(`  ! ${plain(warningMessage(w), 200)}`);
    }
    return `${out.join('\n')}\n`;
}
/** A table of metrics against the baseline: status, metric, baseline, this, change and verdict. */
function metricsText(metrics) {
    const rows = [['', 'metric', 'baseline', 'this', 'change', 'verdict']];
    for (const m of metrics) {
        const d = decimalsFor(m.baseline?.value, m.current?.value);
        rows.push([
            m.broken ? '✗' : m.accepted ? '!' : m.gated ? '✓' : '·',
            `${plain(m.name, 40)} ${goalArrow(m)}`,
            fmtStat(m.baseline, d),
            fmtStat(m.current, d),
            fmtChange(m),
            `${fmtMeaning(m)}; ${plain(fmtRules(m), 300)}`
        ]);
    }
    return columns(rows, ['left', 'left', 'right', 'right', 'right', 'left']);
}
/** Parameters and neighbours a terminal shows; the JSON report (--format json) has all of them. */
const TEXT_PARAMETERS = 3;
const TEXT_NEIGHBOURS = 10;
/** The sweep as terminal text: the parameters that matter most with their values, and the champion's neighbours. */
function sweepText(c) {
    const sweep = c.sweep;
    if (!sweep)
        return [];
    const primary = plain(sweep.primary, 40);
    const out = [
        '',
        `Parameter effects on ${primary} (${sweep.configurations} configurations), the parameters that explain the most of its variance first:`
    ];
    for (const effect of sweep.effects.slice(0, TEXT_PARAMETERS)) {
        const d = decimalsFor(...effect.levels.flatMap(l => [l.mean, l.best]));
        const share = effect.varianceShare === undefined
            ? 'share not estimated'
            : `${Math.round(effect.varianceShare * 100)}% of the variance`;
        out.push(`  ${plain(effect.name, 60)} (${share})`);
        const rows = [['value', 'count', `mean`, `best`, 'best run']];
        for (const l of effect.levels) {
            const value = l.level.kind === 'unset'
                ? 'not set'
                : l.level.kind === 'range'
                    ? `${fmtNumber(l.level.low, 0)} – ${fmtNumber(l.level.high, 0)}`
                    : paramShown(l.level.value);
            rows.push([value, String(l.count), fmtNumber(l.mean, d), fmtNumber(l.best, d), plain(l.bestRun, 40)]);
        }
        out.push(indent(columns(rows, ['left', 'right', 'right', 'right', 'left']), 4));
    }
    if (sweep.effects.length > TEXT_PARAMETERS)
        out.push(`  … ${sweep.effects.length - TEXT_PARAMETERS} more parameters in the JSON report (--format json)`);
    const d = decimalsFor(...sweep.neighbourhood.map(n => n.value));
    const rows = [['#', 'run', primary, 'vs champion', 'differs from the champion in']];
    for (const n of sweep.neighbourhood.slice(0, TEXT_NEIGHBOURS)) {
        rows.push([
            String(n.rank),
            plain(n.name, 40),
            fmtNumber(n.value, d),
            n.champion ? 'champion' : fmtSigned(n.difference, d),
            n.differences
                .map(x => `${plain(x.name, 30)} ${paramShown(x.value)} (${paramShown(x.champion)})`)
                .join(', ')
        ]);
    }
    out.push('', "The champion's neighbourhood:", indent(columns(rows, ['right', 'left', 'right', 'right', 'left']), 2));
    return out;
}
/** What the selection kept and left out, or that runs of several experiments are ranked together. */
function selectionText(c) {
    const s = c.selection;
    if (!s)
        return [];
    const names = (list) => plain(list.join(', '), 200);
    const { experiments, tags = [], groups = [] } = s.selected;
    if (!experiments.length && !tags.length && !groups.length) {
        return s.experiments.length > 1
            ? [
                `The runs come from ${s.experiments.length} experiments (${names(s.experiments)}), ranked together; --experiment NAME reviews one.`
            ]
            : [];
    }
    const selected = [
        experiments.length ? `experiments ${names(experiments)}` : '',
        tags.length ? `tags ${names(tags)}` : '',
        groups.length ? `groups ${names(groups)}` : ''
    ].filter(Boolean);
    const left = s.leftOut
        ? `left out ${s.leftOut} runs${s.leftOutExperiments.length ? ` (of ${names(s.leftOutExperiments)})` : ''}`
        : 'no run left out';
    return [`Selected ${selected.join('; ')}: ${left}.`];
}
/** A parameter value: numbers (and numeric text) at 4 significant digits, other values made inert. */
function paramShown(value) {
    if (value === undefined || value === null)
        return 'not set';
    const n = numberOf(value);
    return n !== undefined ? String(Number(n.toPrecision(4))) : plain(paramText(value), 30);
}
function indent(block, spaces) {
    return block.replace(/^/gm, ' '.repeat(spaces));
}
/** A list of runs as terminal text. */
function renderRunList(runs) {
    if (!runs.length)
        return 'No runs found.\n';
    const rows = [['run', 'format', 'status', 'metrics', 'params', 'path']];
    for (const r of runs)
        rows.push([
            plain(r.name, 40),
            r.source,
            r.readErrors?.length ? `⚠ ${unreadableLabel(r.readErrors)}` : r.metadata.status,
            String(Object.keys(r.metrics).length),
            String(Object.keys(r.params).length),
            plain(r.path, 60)
        ]);
    const damaged = runs.filter(r => r.readErrors?.length);
    const notes = damaged.map(r => `⚠ ${plain(r.name, 40)}: ${plain(readErrorsText(r.readErrors ?? []), 300)}`);
    return `${[columns(rows), ...(notes.length ? ['', ...notes] : [])].join('\n')}\n`;
}
/** One run in detail as terminal text. */
function renderRun(run) {
    const out = [
        `${plain(run.name, 100)}  (${run.source}, ${plain(run.path, 100)})`,
        run.readErrors?.length
            ? `status: ⚠ ${unreadableLabel(run.readErrors)} (what was read says ${run.metadata.status})`
            : `status: ${run.metadata.status}${run.metadata.statusReason ? ` (${plain(run.metadata.statusReason)})` : ''}`,
        ...(run.readErrors ?? []).map(d => `  ⚠ ${plain(formatDiagnostic({ ...d, run: undefined }), 300)}`)
    ];
    const m = run.metadata;
    for (const [label, value] of [
        ['commit', m.gitCommit],
        ['data', m.dataVersion],
        ['group', m.group],
        ['author', m.author],
        ['description', m.description],
        ['hypothesis', m.hypothesis]
    ]) {
        if (value)
            out.push(`${label}: ${plain(value, 120)}`);
    }
    if (m.tags.length)
        out.push(`tags: ${m.tags.map(t => plain(t, 40)).join(', ')}`);
    const metrics = Object.entries(run.metrics);
    if (metrics.length) {
        const rows = [['metric', 'value', 'history']];
        for (const [k, v] of metrics)
            rows.push([
                plain(k, 50),
                v.exact ?? fmtStat({ value: v.value, samples: [v.value], n: 1 }, decimalsFor(v.value)),
                historyText(v)
            ]);
        out.push('', columns(rows, ['left', 'right', 'left']));
    }
    const params = Object.entries(run.params);
    if (params.length) {
        const rows = [['param', 'value']];
        for (const [k, v] of params)
            rows.push([plain(k, 50), plain(paramText(v), 60)]);
        out.push('', columns(rows));
    }
    const env = Object.entries(m.environment);
    if (env.length)
        out.push('', ...env.map(([k, v]) => `env ${plain(k, 30)}: ${plain(v, 80)}`));
    return `${out.join('\n')}\n`;
}
/** A history's length: "1,001 points (500 kept)" when the reader thinned it, "120 points" when it kept all. */
function historyText(metric) {
    if (!metric.history)
        return '';
    const kept = metric.history.length;
    const full = Math.max(metric.historyPoints ?? kept, kept);
    const count = (n) => n.toLocaleString('en-US');
    return full > kept
        ? `${count(full)} point${full === 1 ? '' : 's'} (${count(kept)} kept)`
        : `${count(full)} point${full === 1 ? '' : 's'}`;
}
/** Diagnostics as terminal lines for stderr. */
function renderDiagnostics(diagnostics) {
    return diagnostics
        .map(d => `${d.severity}: ${plain(formatDiagnostic(d), 400)}`)
        .join('\n');
}

export { fmtRules as A, makeExperiment as B, renderRunList as a, renderRun as b, renderText as c, decimalsFor as d, columns as e, fmtStat as f, fmtThreshold as g, fmtNumber as h, fmtChange as i, fmtMeaning as j, groupRuns as k, parameterEffects as l, fmtSigned as m, numberOf as n, studentTQuantile as o, plain as p, powerOfTwoScale as q, renderDiagnostics as r, studentTSurvival as s, summarize as t, isFoldKey as u, sampleKeyOf as v, shortSha as w, metricSentence as x, goalArrow as y, metricIcon as z };
