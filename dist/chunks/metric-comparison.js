import { s as studentTSurvival, a as studentTQuantile, p as powerOfTwoScale, b as summarize, c as isFoldKey, d as sampleKeyOf } from './experiment.js';
import { a4 as isGated, c as goalOf } from './findings.js';

// Tests of a difference PR − baseline: Welch's t-test, the paired t-test, the prediction interval of one new run,
// Nadeau and Bengio's corrected resampled t-test for cross-validation folds; p-values against a shifted null,
// confidence bounds, and Holm's step-down adjustment. Every standard error is computed on power-of-two-scaled
// values, so no finite input overflows. Pure functions.
/** True when no test could be run. */
function isNoTest(r) {
    return 'inconclusive' in r;
}
/** Welch's t-test of b (PR) against a (baseline); non-finite values are left out and counted. */
function welch(a, b) {
    const sa = summarize(a);
    const sb = summarize(b);
    const n = [sa.n, sb.n];
    const nonFinite = [sa.nonFinite, sb.nonFinite];
    if (sa.n < 2 || sb.n < 2)
        return { inconclusive: 'too-few-samples', method: 'welch', n, nonFinite };
    const estimate = sb.mean - sa.mean;
    const sdA = sa.sd;
    const sdB = sb.sd;
    if (sdA === 0 && sdB === 0)
        return { inconclusive: 'no-variance', exactDifference: estimate, method: 'welch', n, nonFinite };
    // Variances of the means on a scale where the larger sd is about 1: no overflow, no underflow to 0.
    const scale = powerOfTwoScale([sdA, sdB]);
    const va = (sdA / scale) ** 2 / sa.n;
    const vb = (sdB / scale) ** 2 / sb.n;
    const se = Math.sqrt(va + vb) * scale;
    const df = (va + vb) ** 2 / (va ** 2 / (sa.n - 1) + vb ** 2 / (sb.n - 1));
    return finiteOr({ method: 'welch', estimate, se, df, n, nonFinite });
}
/** Student's paired t-test of the differences b − a of matched runs (both finite). */
function paired(pairs, nonFinite = [0, 0]) {
    return pairedTest('paired', pairs, nonFinite);
}
/**
 * Nadeau and Bengio's corrected resampled t-test over k matched folds: the mean difference over the folds, with
 * the variance sd²·(1/k + testTrainRatio) in place of sd²/k, because folds share training data.
 * testTrainRatio defaults to 1/(k − 1), the ratio of k-fold cross-validation.
 */
function correctedResampled(pairs, testTrainRatio, nonFinite = [0, 0]) {
    return pairedTest('corrected-paired', pairs, nonFinite, testTrainRatio);
}
function pairedTest(method, pairs, nonFinite, ratio) {
    const k = pairs.length;
    const n = [k, k];
    if (k < 2)
        return { inconclusive: 'too-few-samples', method, n, nonFinite };
    // Differences of scaled values: b − a cannot overflow after both are divided by the same power of two.
    const scale = powerOfTwoScale(pairs.flat());
    const d = pairs.map(([a, b]) => b / scale - a / scale);
    const s = summarize(d);
    const estimate = s.mean * scale;
    if (s.sd === 0)
        return { inconclusive: 'no-variance', exactDifference: estimate, method, n, nonFinite };
    const testTrainRatio = method === 'corrected-paired' ? (ratio ?? 1 / (k - 1)) : undefined;
    const factor = testTrainRatio !== undefined ? 1 / k + testTrainRatio : 1 / k;
    const se = s.sd * Math.sqrt(factor) * scale;
    return finiteOr({
        method,
        estimate,
        se,
        df: k - 1,
        n,
        nonFinite,
        pairs: k,
        ...(testTrainRatio !== undefined ? { testTrainRatio } : {})
    });
}
/**
 * One run against several on the other side, by the prediction interval of a new observation:
 * t = (single − mean(many)) / (sd(many)·√(1 + 1/n)), n − 1 degrees of freedom. `singleSide` says which side has
 * the single run; the estimate is always PR − baseline.
 */
