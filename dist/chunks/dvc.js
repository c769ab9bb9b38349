import path from 'node:path';
import { stat } from 'node:fs/promises';
import { a3 as emptyMetadata, a2 as makeRun, a1 as flattenParams, q as paramText } from './findings.js';
import { readSeriesTable } from './csv.js';
import { D as DVC_YAML, S as SKIPPED_FOLDERS, l as claimDvc } from './detect.js';
import { H as HistoryBuilder, m as metricFromColumns } from './history.js';
import { r as readStructured, i as isRecord, d as describeValue, p as plainParams, t as truncate, f as flattenMetrics, a as readYamlExact } from './structured.js';
import { createHash } from 'node:crypto';
import { p as parseDvcYaml, n as nestedDvcliveYamls, D as DVC_NEST_DEPTH } from './dvc-yaml.js';
import './conventions.js';
import 'node:string_decoder';
import 'node:fs';
import './read-buffer.js';
import 'node:url';

// Reading what a dvc.yaml (or a dvclive folder) names into one run: metrics files, params files (the values in
// dvc.lock win, with a warning when they differ), and plots that are per-step series (metric histories).
/** Files named as plots that are pictures, not data. */
const IMAGE_EXT = new Set(['.png', '.jpg', '.jpeg', '.svg', '.gif', '.webp', '.bmp', '.html']);
/** Files read as plot data. */
const PLOT_DATA_EXT = new Set(['.json', '.yaml', '.yml', '.csv', '.tsv']);
/** Files read as metrics or params. */
const STRUCTURED_EXT = new Set(['.json', '.yaml', '.yml', '.toml']);
/** Reads the metrics, params and plots that `refs` name into one run; undefined when none could be read. */
async function buildRun(dir, name, refs, lock, ctx) {
    const place = { run: name };
    const metrics = await readMetricsFiles(refs.metrics, ctx, place);
    const params = await readParamsFiles(refs.params, ctx, place);
    if (lock)
        applyLockedParams(lock, params, ctx, place);
    for (const ref of await expandRefs(unique(refs.plots), PLOT_DATA_EXT, ctx, place, 'plots')) {
        const series = await readPlotSeries(ref, ctx, place);
        for (const [key, metric] of Object.entries(series)) {
            const existing = metrics[key];
            if (existing) {
                if (!existing.history)
                    existing.history = metric.history;
            }
            else
                metrics[key] = metric;
        }
    }
    if (!Object.keys(metrics).length && !Object.keys(params).length) {
        ctx.warn(path.join(dir, DVC_YAML), 'names no metrics, params or plots that could be read; no run was made from it', place);
        return undefined;
    }
    const metadata = { ...emptyMetadata(), ...(lock?.dataVersion ? { dataVersion: lock.dataVersion } : {}) };
    return makeRun({
        id: `dvc:${ctx.rel(dir)}`,
        name,
        source: 'dvc',
        path: ctx.rel(dir),
        params,
        metrics,
        metadata
    });
}
/** Reads the metrics files; a metric also in an earlier file is named after its file (with a warning). */
async function readMetricsFiles(refs, ctx, place) {
    const metrics = {};
    const metricOrigin = new Map();
    for (const ref of await expandRefs(unique(refs), STRUCTURED_EXT, ctx, place, 'metrics')) {
        const found = await readMetricsFile(ref.file, ctx, place);
        if (!found)
            continue;
        const prefix = ctx
            .rel(ref.file)
            .replace(/\.[^./]+$/, '')
            .split('/')
            .join('.');
        for (const [key, metric] of Object.entries(found)) {
            const earlier = metricOrigin.get(key);
            if (earlier !== undefined && earlier !== ref.file) {
                const renamed = `${prefix}.${key}`;
                ctx.warn(ref.file, `metric "${key}" is also in ${ctx.rel(earlier)}; this one is named "${renamed}"`, {
                    ...place,
                    key
                });
                metrics[renamed] = metric;
            }
            else {
                metrics[key] = metric;
                metricOrigin.set(key, ref.file);
            }
        }
    }
    return metrics;
}
/** The numeric metrics of one metrics file; undefined (with a diagnostic) when it is not a mapping. */
async function readMetricsFile(file, ctx, place) {
    const raw = await readStructured(ctx, file, place);
    if (raw === undefined)
        return undefined;
    if (!isRecord(raw)) {
        ctx.error(file, `must hold a mapping of metric names to numbers, found ${describeValue(raw)}; it was skipped`, place);
        return undefined;
    }
    const found = {};
    const skipped = [];
    // dvclive writes the last step into metrics.json as `step`; it is the x axis, not a result.
    const { step: _step, ...rest } = raw;
    flattenMetrics(typeof _step === 'number' ? rest : raw, '', found, skipped);
    if (skipped.length) {
        ctx.warn(file, `holds values that are not numbers, which are not compared: ${truncate(skipped.join(', '), 200)}`, {
            ...place,
            key: skipped[0]
        });
    }
    return found;
}
/** Reads the params files (not Python ones) into flat params. */
async function readParamsFiles(refs, ctx, place) {
    const params = {};
    for (const ref of await expandRefs(unique(refs), STRUCTURED_EXT, ctx, place, 'params')) {
        if (path.extname(ref.file).toLowerCase() === '.py') {
            ctx.warn(ref.file, 'is a Python params file, which is not read (use params.yaml, JSON or TOML)', place);
            continue;
        }
        const raw = await readStructured(ctx, ref.file, place);
        if (raw === undefined || raw === null)
            continue;
        if (!isRecord(raw)) {
            ctx.error(ref.file, `must hold a mapping of parameters, found ${describeValue(raw)}; it was skipped`, place);
            continue;
        }
        Object.assign(params, flattenParams(plainParams(raw)));
    }
    return params;
}
/** Puts dvc.lock's params over the params files' (the metrics come from them), warning where they differ. */
function applyLockedParams(lock, params, ctx, place) {
    const stale = [];
    for (const [key, value] of Object.entries(lock.params)) {
        if (key in params && paramText(params[key]) !== paramText(value)) {
            stale.push(`${key} is ${truncate(paramText(params[key]), 30)} in the params file but ${truncate(paramText(value), 30)} in dvc.lock`);
        }
        params[key] = value;
    }
    if (stale.length) {
        ctx.warn(lock.file, `records other params than the params files hold (${truncate(stale.join('; '), 300)}); the locked values are shown because the metrics come from them. Run \`dvc repro\` to refresh`, { ...place, key: stale[0].split(' ')[0] });
    }
}
/** Reads one plot file as per-step series when it is one (dvclive TSV, or rows with a `step` field). */
async function readPlotSeries(ref, ctx, place) {
    const ext = path.extname(ref.file).toLowerCase();
    if (ref.x !== undefined && ref.x !== 'step') {
        // A curve such as ROC or precision-recall, not a history: parsed only so that a broken file is reported.
        if (ext !== '.csv' && ext !== '.tsv')
            await readStructured(ctx, ref.file, place);
        return {};
    }
    const relPath = ctx.rel(ref.file);
    const dvcliveAt = relPath.lastIndexOf('plots/metrics/');
    const dvcliveName = dvcliveAt >= 0 && (dvcliveAt === 0 || relPath[dvcliveAt - 1] === '/')
        ? relPath
            .slice(dvcliveAt + 'plots/metrics/'.length)
            .replace(/\.[^./]+$/, '')
            .split('/')
            .join('.')
        : undefined;
    if (ext === '.tsv' || ext === '.csv') {
        const table = await readSeriesTable(ref.file, ctx, place, {
            requireStep: dvcliveName !== undefined,
            metricName: dvcliveName
        });
        if (!table)
            return {};
        return dvcliveName ? table.metrics : renameSlashes(table.metrics);
    }
    const raw = await readStructured(ctx, ref.file, place);
    const rows = Array.isArray(raw) ? raw : isRecord(raw) ? Object.values(raw).find(Array.isArray) : undefined;
    if (!rows || !rows.every(r => isRecord(r) && typeof r.step === 'number'))
        return {}; // not a per-step series
    // Sorted by step (stable); the value is the last written at the highest step.
    const series = new Map();
    for (const row of rows) {
        for (const [key, value] of Object.entries(row)) {
            if (key === 'step' || key === 'timestamp' || typeof value !== 'number')
                continue;
            const name = dvcliveName ?? key.split('/').join('.');
            let points = series.get(name);
            if (!points)
                series.set(name, (points = new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'keep' })));
            points.add(row.step, value);
        }
    }
    const out = {};
    for (const [name, points] of series) {
        const built = points.buildColumns();
        if (built)
            out[name] = metricFromColumns(built);
    }
    return out;
}
/** Metric names with `/` turned into `.`, as dvclive names them. */
function renameSlashes(metrics) {
    return Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k.split('/').join('.'), v]));
}
/**
 * Checks that each named path stays in the workspace and exists, and expands folders into the data files
 * below them. Missing files get a warning that says how DVC produces them; pictures are passed over.
 */
