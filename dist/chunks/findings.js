// The rules a review applies, as pure data (parsed from the rules file by src/config/rules.ts).
/** Repository permission levels, weakest first. */
const PERMISSION_LEVELS = ['read', 'triage', 'write', 'maintain', 'admin'];
/** Rules when there is no rules file. */
function defaultRules() {
    return {
        metrics: {},
        significance: { alpha: 0.05 },
        commands: { permission: 'write' },
        grouping: { patterns: ['-seed<N>', '-fold<N>'] }
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
/** The significance of a change in words, e.g. "p = 0.41, within noise" or "p = 0.003, significant". */
function significanceWords(s) {
    if (!s)
        return 'single runs, noise unknown';
    switch (s.state) {
        case 'significant':
            return `${pPhrase(s.p)}, significant`;
        case 'within-noise':
            return `${pPhrase(s.p)}, within noise`;
        case 'exact':
            return s.significant ? 'no variance, exact difference' : 'no variance, no difference';
        case 'inconclusive':
            return 'inconclusive: too few samples to test';
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
/** Why a drop or rise check came out as it did, when there is more to say than met or broken. */
function checkNote(c, significance) {
    if (c.rule !== 'max_drop' && c.rule !== 'max_rise')
        return undefined;
    switch (c.outcome) {
        case 'significant':
            return `significant (${pPhrase(c.p)} < ${c.alpha})`;
        case 'within-noise':
            return `beyond the limit but within noise (${pPhrase(c.p)} ≥ ${c.alpha})`;
        case 'noise-not-required':
            return `within noise (${pPhrase(c.p)}), but the rule does not require significance`;
        case 'exact':
            return 'no variance on either side: the difference is exact';
        case 'inconclusive':
            return `inconclusive: ${significance ? untestedText(significance) : 'too few samples to test'}; the raw change decides`;
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

/** A broken rule in words: what the value was, against what limit. */
function violationMessage(v) {
    if (v.rule === 'overfitting')
        return overfittingText(v.gap);
    const c = v.check;
    const text = checkText(c, v);
    switch (c.rule) {
        case 'min':
            return `${v.metric} is ${ruleValue(v.current)}, below the floor ${c.limit}`;
        case 'max':
            return `${v.metric} is ${ruleValue(v.current)}, above the ceiling ${c.limit}`;
        case 'max_drop':
        case 'max_rise': {
            const how = c.inconclusive
                ? ' (too few samples to rule out noise)'
                : c.p !== undefined
                    ? ` (${pPhrase(c.p)}, significant)`
                    : '';
            return `${v.metric} went from ${ruleValue(v.baseline)} to ${ruleValue(v.current)}, beyond the allowed ${text}${how}`;
        }
        case 'required':
            return `${v.metric} is ${text}`;
    }
}
/** A train/validation gap in words: "overfitting: train_accuracy − val_accuracy gap is 0.08, over the allowed 0.05". */
function overfittingText(o) {
    const [first, second] = o.goal === 'maximize' ? [o.train, o.val] : [o.val, o.train];
    return `overfitting: ${first} − ${second} gap is ${+o.gap.toPrecision(4)}, ${o.exceeded ? 'over' : 'within'} the allowed ${o.maxGap}`;
}
/** A warning in words. */
function warningMessage(w) {
    switch (w.kind) {
        case 'champion-pick':
            return w.problem;
        case 'overfitting':
            return overfittingText(w.gap);
        case 'mixed-repeats': {
            const list = w.params.slice(0, 5).join(', ') + (w.params.length > 5 ? ', …' : '');
            return `the ${w.runs} runs of ${w.run} differ in ${list}, so they are not plain repeats of one configuration`;
        }
        case 'non-finite-sample': {
            const where = w.baseline ? `the baseline ${w.run}` : w.run;
            return `${w.metric}: ${w.nonFinite} of ${w.samples} samples of ${where} are not finite (NaN or infinite) and are left out of the mean and the test`;
        }
        case 'failed-run':
            return `run ${w.run} failed${w.reason ? `: ${w.reason}` : ''}`;
        case 'vanished-metric':
            return `${w.metric} is in the baseline but no longer reported`;
        case 'not-comparable':
            return `${w.metric} is not a finite number on one side (${rawValue(w.baseline)} → ${rawValue(w.current)}); it is shown, not compared`;
        case 'rounded':
            return `${w.metric} is ${w.exact}, which is compared as ${w.value} (a double cannot hold it exactly)`;
        case 'unreadable':
            return `${w.file}: ${w.message}`;
    }
}
/** A reproducibility checklist item in words: "data version v3", "no code commit recorded". */
function checklistDetail(item) {
    switch (item.check) {
        case 'hyperparameters':
            return item.count > 0 ? `hyperparameters logged (${item.count})` : 'no hyperparameters logged';
        case 'data version':
            return item.value ? `data version ${item.value}` : 'no data version recorded';
        case 'code commit':
            return item.value ? `code commit ${item.value}` : 'no code commit recorded';
        case 'environment':
            return item.keys.length
                ? `environment captured (${item.keys.slice(0, 3).join(', ')}${item.keys.length > 3 ? ', …' : ''})`
                : 'environment not captured: no Python version or package list in the run';
        case 'baseline':
            return item.ok ? 'baseline present' : 'no baseline on the default branch yet';
    }
}
/** Why a comparison is not like for like, in words: "the data version changed (v1 → v2)". */
function notLikeForLikeText(n) {
    if (n.what === 'metric set') {
        const parts = [
            n.removed.length ? `${n.removed.join(', ')} no longer reported` : '',
            n.added.length ? `${n.added.join(', ')} new` : ''
        ].filter(Boolean);
        return `the metric set changed (${parts.join('; ')})`;
    }
    return `the ${n.what} changed (${n.baseline ?? 'none'} → ${n.current ?? 'none'})`;
}
/** What was seen for one clause: "f1 0.871 meets ≥ 0.85", "f1 +0.012 vs baseline (0.8 → 0.812), needed +0.01". */
function clauseReason(c) {
    const f = c.finding;
    const metric = c.metric ?? '';
    const shown = fmt(c.value ?? NaN);
    switch (f.kind) {
        case 'unparsed':
            return f.reason;
        case 'not-reported':
            return `${metric} was not reported`;
        case 'not-finite':
            return `${metric} is ${shown}, not a finite number`;
        case 'absolute': {
            const sign = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' }[f.op];
            const of = f.n > 1 ? ` (mean of ${f.n})` : '';
            return `${metric} ${shown}${of} ${f.met ? 'meets' : 'misses'} ${sign} ${f.limit}`;
        }
        case 'no-baseline':
            return `no baseline to compare ${metric} with`;
        case 'baseline-missing':
            return `the baseline has no ${metric} to compare with`;
        case 'not-comparable':
            return `${metric} is not comparable (${fmt(c.baseline ?? NaN)} → ${shown})`;
        case 'relative': {
            const needed = f.amount === 0
                ? f.up
                    ? 'needed a rise'
                    : 'needed a fall'
                : `needed ${signed(f.target)}${f.unit === 'percent' ? ` (${f.amount}%)` : ''}`;
            const seen = `${metric} ${signed(f.difference)} vs baseline (${fmt(c.baseline ?? NaN)} → ${shown})`;
            switch (f.noise) {
                case 'missed':
                    return `${seen}, ${needed}`;
                case 'single-runs':
                    return `${seen}, ${needed}; single runs, so noise is unknown`;
                case 'exact':
                    return `${seen}, ${needed}; no variance, the difference is exact`;
                case 'too-few-samples': {
                    const why = f.samples ? tooFewSamplesText(f.samples.n, f.samples.nonFinite) : noVarianceText(false);
                    return `${seen}, ${needed}: met on the means, but ${why}`;
                }
                case 'significant':
                    return `${seen}, ${needed}; significant (${pPhrase(c.p)})`;
                case 'within-noise':
                    return `${seen}, ${needed}: met on the means but within noise (${pPhrase(c.p)} ≥ ${f.alpha})`;
            }
        }
    }
}
/** Why a hypothesis got its verdict: the clauses that decided it, or what is missing. */
function hypothesisReason(h) {
    if (!h.criteria)
        return 'no success criteria are given to judge the hypothesis by';
    const deciding = h.verdict === 'supported' ? h.clauses : h.clauses.filter(c => c.verdict === h.verdict);
    if (!deciding.length)
        return 'no success criteria to judge by';
    return deciding.map(clauseReason).join('; ');
}
function fmt(x) {
    return Number.isFinite(x) ? String(+x.toPrecision(4)) : String(x);
}
function signed(x) {
    return `${x >= 0 ? '+' : '−'}${fmt(Math.abs(x))}`;
}

export { PERMISSION_LEVELS as P, checklistDetail as a, checkNote as b, clauseReason as c, checkText as d, noVarianceText as e, defaultRules as f, goalOf as g, hypothesisReason as h, isGated as i, notLikeForLikeText as n, overfittingText as o, pPhrase as p, significanceWords as s, untestedText as u, violationMessage as v, warningMessage as w };
