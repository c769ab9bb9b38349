import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { experimentMatcher } from './experiment-match.js';
import { w as warnNoExperimentSelected, M as MAX_RUNS_ANY_COMMIT, b as buildMlflowRun } from './mlflow-common.js';
import { H as HistoryBuilder, M as MAX_HISTORY_POINTS, m as metricFromColumns } from './history.js';
import { o as claimMlflowSqlite } from './detect.js';
import { createRequire } from 'node:module';
import './index3.js';
import './_commonjsHelpers.js';
import './findings.js';
import './conventions.js';
import 'node:fs';
import './read-buffer.js';
import 'node:url';

/** The first column of every row of a query. */
function column(db, sql, params = []) {
    const out = [];
    db.prepare(sql).each(params, row => out.push(row[0]));
    return out;
}
/** Runs a query row by row; a failing query is reported against the table and yields nothing. */
function eachRow(db, sql, params, where, onRow) {
    const { file, table, ctx } = where;
    let stmt;
    try {
        stmt = db.prepare(sql);
    }
    catch (e) {
        ctx.error(file, `table ${table} could not be read: ${e.message}; its data was skipped`, {
            key: table
        });
        return;
    }
    try {
        stmt.each(params, onRow);
    }
    catch (e) {
        ctx.error(file, `table ${table} could not be read to the end: ${e.message}; the rows before were kept`, { key: table });
    }
}
/** The column names of a table. */
function columnsOf(db, table) {
    const out = new Set();
    // PRAGMA table_info: cid, name, type, notnull, dflt_value, pk
    db.prepare(`PRAGMA table_info("${table.replace(/"/g, '""')}")`).each([], row => out.add(String(row[1])));
    return out;
}
/** True when the metrics table has an index led by (run_uuid, key), so one series is read without a scan. */
function hasSeriesIndex(db) {
    const sql = column(db, "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'metrics'");
    return sql.some(s => typeof s === 'string' && /\(\s*"?run_uuid"?\s*,\s*"?key"?/i.test(s));
}
/**
 * Reads the metric histories of the runs. With MLflow's (run_uuid, key, step) index each series is read on its
 * own: whole when it has at most MAX_HISTORY_POINTS points, otherwise only the points the history keeps (evenly
 * spaced, ends kept, chosen in SQL) plus its final point, so a long series costs no more memory than a short one.
 * Without the index (old schemas) the rows of the runs are streamed once.
 */
function readHistories(db, runs, ofRuns, file, ctx) {
    if (hasSeriesIndex(db))
        readHistoriesBySeries(db, runs, file, ctx);
    else
        readHistoriesStreamed(db, runs, ofRuns, file, ctx);
}
/** The `is_nan` column of a metric table, or 0 in schemas without it. */
function nanColumn(db, table = 'metrics') {
    return columnsOf(db, table).has('is_nan') ? 'is_nan' : '0';
}
/**
 * Each usable point of a metric table (`metrics`: every point, `latest_metrics`: MLflow's latest of each metric) of
 * the runs, with its run and key; an unusable row is reported and skipped.
 */
function eachMetricPoint(db, table, runs, ofRuns, where, onPoint) {
    const { file, ctx } = where;
    eachRow(db, `SELECT run_uuid, key, value, timestamp, step, ${nanColumn(db, table)} FROM ${table} WHERE ${ofRuns.sql}`, ofRuns.params, { file, table, ctx }, row => {
        const run = runs.get(String(row[0]));
        if (!run)
            return;
        const point = pointOf(row.slice(1), run.runId, file, ctx);
        if (point)
            onPoint(run, String(row[1]), point);
    });
}
/** Puts a series into its run as a metric; `total` is the length of the full series when only part was read. */
function finishSeries(run, key, history, total) {
    const built = history.buildColumns();
    if (!built)
        return;
    const metric = metricFromColumns(built);
    if (total > built.total)
        metric.historyPoints = total;
    run.metrics[key] = metric;
}
/** Without the series index (old schemas): the metric rows of the runs streamed once, every point kept until built. */
function readHistoriesStreamed(db, runs, ofRuns, file, ctx) {
    const histories = new Map();
    eachMetricPoint(db, 'metrics', runs, ofRuns, { file, ctx }, (run, key, point) => {
        let byKey = histories.get(run);
        if (!byKey)
            histories.set(run, (byKey = new Map()));
        let history = byKey.get(key);
        if (!history)
            byKey.set(key, (history = new HistoryBuilder({ final: 'mlflow' })));
        history.add(point.step, point.value, point.timestamp);
    });
    for (const [run, byKey] of histories)
        for (const [key, h] of byKey)
            finishSeries(run, key, h, 0);
}
/** The row numbers (0-based, by step then timestamp) HistoryBuilder keeps of a series of `total` points, as JSON. */
function keptRowsOf() {
    const picks = new Map();
    return total => {
        let list = picks.get(total);
        if (!list) {
            const stride = (total - 1) / (MAX_HISTORY_POINTS - 1);
            const rows = Array.from({ length: MAX_HISTORY_POINTS }, (_, k) => Math.round(k * stride));
            picks.set(total, (list = JSON.stringify(rows)));
        }
        return list;
    };
}
/** With the series index: each series read on its own, whole or only its kept points and its final point. */
function readHistoriesBySeries(db, runs, file, ctx) {
    const nan = nanColumn(db);
    const counts = db.prepare('SELECT key, COUNT(*) FROM metrics WHERE run_uuid = ? GROUP BY key');
    const whole = db.prepare(`SELECT key, value, timestamp, step, ${nan} FROM metrics WHERE run_uuid = ? AND key = ? ORDER BY step, timestamp`);
    // The points of the thinned history: row numbers (0-based, by step then timestamp) as HistoryBuilder picks them.
    const thinned = db.prepare(`SELECT key, value, timestamp, step, ${nan} FROM (SELECT key, value, timestamp, step, ${nan}, ROW_NUMBER() OVER (ORDER BY step, timestamp) - 1 AS i FROM metrics WHERE run_uuid = ? AND key = ?) WHERE i IN (SELECT value FROM json_each(?))`);
    // The final point by MLflow's rule (highest step, then latest timestamp, then highest value; NaN loses).
    const final = db.prepare(`SELECT key, value, timestamp, step, ${nan} FROM metrics WHERE run_uuid = ? AND key = ? ORDER BY step DESC, timestamp DESC, ${nan} ASC, value DESC LIMIT 1`);
    const keptRows = keptRowsOf();
    try {
        for (const run of runs.values()) {
            const series = [];
            counts.each([run.runId], row => series.push([String(row[0]), Number(row[1])]));
            for (const [key, total] of series) {
                const history = new HistoryBuilder({ final: 'mlflow' }, Math.min(total, MAX_HISTORY_POINTS));
                const add = (row) => {
                    const point = pointOf(row, run.runId, file, ctx);
                    if (point)
                        history.add(point.step, point.value, point.timestamp);
                };
                if (total <= MAX_HISTORY_POINTS)
                    whole.each([run.runId, key], add);
                else {
                    thinned.each([run.runId, key, keptRows(total)], add);
                    if (!run.latest.has(key))
                        final.each([run.runId, key], row => {
                            const point = pointOf(row, run.runId, file, ctx);
                            if (point)
                                run.latest.set(key, point);
                        });
                }
                finishSeries(run, key, history, total);
            }
        }
    }
    catch (e) {
        ctx.error(file, `table metrics could not be read to the end: ${e.message}; the histories read before were kept`, { key: 'metrics' });
    }
}
/** A metric row (key, value, timestamp, step, is_nan) as a point; undefined with a diagnostic when unusable. */
function pointOf(row, runId, file, ctx) {
    const [key, rawValue, rawTimestamp, rawStep, rawNan] = row;
    const place = { run: runId, key: String(key) };
    const isNan = rawNan === 1 || rawNan === '1' || rawNan === 1n;
    let value = typeof rawValue === 'number'
        ? rawValue
        : typeof rawValue === 'string' && rawValue.trim() !== ''
            ? Number(rawValue)
            : NaN;
    if (isNan)
        value = NaN;
    else if (Number.isNaN(value)) {
        ctx.error(file, `metric "${String(key)}" has the value ${describe(rawValue)}; expected a number. The point was skipped`, place);
        return undefined;
    }
    // MLflow stores ±infinity as ±DBL_MAX.
    if (value === Number.MAX_VALUE)
        value = Infinity;
    else if (value === -Number.MAX_VALUE)
        value = -Infinity;
    const step = rawStep === null ? 0 : Number(rawStep);
    const timestamp = rawTimestamp === null ? undefined : Number(rawTimestamp);
    if (!Number.isFinite(step) || (timestamp !== undefined && !Number.isFinite(timestamp))) {
        ctx.error(file, `metric "${String(key)}" has step ${describe(rawStep)} and timestamp ${describe(rawTimestamp)}; expected integers. The point was skipped`, place);
        return undefined;
    }
    return timestamp === undefined ? { step, value } : { step, value, timestamp };
}
/** A text value, undefined when NULL or blank. */
function text(value) {
    if (value === null || value === undefined)
        return undefined;
    const s = valueText(value);
    return s.trim() === '' ? undefined : s;
}
/** Any value as text (a blob as UTF-8). */
function valueText(value) {
    if (value instanceof Uint8Array)
        return Buffer.from(value).toString('utf8');
    return String(value);
}
/** A value as a message shows it. */
function describe(value) {
    if (value === null || value === undefined)
        return 'NULL';
    if (value instanceof Uint8Array)
        return `a ${value.length}-byte blob`;
    if (typeof value === 'bigint')
        return value.toString();
    return JSON.stringify(value);
}

// One small interface over the two SQLite engines the readers use:
// - `node:sqlite` (Node 22.13 and later, so always on the action's node24 runtime): the database is read from the
//   file itself, page by page, so memory stays bounded whatever its size;
// - sql.js (SQLite compiled to WebAssembly) on older Node: the whole file is copied into WebAssembly memory, so
//   the file size is limited (MAX_SQLJS_BYTES).
/** The largest database sql.js reads: it needs the whole file, plus its own working memory, in WebAssembly memory. */
const MAX_SQLJS_BYTES = 512 * 1024 * 1024;
let nodeSqlite;
/** Loads node:sqlite once; undefined on a Node without it (before 22.13, or 22.5–22.12 without the flag). */
function loadNodeSqlite() {
    // The specifier is a variable so that neither TypeScript (no types on Node 20) nor the bundler resolve it.
    const specifier = 'node:sqlite';
    nodeSqlite ??= (async () => {
        const emit = process.emitWarning;
        // node:sqlite announces itself as experimental on every load; the review's log is not the place for that.
        process.emitWarning = ((warning, ...rest) => {
            const text = typeof warning === 'string' ? warning : warning.message;
            if (/SQLite is an experimental feature/i.test(text))
                return;
            return emit.call(process, warning, ...rest);
        });
        try {
            return (await import(specifier));
        }
        catch {
            return undefined;
        }
        finally {
            process.emitWarning = emit;
        }
    })();
    return nodeSqlite;
}
/** Opens a database file read only with node:sqlite (nothing is written beside it); undefined without node:sqlite. */
async function openWithNodeSqlite(file) {
    const sqlite = await loadNodeSqlite();
    if (!sqlite)
        return undefined;
    const db = new sqlite.DatabaseSync(file, { readOnly: true });
    return {
        engine: 'node:sqlite',
        prepare(sql) {
            const stmt = db.prepare(sql);
            const arrays = typeof stmt.setReturnArrays === 'function';
            if (arrays)
                stmt.setReturnArrays?.(true);
            return {
                each(params, onRow) {
                    for (const row of stmt.iterate(...params))
                        onRow(arrays ? row : Object.values(row));
                }
            };
        },
        close: () => db.close()
    };
}
let sqlJs;
/** Loads sql.js once, with its wasm from beside the running module (the bundle) or from the package (tests). */
function loadSqlJs() {
    sqlJs ??= (async () => {
        const { default: initSqlJs } = await import('./sql-wasm.js').then(function (n) { return n.s; });
        const wasm = await readSqlWasm();
        return initSqlJs({
            wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)
        });
    })();
    sqlJs.catch(() => (sqlJs = undefined));
    return sqlJs;
}
/** Finds sql-wasm.wasm: next to this module (dist/), one folder up (dist/chunks/), else in node_modules/sql.js. */
async function readSqlWasm() {
    const here = import.meta.url;
    for (const candidate of ['./sql-wasm.wasm', '../sql-wasm.wasm']) {
        try {
            return await readFile(new URL(candidate, here));
        }
        catch {
            // not bundled next to this module; try the next place
        }
    }
    const require = createRequire(here);
    return readFile(require.resolve('sql.js/dist/sql-wasm.wasm'));
}
/** Opens a database from its bytes with sql.js. */
async function openWithSqlJs(bytes) {
    const SQL = await loadSqlJs();
    const db = new SQL.Database(bytes);
    const statements = [];
    return {
        engine: 'sql.js',
        prepare(sql) {
            const stmt = db.prepare(sql);
            statements.push(stmt);
            return {
                each(params, onRow) {
                    stmt.bind(params);
                    try {
                        while (stmt.step())
                            onRow(stmt.get());
                    }
                    finally {
                        stmt.reset();
                    }
                }
            };
        },
        close() {
            for (const stmt of statements)
                stmt.free();
            db.close();
        }
    };
}

