// The run model every source produces and every other layer consumes. Pure types and helpers.
/**
 * Whether a run's unreadable parts may have held `metric`: the run does not report it, and a whole file of the run
 * (or that metric's key) could not be read. A run that reports the metric has its evidence for it.
 */
function mayHaveHeld(run, metric) {
    if (!run.readErrors?.length || Object.hasOwn(run.metrics, metric))
        return false;
    return run.readErrors.some(d => d.key === undefined || d.key === metric);
}
/** An empty metadata record with the defaults every source starts from. */
function emptyMetadata() {
    return { tags: [], status: 'finished', environment: {} };
}
/** Builds a run with empty params, metrics and metadata filled in. */
function makeRun(fields) {
    return {
        params: {},
        metrics: {},
        ...fields,
        metadata: { ...emptyMetadata(), ...(fields.metadata ?? {}) }
    };
}
/** A diagnostic's location as `file:line:column (run, key)` for logs and messages. */
function formatDiagnostic(d) {
    const where = [d.file, d.line, d.line !== undefined ? d.column : undefined]
        .filter(x => x !== undefined)
        .join(':');
    const context = [d.run && `run ${JSON.stringify(d.run)}`, d.key && `key ${JSON.stringify(d.key)}`]
        .filter(Boolean)
        .join(', ');
    return `${where}${context ? ` (${context})` : ''}: ${d.message}`;
}
/** Flattens nested objects into dotted keys (`{a: {b: 1}}` → `{'a.b': 1}`); arrays become JSON text. */
function flattenParams(value, prefix = '', out = {}, depth = 0) {
    if (value === null || typeof value !== 'object') {
        if (prefix)
            out[prefix] = toParamValue(value);
        return out;
    }
    if (Array.isArray(value) || depth > 32) {
        if (prefix)
            out[prefix] = safeJson(value);
        return out;
    }
    for (const [k, v] of Object.entries(value)) {
        flattenParams(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
    }
    return out;
}
/** Turns any logged value into a ParamValue without losing its text. */
function toParamValue(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'string' || typeof value === 'boolean')
        return value;
    if (typeof value === 'number')
        return value;
    if (typeof value === 'bigint')
        return value.toString();
    return safeJson(value);
}
/** The canonical text of a param value, used to tell whether two values differ. */
function paramText(value) {
    if (value === undefined)
        return '';
    if (value === null)
        return 'null';
    return String(value);
}
function safeJson(value) {
    try {
        return JSON.stringify(value) ?? String(value);
    }
    catch {
        return String(value);
    }
}

// Which runs of a shared tracker store a review looks at: the experiments selected by `--experiment` (CLI) or
// `select.experiments` (rules file), and the commit under review for stores named by a tracking URI. Pure data and
// naming; the sources match it where they read (sources/experiment-match.ts: an MLflow server filters on the
// server, a file store skips folders). Later selectors (tags, groups, W&B projects) belong here beside `experiments`.
/** The selection of nothing in particular: every experiment. */
function selectAll() {
    return { experiments: [] };
}
/** A short list of experiment names for a message: sorted, at most `max` shown, the rest counted. */
function listExperimentNames(names, max = 20) {
    const sorted = [...new Set(names)].sort();
    if (!sorted.length)
        return '(none)';
    const shown = sorted.slice(0, max).map(n => JSON.stringify(n));
    return sorted.length > max ? `${shown.join(', ')} and ${sorted.length - max} more` : shown.join(', ');
}