async function expandRefs(refs, exts, ctx, place, what) {
    const out = [];
    for (const ref of refs) {
        const ext = path.extname(ref.file).toLowerCase();
        if (IMAGE_EXT.has(ext))
            continue;
        if (!(await ctx.insideWorkspace(ref.file))) {
            ctx.error(ref.file, `is named in ${ref.from} but lies outside the workspace; it was not read`, place);
            continue;
        }
        const info = await stat(ref.file).catch(() => undefined);
        if (!info) {
            ctx.warn(ref.file, `is named in ${ref.from} but does not exist; run \`dvc repro\` or \`dvc pull\` (DVC-cached ${what} are not in git) to include it`, place);
            continue;
        }
        if (info.isDirectory()) {
            for (const file of await listFilesBelow(ref.file, ctx, 4)) {
                const e = path.extname(file).toLowerCase();
                if (exts.has(e))
                    out.push({ ...ref, file });
            }
        }
        else
            out.push(ref);
    }
    return unique(out);
}
/** Lists the files below a folder, depth-limited, in a stable order. */
async function listFilesBelow(dir, ctx, depth) {
    const { files, dirs } = await ctx.list(dir);
    const out = files.map(f => path.join(dir, f));
    if (depth > 0)
        for (const d of dirs)
            if (!SKIPPED_FOLDERS.has(d))
                out.push(...(await listFilesBelow(path.join(dir, d), ctx, depth - 1)));
    return out;
}
/** True when a file or folder exists at the path. */
async function exists(file) {
    return (await stat(file).catch(() => undefined)) !== undefined;
}
/** The refs with each file once, the first kept. */
function unique(refs) {
    const seen = new Set();
    return refs.filter(r => (seen.has(r.file) ? false : (seen.add(r.file), true)));
}

