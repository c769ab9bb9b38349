import path from 'node:path';
import { a1 as flattenParams, a2 as makeRun, a3 as emptyMetadata } from './findings.js';
import { d as claimBuiltin, B as BUILTIN_FILES, e as BUILTIN_RUN_FILES, n as numberFromJson } from './detect.js';
import { i as isRecord, p as plainParams, d as describeValue } from './structured.js';
import './conventions.js';
import 'node:fs';
import 'node:fs/promises';
import './read-buffer.js';
import 'node:url';

// The built-in format: experiments/<run>/{params.json, metrics.json, metadata.yaml}.
/** Reads `experiments/<run>/` folders. */
const builtinSource = {
    format: 'builtin',
    claim: claimBuiltin,
    async read(claimPath, ctx) {
        if (path.basename(claimPath) !== 'experiments') {
            const run = await readBuiltinRun(claimPath, ctx);
            return run ? [run] : [];
        }
        const { dirs } = await ctx.list(claimPath);
        const runs = [];
        for (const dir of dirs) {
            const run = await readBuiltinRun(path.join(claimPath, dir), ctx);
            if (run)
                runs.push(run);
        }
        return runs;
    }
};
/** Reads one built-in run folder; undefined (with a diagnostic) when it holds none of the run files. */
async function readBuiltinRun(dir, ctx) {
    const folder = path.basename(dir);
    // Each file is read directly (a missing one is fine): no listing of the folder, which costs as much as a read.
    const place = { run: folder };
    const optional = { ...place, missingOk: true };
    const metadataFile = path.join(dir, BUILTIN_FILES.metadata);
    const paramsFile = path.join(dir, BUILTIN_FILES.params);
    const metricsFile = path.join(dir, BUILTIN_FILES.metrics);
    const before = ctx.diagnostics.length;
    const [metadataText, paramsText, metricsText] = await Promise.all([
        ctx.readText(metadataFile, optional),
        ctx.readText(paramsFile, optional),
        ctx.readText(metricsFile, optional)
    ]);
    if (metadataText === undefined &&
        paramsText === undefined &&
        metricsText === undefined &&
        ctx.diagnostics.length === before) {
        ctx.warn(dir, `run folder has none of ${BUILTIN_RUN_FILES.join(', ')}; it was skipped`, place);
        return undefined;
    }
    const { metadata, name = folder } = metadataText !== undefined
        ? readMetadata(await ctx.parseYaml(metadataText, metadataFile, place), metadataFile, folder, ctx)
        : { metadata: emptyMetadata() };
    const params = {};
    if (paramsText !== undefined) {
        const raw = ctx.parseJson(paramsText, paramsFile, place);
        if (raw !== undefined) {
            if (isRecord(raw))
                Object.assign(params, flattenParams(plainParams(raw)));
            else
                ctx.error(paramsFile, `must hold a JSON object of parameters, found ${describeValue(raw)}`, place);
        }
    }
    const metrics = {};
    if (metricsText !== undefined) {
        const raw = ctx.parseJson(metricsText, metricsFile, place);
        if (raw !== undefined) {
            if (isRecord(raw))
                readMetrics(raw, '', metrics, metricsFile, folder, ctx);
            else
                ctx.error(metricsFile, `must hold a JSON object of metrics, found ${describeValue(raw)}`, place);
        }
    }
    return makeRun({
        id: `builtin:${ctx.rel(dir)}`,
        name,
        source: 'builtin',
        path: ctx.rel(dir),
        params,
        metrics,
        metadata
    });
}
/** Reads metrics: numbers, `{value, history}`, or nested objects flattened to dotted names. */
function readMetrics(raw, prefix, out, file, run, ctx) {
    for (const [key, value] of Object.entries(raw)) {
        const name = prefix ? `${prefix}.${key}` : key;
        const place = { run, key: name };
        const n = numberFromJson(value);
        if (n) {
            out[name] = n.exact ? { value: n.value, exact: n.exact } : { value: n.value };
            if (n.exact)
                ctx.warn(file, `metric "${name}" is ${n.exact}, which a double cannot hold exactly; it is compared as ${n.value}`, place);
            continue;
        }
        if (isRecord(value) && 'value' in value) {
            const metric = readMetricObject(value, file, name, run, ctx);
            if (metric)
                out[name] = metric;
            continue;
        }
        if (isRecord(value)) {
            readMetrics(value, name, out, file, run, ctx);
            continue;
        }
        ctx.error(file, `metric "${name}" is ${describeValue(value)}; expected a number or {"value": number, "history": [{"step", "value"}]}. It was skipped`, place);
    }
}
function readMetricObject(obj, file, name, run, ctx) {
    const place = { run, key: name };
    const n = numberFromJson(obj.value);
    if (!n) {
        ctx.error(file, `metric "${name}".value is ${describeValue(obj.value)}; expected a number. It was skipped`, place);
        return undefined;
    }
    const metric = n.exact ? { value: n.value, exact: n.exact } : { value: n.value };
    if (obj.history !== undefined) {
        if (!Array.isArray(obj.history)) {
            ctx.error(file, `metric "${name}".history is ${describeValue(obj.history)}; expected a list of {"step", "value"}. The history was skipped`, place);
            return metric;
        }
        const history = [];
        obj.history.forEach((point, index) => {
            const step = isRecord(point) ? numberFromJson(point.step) : undefined;
            const value = isRecord(point) ? numberFromJson(point.value) : undefined;
            if (isRecord(point) && value && (step || point.step === undefined)) {
                history.push({ step: step ? step.value : index, value: value.value });
            }
            else {
                ctx.error(file, `metric "${name}".history[${index}] is ${describeValue(point)}; expected {"step": number, "value": number}. The point was skipped`, place);
            }
        });
        if (history.length)
            metric.history = history.sort((a, b) => a.step - b.step);
    }
    return metric;
}
const STATUSES = {
    finished: 'finished',
    success: 'finished',
    completed: 'finished',
    failed: 'failed',
    error: 'failed',
    crashed: 'failed',
    running: 'running',
    killed: 'killed'
};
/** Reads metadata.yaml into RunMetadata and the run's name; wrong types get a diagnostic and are ignored. */
function readMetadata(raw, file, run, ctx) {
    const meta = emptyMetadata();
    if (raw === undefined || raw === null)
        return { metadata: meta };
    if (!isRecord(raw)) {
        ctx.error(file, `must be a YAML mapping of name, description, tags, …; found ${describeValue(raw)}`, {
            run
        });
        return { metadata: meta };
    }
    const text = (key) => {
        const v = raw[key];
        if (v === undefined || v === null)
            return undefined;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
            return String(v);
        ctx.error(file, `"${key}" is ${describeValue(v)}; expected text. It was ignored`, { run, key });
        return undefined;
    };
    meta.description = text('description');
    meta.gitCommit = text('git_commit');
    meta.dataVersion = text('data_version');
    meta.evalSet = text('eval_set');
    meta.author = text('author');
    meta.notes = text('notes');
    meta.group = text('group');
    meta.hypothesis = text('hypothesis');
    meta.successCriteria = text('success_criteria');
    meta.statusReason = text('status_reason') ?? text('error');
    meta.url = text('url');
    meta.startedAt = text('started_at');
    const status = text('status');
    if (status !== undefined) {
        const known = STATUSES[status.toLowerCase()];
        if (known)
            meta.status = known;
        else
            ctx.error(file, `"status" is ${JSON.stringify(status)}; expected one of finished, failed, running, killed`, { run, key: 'status' });
    }
    const seed = raw.seed;
    if (seed !== undefined && seed !== null) {
        if (typeof seed === 'number' && Number.isFinite(seed))
            meta.seed = seed;
        else
            ctx.error(file, `"seed" is ${describeValue(seed)}; expected a number`, { run, key: 'seed' });
    }
    if (raw.tags !== undefined && raw.tags !== null) {
        if (Array.isArray(raw.tags))
            meta.tags = raw.tags.filter(t => ['string', 'number'].includes(typeof t)).map(String);
        else if (typeof raw.tags === 'string')
            meta.tags = [raw.tags];
        else
            ctx.error(file, `"tags" is ${describeValue(raw.tags)}; expected a list of text`, { run, key: 'tags' });
    }
    if (raw.environment !== undefined && raw.environment !== null) {
        if (isRecord(raw.environment)) {
            for (const [k, v] of Object.entries(flattenParams(raw.environment)))
                meta.environment[k] = String(v);
        }
        else
            ctx.error(file, `"environment" is ${describeValue(raw.environment)}; expected a mapping such as {python: "3.11"}`, { run, key: 'environment' });
    }
    return { metadata: meta, name: text('name')?.trim() || undefined };
}

export { builtinSource, readBuiltinRun };
