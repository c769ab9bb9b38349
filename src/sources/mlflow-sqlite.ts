// The MLflow SQLite store (`mlflow.db`, MLflow's default since 3.7; also any *.db holding MLflow's tables,
// e.g. `mlruns.db`): experiments, runs, params, tags, metric histories and latest values, dataset inputs.
// On Node 22.13+ (the action's node24) the file is read in place with node:sqlite, with bounded memory whatever its
// size; on older Node with sql.js (WebAssembly), which needs the whole file in memory and so takes at most
// MAX_SQLJS_BYTES. Only what the review needs is read: the selected experiments' active runs (and, for a store
// named by a tracking URI, those of the commit under review), latest values from latest_metrics, and histories
// thinned in SQL to MAX_HISTORY_POINTS per series. Schemas from MLflow 1.26 (no runs.deleted_time, no
// experiments.creation_time) to 3.x are read alike.
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { Run } from '../core/run.js'
import type { CommitFilter } from '../core/selection.js'
import { experimentMatcher } from './experiment-match.js'
import type { ReadContext } from './context.js'
import { buildMlflowRun, MAX_RUNS_ANY_COMMIT, warnNoExperimentSelected } from './mlflow-common.js'
import {
  column,
  columnsOf,
  eachMetricPoint,
  eachRow,
  readHistories,
  text,
  valueText,
  type RunCondition,
  type RunRow
} from './mlflow-sqlite-rows.js'
import { claimMlflowSqlite } from './claims.js'
import type { RunSource } from './source.js'
import {
  loadNodeSqlite,
  MAX_SQLJS_BYTES,
  openWithNodeSqlite,
  openWithSqlJs,
  type SqliteDatabase
} from './sqlite-engine.js'

/** The 16 bytes every SQLite 3 database starts with. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')
/** Database names MLflow uses; other *.db files are read only when they hold MLflow's tables. */
const MLFLOW_DB_NAMES = new Set(['mlflow.db', 'mlruns.db'])
/** How much of an over-limit database is searched for MLflow's table names before it is reported. */
const SNIFF_BYTES = 4 * 1024 * 1024

/** Reads MLflow SQLite stores: claims every *.db file; non-SQLite and non-MLflow databases are ignored quietly. */
export const mlflowSqliteSource: RunSource = {
  format: 'mlflow-sqlite',
  claim: claimMlflowSqlite,
  read: (file, ctx) => readMlflowDatabase(file, ctx)
}

/** How a database is read besides the context's experiment selection. */
export interface SqliteReadOptions {
  /** Keep only the runs of this commit (a store named by a `sqlite:///` tracking URI). */
  commit?: CommitFilter
  /** The engine: node:sqlite where Node has it (default), or sql.js always (tests of the fallback). */
  engine?: 'auto' | 'sql.js'
}

/** Reads the runs of one database file; an empty list when it is not an MLflow store. */
export async function readMlflowDatabase(
  file: string,
  ctx: ReadContext,
  options: SqliteReadOptions = {}
): Promise<Run[]> {
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) return []
  const head = await readHead(file, ctx, SQLITE_HEADER.length)
  if (
    !head ||
    head.length < SQLITE_HEADER.length ||
    !head.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)
  )
    return []
  let db: SqliteDatabase | undefined
  try {
    if (options.engine !== 'sql.js' && (await loadNodeSqlite())) {
      if (!(await ctx.insideWorkspace(file))) {
        ctx.error(file, 'leaves the workspace through a symbolic link; it was not read')
        return []
      }
      db = await openWithNodeSqlite(file)
    } else {
      if (info.size > MAX_SQLJS_BYTES) {
        if (MLFLOW_DB_NAMES.has(path.basename(file).toLowerCase()) || (await looksLikeMlflow(file, ctx)))
          ctx.error(file, tooLargeForSqlJs(info.size))
        return []
      }
      const bytes = await ctx.readBytes(file, {}, MAX_SQLJS_BYTES)
      if (!bytes) return []
      db = await openWithSqlJs(bytes)
    }
  } catch (e) {
    ctx.error(file, `is not a readable SQLite database: ${(e as Error).message}; it was skipped`)
    return []
  }
  if (!db) return []
  try {
    const tables = new Set(column(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map(String))
    if (!tables.has('runs') || !tables.has('experiments')) return []
    return readStore(db, tables, file, ctx, options.commit)
  } catch (e) {
    ctx.error(file, `could not be read as an MLflow store: ${(e as Error).message}; it was skipped`)
    return []
  } finally {
    db.close()
  }
}

/** Why a large store cannot be read on this Node, and what to do. */
function tooLargeForSqlJs(size: number): string {
  const mib = (n: number) => `${Math.round(n / (1024 * 1024))} MiB`
  return `is an MLflow database of ${mib(size)}; on Node ${process.versions.node} SQLite stores are read whole into memory (sql.js, no node:sqlite), which is limited to ${mib(MAX_SQLJS_BYTES)}, so it was skipped. Run experiment-review on Node 22.13 or later (the action runs on node24), which reads the store from disk with bounded memory`
}