// dvc.lock, written by `dvc repro` beside dvc.yaml: the params each stage ran with, and a data version made from
// the hashes of the stages' data inputs (code and the pipeline's own outputs left out).
/** The lock file DVC writes beside dvc.yaml after `dvc repro`. */
const DVC_LOCK = 'dvc.lock';
/** Dependencies that are code, not data (for the data version). */
const CODE_EXT = /\.(py|ipynb|r|sh|js|ts|jl|scala|java|c|cc|cpp|h|go|rs|rb|m|sql|cfg|ini|toml|lock|txt|md)$/i;
/** Top-level folders that hold code, not data (for the data version). */
const CODE_DIRS = new Set(['src', 'scripts', 'code', 'lib', 'notebooks']);
/** Reads dvc.lock beside dvc.yaml (schema 2.0, or the 1.x layout without `schema`). */
async function readLock(dir, ctx, place) {
    const file = path.join(dir, DVC_LOCK);
    if (!(await stat(file).catch(() => undefined)))
        return undefined;
    const raw = await readYamlExact(ctx, file, place);
    if (raw === undefined || raw === null)
        return undefined;
    if (!isRecord(raw)) {
        ctx.error(file, `must be a mapping with schema and stages; found ${describeValue(raw)}`, place);
        return undefined;
    }
    const stages = raw.schema !== undefined ? raw.stages : raw;
    if (!isRecord(stages)) {
        ctx.error(file, `"stages" is ${describeValue(stages)}; expected a mapping of stage names`, {
            ...place,
            key: 'stages'
        });
        return undefined;
    }
    const params = {};
    const inputs = new Map();
    const produced = [];
    for (const [stageName, stage] of Object.entries(stages)) {
        if (!isRecord(stage))
            continue;
        if (isRecord(stage.params))
            addLockedParams(stage.params, `stages.${stageName}.params`, params, file, ctx, place);
        for (const out of Array.isArray(stage.outs) ? stage.outs : [])
            if (isRecord(out) && typeof out.path === 'string')
                produced.push(out.path);
        for (const dep of Array.isArray(stage.deps) ? stage.deps : [])
            addInput(dep, inputs);
    }
    return { file, params, dataVersion: dataVersionOf(inputs, produced) };
}
/** Adds a stage's locked params (`{params file: {key: value}}`) to `params`. */
function addLockedParams(byFile, key, params, file, ctx, place) {
    for (const [paramsFile, values] of Object.entries(byFile)) {
        if (isRecord(values))
            Object.assign(params, flattenParams(plainParams(values)));
        else
            ctx.warn(file, `${key}["${paramsFile}"] is ${describeValue(values)}; expected a mapping. It was skipped`, { ...place, key });
    }
}
/** Records a dependency's version: an imported repository's commit, or the first characters of its hash. */
function addInput(dep, inputs) {
    if (!isRecord(dep) || typeof dep.path !== 'string')
        return;
    const repo = isRecord(dep.repo) ? dep.repo : undefined;
    if (repo && typeof repo.rev_lock === 'string') {
        // An imported dependency (`dvc import`): the data repository's git commit is its version.
        inputs.set(dep.path, `${typeof repo.url === 'string' ? repo.url : dep.path}@${repo.rev_lock.slice(0, 12)}`);
        return;
    }
    const hash = [dep.md5, dep.etag, dep.checksum].find(h => typeof h === 'string');
    if (hash)
        inputs.set(dep.path, `${dep.path}@${hash.replace(/\.dir$/, '').slice(0, 8)}`);
}
/** The data version: up to three data inputs by name, or their count and a digest; undefined without any. */
function dataVersionOf(inputs, produced) {
    const isProduced = (p) => produced.some(o => p === o || p.startsWith(`${o}/`));
    const isCode = (p) => CODE_EXT.test(p) || CODE_DIRS.has(p.split('/')[0]);
    const data = [...inputs.entries()]
        .filter(([p]) => !isProduced(p) && !isCode(p))
        .map(([, v]) => v)
        .sort();
    if (data.length > 0 && data.length <= 3)
        return data.join(', ');
    if (data.length > 3)
        return `${data.length} inputs, digest ${createHash('sha256').update(data.join('\n')).digest('hex').slice(0, 12)}`;
    return undefined;
}