function prediction(many, single, singleSide, nonFinite = [0, 0]) {
    const s = summarize(many);
    const n = singleSide === 'pr' ? [s.n, 1] : [1, s.n];
    const left = singleSide === 'pr'
        ? [s.nonFinite + nonFinite[0], nonFinite[1]]
        : [nonFinite[0], s.nonFinite + nonFinite[1]];
    if (s.n < 2 || !Number.isFinite(single))
        return { inconclusive: 'too-few-samples', method: 'prediction', n, nonFinite: left };
    // Stryker disable next-line ArrayDeclaration: (x/s − y/s)·s for a power of two s is the correctly rounded x − y whatever s is (an operand that underflows is below half an ulp of the other)
    const scale = powerOfTwoScale([s.mean, single]);
    const estimate = (singleSide === 'pr' ? single / scale - s.mean / scale : s.mean / scale - single / scale) * scale;
    if (s.sd === 0)
        return {
            inconclusive: 'no-variance',
            exactDifference: estimate,
            method: 'prediction',
            n,
            nonFinite: left
        };
    const se = s.sd * Math.sqrt(1 + 1 / s.n);
    return finiteOr({ method: 'prediction', estimate, se, df: s.n - 1, n, nonFinite: left });
}
function finiteOr(test) {
    if (Number.isFinite(test.se) && test.se > 0 && test.df > 0 && !Number.isNaN(test.estimate))
        return test;
    return { inconclusive: 'uncomputable', method: test.method, n: test.n, nonFinite: test.nonFinite };
}
/**
 * The p-value of a test against a shifted null: `greater` tests H0 "difference ≤ shift" against "difference >
 * shift"; `less` tests H0 "difference ≥ shift" against "< shift"; `two-sided` tests "difference = shift".
 * NaN when it cannot be computed.
 */
function pValue(test, alternative, shift = 0) {
    const t = standardized(test, shift);
    // Stryker disable next-line ConditionalExpression: studentTSurvival gives NaN for a NaN t, so every branch below returns NaN too
    if (Number.isNaN(t))
        return NaN;
    if (alternative === 'greater')
        return studentTSurvival(t, test.df);
    if (alternative === 'less')
        return studentTSurvival(-t, test.df);
    return Math.min(1, 2 * studentTSurvival(Math.abs(t), test.df));
}
/** (estimate − shift) / se, computed so that a huge estimate and shift do not overflow on the way. */
function standardized(test, shift = 0) {
    const scale = powerOfTwoScale([test.estimate, shift, test.se]);
    return (test.estimate / scale - shift / scale) / (test.se / scale);
}
/** The two-sided confidence interval of the difference at `level` (e.g. 0.95), the test's own. */
function confidenceInterval(test, level) {
    const half = studentTQuantile(1 - (1 - level) / 2, test.df) * test.se;
    return [test.estimate - half, test.estimate + half];
}
/**
 * A one-sided confidence bound of the difference at `level`: `lower` says "difference ≥ bound", `upper` says
 * "difference ≤ bound". A gate on a drop fails exactly when the upper bound of PR − baseline is below −max_drop
 * at the level the gate is judged at.
 */
function confidenceBound(test, level, side) {
    const half = studentTQuantile(level, test.df) * test.se;
    return side === 'lower' ? test.estimate - half : test.estimate + half;
}
/**
 * Holm's step-down adjustment of p-values (R's `p.adjust(p, "holm")`): the i-th smallest of m is multiplied by
 * m − i + 1, then made monotone. NaN stays NaN and counts in m (it can never be rejected).
 */
