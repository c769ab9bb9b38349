import { a as baselineExperiment } from './baseline2.js';
import { p as primaryMetric, r as rankExperiments, c as chooseChampion, i as isBookkeepingSeries } from './champion.js';
import { c as goalOf, q as paramText, _ as mayHaveHeld } from './findings.js';
import { w as welch, i as isNoTest, p as pValue, c as compareMetrics } from './metric-comparison.js';
import { l as parameterEffects, k as groupRuns } from './text.js';
import { c as collectRuns } from './detect.js';
import './conventions.js';
import 'node:fs';
import 'node:fs/promises';
import 'node:path';
import './read-buffer.js';
import 'node:url';

const EPSILON = 1e-12;
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
                    ? value >= limit - EPSILON
                    : value <= limit + EPSILON;
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
            ? difference > EPSILON
            : difference >= target - EPSILON
        : strict
            ? difference < -EPSILON
            : difference <= target + EPSILON;
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
    // Welch's test of PR − baseline against the target, one-sided in the claimed direction: is the change beyond the
    // target more than noise?
    const test = welch(baseSamples, samples);
    if (isNoTest(test) && test.inconclusive === 'uncomputable')
        return { ...common, verdict: 'inconclusive', finding: finding('uncomputable') };
    if (isNoTest(test)) {
        if (test.exactDifference !== undefined)
            return { ...common, verdict: 'supported', finding: finding('exact') };
        return {
            ...common,
            verdict: 'inconclusive',
            finding: { ...finding('too-few-samples'), samples: { n: test.n, nonFinite: test.nonFinite } }
        };
    }
    const p = pValue(test, up ? 'greater' : 'less', target);
    if (Number.isNaN(p))
        return { ...common, verdict: 'inconclusive', finding: finding('uncomputable') };
    if (p < alpha)
        return { ...common, p, verdict: 'supported', finding: finding('significant') };
    return { ...common, p, verdict: 'inconclusive', finding: finding('within-noise') };
}
function compare(value, op, limit) {
    switch (op) {
        case '>=':
            return value >= limit - EPSILON;
        case '>':
            return value > limit;
        case '<=':
            return value <= limit + EPSILON;
        case '<':
            return value < limit;
        case '==':
            return Math.abs(value - limit) <= EPSILON * Math.max(1, Math.abs(limit));
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
        const exceeded = gap > o.maxGap + EPSILON;
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

/** A sweep is summarised from this many configurations with a value of the primary metric. */
const SWEEP_MIN_CONFIGURATIONS = 3;
/** How many of the best configurations the neighbourhood keeps (the report shows fewer and folds the rest). */
const NEIGHBOURHOOD_SIZE = 50;
/**
 * Summarises a sweep from experiments ranked best first on `primary`, around the champion; undefined when fewer
 * than SWEEP_MIN_CONFIGURATIONS have a value of the primary or no parameter varies between them.
 */
function summarizeSweep(ranked, primary, goal, champion) {
    if (!primary || !champion || !Number.isFinite(champion.metrics[primary]?.value))
        return undefined;
    const effects = parameterEffects(ranked, primary, goal);
    if (effects.configurations < SWEEP_MIN_CONFIGURATIONS || !effects.effects.length)
        return undefined;
    const order = effects.effects.map(e => e.name);
    const reference = champion.metrics[primary].value;
    const ranks = ranked.filter(e => e.status !== 'failed' && Number.isFinite(e.metrics[primary]?.value));
    const top = ranks.slice(0, NEIGHBOURHOOD_SIZE);
    if (!top.includes(champion))
        top.push(champion);
    return {
        ...effects,
        champion: champion.name,
        neighbourhood: top.map(e => ({
            name: e.name,
            rank: ranks.indexOf(e) + 1,
            value: e.metrics[primary].value,
            difference: e.metrics[primary].value - reference,
            runs: e.runs.length,
            champion: e === champion,
            differences: e === champion ? [] : differencesFrom(champion, e, order)
        }))
    };
}
/** The parameters (in the given order) whose text differs between two configurations. */
function differencesFrom(champion, other, order) {
    const out = [];
    for (const name of order) {
        const value = other.lead.params[name];
        const mine = champion.lead.params[name];
        if (paramText(value ?? undefined) === paramText(mine ?? undefined))
            continue;
        out.push({
            name,
            ...(value !== undefined && value !== null ? { value } : {}),
            ...(mine !== undefined && mine !== null ? { champion: mine } : {})
        });
    }
    return out;
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

/** The keys of the rules file that name a metric: `primary`, each `metrics.<name>`, and the overfitting pair. */
function ruleMetricKeys(rules) {
    return [
        ...(rules.primary ? [{ key: 'primary', metric: rules.primary }] : []),
        ...Object.keys(rules.metrics).map(metric => ({ key: `metrics.${metric}`, metric })),
        ...(rules.overfitting
            ? [
                { key: 'overfitting.train', metric: rules.overfitting.train },
                { key: 'overfitting.val', metric: rules.overfitting.val }
            ]
            : [])
    ];
}
/**
 * The keys of the rules whose metric may be held by a PR run that could not be read (see `mayHaveHeld`): a run
 * with a truncated metrics file might be the champion or break the rule, so the gate fails closed on it. Runs that
 * failed are left out (they are never judged).
 */
function unreadableRuleEvidence(rules, runs) {
    const damaged = runs.filter(r => r.readErrors?.length && r.metadata.status !== 'failed');
    if (!damaged.length)
        return [];
    const out = [];
    const seen = new Set();
    for (const { key, metric } of ruleMetricKeys(rules)) {
        if (seen.has(metric))
            continue;
        const held = damaged.filter(r => mayHaveHeld(r, metric));
        if (!held.length)
            continue;
        seen.add(metric);
        const line = rules.origin?.keys?.[key];
        out.push({
            key,
            metric,
            ...(line !== undefined ? { line } : {}),
            runs: held.map(r => ({ name: r.name, path: r.path, errors: r.readErrors ?? [] }))
        });
    }
    return out;
}
/**
 * The keys of the rules that name a metric not among `reported` (every metric of every run and of the baseline).
 * A rule for a metric only the baseline reports is not here: that is a vanished metric, which the gate judges.
 */
function unknownRuleMetrics(rules, reported) {
    const names = [...new Set(reported)];
    const known = new Set(names);
    return ruleMetricKeys(rules)
        .filter(n => !known.has(n.metric))
        .map(n => {
        const line = rules.origin?.keys?.[n.key];
        const suggestion = closestName(n.metric, names);
        return { ...n, ...(line !== undefined ? { line } : {}), ...(suggestion ? { suggestion } : {}) };
    });
}
/**
 * The candidate closest to `name` by edit distance (case-insensitive), when it is within a third of the name's
 * length (at least 2 edits): `acuracy` → `accuracy`, `f1score` → `f1_score`; undefined when nothing is that close.
 */
function closestName(name, candidates) {
    const target = name.toLowerCase();
    const limit = Math.max(2, Math.floor(target.length / 3));
    let best;
    for (const candidate of candidates) {
        const c = candidate.toLowerCase();
        if (Math.abs(c.length - target.length) > limit)
            continue;
        const distance = editDistance(target, c, limit);
        if (distance <= limit && (!best || distance < best.distance))
            best = { name: candidate, distance };
    }
    return best?.name;
}
/** Levenshtein distance with adjacent transpositions, stopping early once every path exceeds `limit`. */
function editDistance(a, b, limit) {
    let before = new Array(b.length + 1).fill(0);
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d = Math.min(d, before[j - 2] + 1);
            current[j] = d;
            rowMin = Math.min(rowMin, d);
        }
        if (rowMin > limit)
            return limit + 1;
        before = previous;
        previous = current;
    }
    return previous[b.length];
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
                baseline: e === input.baseline,
                runs: (m.sampleRuns ?? []).filter((_, i) => !Number.isFinite(m.samples[i]))
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
        warnings.push({
            kind: d.severity === 'error' ? 'unreadable' : 'read-warning',
            run: d.run,
            file: d.file,
            message: d.message
        });
    return warnings;
}
/** The value and exact text of a metric, without its samples. */
function shown(m) {
    return m ? { value: m.value, ...(m.exact !== undefined ? { exact: m.exact } : {}) } : undefined;
}

/** The broken rules of the metrics, then the champion's gating overfitting gap. */
function collectViolations(metrics, overfitting, rules, 
// Stryker disable next-line ArrayDeclaration: a default holding a string has no acceptance with a metric name, like an empty one
accepted = []) {
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
                accepted: accepted.find(a => a.metric === o.val),
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
    const finished = ranked.filter(e => e.status !== 'failed').length;
    const picked = !!input.championPick && !choice.problem;
    const bestOf = !picked && finished > 1 ? finished : undefined;
    const metrics = champion ? compareMetrics(champion, base, rules, input.accepted ?? [], bestOf) : [];
    const overfitting = overfittingGaps(ranked, rules, champion);
    const violations = collectViolations(metrics, overfitting, rules, input.accepted ?? []);
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
    const missing = input.missingPaths ?? [];
    const missingEvidence = input.runs.length === 0 || missing.length
        ? { noRuns: input.runs.length === 0, searched: input.searched ?? [], missing }
        : undefined;
    const reported = [
        ...input.runs.flatMap(r => Object.keys(r.metrics)),
        ...Object.keys(baseline?.metrics ?? {})
    ];
    const unknownMetrics = input.runs.length ? unknownRuleMetrics(rules, reported) : [];
    const unreadableEvidence = unreadableRuleEvidence(rules, input.runs);
    const sweep = primary ? summarizeSweep(ranked, primary, goalOf(primary, rules).goal, champion) : undefined;
    const verdict = missingEvidence || unknownMetrics.length || unreadableEvidence.length || broken.length
        ? 'fail'
        : !base
            ? 'no-baseline'
            : 'pass';
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
        gate: gateSummary(metrics, rules),
        ...(bestOf ? { bestOf } : {}),
        curves: metrics
            .filter(m => (m.current?.history?.length ?? 0) > 1 || (m.baseline?.history?.length ?? 0) > 1)
            .map(m => ({ metric: m.name, baseline: m.baseline?.history, current: m.current?.history })),
        criteria: successCriteriaByExperiment(ranked, rules),
        hypotheses: judgeHypotheses(ranked, base, rules),
        overfitting,
        ...(missingEvidence ? { missingEvidence } : {}),
        ...(unknownMetrics.length ? { unknownMetrics } : {}),
        ...(unreadableEvidence.length ? { unreadableEvidence } : {}),
        otherSeries: metrics
            .map(m => m.name)
            .filter(name => name !== primary && !rules.metrics[name] && isBookkeepingSeries(name)),
        ...(sweep ? { sweep } : {}),
        ...(input.selection ? { selection: { selected: rules.select, ...input.selection } } : {})
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
function gateSummary(metrics, rules) {
    const family = metrics
        .flatMap(m => m.checks)
        .filter(c => 'pOneSided' in c && c.pOneSided !== undefined).length;
    return { adjust: family > 1 ? rules.significance.adjust : 'none', family };
}
/** The report's view of an experiment. */
function summarizeExperiment(e) {
    const unreadable = e.runs
        .filter(r => r.readErrors?.length)
        .map(r => ({ run: r.name, errors: r.readErrors ?? [] }));
    return {
        name: e.name,
        status: e.status,
        statusReason: e.lead.metadata.statusReason ?? e.failedRuns[0]?.metadata.statusReason,
        runs: e.runs.map(r => r.name),
        metrics: e.metrics,
        paths: e.runs.map(r => r.path),
        source: e.lead.source,
        ...(unreadable.length ? { unreadable } : {})
    };
}

/** Collects the runs and compares them with the baseline. */
async function runPipeline(input) {
    const collection = await collectRuns({
        workspace: input.workspace,
        patterns: input.patterns,
        selection: input.rules.select,
        commit: input.commit,
        env: input.env,
        onProgress: input.onProgress
    });
    return { comparison: compareCollection(collection, input), collection };
}
/** Compares runs already collected with the baseline under `input.rules` (e.g. a PR's proposed rules). */
function compareCollection(collection, input) {
    const diagnostics = [...(input.baselineDiagnostics ?? []), ...collection.diagnostics];
    return compareRuns({
        id: input.id,
        runs: collection.runs,
        diagnostics,
        baseline: input.baseline,
        rules: input.rules,
        accepted: input.accepted,
        championPick: input.championPick,
        searched: collection.searched,
        missingPaths: collection.missing,
        selection: collection.selection
    });
}

export { compareCollection, runPipeline };