/** Reads the first bytes of a file through the guarded stream. */
async function readHead(file: string, ctx: ReadContext, bytes: number): Promise<Buffer | undefined> {
  const stream = await ctx.openStream(file)
  if (!stream) return undefined
  const chunks: Buffer[] = []
  let length = 0
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
      chunks.push(b)
      length += b.length
      if (length >= bytes) break
    }
  } catch (e) {
    ctx.error(file, `could not be read: ${(e as Error).message}`)
    return undefined
  } finally {
    ;(stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.()
  }
  return Buffer.concat(chunks).subarray(0, bytes)
}

/** True when the start of a large database mentions MLflow's tables (its schema is near the start). */
async function looksLikeMlflow(file: string, ctx: ReadContext): Promise<boolean> {
  const head = await readHead(file, ctx, SNIFF_BYTES)
  if (!head) return false
  const text = head.toString('latin1')
  return /CREATE TABLE[^(]*\bexperiments\b/i.test(text) && /\brun_uuid\b/.test(text)
}

/** An experiment of the store. */
interface ExperimentRow {
  name: string
  deleted: boolean
  workspace?: string
}

/** What every query of one store needs: the database, its file, its tables and the read context. */
interface Store {
  db: SqliteDatabase
  tables: Set<string>
  file: string
  ctx: ReadContext
}

/** Reads experiments, runs, params, tags, metrics and inputs from an open MLflow database. */
function readStore(
  db: SqliteDatabase,
  tables: Set<string>,
  file: string,
  ctx: ReadContext,
  commit: CommitFilter | undefined
): Run[] {
  const store: Store = { db, tables, file, ctx }
  const experiments = readExperiments(store)
  const selected = experimentMatcher(ctx.selection)
  const active = [...experiments].filter(([, e]) => !e.deleted)
  warnNoExperimentSelected(
    ctx,
    file,
    active.map(([, e]) => e.name)
  )
  const runsOf = runConditionOf(store, commit)
  const unchosen = active.filter(([, e]) => !selected(e.name))
  if (unchosen.length) countUnselected(store, experiments, runsOf(unchosen.map(([id]) => id)))
  const chosen = active.filter(([, e]) => selected(e.name)).map(([id]) => id)
  if (!chosen.length) return []
  const condition = runsOf(chosen)
  const cap = commit?.kind === 'any' ? MAX_RUNS_ANY_COMMIT : undefined
  const runs = readRunRows(store, condition, cap)
  if (!runs.size) return []
  // With a cap, the runs read are named; otherwise the condition itself selects them.
  const ofRuns: RunCondition = cap
    ? { sql: `run_uuid IN (${[...runs.keys()].map(() => '?').join(', ')})`, params: [...runs.keys()] }
    : { sql: `run_uuid IN (SELECT run_uuid FROM runs WHERE ${condition.sql})`, params: condition.params }
  readKeyValues(store, runs, ofRuns, 'params')
  readKeyValues(store, runs, ofRuns, 'tags')
  if (tables.has('latest_metrics')) readLatestMetrics(store, runs, ofRuns)
  if (tables.has('metrics')) readHistories(db, runs, ofRuns, file, ctx)
  if (tables.has('inputs') && tables.has('datasets')) readDatasets(store, runs, ofRuns)
  return [...runs.values()].map(row => runOfRow(store, row, experiments.get(row.experimentId)))
}

/** The experiments of the store, by id. */
function readExperiments({ db, file, ctx }: Store): Map<string, ExperimentRow> {
  const experiments = new Map<string, ExperimentRow>()
  const workspace = columnsOf(db, 'experiments').has('workspace') ? ', workspace' : ''
  eachRow(
    db,
    `SELECT experiment_id, name, lifecycle_stage${workspace} FROM experiments`,
    [],
    { file, table: 'experiments', ctx },
    row => {
      experiments.set(String(row[0]), {
        name: text(row[1]) ?? String(row[0]),
        deleted: row[2] === 'deleted',
        workspace: text(row[3])
      })
    }
  )
  return experiments
}

/** The condition of the runs to read of some experiments: not deleted, and of the commit under review when there is one. */
function runConditionOf(
  { db, tables }: Store,
  commit: CommitFilter | undefined
): (ids: string[]) => RunCondition {
  const hasLifecycle = columnsOf(db, 'runs').has('lifecycle_stage')
  const idParam = (id: string) => (/^\d+$/.test(id) ? Number(id) : id)
  return ids => {
    const condition = { sql: `experiment_id IN (${ids.map(() => '?').join(', ')})`, params: ids.map(idParam) }
    if (hasLifecycle) condition.sql += " AND (lifecycle_stage IS NULL OR lifecycle_stage <> 'deleted')"
    if (commit?.kind === 'sha' && tables.has('tags')) {
      condition.sql += ` AND run_uuid IN (SELECT run_uuid FROM tags WHERE key = 'mlflow.source.git.commit' AND value = ?)`
      condition.params.push(commit.sha)
    }
    return condition
  }
}

/** Counts, without reading them, the runs of the experiments the selection leaves out. */
function countUnselected(
  { db, file, ctx }: Store,
  experiments: Map<string, ExperimentRow>,
  left: RunCondition
): void {
  const sql = `SELECT experiment_id, COUNT(*) FROM runs WHERE ${left.sql} GROUP BY experiment_id`
  eachRow(db, sql, left.params, { file, table: 'runs', ctx }, row => {
    const name = experiments.get(String(row[0]))?.name ?? String(row[0])
    ctx.unselected.set(name, (ctx.unselected.get(name) ?? 0) + Number(row[1]))
  })
}

/** The rows of the runs to read, newest first, at most `cap` of them when there is a cap (with a warning). */
function readRunRows(
  { db, file, ctx }: Store,
  condition: RunCondition,
  cap: number | undefined
): Map<string, RunRow> {
  const runColumns = columnsOf(db, 'runs')
  const pick = (name: string) => (runColumns.has(name) ? name : 'NULL')
  const order = runColumns.has('start_time') ? ' ORDER BY start_time DESC' : ''
  const runs = new Map<string, RunRow>()
  let skipped = 0
  eachRow(
    db,
    `SELECT run_uuid, ${pick('name')}, ${pick('status')}, ${pick('start_time')}, ${pick('experiment_id')}, ${pick('user_id')} FROM runs WHERE ${condition.sql}${order}${cap ? ` LIMIT ${cap + 1}` : ''}`,
    condition.params,
    { file, table: 'runs', ctx },
    row => {
      const runId = text(row[0])
      if (!runId) {
        skipped++
        return
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
      })
    }
  )
  if (skipped)
    ctx.warn(file, `${skipped} rows of the runs table have no run_uuid; they were skipped`, { key: 'runs' })
  if (cap && runs.size > cap) {
    const oldest = [...runs.keys()].pop() as string
    runs.delete(oldest)
    ctx.warn(
      file,
      `has more than ${cap} runs in the selected experiments; with --commit any the ${cap} latest were read. Select fewer experiments or name a commit`
    )
  }
  return runs
}