function holm(ps) {
    const m = ps.length;
    const order = ps.map((p, i) => i).sort((i, j) => key(ps[i]) - key(ps[j]));
    // Stryker disable next-line ArrayDeclaration: every index below m is assigned below, so a preallocated and a growing array end equal
    const out = new Array(m);
    let running = 0;
    order.forEach((index, rank) => {
        const p = ps[index];
        // Stryker disable next-line BlockStatement,ConditionalExpression: NaN p-values sort last, where Math.max(running, NaN) makes each of them NaN all the same
        if (Number.isNaN(p)) {
            out[index] = NaN;
            return;
        }
        running = Math.max(running, Math.min(1, (m - rank) * p));
        out[index] = running;
    });
    return out;
}
function key(p) {
    return Number.isNaN(p) ? Infinity : p;
}
/** The level each hypothesis is judged at under Holm: alpha / (m − rank), rank 0 for the smallest p. */
function holmLevels(ps, alpha) {
    const m = ps.length;
    const order = ps.map((p, i) => i).sort((i, j) => key(ps[i]) - key(ps[j]));
    // Stryker disable next-line ArrayDeclaration: every index below m is assigned below, so a preallocated and a growing array end equal
    const out = new Array(m);
    order.forEach((index, rank) => (out[index] = alpha / (m - rank)));
    return out;
}

// A metric's rule applied to its values: min, max, max_drop, max_rise and required, as facts. A drop or rise rule
// asks its own question of the test: H0 "the drop is at most max_drop" against H1 "it is larger", one-sided in
// the harmful direction (max_rise likewise), with the p-values of all gated metrics of a review adjusted together
// (Holm by default). Pure.
/** The limit of a threshold in the metric's unit. */
function limitOf(t, baseline) {
    return t.relative ? t.amount * Math.abs(baseline) : t.amount;
}
/** A tolerance for comparing values of this size: 1e-12 relative, so tiny metrics keep their meaning. */
function toleranceFor(...values) {
    return 1e-12 * Math.max(0, ...values.filter(Number.isFinite).map(Math.abs));
}
/** Applies one metric rule to the values; a non-finite value never passes a bound. */
function checkRule(rule, baseline, current, significance, alpha) {
    const checks = [];
    if (!current) {
        if (rule.required || (baseline && isGated(rule)))
            checks.push({ rule: 'required', missing: baseline ? 'vanished' : 'not-reported', passed: false });
        return checks;
    }
    // Seeds that diverged count against the PR: when at least half of the samples are not finite, the rule fails
    // rather than being judged on the few finite ones (fewer are left out of the test and named in the warnings).
    const nonFinite = current.samples.filter(x => !Number.isFinite(x)).length;
    if (current.samples.length >= 2 && isGated(rule) && nonFinite * 2 >= current.samples.length) {
        const runs = (current.sampleRuns ?? []).filter((_, i) => !Number.isFinite(current.samples[i]));
        checks.push({ rule: 'diverged', nonFinite, samples: current.samples.length, runs, passed: false });
        return checks;
    }
    const v = current.value;
    if (rule.min !== undefined)
        checks.push({ rule: 'min', limit: rule.min, passed: !Number.isNaN(v) && v >= rule.min });
    if (rule.max !== undefined)
        checks.push({ rule: 'max', limit: rule.max, passed: !Number.isNaN(v) && v <= rule.max });
    if (baseline) {
        const demand = rule.requireSignificance !== false;
        for (const [kind, threshold] of [
            ['max_drop', rule.maxDrop],
            ['max_rise', rule.maxRise]
        ]) {
            if (threshold)
                checks.push(checkMove(kind, threshold, baseline, current, significance, demand, alpha));
        }
    }
    return checks;
}
/** A drop or rise rule, judged alone (a family of one); adjustGate re-judges it with the review's other gates. */
function checkMove(rule, threshold, baseline, current, significance, requireSignificance, alpha) {
    const v = current.value;
    const limit = limitOf(threshold, baseline.value);
    const base = { rule, threshold, limit, requireSignificance, alpha };
    if (!Number.isFinite(v) || !Number.isFinite(baseline.value) || !Number.isFinite(limit))
        return { ...base, outcome: 'not-comparable', passed: false };
    const move = rule === 'max_drop' ? baseline.value - v : v - baseline.value;
    const crossed = move > limit + toleranceFor(baseline.value, v, limit);
    const fact = (outcome, passed) => ({
        ...base,
        move,
        crossed,
        outcome,
        passed,
        ...(outcome === 'inconclusive' ? { inconclusive: true } : {})
    });
    if (significance?.state === 'uncomputable')
        return fact('uncomputable', false);
    if (significance?.test) {
        // H0: move ≤ limit. A drop is PR − baseline < −limit; a rise is PR − baseline > limit.
        const pOneSided = rule === 'max_drop'
            ? pValue(significance.test, 'less', -limit)
            : pValue(significance.test, 'greater', limit);
        // A test that finiteOr let through has a finite estimate, se > 0 and df > 0, so its p is a number today; the
        // guard keeps the gate failing closed should that change.
        // Stryker disable next-line ConditionalExpression,StringLiteral,BooleanLiteral: unreachable for a test finiteOr returns (see above)
        if (Number.isNaN(pOneSided))
            return fact('uncomputable', false);
        // Stryker disable next-line StringLiteral,BooleanLiteral: decideMove replaces the outcome and passed of this fact
        return decideMove({ ...fact('within-limit', true), pOneSided }, pOneSided, alpha, significance);
    }
    if (!crossed)
        return fact('within-limit', true);
    switch (significance?.state) {
        case 'exact':
            return fact('exact', false);
        case 'inconclusive':
            return fact('inconclusive', false);
        default:
            return fact('untested', false);
    }
}
/** Decides a tested move check at the level it is judged at (alpha, or Holm's step for its rank). */
function decideMove(check, pAdjusted, level, significance) {
    const bound = significance?.test ? moveBound(check.rule, significance.test, 1 - level) : undefined;
    const crossed = check.crossed === true;
    const significant = pAdjusted < check.alpha;
    const outcome = !check.requireSignificance
        ? crossed
            ? significant
                ? 'significant'
                : 'noise-not-required'
            : 'within-limit'
        : significant
            ? 'significant'
            : crossed
                ? 'within-noise'
                : 'within-limit';
    const passed = outcome === 'within-limit' || outcome === 'within-noise';
    return { ...check, outcome, passed, ...(bound ? { bound } : {}) };
}
/** The lower confidence bound of the move at `level`: of −(PR − baseline) for a drop, of PR − baseline for a rise. */
function moveBound(rule, test, level) {
    const value = 
    // Stryker disable next-line StringLiteral: confidenceBound takes every side but 'lower' as the upper bound
    rule === 'max_drop' ? -confidenceBound(test, level, 'upper') : confidenceBound(test, level, 'lower');
    return { level, value };
}
/**
 * Adjusts the one-sided p-values of every tested drop and rise check of a review together (Holm's step-down
 * method unless the rules say `adjust: none`) and re-judges each check at its adjusted p. Returns the checks in
 * place of the given ones, keyed by their position.
 */
