import { s as summarize, j as paramText, k as emptyMetadata, m as makeRun } from './detect.js';

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
                ...(history ? { history } : {})
            };
        }
    }
    const status = good.length ? lead.metadata.status : 'failed';
    return { name, runs, lead, metrics, status, failedRuns, varyingParams: varyingParams(counted) };
}
const SEED_LIKE = /(^|[._-])(seed|random_state|random_seed|rng|fold|split|run_id|run_name|output_dir|logging_dir)$/i;
/** Params whose text differs between runs (seed-like keys left out); empty for a single run. */
function varyingParams(runs) {
    if (runs.length < 2)
        return [];
    const keys = new Set(runs.flatMap(r => Object.keys(r.params)));
    return [...keys]
        .filter(k => !SEED_LIKE.test(k))
        .filter(k => new Set(runs.map(r => paramText(r.params[k]))).size > 1)
        .sort();
}

/** The baseline file's schema version this code writes; it reads this and older ones. */
const BASELINE_VERSION = 1;
/** A baseline file that cannot be used, with what to do. */
class BaselineError extends Error {
    file;
    constructor(file, message) {
        super(`${file}: ${message}`);
        this.file = file;
        this.name = 'BaselineError';
    }
}
const HISTORY_POINTS_KEPT = 1000;
/** Serialises a baseline file; non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity". */
function serializeBaseline(file) {
    const trimmed = {
        ...file,
        champion: trimHistories(file.champion),
        history: file.history.map(stripCurves)
    };
    return `${JSON.stringify(trimmed, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
}
/** Parses a baseline file; throws BaselineError for bad JSON, another schema, or a future version. */
function parseBaseline(text, file) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (e) {
        throw new BaselineError(file, `is not valid JSON (${e.message}); restore it from git history or delete it to start over`);
    }
    if (!raw || typeof raw !== 'object' || raw.schema !== 'experiment-review/baseline') {
        throw new BaselineError(file, 'is not an Experiment Review baseline (no "schema": "experiment-review/baseline"); point the baseline input at the right file');
    }
    const b = raw;
    if (typeof b.version !== 'number' || b.version > BASELINE_VERSION) {
        throw new BaselineError(file, `has version ${JSON.stringify(b.version)}, newer than this Experiment Review understands (${BASELINE_VERSION}); upgrade the action`);
    }
    if (!b.champion ||
        typeof b.champion !== 'object' ||
        typeof b.champion.name !== 'string' ||
        !b.champion.metrics) {
        throw new BaselineError(file, 'has no valid "champion" (name and metrics); restore it from git history');
    }
    return {
        ...b,
        champion: reviveRecord(b.champion),
        history: Array.isArray(b.history) ? b.history.map(reviveRecord) : []
    };
}
/** The baseline's champion as an experiment, ready to compare. */
function baselineExperiment(record) {
    const run = makeRun({
        id: `baseline:${record.name}`,
        name: record.name,
        source: 'baseline',
        path: '.experiments/baseline.json',
        params: record.params,
        metrics: Object.fromEntries(Object.entries(record.metrics).map(([k, m]) => [
            k,
            { value: m.value, ...(m.history ? { history: m.history } : {}) }
        ])),
        metadata: record.metadata
    });
    const experiment = makeExperiment(record.name, [run]);
    experiment.metrics = record.metrics;
    return experiment;
}
/** Makes a baseline record from a chosen experiment. */
function recordFromExperiment(experiment, extra = {}) {
    return {
        name: experiment.name,
        params: experiment.lead.params,
        metrics: experiment.metrics,
        metadata: experiment.lead.metadata,
        runs: experiment.runs.map(r => r.name),
        ...extra
    };
}
function reviveNumber(v) {
    if (typeof v === 'number')
        return v;
    if (v === 'NaN')
        return NaN;
    if (v === 'Infinity')
        return Infinity;
    if (v === '-Infinity')
        return -Infinity;
    return Number(v);
}
function reviveRecord(r) {
    const metrics = {};
    for (const [k, m] of Object.entries(r.metrics ?? {})) {
        const samples = Array.isArray(m.samples) ? m.samples.map(reviveNumber) : [reviveNumber(m.value)];
        metrics[k] = { ...m, value: reviveNumber(m.value), samples, n: m.n ?? samples.length };
    }
    return {
        ...r,
        params: r.params ?? {},
        metadata: { ...emptyMetadata(), ...r.metadata },
        metrics,
        runs: r.runs ?? [r.name]
    };
}
function trimHistories(r) {
    const metrics = {};
    for (const [k, m] of Object.entries(r.metrics)) {
        metrics[k] =
            m.history && m.history.length > HISTORY_POINTS_KEPT
                ? { ...m, history: thin(m.history, HISTORY_POINTS_KEPT) }
                : m;
    }
    return { ...r, metrics };
}
function stripCurves(r) {
    const metrics = {};
    for (const [k, m] of Object.entries(r.metrics)) {
        const { history: _history, ...rest } = m;
        metrics[k] = rest;
    }
    return { ...r, metrics };
}
/** Keeps at most `max` points of a series, evenly spaced, always keeping the last. */
function thin(points, max) {
    if (points.length <= max)
        return points;
    const out = [];
    const stride = (points.length - 1) / (max - 1);
    for (let i = 0; i < max; i++)
        out.push(points[Math.round(i * stride)]);
    return out;
}

export { BaselineError as B, BASELINE_VERSION as a, baselineExperiment as b, groupRuns as g, parseBaseline as p, recordFromExperiment as r, serializeBaseline as s, thin as t };