// The MLflow SQLite store (`mlflow.db`, MLflow's default since 3.7; also any *.db holding MLflow's tables,
// e.g. `mlruns.db`): experiments, runs, params, tags, metric histories and latest values, dataset inputs.
// On Node 22.13+ (the action's node24) the file is read in place with node:sqlite, with bounded memory whatever its
// size; on older Node with sql.js (WebAssembly), which needs the whole file in memory and so takes at most
// MAX_SQLJS_BYTES. Only what the review needs is read: the selected experiments' active runs (and, for a store
// named by a tracking URI, those of the commit under review), latest values from latest_metrics, and histories
// thinned in SQL to MAX_HISTORY_POINTS per series. Schemas from MLflow 1.26 (no runs.deleted_time, no
// experiments.creation_time) to 3.x are read alike.
/** The 16 bytes every SQLite 3 database starts with. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Database names MLflow uses; other *.db files are read only when they hold MLflow's tables. */
const MLFLOW_DB_NAMES = new Set(['mlflow.db', 'mlruns.db']);
/** How much of an over-limit database is searched for MLflow's table names before it is reported. */
const SNIFF_BYTES = 4 * 1024 * 1024;
/** Reads MLflow SQLite stores: claims every *.db file; non-SQLite and non-MLflow databases are ignored quietly. */
const mlflowSqliteSource = {
    format: 'mlflow-sqlite',
    claim: claimMlflowSqlite,
    read: (file, ctx) => readMlflowDatabase(file, ctx)
};
/** Reads the runs of one database file; an empty list when it is not an MLflow store. */
async function readMlflowDatabase(file, ctx, options = {}) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile())
        return [];
    const head = await readHead(file, ctx, SQLITE_HEADER.length);
    if (!head ||
        head.length < SQLITE_HEADER.length ||
        !head.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER))
        return [];
    let db;
    try {
        if (options.engine !== 'sql.js' && (await loadNodeSqlite())) {
            if (!(await ctx.insideWorkspace(file))) {
                ctx.error(file, 'leaves the workspace through a symbolic link; it was not read');
                return [];
            }
            db = await openWithNodeSqlite(file);
        }
        else {
            if (info.size > MAX_SQLJS_BYTES) {
                if (MLFLOW_DB_NAMES.has(path.basename(file).toLowerCase()) || (await looksLikeMlflow(file, ctx)))
                    ctx.error(file, tooLargeForSqlJs(info.size));
                return [];
            }
            const bytes = await ctx.readBytes(file, {}, MAX_SQLJS_BYTES);
            if (!bytes)
                return [];
            db = await openWithSqlJs(bytes);
        }
    }
    catch (e) {
        ctx.error(file, `is not a readable SQLite database: ${e.message}; it was skipped`);
        return [];
    }
    if (!db)
        return [];
    try {
        const tables = new Set(column(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map(String));
        if (!tables.has('runs') || !tables.has('experiments'))
            return [];
        return readStore(db, tables, file, ctx, options.commit);
    }
    catch (e) {
        ctx.error(file, `could not be read as an MLflow store: ${e.message}; it was skipped`);
        return [];
    }
    finally {
        db.close();
    }
}
/** Why a large store cannot be read on this Node, and what to do. */
function tooLargeForSqlJs(size) {
    const mib = (n) => `${Math.round(n / (1024 * 1024))} MiB`;
    return `is an MLflow database of ${mib(size)}; on Node ${process.versions.node} SQLite stores are read whole into memory (sql.js, no node:sqlite), which is limited to ${mib(MAX_SQLJS_BYTES)}, so it was skipped. Run experiment-review on Node 22.13 or later (the action runs on node24), which reads the store from disk with bounded memory`;
}
/** Reads the first bytes of a file through the guarded stream. */
async function readHead(file, ctx, bytes) {
    const stream = await ctx.openStream(file);
    if (!stream)
        return undefined;
    const chunks = [];
    let length = 0;
    try {
        for await (const chunk of stream) {
            const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            chunks.push(b);
            length += b.length;
            if (length >= bytes)
                break;
        }
    }
    catch (e) {
        ctx.error(file, `could not be read: ${e.message}`);
        return undefined;
    }
    finally {
        stream.destroy?.();
    }
    return Buffer.concat(chunks).subarray(0, bytes);
}
/** True when the start of a large database mentions MLflow's tables (its schema is near the start). */
async function looksLikeMlflow(file, ctx) {
    const head = await readHead(file, ctx, SNIFF_BYTES);
    if (!head)
        return false;
    const text = head.toString('latin1');
    return /CREATE TABLE[^(]*\bexperiments\b/i.test(text) && /\brun_uuid\b/.test(text);
}
/** Reads experiments, runs, params, tags, metrics and inputs from an open MLflow database. */
function readStore(db, tables, file, ctx, commit) {
    const store = { db, tables, file, ctx };
    const experiments = readExperiments(store);
    const selected = experimentMatcher(ctx.selection);
    const active = [...experiments].filter(([, e]) => !e.deleted);
    warnNoExperimentSelected(ctx, file, active.map(([, e]) => e.name));
    const runsOf = runConditionOf(store, commit);
    const unchosen = active.filter(([, e]) => !selected(e.name));
    if (unchosen.length)
        countUnselected(store, experiments, runsOf(unchosen.map(([id]) => id)));
    const chosen = active.filter(([, e]) => selected(e.name)).map(([id]) => id);
    if (!chosen.length)
        return [];
    const condition = runsOf(chosen);
    const cap = commit?.kind === 'any' ? MAX_RUNS_ANY_COMMIT : undefined;
    const runs = readRunRows(store, condition, cap);
    if (!runs.size)
        return [];
    // With a cap, the runs read are named; otherwise the condition itself selects them.
    const ofRuns = cap
        ? { sql: `run_uuid IN (${[...runs.keys()].map(() => '?').join(', ')})`, params: [...runs.keys()] }
        : { sql: `run_uuid IN (SELECT run_uuid FROM runs WHERE ${condition.sql})`, params: condition.params };
    readKeyValues(store, runs, ofRuns, 'params');
    readKeyValues(store, runs, ofRuns, 'tags');
    if (tables.has('latest_metrics'))
        readLatestMetrics(store, runs, ofRuns);
    if (tables.has('metrics'))
        readHistories(db, runs, ofRuns, file, ctx);
    if (tables.has('inputs') && tables.has('datasets'))
        readDatasets(store, runs, ofRuns);
    return [...runs.values()].map(row => runOfRow(store, row, experiments.get(row.experimentId)));
}
/** The experiments of the store, by id. */
function readExperiments({ db, file, ctx }) {
    const experiments = new Map();
    const workspace = columnsOf(db, 'experiments').has('workspace') ? ', workspace' : '';
    eachRow(db, `SELECT experiment_id, name, lifecycle_stage${workspace} FROM experiments`, [], { file, table: 'experiments', ctx }, row => {
        experiments.set(String(row[0]), {
            name: text(row[1]) ?? String(row[0]),
            deleted: row[2] === 'deleted',
            workspace: text(row[3])
        });
    });
    return experiments;
}
/** The condition of the runs to read of some experiments: not deleted, and of the commit under review when there is one. */
function runConditionOf({ db, tables }, commit) {
    const hasLifecycle = columnsOf(db, 'runs').has('lifecycle_stage');
    const idParam = (id) => (/^\d+$/.test(id) ? Number(id) : id);
    return ids => {
        const condition = { sql: `experiment_id IN (${ids.map(() => '?').join(', ')})`, params: ids.map(idParam) };
        if (hasLifecycle)
            condition.sql += " AND (lifecycle_stage IS NULL OR lifecycle_stage <> 'deleted')";
        if (commit?.kind === 'sha' && tables.has('tags')) {
            condition.sql += ` AND run_uuid IN (SELECT run_uuid FROM tags WHERE key = 'mlflow.source.git.commit' AND value = ?)`;
            condition.params.push(commit.sha);
        }
        return condition;
    };
}
/** Counts, without reading them, the runs of the experiments the selection leaves out. */
function countUnselected({ db, file, ctx }, experiments, left) {
    const sql = `SELECT experiment_id, COUNT(*) FROM runs WHERE ${left.sql} GROUP BY experiment_id`;
    eachRow(db, sql, left.params, { file, table: 'runs', ctx }, row => {
        const name = experiments.get(String(row[0]))?.name ?? String(row[0]);
        ctx.unselected.set(name, (ctx.unselected.get(name) ?? 0) + Number(row[1]));
    });
}
/** The rows of the runs to read, newest first, at most `cap` of them when there is a cap (with a warning). */
function readRunRows({ db, file, ctx }, condition, cap) {
    const runColumns = columnsOf(db, 'runs');
    const pick = (name) => (runColumns.has(name) ? name : 'NULL');
    const order = runColumns.has('start_time') ? ' ORDER BY start_time DESC' : '';
    const runs = new Map();
    let skipped = 0;
    eachRow(db, `SELECT run_uuid, ${pick('name')}, ${pick('status')}, ${pick('start_time')}, ${pick('experiment_id')}, ${pick('user_id')} FROM runs WHERE ${condition.sql}${order}${cap ? ` LIMIT ${cap + 1}` : ''}`, condition.params, { file, table: 'runs', ctx }, row => {
        const runId = text(row[0]);
        if (!runId) {
            skipped++;
            return;
        }
        runs.set(runId, {
            runId,
            name: text(row[1]),
            status: row[2],
            startTime: row[3],
            user: text(row[5]),
            experimentId: row[4] === null ? '' : String(row[4]),
            params: new Map(),
            tags: new Map(),
            metrics: {},
            latest: new Map(),
            datasets: []
        });
    });
    if (skipped)
        ctx.warn(file, `${skipped} rows of the runs table have no run_uuid; they were skipped`, { key: 'runs' });
    if (cap && runs.size > cap) {
        const oldest = [...runs.keys()].pop();
        runs.delete(oldest);
        ctx.warn(file, `has more than ${cap} runs in the selected experiments; with --commit any the ${cap} latest were read. Select fewer experiments or name a commit`);
    }
    return runs;
}
/** Reads the params or tags table (key and value per run) into the runs. */
function readKeyValues({ db, tables, file, ctx }, runs, ofRuns, table) {
    if (!tables.has(table))
        return;
    eachRow(db, `SELECT run_uuid, key, value FROM ${table} WHERE ${ofRuns.sql}`, ofRuns.params, { file, table, ctx }, row => {
        const run = runs.get(String(row[0]));
        const key = text(row[1]);
        if (!run || key === undefined)
            return;
        run[table].set(key, row[2] === null ? '' : valueText(row[2]));
    });
}
/** Reads MLflow's latest value of each metric of the runs. */
function readLatestMetrics({ db, file, ctx }, runs, ofRuns) {
    eachMetricPoint(db, 'latest_metrics', runs, ofRuns, { file, ctx }, (run, key, point) => run.latest.set(key, point));
}
/** Reads the datasets logged as inputs of the runs (name, digest and context). */
function readDatasets({ db, tables, file, ctx }, runs, ofRuns) {
    const context = tables.has('input_tags')
        ? `(SELECT value FROM input_tags t WHERE t.input_uuid = i.input_uuid AND t.name = 'mlflow.data.context')`
        : 'NULL';
    eachRow(db, `SELECT i.destination_id, d.name, d.digest, ${context} FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' AND i.destination_id IN (SELECT run_uuid FROM runs WHERE ${ofRuns.sql})`, ofRuns.params, { file, table: 'inputs', ctx }, row => {
        const run = runs.get(String(row[0]));
        const name = text(row[1]);
        if (run && name)
            run.datasets.push({ name, digest: text(row[2]) ?? '', context: text(row[3]) });
    });
}
/** The run of a row read with everything that belongs to it. */
function runOfRow({ file, ctx }, row, experiment) {
    const rel = ctx.rel(file);
    const metrics = row.metrics;
    // latest_metrics is MLflow's own answer for the latest value; without it the history decides by the same rule.
    for (const [key, latest] of row.latest) {
        const metric = metrics[key];
        if (metric)
            metric.value = latest.value;
        else
            metrics[key] = { value: latest.value };
    }
    const { run, unknownStatus } = buildMlflowRun({
        runId: row.runId,
        id: `mlflow-sqlite:${rel}#${row.runId}`,
        parentIdFor: parent => `mlflow-sqlite:${rel}#${parent}`,
        path: rel,
        source: 'mlflow-sqlite',
        experimentName: experiment?.name,
        recordName: row.name,
        status: row.status,
        startTime: row.startTime,
        user: row.user,
        params: row.params,
        tags: row.tags,
        metrics,
        datasets: row.datasets
    });
    if (experiment?.workspace && experiment.workspace !== 'default')
        run.metadata.tags.push(`workspace=${experiment.workspace}`);
    if (unknownStatus !== undefined) {
        ctx.warn(file, `run status is ${JSON.stringify(unknownStatus)}; expected RUNNING, SCHEDULED, FINISHED, FAILED or KILLED. The run is shown as finished`, {
            run: row.runId,
            key: 'runs.status'
        });
    }
    return run;
}

export { mlflowSqliteSource, readMlflowDatabase };