function adjustGate(entries, rules) {
    const tested = entries.filter(e => e.check.pOneSided !== undefined);
    const holmOn = rules.significance.adjust !== 'none' && tested.length > 1;
    const ps = tested.map(e => e.check.pOneSided);
    const adjusted = holmOn ? holm(ps) : ps;
    const levels = holmOn ? holmLevels(ps, rules.significance.alpha) : ps.map(() => rules.significance.alpha);
    return entries.map(e => {
        const i = tested.indexOf(e);
        if (i < 0)
            return e.check;
        const decided = decideMove(e.check, adjusted[i], levels[i], e.significance);
        return holmOn
            ? { ...decided, pAdjusted: adjusted[i], adjustment: { method: 'holm', family: tested.length } }
            : decided;
    });
}

// The significance of a metric's change: which test fits the samples (paired by seed, corrected for folds,
// Welch, or a prediction interval for one run), its two-sided p and its interval. Pure: data in, data out.
/** The significance of a change (see SignificanceResult); undefined for one run against one (no noise estimate). */
function testSignificance(baseline, current, alpha, 
// Stryker disable next-line ObjectLiteral,StringLiteral: without bestOf the goal decides nothing (it only picks the change best of k adjusts)
options = { goal: 'maximize' }) {
    // Records written before samples were kept have none: their single value is the one sample.
    // Stryker disable next-line ArrayDeclaration: only "two samples or more" is asked of a and b (chooseTest reads the value itself), and none is fewer than two as one is
    const a = baseline.samples ?? [baseline.value];
    // Stryker disable next-line ArrayDeclaration: as for a
    const b = current.samples ?? [current.value];
    if (a.length < 2 && b.length < 2)
        return undefined;
    const { test, fallback } = chooseTest(baseline, current);
    const n = { baseline: test.n[0], current: test.n[1] };
    const excluded = { baseline: test.nonFinite[0], current: test.nonFinite[1] };
    const common = { n, excluded, alpha, ...(fallback ? { fallback } : {}) };
    if (isNoTest(test)) {
        const method = test.method ? { method: test.method } : {};
        if (test.inconclusive === 'no-variance') {
            const d = test.exactDifference;
            return { state: 'exact', tested: false, significant: d !== 0, exactDifference: d, ...method, ...common };
        }
        const state = test.inconclusive === 'uncomputable' ? 'uncomputable' : 'inconclusive';
        return { state, tested: false, ...method, ...common };
    }
    // Stryker disable next-line StringLiteral: pValue takes every alternative but greater and less as two-sided
    const pTwoSided = pValue(test, 'two-sided');
    // A test finiteOr let through has a finite se > 0, df > 0 and an estimate that is not NaN, so its p is a number;
    // the guard keeps a gate on it failing closed should that change.
    // Stryker disable next-line ObjectLiteral,StringLiteral,BooleanLiteral,ConditionalExpression: unreachable (see above)
    if (Number.isNaN(pTwoSided))
        return { state: 'uncomputable', tested: false, method: test.method, ...common };
    const improvement = options.goal === 'maximize' ? test.estimate > 0 : test.estimate < 0;
    const k = improvement && (options.bestOf ?? 1) > 1 ? options.bestOf : undefined;
    const pLabel = k ? Math.min(1, pTwoSided * k) : pTwoSided;
    const significant = pLabel < alpha;
    const [lower, upper] = confidenceInterval(test, 1 - alpha);
    return {
        state: significant ? 'significant' : 'within-noise',
        tested: true,
        test,
        pTwoSided,
        pLabel,
        ...(k ? { bestOf: k } : {}),
        t: standardized(test),
        interval: { level: 1 - alpha, lower, upper },
        significant,
        ...common
    };
}
/**
 * The test that fits the samples: paired (or corrected-paired for folds) when both sides have the same seeds or
 * folds; else Welch with two samples a side; else the prediction interval of the single run.
 */
