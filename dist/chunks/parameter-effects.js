import { p as powerOfTwoScale, i as isSeedLikeParam } from './experiment.js';
import { q as paramText } from './findings.js';

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

export { numberOf as n, parameterEffects as p };
