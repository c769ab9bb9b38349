import { g as groupRuns, b as baselineExperiment } from './baseline.js';
import { p as primaryMetric, r as rankExperiments, c as chooseChampion } from './champion.js';
import { an as overfittingGaps, ao as judgeHypotheses, ap as successCriteriaByExperiment, aq as pPhrase, j as paramText, i as isGated, h as goalOf, ar as welchTTest, as as isInconclusive, at as bootstrapDifferenceCi, au as thresholdText, c as collectRuns } from './detect.js';
import './_commonjsHelpers.js';
import 'node:path';
import 'node:process';
import 'node:url';
import 'node:fs/promises';
import 'node:fs';
import 'node:crypto';
import 'node:string_decoder';
import 'node:readline';
import 'node:module';

const EPSILON = 1e-12;
/** Compares a PR's runs with the baseline and applies the rules. */
function compareRuns(input) {
    const { rules, baseline } = input;
    const experiments = groupRuns(input.runs, rules);
    const base = baseline ? baselineExperiment(baseline) : undefined;
    const primary = primaryMetric(rules, base ? [...experiments, base] : experiments);
    const ranked = rankExperiments(experiments, primary, rules);
    const choice = chooseChampion(ranked, primary, input.championPick);
    const champion = choice.champion;
    const warnings = [];
    if (choice.problem)
        warnings.push({ kind: 'champion-pick', message: choice.problem });
    const metrics = champion ? compareMetrics(champion, base, rules, input.accepted ?? []) : [];
    const violations = [];
    for (const m of metrics) {
        for (const c of m.checks) {
            if (c.passed)
                continue;
            violations.push({
                metric: m.name,
                rule: c.rule,
                message: violationMessage(m, c),
                accepted: m.accepted,
                line: rules.origin?.lines[m.name]
            });
        }
    }
    const overfitting = overfittingGaps(ranked, rules, champion);
    for (const o of overfitting) {
        if (!o.exceeded)
            continue;
        warnings.push({ kind: 'overfitting', message: o.message, run: o.run });
        if (o.gates)
            violations.push({
                metric: o.val,
                rule: 'overfitting',
                message: o.message,
                line: rules.origin?.lines['overfitting']
            });
    }
    for (const e of experiments) {
        if (e.varyingParams.length) {
            const list = e.varyingParams.slice(0, 5).join(', ') + (e.varyingParams.length > 5 ? ', …' : '');
            warnings.push({
                kind: 'mixed-repeats',
                run: e.name,
                message: `the ${e.runs.length} runs of ${e.name} differ in ${list}, so they are not plain repeats of one configuration`
            });
        }
    }
    for (const e of base ? [...ranked, base] : ranked) {
        for (const [name, m] of Object.entries(e.metrics)) {
            if (!m.nonFinite)
                continue;
            const where = e === base ? `the baseline ${e.name}` : e.name;
            const message = `${name}: ${m.nonFinite} of ${m.samples.length} samples of ${where} are not finite (NaN or infinite) and are left out of the mean and the test`;
            warnings.push({ kind: 'non-finite-sample', message, run: e.name });
        }
    }
    for (const e of experiments) {
        for (const r of e.failedRuns) {
            warnings.push({
                kind: 'failed-run',
                run: r.name,
                message: `run ${r.name} failed${r.metadata.statusReason ? `: ${r.metadata.statusReason}` : ''}`
            });
        }
    }
    for (const m of metrics) {
        if (m.status === 'removed')
            warnings.push({
                kind: 'vanished-metric',
                message: `${m.name} is in the baseline but no longer reported`
            });
        if (m.status === 'not-comparable')
            warnings.push({
                kind: 'not-comparable',
                message: `${m.name} is not a finite number on one side (${fmtRaw(m.baseline)} → ${fmtRaw(m.current)}); it is shown, not compared`
            });
        if (m.current?.exact)
            warnings.push({
                kind: 'rounded',
                message: `${m.name} is ${m.current.exact}, which is compared as ${m.current.value} (a double cannot hold it exactly)`
            });
    }
    for (const d of input.diagnostics ?? []) {
        if (d.severity === 'error')
            warnings.push({ kind: 'unreadable', run: d.run, message: `${d.file}: ${d.message}` });
    }
    const params = champion && base ? diffParams(base.lead.params, champion.lead.params) : [];
    const context = champion && base ? diffContext(base, champion) : [];
    const notLikeForLike = [];
    for (const c of context) {
        if (c.what === 'data version')
            notLikeForLike.push(`the data version changed (${c.baseline ?? 'none'} → ${c.current ?? 'none'})`);
        if (c.what === 'evaluation set')
            notLikeForLike.push(`the evaluation set changed (${c.baseline ?? 'none'} → ${c.current ?? 'none'})`);
    }
    const added = metrics.filter(m => m.status === 'added').map(m => m.name);
    const removed = metrics.filter(m => m.status === 'removed').map(m => m.name);
    if (base && (added.length || removed.length)) {
        const parts = [
            removed.length ? `${removed.join(', ')} no longer reported` : '',
            added.length ? `${added.join(', ')} new` : ''
        ].filter(Boolean);
        notLikeForLike.push(`the metric set changed (${parts.join('; ')})`);
    }
    const broken = violations.filter(v => !v.accepted);
    const verdict = !base ? (broken.length ? 'fail' : 'no-baseline') : broken.length ? 'fail' : 'pass';
    return {
        id: input.id ?? 'default',
        verdict,
        primary,
        champion: champion ? summarizeExperiment(champion) : undefined,
        championReason: choice.reason,
        baseline: baseline
            ? {
                name: baseline.name,
                pr: baseline.pr?.number,
                commit: baseline.commit,
                samples: Math.max(0, ...Object.values(baseline.metrics).map(m => m.n))
            }
            : undefined,
        experiments: ranked.map(summarizeExperiment),
        metrics,
        params,
        context,
        notLikeForLike,
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
/** A broken rule in words: what the value was, against what limit. */
function violationMessage(m, c) {
    const value = (s) => (s ? (s.exact ?? String(round(s.value))) : 'missing');
    switch (c.rule) {
        case 'min':
            return `${m.name} is ${value(m.current)}, below the floor ${c.text.replace('≥ ', '')}`;
        case 'max':
            return `${m.name} is ${value(m.current)}, above the ceiling ${c.text.replace('≤ ', '')}`;
        case 'max_drop':
        case 'max_rise': {
            const how = c.inconclusive
                ? ' (too few samples to rule out noise)'
                : m.significance?.tested
                    ? ` (${pPhrase(m.significance.p)}, significant)`
                    : '';
            return `${m.name} went from ${value(m.baseline)} to ${value(m.current)}, beyond the allowed ${c.text}${how}`;
        }
        case 'required':
            return `${m.name} is ${c.text}`;
        default:
            return `${m.name}: ${c.text}`;
    }
}
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
    const gated = isGated(rule);
    let status;
    let change;
    let relativeChange;
    if (!current && !baseline)
        status = 'removed';
    else if (!current)
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
        gated,
        broken: failed && !acceptance,
        accepted: failed ? acceptance : undefined
    };
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
            return {
                state: 'exact',
                tested: false,
                significant: d !== 0,
                ci95: [d, d],
                reason: result.inconclusive,
                n,
                excluded,
                alpha
            };
        }
        return { state: 'inconclusive', tested: false, inconclusive: result.inconclusive, n, excluded, alpha };
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
function limitOf(t, baseline) {
    return t.relative ? t.amount * Math.abs(baseline) : t.amount;
}
/** Applies one metric rule to the values; a non-finite value never passes a bound. */
function checkRule(rule, baseline, current, significance, alpha) {
    const checks = [];
    if (!current) {
        if (rule.required || (baseline && isGated(rule))) {
            checks.push({
                rule: 'required',
                text: baseline
                    ? 'missing: the metric vanished from this PR'
                    : 'missing: a required metric was not reported',
                passed: false
            });
        }
        return checks;
    }
    const v = current.value;
    if (rule.min !== undefined)
        checks.push({ rule: 'min', text: `≥ ${rule.min}`, passed: !Number.isNaN(v) && v >= rule.min });
    if (rule.max !== undefined)
        checks.push({ rule: 'max', text: `≤ ${rule.max}`, passed: !Number.isNaN(v) && v <= rule.max });
    const demandSignificance = rule.requireSignificance !== false;
    const moveCheck = (kind, t) => {
        const text = `${kind === 'max_drop' ? 'drop' : 'rise'} ≤ ${thresholdText(t)}`;
        if (!baseline)
            return;
        if (!Number.isFinite(v) || !Number.isFinite(baseline.value)) {
            checks.push({
                rule: kind,
                text: `${text} (not comparable: ${fmtRaw(baseline)} → ${fmtRaw(current)})`,
                passed: false
            });
            return;
        }
        const move = kind === 'max_drop' ? baseline.value - v : v - baseline.value;
        const crossed = move > limitOf(t, baseline.value) + EPSILON;
        if (!crossed) {
            checks.push({ rule: kind, text, passed: true });
            return;
        }
        switch (significance?.state) {
            case 'significant':
                checks.push({
                    rule: kind,
                    text,
                    passed: false,
                    note: `significant (${pPhrase(significance.p)} < ${alpha})`
                });
                return;
            case 'within-noise':
                if (demandSignificance) {
                    checks.push({
                        rule: kind,
                        text,
                        passed: true,
                        note: `beyond the limit but within noise (${pPhrase(significance.p)} ≥ ${alpha})`
                    });
                }
                else {
                    checks.push({
                        rule: kind,
                        text,
                        passed: false,
                        note: `within noise (${pPhrase(significance.p)}), but the rule does not require significance`
                    });
                }
                return;
            case 'exact':
                checks.push({
                    rule: kind,
                    text,
                    passed: false,
                    note: 'no variance on either side: the difference is exact'
                });
                return;
            case 'inconclusive':
                checks.push({
                    rule: kind,
                    text,
                    passed: false,
                    inconclusive: true,
                    note: `inconclusive: ${significance.inconclusive}; the raw change decides`
                });
                return;
            default:
                checks.push({ rule: kind, text, passed: false });
        }
    };
    if (rule.maxDrop)
        moveCheck('max_drop', rule.maxDrop);
    if (rule.maxRise)
        moveCheck('max_rise', rule.maxRise);
    return checks;
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
/** The reproducibility checklist of one experiment. */
function reproducibility(e, baselinePresent) {
    const m = e.lead.metadata;
    const nParams = Object.keys(e.lead.params).length;
    const envKeys = Object.keys(m.environment);
    return [
        {
            check: 'hyperparameters',
            ok: nParams > 0,
            detail: nParams > 0 ? `hyperparameters logged (${nParams})` : 'no hyperparameters logged'
        },
        {
            check: 'data version',
            ok: !!m.dataVersion,
            detail: m.dataVersion ? `data version ${m.dataVersion}` : 'no data version recorded'
        },
        {
            check: 'code commit',
            ok: !!m.gitCommit,
            detail: m.gitCommit ? `code commit ${m.gitCommit}` : 'no code commit recorded'
        },
        {
            check: 'environment',
            ok: envKeys.length > 0,
            detail: envKeys.length
                ? `environment captured (${envKeys.slice(0, 3).join(', ')}${envKeys.length > 3 ? ', …' : ''})`
                : 'environment not captured: no Python version or package list in the run'
        },
        {
            check: 'baseline',
            ok: baselinePresent,
            detail: baselinePresent ? 'baseline present' : 'no baseline on the default branch yet'
        }
    ];
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
function round(x) {
    return +x.toPrecision(4);
}
function fmtRaw(m) {
    return m ? (m.exact ?? String(m.value)) : 'missing';
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