function chooseTest(baseline, current) {
    const a = baseline.samples ?? [baseline.value];
    const b = current.samples ?? [current.value];
    const nonFinite = [countNonFinite(a), countNonFinite(b)];
    const ka = keysOf(baseline, a.length);
    const kb = keysOf(current, b.length);
    let fallback;
    if (ka && kb) {
        const byKey = new Map(ka.map((k, i) => [k, a[i]]));
        if (ka.length === kb.length && kb.every(k => byKey.has(k))) {
            const pairs = kb
                .map((k, i) => [byKey.get(k), b[i]])
                .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
            if (pairs.length >= 2) {
                const folds = kb.every(isFoldKey);
                const test = folds
                    ? correctedResampled(pairs, current.testTrainRatio ?? baseline.testTrainRatio, nonFinite)
                    : paired(pairs, nonFinite);
                return { test };
            }
        }
        else
            fallback = ka.every(isFoldKey) || kb.every(isFoldKey) ? 'folds-unmatched' : 'keys-differ';
    }
    const fa = a.filter(Number.isFinite);
    const fb = b.filter(Number.isFinite);
    if (fa.length >= 2 && fb.length === 1)
        return { test: prediction(a, fb[0], 'pr', [0, nonFinite[1]]), fallback };
    if (fa.length === 1 && fb.length >= 2)
        // Stryker disable next-line StringLiteral: prediction takes every side but 'pr' as the baseline's
        return { test: prediction(b, fa[0], 'baseline', [nonFinite[0], 0]), fallback };
    return { test: welch(a, b), fallback };
}
/** The seed or fold keys of a metric's samples: recorded, else read from the run names behind them. */
function keysOf(stat, count) {
    if (stat.sampleKeys?.length === count)
        return stat.sampleKeys;
    if (stat.sampleRuns?.length !== count)
        return undefined;
    const keys = stat.sampleRuns.map(name => sampleKeyOf({ name }));
    if (keys.some(k => k === undefined) || new Set(keys).size !== keys.length)
        return undefined;
    return keys;
}
function countNonFinite(xs) {
    return xs.filter(x => !Number.isFinite(x)).length;
}