/** Reads the params or tags table (key and value per run) into the runs. */
function readKeyValues(
  { db, tables, file, ctx }: Store,
  runs: Map<string, RunRow>,
  ofRuns: RunCondition,
  table: 'params' | 'tags'
): void {
  if (!tables.has(table)) return
  eachRow(
    db,
    `SELECT run_uuid, key, value FROM ${table} WHERE ${ofRuns.sql}`,
    ofRuns.params,
    { file, table, ctx },
    row => {
      const run = runs.get(String(row[0]))
      const key = text(row[1])
      if (!run || key === undefined) return
      run[table].set(key, row[2] === null ? '' : valueText(row[2]))
    }
  )
}

/** Reads MLflow's latest value of each metric of the runs. */
function readLatestMetrics({ db, file, ctx }: Store, runs: Map<string, RunRow>, ofRuns: RunCondition): void {
  eachMetricPoint(db, 'latest_metrics', runs, ofRuns, { file, ctx }, (run, key, point) =>
    run.latest.set(key, point)
  )
}

/** Reads the datasets logged as inputs of the runs (name, digest and context). */
function readDatasets(
  { db, tables, file, ctx }: Store,
  runs: Map<string, RunRow>,
  ofRuns: RunCondition
): void {
  const context = tables.has('input_tags')
    ? `(SELECT value FROM input_tags t WHERE t.input_uuid = i.input_uuid AND t.name = 'mlflow.data.context')`
    : 'NULL'
  eachRow(
    db,
    `SELECT i.destination_id, d.name, d.digest, ${context} FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' AND i.destination_id IN (SELECT run_uuid FROM runs WHERE ${ofRuns.sql})`,
    ofRuns.params,
    { file, table: 'inputs', ctx },
    row => {
      const run = runs.get(String(row[0]))
      const name = text(row[1])
      if (run && name) run.datasets.push({ name, digest: text(row[2]) ?? '', context: text(row[3]) })
    }
  )
}

/** The run of a row read with everything that belongs to it. */
function runOfRow({ file, ctx }: Store, row: RunRow, experiment: ExperimentRow | undefined): Run {
  const rel = ctx.rel(file)
  const metrics = row.metrics
  // latest_metrics is MLflow's own answer for the latest value; without it the history decides by the same rule.
  for (const [key, latest] of row.latest) {
    const metric = metrics[key]
    if (metric) metric.value = latest.value
    else metrics[key] = { value: latest.value }
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
  })
  if (experiment?.workspace && experiment.workspace !== 'default')
    run.metadata.tags.push(`workspace=${experiment.workspace}`)
  if (unknownStatus !== undefined) {
    ctx.warn(
      file,
      `run status is ${JSON.stringify(unknownStatus)}; expected RUNNING, SCHEDULED, FINISHED, FAILED or KILLED. The run is shown as finished`,
      {
        run: row.runId,
        key: 'runs.status'
      }
    )
  }
  return run
}