// The rules a review applies, as pure data (parsed from the rules file by src/config/rules.ts).
/** The retraining defaults for the parts of the section a rules file leaves out. */
const RETRAINING_DEFAULTS = {
    labels: ['retraining'],
    recoverAfter: 1,
    reopenWithinDays: 7,
    tolerance: { amount: 0.01, relative: true }
};
/** Repository permission levels, weakest first. */
const PERMISSION_LEVELS = ['read', 'triage', 'write', 'maintain', 'admin'];
/** Rules when there is no rules file. */
function defaultRules() {
    return {
        metrics: {},
        significance: { alpha: 0.05, adjust: 'holm' },
        commands: { permission: 'write' },
        grouping: { patterns: ['-seed<N>', '-fold<N>'] },
        select: selectAll()
    };
}
const MINIMIZE_WORDS = [
    'loss',
    'error',
    'err',
    'latency',
    'time',
    'duration',
    'size',
    'rmse',
    'mse',
    'mae',
    'mape',
    'perplexity',
    'ppl',
    'wer',
    'cer',
    'memory',
    'runtime'
];
/** The goal of a metric: its rule's, else guessed from its name (loss, error, latency … → minimize). */
function goalOf(metric, rules) {
    const rule = rules.metrics[metric];
    if (rule?.goal)
        return { goal: rule.goal, from: 'rule' };
    const words = metric.toLowerCase().split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])/);
    return { goal: words.some(w => MINIMIZE_WORDS.includes(w)) ? 'minimize' : 'maximize', from: 'name' };
}
/** True when a metric's rule can fail the gate. */
function isGated(rule) {
    return (!!rule &&
        (rule.min !== undefined ||
            rule.max !== undefined ||
            !!rule.maxDrop ||
            !!rule.maxRise ||
            rule.required === true));
}
/** A threshold as text: `1%` or `0.01`. */
function thresholdText(t) {
    return t.relative ? `${+(t.amount * 100).toPrecision(6)}%` : String(t.amount);
}

