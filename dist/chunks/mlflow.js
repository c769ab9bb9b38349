import { lstatSync } from 'node:fs';
import path from 'node:path';
import { m as metricFromColumns } from './history.js';
import { experimentMatcher } from './experiment-match.js';
import { w as warnNoExperimentSelected, b as buildMlflowRun } from './mlflow-common.js';
import { p as parseMetricBytes, M as MetricFileParser } from './mlflow-metrics-file.js';
import { M as MetricReadPool } from './read-pool.js';
import { q as insideMlflowTrash, s as claimMlflow } from './detect.js';
import { d as describeValue } from './structured.js';
import './index3.js';
import './_commonjsHelpers.js';
import './findings.js';
import './conventions.js';
import 'node:os';
import 'node:url';
import 'node:worker_threads';
import 'node:fs/promises';
import './read-buffer.js';

// The MLflow file store (`mlruns/`): experiments and runs described by meta.yaml files (MLflow 1.x, 2.x and
// 3.x layouts), one file per param, tag and metric (keys with `/` are nested folders), datasets and inputs.
// Deleted runs and experiments (lifecycle_stage deleted, anything under .trash/) are skipped.
/** Folders inside an experiment that are not runs (tags, datasets, traces, MLflow 3 logged models). */
const EXPERIMENT_RESERVED = new Set(['tags', 'datasets', 'traces', 'models', 'artifacts']);
/** Folders at the store root that are not experiments (.trash holds deleted ones; models is the registry). */
const ROOT_RESERVED = new Set(['.trash', 'models']);
/** Metric files up to this size are read whole; larger ones are streamed. */
const READ_WHOLE_BYTES = 8 * 1024 * 1024;
/** How many runs are read at the same time. */
const RUN_CONCURRENCY = 16;
/** An experiment with at least this many runs is read with a pool of read workers (when the machine has cores). */
const POOL_MIN_RUNS = 32;
/** The deepest folder nesting followed for keys with `/`. */
const MAX_KEY_DEPTH = 16;
/** Reads MLflow file stores: a folder named `mlruns`, or an experiment or run folder with its meta.yaml. */
const mlflowSource = {
    format: 'mlflow',
    claim: claimMlflow,
    read: readMlflowStore
};
/** Reads a claimed store root, experiment folder or run folder. */
async function readMlflowStore(claimPath, ctx) {
    if (insideMlflowTrash(ctx.rel(claimPath)))
        return [];
    const reading = {};
    try {
        return await readClaim(claimPath, ctx, reading);
    }
    finally {
        await reading.pool?.close();
    }
}
async function readClaim(claimPath, ctx, reading) {
    const { files, dirs } = await ctx.list(claimPath);
    if (files.includes('meta.yaml')) {
        const metaFile = path.join(claimPath, 'meta.yaml');
        const meta = await ctx.readYaml(metaFile);
        if (!isObject(meta)) {
            if (meta !== undefined)
                ctx.error(metaFile, `must be a YAML mapping with experiment_id or run_id; found ${describeValue(meta)}. The folder was skipped`);
            return [];
        }
        const selected = experimentMatcher(ctx.selection);
        if (meta.run_id !== undefined || meta.run_uuid !== undefined) {
            // A single run folder: its experiment is the parent folder.
            const experiment = await readExperimentMeta(path.dirname(claimPath), ctx, true);
            if (!experiment || !selected(experiment.name))
                return [];
            const run = await readRun(claimPath, experiment, ctx, { meta, files, dirs });
            return run ? [run] : [];
        }
        const experiment = experimentFromMeta(claimPath, meta, metaFile, ctx);
        return experiment && selected(experiment.name) ? readExperimentRuns(experiment, dirs, ctx, reading) : [];
    }
    const selected = experimentMatcher(ctx.selection);
    const names = [];
    const runs = [];
    for (const dir of dirs) {
        if (ROOT_RESERVED.has(dir) || dir.startsWith('.'))
            continue;
        const experimentDir = path.join(claimPath, dir);
        const listing = await ctx.list(experimentDir);
        // Without meta.yaml this is not an experiment (MLflow 3.7+ keeps only artifacts here when the store is SQLite).
        if (!listing.files.includes('meta.yaml'))
            continue;
        const experiment = await readExperimentMeta(experimentDir, ctx, false);
        if (!experiment)
            continue;
        names.push(experiment.name ?? experiment.id);
        if (selected(experiment.name))
            runs.push(...(await readExperimentRuns(experiment, listing.dirs, ctx, reading)));
        else {
            const name = experiment.name ?? experiment.id;
            const count = await countActiveRuns(experiment, listing.dirs, ctx);
            ctx.unselected.set(name, (ctx.unselected.get(name) ?? 0) + count);
        }
    }
    warnNoExperimentSelected(ctx, claimPath, names);
    return runs;
}
/** How many runs of an experiment that is not selected are not deleted: only their meta.yaml is read. */
async function countActiveRuns(experiment, dirs, ctx) {
    let count = 0;
    for (const dir of dirs) {
        if (EXPERIMENT_RESERVED.has(dir) || dir.startsWith('.'))
            continue;
        const meta = await ctx.readText(path.join(experiment.dir, dir, 'meta.yaml'), { missingOk: true });
        if (meta !== undefined && !/^lifecycle_stage:\s*deleted\s*$/m.test(meta))
            count++;
    }
    return count;
}
/** Reads an experiment's meta.yaml; undefined when it is deleted or not an experiment. */
async function readExperimentMeta(dir, ctx, quietIfMissing) {
    const file = path.join(dir, 'meta.yaml');
    if (quietIfMissing && !lstatQuiet(file))
        return { dir, id: path.basename(dir) };
    const meta = await ctx.readYaml(file);
    if (meta === undefined)
        return undefined;
    if (!isObject(meta)) {
        ctx.error(file, `must be a YAML mapping with experiment_id, name and lifecycle_stage; found ${describeValue(meta)}. The experiment was skipped`);
        return undefined;
    }
    return experimentFromMeta(dir, meta, file, ctx);
}
function experimentFromMeta(dir, meta, file, ctx) {
    if (meta.experiment_id === undefined && meta.artifact_location === undefined) {
        ctx.warn(file, 'has neither experiment_id nor artifact_location, so it is not an MLflow experiment; the folder was skipped');
        return undefined;
    }
    if (meta.lifecycle_stage === 'deleted')
        return undefined;
    const name = typeof meta.name === 'string' || typeof meta.name === 'number' ? String(meta.name) : undefined;
    const id = meta.experiment_id !== undefined && meta.experiment_id !== null
        ? String(meta.experiment_id)
        : path.basename(dir);
    return { dir, id, name };
}
/** Reads every run folder of an experiment, a few at a time (metric files in the read workers when there are many). */
async function readExperimentRuns(experiment, dirs, ctx, reading) {
    const runDirs = dirs.filter(d => !EXPERIMENT_RESERVED.has(d) && !d.startsWith('.'));
    if (runDirs.length >= POOL_MIN_RUNS)
        reading.pool ??= MetricReadPool.start();
    const pool = reading.pool;
    const before = ctx.diagnostics.length;
    const results = new Array(runDirs.length);
    let next = 0;
    const worker = async () => {
        while (next < runDirs.length) {
            const index = next++;
            results[index] = await readRun(path.join(experiment.dir, runDirs[index]), experiment, ctx, undefined, pool);
        }
    };
    await Promise.all(Array.from({ length: Math.min(RUN_CONCURRENCY, runDirs.length) }, worker));
    // Runs are read a few at a time and workers answer in their own time: the runs' diagnostics go in folder order,
    // so every read of the store, with or without workers, says the same in the same order.
    orderByRun(ctx.diagnostics, before, runDirs);
    const runs = results.filter((r) => r !== undefined);
    if (runs.length)
        ctx.progress(runs.length, ctx.rel(experiment.dir));
    return runs;
}
/** A run folder's meta.yaml as a mapping; undefined (with a diagnostic) when it is missing or not a mapping. */
async function readRunMeta(dir, files, ctx) {
    const folder = path.basename(dir);
    if (!files.includes('meta.yaml')) {
        ctx.warn(dir, 'is in an MLflow experiment folder but has no meta.yaml, so it is not a run; it was skipped', {
            run: folder
        });
        return undefined;
    }
    const metaFile = path.join(dir, 'meta.yaml');
    const raw = await ctx.readYaml(metaFile, { run: folder });
    if (raw === undefined)
        return undefined;
    if (!isObject(raw)) {
        ctx.error(metaFile, `must be a YAML mapping with run_id, status and lifecycle_stage; found ${describeValue(raw)}. The run was skipped`, { run: folder });
        return undefined;
    }
    return raw;
}
/** Reads one run folder; undefined when it is deleted or has no usable meta.yaml (with a diagnostic). */
async function readRun(dir, experiment, ctx, known, pool) {
    const folder = path.basename(dir);
    const listing = known ?? (await ctx.list(dir));
    const metaFile = path.join(dir, 'meta.yaml');
    const meta = known?.meta ?? (await readRunMeta(dir, listing.files, ctx));
    if (!meta)
        return undefined;
    if (meta.lifecycle_stage === 'deleted')
        return undefined;
    const runId = textOf(meta.run_id) ?? textOf(meta.run_uuid) ?? folder;
    const place = { run: runId };
    if (meta.status !== undefined &&
        meta.status !== null &&
        typeof meta.status !== 'number' &&
        typeof meta.status !== 'string') {
        ctx.error(metaFile, `"status" is ${describeValue(meta.status)}; expected 1..5 or RUNNING, SCHEDULED, FINISHED, FAILED, KILLED`, { ...place, key: 'status' });
    }
    const [params, tags, metrics, datasets] = await Promise.all([
        listing.dirs.includes('params')
            ? readKeyValues(path.join(dir, 'params'), ctx, place)
            : new Map(),
        listing.dirs.includes('tags')
            ? readKeyValues(path.join(dir, 'tags'), ctx, place)
            : new Map(),
        listing.dirs.includes('metrics') ? readMetrics(path.join(dir, 'metrics'), ctx, place, pool) : {},
        listing.dirs.includes('inputs') ? readInputs(path.join(dir, 'inputs'), experiment, ctx, place) : []
    ]);
    const { run, unknownStatus } = buildMlflowRun({
        runId,
        id: `mlflow:${ctx.rel(dir)}`,
        parentIdFor: parent => `mlflow:${ctx.rel(path.join(experiment.dir, parent))}`,
        path: ctx.rel(dir),
        source: 'mlflow',
        experimentName: experiment.name,
        recordName: textOf(meta.run_name) ?? textOf(meta.name),
        // MLflow reads a meta.yaml without status as RUNNING.
        status: meta.status ?? 'RUNNING',
        startTime: meta.start_time,
        user: textOf(meta.user_id),
        params,
        tags,
        metrics,
        datasets
    });
    if (unknownStatus !== undefined && (typeof meta.status === 'number' || typeof meta.status === 'string')) {
        ctx.warn(metaFile, `"status" is ${JSON.stringify(unknownStatus)}; expected 1..5 or RUNNING, SCHEDULED, FINISHED, FAILED, KILLED. The run is shown as finished`, { ...place, key: 'status' });
    }
    return run;
}
/** Lists the files under a params/tags/metrics folder with their keys (`a/b` for the file a/b). */
async function listKeys(root, ctx, place) {
    const out = [];
    const visit = async (dir, prefix, depth) => {
        const { files, dirs } = await ctx.list(dir);
        for (const f of files)
            out.push({ key: prefix + f, file: path.join(dir, f) });
        for (const d of dirs) {
            if (depth >= MAX_KEY_DEPTH) {
                ctx.warn(path.join(dir, d), `is nested more than ${MAX_KEY_DEPTH} folders deep; its keys were skipped`, place);
                continue;
            }
            await visit(path.join(dir, d), `${prefix}${d}/`, depth + 1);
        }
    };
    await visit(root, '', 0);
    return out;
}
/** Reads params or tags: one file per key, its whole text the value. */
async function readKeyValues(root, ctx, place) {
    const keys = await listKeys(root, ctx, place);
    const values = await Promise.all(keys.map(({ key, file }) => ctx.readText(file, { ...place, key })));
    const out = new Map();
    keys.forEach(({ key }, i) => {
        const value = values[i];
        if (value !== undefined)
            out.set(key, value);
    });
    return out;
}
/**
 * Reads every metric file of a run into metrics: the final value from the full series, the history thinned.
 * With a pool, the workers read the plain files; any other file is read here.
 */
