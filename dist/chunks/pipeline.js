import { w as welchTTest, i as isInconclusive, b as bootstrapDifferenceCi, g as groupRuns, a as baselineExperiment } from './baseline2.js';
import { p as primaryMetric, r as rankExperiments, c as chooseChampion } from './champion.js';
import { g as goalOf, i as isGated } from './significance.js';
import { p as paramText, h as collectRuns } from './detect.js';
import './conventions.js';
import 'node:fs/promises';
import 'node:path';
import './_commonjsHelpers.js';
import 'node:fs';
import 'node:string_decoder';
import './mlflow-metrics-file.js';
import 'node:crypto';
import 'node:readline';
import 'node:os';
import 'node:url';
import 'node:worker_threads';
import 'node:module';

const EPSILON$2 = 1e-12;
/** The rules file's absolute targets (`min`, `max`) for one experiment, in the rules file's metric order. */
function successCriteriaOf(experiment, rules) {
    const out = [];
    for (const [metric, rule] of Object.entries(rules.metrics)) {
        const stat = experiment.metrics[metric];
        const value = stat?.value;
        const judge = (bound, limit) => {
            const met = value === undefined
                ? undefined
                : bound === 'min'
                    ? value >= limit - EPSILON$2
                    : value <= limit + EPSILON$2;
            out.push({
                metric,
                text: `${metric} ${bound === 'min' ? '≥' : '≤'} ${limit}`,
                bound,
                limit,
                ...(value !== undefined ? { value } : {}),
                met: value !== undefined && Number.isNaN(value) ? false : met
            });
        };
        if (rule.min !== undefined)
            judge('min', rule.min);
        if (rule.max !== undefined)
            judge('max', rule.max);
    }
    return out;
}
/** The rules file's absolute targets for every experiment, keyed by experiment name. */
function successCriteriaByExperiment(experiments, rules) {
    const out = {};
    for (const e of experiments)
        out[e.name] = successCriteriaOf(e, rules);
    return out;
}
/** Parses success_criteria text by the grammar at the top of this file; clauses that do not fit are `unknown`. */
function parseSuccessCriteria(text) {
    const trimmed = text.trim();
    if (!trimmed)
        return [{ kind: 'unknown', text, reason: 'the success criteria are empty' }];
    if (/\bor\b|\|\|/i.test(trimmed)) {
        return [
            { kind: 'unknown', text: trimmed, reason: '"or" is not supported; write criteria joined by "and"' }
        ];
    }
    return trimmed
        .split(/\s*(?:\band\b|&&|,|;)\s*/i)
        .filter(part => part.length > 0)
        .map(parseClause);
}
const UNSIGNED = String.raw `(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
const NUMBER = String.raw `[+-]?${UNSIGNED}`;
const METRIC = String.raw `[A-Za-z_][\w./:@\[\]-]*`;
const UNIT = String.raw `%|pts?\b|points?\b|pp\b`;
const REF = String.raw `(?:\s+(?:over|vs\.?|versus|than|from|relative\s+to|compared\s+(?:to|with)|against)(?:\s+the)?\s+baseline)?`;
const ABSOLUTE = new RegExp(String.raw `^(${METRIC})\s*(>=|<=|==|=|>|<|≥|≤)\s*(${NUMBER})\s*(%)?$`, 'i');
const WORDS = new RegExp(String.raw `^(${METRIC})\s+(?:is\s+)?(at\s+least|at\s+most|no\s+less\s+than|no\s+more\s+than|below|under|less\s+than|above|more\s+than|greater\s+than|over)\s+(${NUMBER})\s*(%)?$`, 'i');
const SIGNED = new RegExp(String.raw `^(${METRIC})\s+([+\-−])\s*(${UNSIGNED})\s*(${UNIT})?${REF}$`, 'i');
const VERB = new RegExp(String.raw `^(${METRIC})\s+(?:should\s+|will\s+|must\s+)?(improve[sd]?|increase[sd]?|rise[sn]?|rose|grows?|grew|goes\s+up|go\s+up|decrease[sd]?|drops?|dropped|falls?|fell|reduce[sd]?|goes\s+down|go\s+down)(?:\s+by(?:\s+at\s+least)?\s+(${NUMBER})\s*(${UNIT})?)?${REF}$`, 'i');
function parseClause(raw) {
    const text = raw.trim();
    let m = ABSOLUTE.exec(text);
    if (m) {
        if (m[4])
            return {
                kind: 'unknown',
                text,
                reason: `a percentage in an absolute target is ambiguous; write ${m[1]} ${m[2]} ${+m[3] / 100} or ${m[1]} ${m[2]} ${m[3]}`
            };
        const op = { '=': '==', '≥': '>=', '≤': '<=' }[m[2]] ?? m[2];
        return {
            kind: 'absolute',
            text,
            metric: m[1],
            op: op,
            value: Number(m[3])
        };
    }
    m = WORDS.exec(text);
    if (m) {
        if (m[4])
            return {
                kind: 'unknown',
                text,
                reason: `a percentage in an absolute target is ambiguous; write ${m[1]} ${m[2]} ${+m[3] / 100}`
            };
        const word = m[2].toLowerCase().replace(/\s+/g, ' ');
        const op = ['at least', 'no less than'].includes(word)
            ? '>='
            : ['at most', 'no more than'].includes(word)
                ? '<='
                : ['below', 'under', 'less than'].includes(word)
                    ? '<'
                    : '>';
        return { kind: 'absolute', text, metric: m[1], op, value: Number(m[3]) };
    }
    m = SIGNED.exec(text);
    if (m) {
        return {
            kind: 'relative',
            text,
            metric: m[1],
            direction: m[2] === '+' ? 'up' : 'down',
            amount: Number(m[3]),
            unit: unitOf(m[4])
        };
    }
    m = VERB.exec(text);
    if (m) {
        const verb = m[2].toLowerCase();
        const direction = verb.startsWith('improve')
            ? 'improve'
            : /^(increase|rise|rose|grow|grew|goe?s? up|go up)/.test(verb)
                ? 'up'
                : 'down';
        return {
            kind: 'relative',
            text,
            metric: m[1],
            direction,
            amount: m[3] ? Math.abs(Number(m[3])) : 0,
            unit: unitOf(m[4])
        };
    }
    return {
        kind: 'unknown',
        text,
        reason: `"${text}" is not a criterion this tool can check; write e.g. "f1 >= 0.85", "latency_ms <= 50", "f1 improves by 1%" or "f1 +0.01 over baseline"`
    };
}
function unitOf(unit) {
    if (!unit)
        return 'absolute';
    return unit === '%' ? 'percent' : 'points';
}
/** Judges parsed clauses: any not supported → not supported; else any inconclusive → inconclusive; else supported. */
function combineClauses(clauses) {
    if (clauses.some(c => c.verdict === 'not supported'))
        return 'not supported';
    if (clauses.some(c => c.verdict === 'inconclusive') || !clauses.length)
        return 'inconclusive';
    return 'supported';
}
/** Judges an experiment's hypothesis by its success criteria against the experiment and the baseline. */
function judgeHypothesis(experiment, baseline, rules) {
    const source = experiment.runs.find(r => r.metadata.hypothesis || r.metadata.successCriteria);
    if (!source)
        return undefined;
    const hypothesis = source.metadata.hypothesis?.trim() || undefined;
    const criteria = source.metadata.successCriteria?.trim() || undefined;
    if (!criteria)
        return { run: experiment.name, hypothesis, verdict: 'inconclusive', clauses: [] };
    const clauses = parseSuccessCriteria(criteria).map(c => judgeClause(c, experiment, baseline, rules));
    return { run: experiment.name, hypothesis, criteria, verdict: combineClauses(clauses), clauses };
}
/** Hypotheses of every experiment that states one or success criteria, in the given order. */
function judgeHypotheses(experiments, baseline, rules) {
    return experiments.map(e => judgeHypothesis(e, baseline, rules)).filter((h) => !!h);
}
function findMetric(metrics, name) {
    if (metrics[name])
        return [name, metrics[name]];
    const matches = Object.keys(metrics).filter(k => k.toLowerCase() === name.toLowerCase());
    return matches.length === 1 ? [matches[0], metrics[matches[0]]] : undefined;
}
/** Judges one clause (see the grammar at the top of this file). */
function judgeClause(clause, experiment, baseline, rules) {
    const { text } = clause;
    if (clause.kind === 'unknown')
        return { text, verdict: 'inconclusive', finding: { kind: 'unparsed', reason: clause.reason } };
    const found = findMetric(experiment.metrics, clause.metric);
    if (!found)
        return { text, metric: clause.metric, verdict: 'inconclusive', finding: { kind: 'not-reported' } };
    const [metric, stat] = found;
    const value = stat.value;
    if (clause.kind === 'absolute') {
        if (!Number.isFinite(value))
            return { text, metric, value, verdict: 'not supported', finding: { kind: 'not-finite' } };
        const met = compare(value, clause.op, clause.value);
        return {
            text,
            metric,
            value,
            verdict: met ? 'supported' : 'not supported',
            finding: { kind: 'absolute', met, op: clause.op, limit: clause.value, n: stat.n }
        };
    }
    if (!baseline)
        return { text, metric, value, verdict: 'inconclusive', finding: { kind: 'no-baseline' } };
    const base = findMetric(baseline.metrics, metric)?.[1];
    if (!base)
        return { text, metric, value, verdict: 'inconclusive', finding: { kind: 'baseline-missing' } };
    if (!Number.isFinite(value) || !Number.isFinite(base.value))
        return {
            text,
            metric,
            value,
            baseline: base.value,
            verdict: 'inconclusive',
            finding: { kind: 'not-comparable' }
        };
    return judgeRelative(clause, metric, stat, base, rules);
}
/** A relative clause: met on the means, then judged on noise by a test against the shifted baseline. */
function judgeRelative(clause, metric, stat, base, rules) {
    const value = stat.value;
    // Signed target on the PR − baseline scale.
    const goal = goalOf(metric, rules).goal;
    const up = clause.direction === 'up' || (clause.direction === 'improve' && goal === 'maximize');
    const baseSamples = base.samples ?? [base.value];
    const samples = stat.samples ?? [value];
    const fractions = [value, base.value, ...samples, ...baseSamples]
        .filter(Number.isFinite)
        .every(x => x >= 0 && x <= 1);
    const magnitude = clause.unit === 'percent'
        ? (clause.amount / 100) * Math.abs(base.value)
        : clause.unit === 'points'
            ? clause.amount * (fractions ? 0.01 : 1)
            : clause.amount;
    const target = up ? magnitude : -magnitude;
    const difference = value - base.value;
    const strict = clause.amount === 0;
    const met = up
        ? strict
            ? difference > EPSILON$2
            : difference >= target - EPSILON$2
        : strict
            ? difference < -EPSILON$2
            : difference <= target + EPSILON$2;
    const alpha = rules.significance.alpha;
    const common = { text: clause.text, metric, value, baseline: base.value };
    const finding = (noise) => ({
        kind: 'relative',
        difference,
        target,
        amount: clause.amount,
        unit: clause.unit,
        up,
        noise,
        alpha
    });
    if (!met)
        return { ...common, verdict: 'not supported', finding: finding('missed') };
    if (baseSamples.length < 2 && samples.length < 2)
        return { ...common, verdict: 'supported', finding: finding('single-runs') };
    // Test PR against the baseline shifted by the target: is the change beyond the target more than noise?
    const test = welchTTest(baseSamples.map(x => x + target), samples);
    if (isInconclusive(test)) {
        if (test.exactDifference !== undefined)
            return { ...common, verdict: 'supported', finding: finding('exact') };
        return {
            ...common,
            verdict: 'inconclusive',
            finding: { ...finding('too-few-samples'), samples: { n: test.n, nonFinite: test.nonFinite } }
        };
    }
    // Met on the means, so the observed direction is the claimed one: the one-sided p in that direction.
    const p = test.pOneSided;
    if (p < alpha)
        return { ...common, p, verdict: 'supported', finding: finding('significant') };
    return { ...common, p, verdict: 'inconclusive', finding: finding('within-noise') };
}
function compare(value, op, limit) {
    switch (op) {
        case '>=':
            return value >= limit - EPSILON$2;
        case '>':
            return value > limit;
        case '<=':
            return value <= limit + EPSILON$2;
        case '<':
            return value < limit;
        case '==':
            return Math.abs(value - limit) <= EPSILON$2 * Math.max(1, Math.abs(limit));
    }
}
/**
 * The overfitting gap of each experiment that reports both metrics of the rules file's `overfitting`. The gap is
 * oriented by the goal (of the validation metric's rule, else the training metric's rule, else guessed from the
 * name): for accuracy train − val, for loss val − train; a validation result better than training is no gap.
 */
function overfittingGaps(experiments, rules, champion) {
    const o = rules.overfitting;
    if (!o)
        return [];
    const valGoal = goalOf(o.val, rules);
    const trainGoal = goalOf(o.train, rules);
    const goal = valGoal.from === 'rule' || trainGoal.from !== 'rule' ? valGoal.goal : trainGoal.goal;
    const out = [];
    for (const e of experiments) {
        const trainValue = e.metrics[o.train]?.value;
        const valValue = e.metrics[o.val]?.value;
        if (trainValue === undefined ||
            valValue === undefined ||
            !Number.isFinite(trainValue) ||
            !Number.isFinite(valValue))
            continue;
        const gap = goal === 'maximize' ? trainValue - valValue : valValue - trainValue;
        const exceeded = gap > o.maxGap + EPSILON$2;
        out.push({
            run: e.name,
            train: o.train,
            val: o.val,
            trainValue,
            valValue,
            gap,
            maxGap: o.maxGap,
            goal,
            exceeded,
            gates: exceeded && o.gate && e === champion
        });
    }
    return out;
}

/** Parameters that changed, were added, or were removed (by their text). */
function diffParams(baseline, current) {
    const names = [...new Set([...Object.keys(baseline), ...Object.keys(current)])].sort();
    const out = [];
    for (const name of names) {
        const inBase = Object.prototype.hasOwnProperty.call(baseline, name);
        const inCur = Object.prototype.hasOwnProperty.call(current, name);
        if (inBase && !inCur)
            out.push({ name, baseline: baseline[name], kind: 'removed' });
        else if (!inBase && inCur)
            out.push({ name, current: current[name], kind: 'added' });
        else if (paramText(baseline[name]) !== paramText(current[name]))
            out.push({ name, baseline: baseline[name], current: current[name], kind: 'changed' });
    }
    return out;
}
/** Data version, evaluation set, code commit and environment changes between baseline and champion. */
function diffContext(base, champion) {
    const a = base.lead.metadata;
    const b = champion.lead.metadata;
    const out = [];
    if ((a.dataVersion ?? '') !== (b.dataVersion ?? '') && (a.dataVersion || b.dataVersion))
        out.push({ what: 'data version', baseline: a.dataVersion, current: b.dataVersion });
    if ((a.evalSet ?? '') !== (b.evalSet ?? '') && (a.evalSet || b.evalSet))
        out.push({ what: 'evaluation set', baseline: a.evalSet, current: b.evalSet });
    if (a.gitCommit !== b.gitCommit && (a.gitCommit || b.gitCommit))
        out.push({ what: 'code commit', baseline: a.gitCommit, current: b.gitCommit });
    const keys = [...new Set([...Object.keys(a.environment), ...Object.keys(b.environment)])].sort();
    for (const key of keys) {
        if (a.environment[key] !== b.environment[key])
            out.push({ what: 'environment', key, baseline: a.environment[key], current: b.environment[key] });
    }
    return out;
}
/** Why the comparison is not like for like: a changed data version or evaluation set, a changed metric set. */
function notLikeForLike(context, metrics, baselinePresent) {
    const out = [];
    for (const c of context) {
        if (c.what === 'data version' || c.what === 'evaluation set')
            out.push({ what: c.what, baseline: c.baseline, current: c.current });
    }
    const added = metrics.filter(m => m.status === 'added').map(m => m.name);
    const removed = metrics.filter(m => m.status === 'removed').map(m => m.name);
    if (baselinePresent && (added.length || removed.length))
        out.push({ what: 'metric set', added, removed });
    return out;
}

const EPSILON$1 = 1e-12;
/** The limit of a threshold in the metric's unit. */
function limitOf(t, baseline) {
    return t.relative ? t.amount * Math.abs(baseline) : t.amount;
}
/** Applies one metric rule to the values; a non-finite value never passes a bound. */
function checkRule(rule, baseline, current, significance, alpha) {
    const checks = [];
    if (!current) {
        if (rule.required || (baseline && isGated(rule)))
            checks.push({ rule: 'required', missing: baseline ? 'vanished' : 'not-reported', passed: false });
        return checks;
    }
    const v = current.value;
    if (rule.min !== undefined)
        checks.push({ rule: 'min', limit: rule.min, passed: !Number.isNaN(v) && v >= rule.min });
    if (rule.max !== undefined)
        checks.push({ rule: 'max', limit: rule.max, passed: !Number.isNaN(v) && v <= rule.max });
    if (baseline) {
        const demand = rule.requireSignificance !== false;
        if (rule.maxDrop)
            checks.push(checkMove('max_drop', rule.maxDrop, baseline, current, significance, demand, alpha));
        if (rule.maxRise)
            checks.push(checkMove('max_rise', rule.maxRise, baseline, current, significance, demand, alpha));
    }
    return checks;
}
/** A drop or rise rule: within the limit passes; beyond it, the significance decides (see MoveOutcome). */
function checkMove(rule, threshold, baseline, current, significance, demandSignificance, alpha) {
    const v = current.value;
    const p = significance?.tested ? significance.p : undefined;
    const fact = (outcome, passed) => ({
        rule,
        threshold,
        outcome,
        passed,
        ...(outcome === 'inconclusive' ? { inconclusive: true } : {}),
        ...(p !== undefined ? { p } : {}),
        alpha
    });
    if (!Number.isFinite(v) || !Number.isFinite(baseline.value))
        return fact('not-comparable', false);
    const move = rule === 'max_drop' ? baseline.value - v : v - baseline.value;
    if (!(move > limitOf(threshold, baseline.value) + EPSILON$1))
        return fact('within-limit', true);
    switch (significance?.state) {
        case 'significant':
            return fact('significant', false);
        case 'within-noise':
            return demandSignificance ? fact('within-noise', true) : fact('noise-not-required', false);
        case 'exact':
            return fact('exact', false);
        case 'inconclusive':
            return fact('inconclusive', false);
        default:
            return fact('untested', false);
    }
}

/** Welch's test and a bootstrap interval; set whenever either side has ≥ 2 samples (see SignificanceResult). */
function testSignificance(baseline, current, alpha) {
    // Records written before samples were kept have none: their single value is the one sample.
    const a = baseline.samples ?? [baseline.value];
    const b = current.samples ?? [current.value];
    if (a.length < 2 && b.length < 2)
        return undefined;
    const result = welchTTest(a, b);
    const n = { baseline: result.n[0], current: result.n[1] };
    const excluded = { baseline: result.nonFinite[0], current: result.nonFinite[1] };
    if (isInconclusive(result)) {
        if (result.exactDifference !== undefined) {
            const d = result.exactDifference;
            return { state: 'exact', tested: false, significant: d !== 0, ci95: [d, d], n, excluded, alpha };
        }
        return { state: 'inconclusive', tested: false, n, excluded, alpha };
    }
    const significant = result.pOneSided < alpha;
    return {
        state: significant ? 'significant' : 'within-noise',
        tested: true,
        p: result.pOneSided,
        pTwoSided: result.p,
        t: result.t,
        df: result.df,
        significant,
        ci95: bootstrapDifferenceCi(a.filter(Number.isFinite), b.filter(Number.isFinite)),
        welchCi95: result.ci95,
        n,
        excluded,
        alpha
    };
}

const EPSILON = 1e-12;
/** Compares every metric of the champion and the baseline (their union), applying each metric's rule. */
function compareMetrics(champion, base, rules, accepted) {
    const names = new Set([...Object.keys(champion.metrics), ...Object.keys(base?.metrics ?? {})]);
    for (const [name, rule] of Object.entries(rules.metrics))
        if (rule.required)
            names.add(name);
    const ordered = [...names].sort((a, b) => rank(a, rules) - rank(b, rules) || a.localeCompare(b));
    return ordered.map(name => compareMetric(name, base?.metrics[name], champion.metrics[name], rules, accepted));
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
function compareMetric(name, baseline, current, rules, accepted = []) {
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
        const better = goal === 'maximize' ? change > EPSILON : change < -EPSILON;
        const worse = goal === 'maximize' ? change < -EPSILON : change > EPSILON;
        status = better ? 'improved' : worse ? 'regressed' : 'unchanged';
    }
    const significance = baseline && current && status !== 'not-comparable'
        ? testSignificance(baseline, current, rules.significance.alpha)
        : undefined;
    const checks = rule ? checkRule(rule, baseline, current, significance, rules.significance.alpha) : [];
    const acceptance = accepted.find(a => a.metric === name);
    const failed = checks.some(c => !c.passed);
    return {
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
        broken: failed && !acceptance,
        accepted: failed ? acceptance : undefined
    };
}

/** The reproducibility checklist of one experiment. */
function reproducibility(e, baselinePresent) {
    const m = e.lead.metadata;
    const count = Object.keys(e.lead.params).length;
    const keys = Object.keys(m.environment);
    return [
        { check: 'hyperparameters', ok: count > 0, count },
        { check: 'data version', ok: !!m.dataVersion, value: m.dataVersion },
        { check: 'code commit', ok: !!m.gitCommit, value: m.gitCommit },
        { check: 'environment', ok: keys.length > 0, keys },
        { check: 'baseline', ok: baselinePresent }
    ];
}

/** Every warning of a review, in the order the report lists them. */
function collectWarnings(input) {
    const warnings = [];
    if (input.championProblem)
        warnings.push({ kind: 'champion-pick', problem: input.championProblem });
    for (const o of input.overfitting)
        if (o.exceeded)
            warnings.push({ kind: 'overfitting', run: o.run, gap: o });
    for (const e of input.experiments)
        if (e.varyingParams.length)
            warnings.push({ kind: 'mixed-repeats', run: e.name, runs: e.runs.length, params: e.varyingParams });
    for (const e of input.withSamples) {
        for (const [metric, m] of Object.entries(e.metrics)) {
            if (!m.nonFinite)
                continue;
            warnings.push({
                kind: 'non-finite-sample',
                run: e.name,
                metric,
                nonFinite: m.nonFinite,
                samples: m.samples.length,
                baseline: e === input.baseline
            });
        }
    }
    for (const e of input.experiments)
        for (const r of e.failedRuns)
            warnings.push({ kind: 'failed-run', run: r.name, reason: r.metadata.statusReason });
    for (const m of input.metrics) {
        if (m.status === 'removed')
            warnings.push({ kind: 'vanished-metric', metric: m.name });
        if (m.status === 'not-comparable')
            warnings.push({
                kind: 'not-comparable',
                metric: m.name,
                baseline: shown(m.baseline),
                current: shown(m.current)
            });
        if (m.current?.exact)
            warnings.push({ kind: 'rounded', metric: m.name, exact: m.current.exact, value: m.current.value });
    }
    for (const d of input.diagnostics)
        if (d.severity === 'error')
            warnings.push({ kind: 'unreadable', run: d.run, file: d.file, message: d.message });
    return warnings;
}
/** The value and exact text of a metric, without its samples. */
function shown(m) {
    return m ? { value: m.value, ...(m.exact !== undefined ? { exact: m.exact } : {}) } : undefined;
}

/** The broken rules of the metrics, then the champion's gating overfitting gap. */
function collectViolations(metrics, overfitting, rules) {
    const violations = [];
    for (const m of metrics) {
        for (const check of m.checks) {
            if (check.passed)
                continue;
            violations.push({
                rule: check.rule,
                metric: m.name,
                check,
                baseline: shown(m.baseline),
                current: shown(m.current),
                accepted: m.accepted,
                line: rules.origin?.lines[m.name]
            });
        }
    }
    for (const o of overfitting) {
        if (o.exceeded && o.gates)
            violations.push({
                rule: 'overfitting',
                metric: o.val,
                gap: o,
                line: rules.origin?.lines['overfitting']
            });
    }
    return violations;
}

/** Compares a PR's runs with the baseline and applies the rules. */
function compareRuns(input) {
    const { rules, baseline } = input;
    const experiments = groupRuns(input.runs, rules);
    const base = baseline ? baselineExperiment(baseline) : undefined;
    const primary = primaryMetric(rules, base ? [...experiments, base] : experiments);
    const ranked = rankExperiments(experiments, primary, rules);
    const choice = chooseChampion(ranked, primary, input.championPick);
    const champion = choice.champion;
    const metrics = champion ? compareMetrics(champion, base, rules, input.accepted ?? []) : [];
    const overfitting = overfittingGaps(ranked, rules, champion);
    const violations = collectViolations(metrics, overfitting, rules);
    const warnings = collectWarnings({
        championProblem: choice.problem,
        overfitting,
        experiments,
        withSamples: base ? [...ranked, base] : ranked,
        baseline: base,
        metrics,
        diagnostics: input.diagnostics ?? []
    });
    const context = champion && base ? diffContext(base, champion) : [];
    const broken = violations.filter(v => !v.accepted);
    const verdict = !base ? (broken.length ? 'fail' : 'no-baseline') : broken.length ? 'fail' : 'pass';
    return {
        id: input.id ?? 'default',
        verdict,
        primary,
        champion: champion ? summarizeExperiment(champion) : undefined,
        championReason: choice.reason,
        baseline: baseline ? baselineSummary(baseline) : undefined,
        experiments: ranked.map(summarizeExperiment),
        metrics,
        params: champion && base ? diffParams(base.lead.params, champion.lead.params) : [],
        context,
        notLikeForLike: notLikeForLike(context, metrics, !!base),
        warnings,
        reproducibility: ranked.map(e => ({ run: e.name, items: reproducibility(e, !!base) })),
        violations,
        diagnostics: input.diagnostics ?? [],
        alpha: rules.significance.alpha,
        curves: metrics
            .filter(m => (m.current?.history?.length ?? 0) > 1 || (m.baseline?.history?.length ?? 0) > 1)
            .map(m => ({ metric: m.name, baseline: m.baseline?.history, current: m.current?.history })),
        criteria: successCriteriaByExperiment(ranked, rules),
        hypotheses: judgeHypotheses(ranked, base, rules),
        overfitting
    };
}
function baselineSummary(baseline) {
    return {
        name: baseline.name,
        pr: baseline.pr?.number,
        commit: baseline.commit,
        samples: Math.max(0, ...Object.values(baseline.metrics).map(m => m.n))
    };
}
/** The report's view of an experiment. */
function summarizeExperiment(e) {
    return {
        name: e.name,
        status: e.status,
        statusReason: e.lead.metadata.statusReason ?? e.failedRuns[0]?.metadata.statusReason,
        runs: e.runs.map(r => r.name),
        metrics: e.metrics,
        paths: e.runs.map(r => r.path),
        source: e.lead.source
    };
}

/** Collects the runs and compares them with the baseline. */
async function runPipeline(input) {
    const collection = await collectRuns({
        workspace: input.workspace,
        patterns: input.patterns,
        onProgress: input.onProgress
    });
    const diagnostics = [...(input.baselineDiagnostics ?? []), ...collection.diagnostics];
    const comparison = compareRuns({
        id: input.id,
        runs: collection.runs,
        diagnostics,
        baseline: input.baseline,
        rules: input.rules,
        accepted: input.accepted,
        championPick: input.championPick
    });
    return { comparison, collection };
}

export { runPipeline };