/** Compares every metric of the champion and the baseline (their union), applying each metric's rule. */
function compareMetrics(champion, base, rules, accepted, bestOf) {
    const names = new Set([...Object.keys(champion.metrics), ...Object.keys(base?.metrics ?? {})]);
    for (const [name, rule] of Object.entries(rules.metrics))
        if (rule.required)
            names.add(name);
    const ordered = [...names].sort((a, b) => rank(a, rules) - rank(b, rules) || a.localeCompare(b));
    const metrics = ordered.map(name => compareMetric(name, base?.metrics[name], champion.metrics[name], rules, accepted, bestOf));
    return adjustAcrossMetrics(metrics, rules, accepted);
}
/** Re-judges every drop and rise check with the review's other gated p-values (Holm), then who is broken. */
function adjustAcrossMetrics(metrics, rules, 
// Stryker disable next-line ArrayDeclaration: a default holding a string has no acceptance with a metric name, like an empty one
accepted = []) {
    const entries = metrics.flatMap(m => 
    // Stryker disable next-line MethodExpression: other checks carry no pOneSided, so adjustGate hands them back unchanged
    m.checks
        .filter((c) => c.rule === 'max_drop' || c.rule === 'max_rise')
        .map(check => ({ check, significance: m.significance, metric: m })));
    const judged = adjustGate(entries, rules);
    return metrics.map(m => {
        const checks = m.checks.map(c => {
            const i = entries.findIndex(e => e.check === c);
            return i < 0 ? c : judged[i];
        });
        return withAcceptance({ ...m, checks }, accepted);
    });
}
/** Sets broken and accepted from the checks: broken when a check failed and no acceptance covers it. */
function withAcceptance(m, accepted) {
    const acceptance = accepted.find(a => a.metric === m.name);
    const failed = m.checks.some(c => !c.passed);
    return { ...m, broken: failed && !acceptance, accepted: failed ? acceptance : undefined };
}
function rank(name, rules) {
    if (name === rules.primary)
        return 0;
    if (isGated(rules.metrics[name]))
        return 1;
    if (rules.metrics[name])
        return 2;
    return 3;
}
/** Compares one metric and applies its rule. */
function compareMetric(name, baseline, current, rules, 
// Stryker disable next-line ArrayDeclaration: a default holding a string has no acceptance with a metric name, like an empty one
accepted = [], bestOf) {
    const { goal, from } = goalOf(name, rules);
    const rule = rules.metrics[name];
    let status;
    let change;
    let relativeChange;
    if (!current)
        status = 'removed';
    else if (!baseline)
        status = 'added';
    else if (!Number.isFinite(current.value) || !Number.isFinite(baseline.value))
        status = 'not-comparable';
    else {
        change = current.value - baseline.value;
        relativeChange = baseline.value !== 0 ? change / Math.abs(baseline.value) : undefined;
        // "Unchanged" within a relative tolerance, so a metric around 1e-12 is judged on its own scale.
        const tolerance = toleranceFor(current.value, baseline.value);
        const better = goal === 'maximize' ? change > tolerance : change < -tolerance;
        const worse = goal === 'maximize' ? change < -tolerance : change > tolerance;
        status = better ? 'improved' : worse ? 'regressed' : 'unchanged';
    }
    const significance = baseline && current && status !== 'not-comparable'
        ? testSignificance(baseline, current, rules.significance.alpha, { goal, bestOf })
        : undefined;
    const checks = rule ? checkRule(rule, baseline, current, significance, rules.significance.alpha) : [];
    return withAcceptance({
        name,
        goal,
        goalFrom: from,
        baseline,
        current,
        status,
        change,
        relativeChange,
        significance,
        checks,
        gated: isGated(rule),
        // Stryker disable next-line BooleanLiteral: withAcceptance sets broken from the checks right away
        broken: false
    }, accepted);
}

export { withAcceptance as a, compareMetrics as c, isNoTest as i, pValue as p, welch as w };