async function readMetrics(root, ctx, place, pool) {
    const keys = await listKeys(root, ctx, place);
    const fromPool = pool && keys.length
        ? await pool.read(keys.map(k => k.file), READ_WHOLE_BYTES)
        : [];
    const series = await Promise.all(keys.map(({ key, file }, i) => fromPool[i] ?? readMetricSeries(file, ctx, { ...place, key })));
    keys.forEach(({ key, file }, i) => {
        const parsed = series[i];
        if (parsed)
            reportMetricProblems(file, parsed, ctx, { ...place, key });
    });
    const metrics = {};
    keys.forEach(({ key, file }, i) => {
        const parsed = series[i];
        if (!parsed)
            return;
        if (parsed.columns)
            metrics[key] = metricFromColumns(parsed.columns);
        else
            ctx.warn(file, `metric "${key}" has no values; it was skipped`, { ...place, key });
    });
    return metrics;
}
/**
 * Puts the diagnostics added since `from` in the order of the run folders they name (a run is named by its folder,
 * which is its id in every MLflow version); stable, so a run's own order is kept, and others come first.
 */
function orderByRun(diagnostics, from, runDirs) {
    const index = new Map(runDirs.map((dir, i) => [dir, i]));
    const rank = (d) => (d.run === undefined ? -1 : (index.get(d.run) ?? -1));
    const added = diagnostics.splice(from);
    const ranked = added.map((d, i) => ({ d, i, r: rank(d) }));
    ranked.sort((a, b) => a.r - b.r || a.i - b.i);
    diagnostics.push(...ranked.map(x => x.d));
}
/** Reads one metric file (whole when small, streamed when large) into a series; undefined when it cannot be read. */
async function readMetricSeries(file, ctx, place) {
    const info = lstatQuiet(file);
    if (info && info.isFile() && info.size <= READ_WHOLE_BYTES) {
        const bytes = await ctx.readBytes(file, place);
        return bytes && parseMetricBytes(bytes);
    }
    const parser = new MetricFileParser(5, 1 << 16);
    const stream = await ctx.openStream(file, place, { highWaterMark: 1024 * 1024 });
    if (!stream)
        return undefined;
    try {
        for await (const chunk of stream)
            parser.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    }
    catch (e) {
        ctx.error(file, `could not be read to the end: ${e.message}; the points read before were kept`, place);
    }
    parser.end();
    return { columns: parser.history.buildColumns(), problems: parser.problems, badLines: parser.badLines };
}
/** Reports a metric file's bad lines: the first few by number, then how many more. */
function reportMetricProblems(file, parser, ctx, place) {
    for (const problem of parser.problems) {
        ctx.error(file, `line ${problem.line}: ${problem.message}. The line was skipped`, {
            ...place,
            line: problem.line
        });
    }
    if (parser.badLines > parser.problems.length) {
        ctx.error(file, `${parser.badLines - parser.problems.length} more lines were not "timestamp value step" and were skipped`, place);
    }
}
/** Reads a run's dataset inputs (`inputs/<id>/meta.yaml` → the experiment's `datasets/<id>/meta.yaml`). */
async function readInputs(root, experiment, ctx, place) {
    const { dirs } = await ctx.list(root);
    const out = [];
    for (const dir of dirs) {
        const file = path.join(root, dir, 'meta.yaml');
        const meta = await ctx.readYaml(file, place);
        if (!isObject(meta)) {
            if (meta !== undefined)
                ctx.error(file, `must be a YAML mapping with source_type and source_id; found ${describeValue(meta)}. The input was skipped`, place);
            continue;
        }
        if (meta.source_type !== 'DATASET')
            continue;
        const datasetId = textOf(meta.source_id);
        experiment.datasets ??= readDatasets(experiment, ctx);
        const dataset = datasetId ? (await experiment.datasets).get(datasetId) : undefined;
        if (!dataset) {
            ctx.warn(file, `names dataset ${JSON.stringify(datasetId ?? '')}, which is not in the experiment's datasets folder; the input was skipped`, place);
            continue;
        }
        const tags = isObject(meta.tags) ? meta.tags : {};
        out.push({ ...dataset, context: textOf(tags['mlflow.data.context']) });
    }
    return out;
}
/** Reads an experiment's `datasets/<id>/meta.yaml` files into a map by id. */
async function readDatasets(experiment, ctx) {
    const root = path.join(experiment.dir, 'datasets');
    const out = new Map();
    if (!lstatQuiet(root)?.isDirectory())
        return out;
    const { dirs } = await ctx.list(root);
    for (const dir of dirs) {
        const file = path.join(root, dir, 'meta.yaml');
        const meta = await ctx.readYaml(file);
        if (!isObject(meta))
            continue;
        const name = textOf(meta.name);
        if (!name) {
            ctx.warn(file, 'has no dataset name; expected name and digest. The dataset was skipped', {
                key: 'name'
            });
            continue;
        }
        out.set(dir, { name, digest: textOf(meta.digest) ?? '' });
    }
    return out;
}
function textOf(value) {
    if (typeof value === 'string')
        return value.trim() === '' ? undefined : value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** lstat without a thread-pool round trip (thousands of small metric files); undefined when the path is absent. */
function lstatQuiet(file) {
    try {
        return lstatSync(file);
    }
    catch {
        return undefined;
    }
}

export { mlflowSource, readMlflowStore };