// DVC projects: the metrics, params and plots named in `dvc.yaml` (top level and per stage), the params
// `dvc.lock` recorded for the last `dvc repro`, and dvclive output (metrics.json, params.yaml and the
// per-step TSV files under plots/metrics that become metric histories). One run per dvc.yaml; a
// dvclive-generated dvc.yaml below a project is merged into that project's run. dvc-yaml.ts parses dvc.yaml,
// dvc-lock.ts reads dvc.lock, dvc-files.ts reads the files they name; this module finds the projects.
/** Reads DVC projects (dvc.yaml, dvc.lock, params and metrics files) and standalone dvclive folders. */
const dvcSource = {
    format: 'dvc',
    claim: claimDvc,
    async read(dir, ctx) {
        const { files } = await ctx.list(dir);
        const run = files.includes(DVC_YAML)
            ? await readDvcProject(dir, ctx)
            : await readStandaloneDvclive(dir, ctx);
        return run ? [run] : [];
    }
};
/** The display name of a DVC run: the folder relative to the workspace, or the workspace's own name. */
function runName(dir, ctx) {
    const rel = ctx.rel(dir);
    return rel === '.' ? path.basename(ctx.workspace) : rel;
}
/** Reads the project whose dvc.yaml is in `dir`; undefined when it is a dvclive file merged into its parent. */
async function readDvcProject(dir, ctx) {
    const name = runName(dir, ctx);
    const place = { run: name };
    const yamlFile = path.join(dir, DVC_YAML);
    // A dvclive dvc.yaml (no stages) below a project is read with that project, not as a run of its own.
    if ((await nearestProjectAbove(dir, ctx)) && !(await hasStages(yamlFile, ctx)))
        return undefined;
    const raw = await readYamlExact(ctx, yamlFile, place);
    if (raw === undefined)
        return undefined;
    const refs = parseDvcYaml(raw, dir, yamlFile, ctx, place);
    if (!refs)
        return undefined;
    for (const sub of await nestedDvcliveYamls(dir, d => ctx.list(d), file => hasStages(file, ctx))) {
        const subRaw = await readYamlExact(ctx, sub, place);
        const subRefs = subRaw === undefined ? undefined : parseDvcYaml(subRaw, path.dirname(sub), sub, ctx, place);
        if (subRefs) {
            refs.metrics.push(...subRefs.metrics);
            refs.params.push(...subRefs.params);
            refs.plots.push(...subRefs.plots);
        }
    }
    const lock = await readLock(dir, ctx, place);
    return buildRun(dir, name, refs, lock, ctx);
}
/** Reads a dvclive folder that no dvc.yaml names: metrics.json, params.yaml and plots/metrics. */
async function readStandaloneDvclive(dir, ctx) {
    if (await namedByProjectAbove(dir, ctx))
        return undefined;
    const name = runName(dir, ctx);
    const { files } = await ctx.list(dir);
    const from = 'the dvclive folder';
    const refs = {
        metrics: [{ file: path.join(dir, 'metrics.json'), from }],
        params: files.includes('params.yaml') ? [{ file: path.join(dir, 'params.yaml'), from }] : [],
        plots: [{ file: path.join(dir, 'plots', 'metrics'), from, x: 'step' }]};
    if (!(await exists(path.join(dir, 'plots', 'metrics'))))
        refs.plots = [];
    return buildRun(dir, name, refs, undefined, ctx);
}
/** The nearest folder above `dir` (at most DVC_NEST_DEPTH up, inside the workspace) with a dvc.yaml. */
async function nearestProjectAbove(dir, ctx) {
    let d = dir;
    for (let i = 0; i < DVC_NEST_DEPTH; i++) {
        if (d === ctx.workspace)
            return undefined;
        d = path.dirname(d);
        if (!(d === ctx.workspace || d.startsWith(ctx.workspace + path.sep)))
            return undefined;
        if (await exists(path.join(d, DVC_YAML)))
            return d;
    }
    return undefined;
}
/** True when a dvc.yaml in a folder above names this dvclive folder's metrics or plots (it reads them). */
async function namedByProjectAbove(dir, ctx) {
    const metricsFile = path.join(dir, 'metrics.json');
    let d = dir;
    while (d !== ctx.workspace && d.startsWith(ctx.workspace + path.sep)) {
        d = path.dirname(d);
        const yamlFile = path.join(d, DVC_YAML);
        if (!(await exists(yamlFile)))
            continue;
        const refs = await quietly(ctx, async () => {
            const raw = await readYamlExact(ctx, yamlFile);
            return raw === undefined ? undefined : parseDvcYaml(raw, d, yamlFile, ctx, {});
        });
        const named = [...(refs?.metrics ?? []), ...(refs?.plots ?? [])].map(r => r.file);
        if (named.some(f => f === metricsFile || f === dir || dir.startsWith(f + path.sep) || f.startsWith(dir + path.sep)))
            return true;
    }
    return false;
}
/** Whether a dvc.yaml has stages (a project) or only metrics/params/plots (dvclive's). Quiet. */
async function hasStages(file, ctx) {
    const raw = await quietly(ctx, () => readYamlExact(ctx, file));
    return isRecord(raw) && isRecord(raw.stages);
}
/** Runs a read whose diagnostics belong to another run's read (which reports them), dropping them here. */
async function quietly(ctx, read) {
    const before = ctx.diagnostics.length;
    try {
        return await read();
    }
    finally {
        ctx.diagnostics.splice(before);
    }
}

export { dvcSource };
