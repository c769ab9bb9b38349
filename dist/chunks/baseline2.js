import { D as DEFAULT_BASELINE_PATH } from './conventions.js';
import { B as makeExperiment } from './text.js';
import { a2 as makeRun, a3 as emptyMetadata } from './findings.js';

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
/**
 * The champion of a baseline file read for review id `id`; BaselineError when the file names another id (a file that
 * names none, from an early version, is taken as it is).
 */
function championOfId(file, id, where) {
    if (file.id && file.id !== id)
        throw new BaselineError(where, `belongs to review id "${file.id}", not "${id}"; ids never share a baseline: give each id its own baseline file (by default .experiments/<id>/baseline.json)`);
    return file.champion;
}
/**
 * Picks and parses the baseline of review id `id`: its own file; else the legacy shared file when that holds this
 * id (another id's, or an unreadable one, is not this id's and is left alone); else none. Throws BaselineError for an
 * own file that cannot be used or that belongs to another id.
 */
function baselineOfId(texts, id) {
    if (texts.text !== undefined) {
        const file = parseBaseline(texts.text, texts.path);
        championOfId(file, id, texts.path);
        return { file, from: texts.path };
    }
    if (texts.legacyPath !== undefined && texts.legacyText !== undefined) {
        let legacy;
        try {
            legacy = parseBaseline(texts.legacyText, texts.legacyPath);
        }
        catch {
            legacy = undefined;
        }
        if (legacy?.id === id)
            return { file: legacy, from: texts.legacyPath, legacy: { from: texts.legacyPath, to: texts.path } };
    }
    return { from: texts.path };
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
        path: DEFAULT_BASELINE_PATH,
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

export { BaselineError as B, baselineExperiment as a, baselineOfId as b, championOfId as c, BASELINE_VERSION as d, parseBaseline as p, recordFromExperiment as r, serializeBaseline as s, thin as t };