/** A p-value as a reader writes it: "p = 0.41", "p = 0.003", "p < 0.001". */
function pPhrase(p) {
    return p !== undefined && p < 0.001 ? 'p < 0.001' : `p = ${fmtP(p)}`;
}
/** The name of a test as the report says it. */
function methodName(method) {
    switch (method) {
        case 'welch':
            return "Welch's t-test";
        case 'paired':
            return 'paired t-test over matched seeds';
        case 'prediction':
            return 'prediction interval of one run';
        case 'corrected-paired':
            return 'Nadeau–Bengio corrected t-test over folds';
    }
}
/** The test behind a significance result, with why runs were not paired: "Welch's t-test; seeds do not match". */
function testName(s) {
    const method = s.test?.method ?? s.method;
    const name = method ? methodName(method) : 'no test';
    if (s.fallback === 'keys-differ')
        return `${name}; the seeds do not match, so runs are not paired`;
    if (s.fallback === 'folds-unmatched')
        return `${name}; the fold indices do not match, so folds are not paired and not corrected for shared training data`;
    return name;
}
/** The label's p in words: "p = 0.003, two-sided, paired t-test" (with the best-of-k adjustment when made). */
function labelP(s) {
    const adjusted = s.bestOf ? `, ×${s.bestOf} for the best of ${s.bestOf}` : '';
    return `${pPhrase(s.pLabel)}, two-sided${adjusted}, ${testName(s)}`;
}
/** The significance of a change in words, e.g. "p = 0.41, two-sided, within noise" or "single runs, no noise estimate". */
function significanceWords(s) {
    if (!s)
        return 'single runs, no noise estimate';
    const selected = s.bestOf ? ` ×${s.bestOf} for the best of ${s.bestOf}` : '';
    switch (s.state) {
        case 'significant':
            return `${pPhrase(s.pLabel)} two-sided${selected}, significant`;
        case 'within-noise':
            return `${pPhrase(s.pLabel)} two-sided${selected}, within noise`;
        case 'exact':
            return s.significant ? 'no variance, exact difference' : 'no variance, no difference';
        case 'inconclusive':
            return 'inconclusive: too few samples to test';
        case 'uncomputable':
            return 'the p-value could not be computed';
    }
}
/** Why too few samples allow no test: "too few samples to test (1 baseline, 3 in this PR; at least 2 a side)". */
function tooFewSamplesText(n, nonFinite) {
    const left = nonFinite[0] + nonFinite[1];
    const after = left ? ` after leaving out ${left} non-finite` : '';
    return `too few samples to test (${n[0]} baseline, ${n[1]} in this PR${after}; at least 2 a side)`;
}
/** Why no test was needed when neither side varies. */
function noVarianceText(differ) {
    return differ
        ? 'no variance on either side, so no test applies; the difference is exact'
        : 'both sides are the same constant: no variance, no difference';
}
/** Why a significance result has no p: the inconclusive or exact reason in words; undefined when tested. */
function untestedText(s) {
    if (s.state === 'uncomputable')
        return 'the p-value could not be computed (values beyond the range of a double)';
    if (s.state === 'inconclusive')
        return tooFewSamplesText([s.n.baseline, s.n.current], [s.excluded.baseline, s.excluded.current]);
    if (s.state === 'exact')
        return noVarianceText(!!s.significant);
    return undefined;
}
/** A value as the rule messages show it: the exact text, else 4 significant digits; "missing" when absent. */
function ruleValue(v) {
    return v ? (v.exact ?? String(+v.value.toPrecision(4))) : 'missing';
}
/** A value in full: the exact text, else the number as JavaScript writes it; "missing" when absent. */
function rawValue(v) {
    return v ? (v.exact ?? String(v.value)) : 'missing';
}
/** The rule as a reader would say it, e.g. "≥ 0.85", "drop ≤ 1%", "missing: the metric vanished from this PR". */
function checkText(c, values) {
    switch (c.rule) {
        case 'min':
            return `≥ ${c.limit}`;
        case 'max':
            return `≤ ${c.limit}`;
        case 'diverged':
            return `${c.nonFinite} of ${c.samples} samples are not finite (NaN or infinite): the seeds diverged${c.runs.length ? ` (${c.runs.join(', ')})` : ''}`;
        case 'required':
            return c.missing === 'vanished'
                ? 'missing: the metric vanished from this PR'
                : 'missing: a required metric was not reported';
        case 'max_drop':
        case 'max_rise': {
            const text = `${c.rule === 'max_drop' ? 'drop' : 'rise'} ≤ ${thresholdText(c.threshold)}`;
            return c.outcome === 'not-comparable'
                ? `${text} (not comparable: ${rawValue(values.baseline)} → ${rawValue(values.current)})`
                : text;
        }
    }
}
/** The gate's p of a drop or rise check: "one-sided p = 0.003, Holm-adjusted for 4 gated metrics". */
function gateP(c) {
    const p = c.pAdjusted ?? c.pOneSided;
    const how = c.adjustment ? `, Holm-adjusted for ${c.adjustment.family} gated metrics` : '';
    return `one-sided ${pPhrase(p)}${how}`;
}
/** The confidence bound of a move in words: "drop ≥ 0.012 at 95% confidence". */
function boundText(c) {
    if (!c.bound)
        return undefined;
    const what = c.rule === 'max_drop' ? 'drop' : 'rise';
    return `${what} ≥ ${String(+c.bound.value.toPrecision(4)).replace(/^-/, '−')} at ${+(c.bound.level * 100).toPrecision(4)}% confidence`;
}
/** Why a drop or rise check came out as it did, when there is more to say than met or broken. */
function checkNote(c, significance) {
    if (c.rule !== 'max_drop' && c.rule !== 'max_rise')
        return undefined;
    const bound = boundText(c);
    const withBound = bound ? `; ${bound}` : '';
    switch (c.outcome) {
        case 'significant':
            return `significant (${gateP(c)} < ${c.alpha}${withBound})`;
        case 'within-noise':
            return `beyond the limit but within noise (${gateP(c)} ≥ ${c.alpha}${withBound})`;
        case 'noise-not-required':
            return `within noise (${gateP(c)}), but the rule does not require significance`;
        case 'exact':
            return 'no variance on either side: the difference is exact';
        case 'inconclusive':
            return `inconclusive: ${significance ? untestedText(significance) : 'too few samples to test'}; the raw change decides`;
        case 'untested':
            return 'one run a side: no noise estimate; the raw change decides';
        case 'uncomputable':
            return 'the p-value could not be computed, so the gate fails closed';
        default:
            return undefined;
    }
}
function fmtP(p) {
    if (p === undefined)
        return '—';
    if (p < 0.001)
        return '< 0.001';
    return String(+p.toPrecision(2));
}

export { PERMISSION_LEVELS as P, RETRAINING_DEFAULTS as R, checkText as a, gateP as b, checkNote as c, defaultRules as d, rawValue as e, formatDiagnostic as f, goalOf as g, pPhrase as h, significanceWords as i, flattenParams as j, emptyMetadata as k, labelP as l, makeRun as m, noVarianceText as n, listExperimentNames as o, paramText as p, thresholdText as q, ruleValue as r, selectAll as s, tooFewSamplesText as t, untestedText as u, isGated as v, mayHaveHeld as w };
