// The MLflow SQLite store (`mlflow.db`, MLflow's default since 3.7; also any *.db holding MLflow's tables,
// e.g. `mlruns.db`): experiments, runs, params, tags, metric histories and latest values, dataset inputs.
// Read with sql.js (SQLite compiled to WebAssembly, no native build), loaded only when a database is found.
// Schemas from MLflow 1.26 (no runs.deleted_time, no experiments.creation_time) to 3.x are read alike.
import { readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Database, SqlJsStatic, SqlValue } from 'sql.js'
import type { HistoryPoint, Metric, Run } from '../core/run.js'
import type { DiagnosticPlace, ReadContext } from './context.js'
import { HistoryBuilder, metricFromBuilt } from './history.js'
import { buildMlflowRun, type MlflowDataset } from './mlflow-common.js'
import type { Claim, DirListing, RunSource } from './source.js'

/** The largest database read: sql.js needs the whole file in memory, so a larger one is reported and skipped. */
export const MAX_SQLITE_BYTES = 512 * 1024 * 1024
/** The 16 bytes every SQLite 3 database starts with. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')
/** Database names MLflow uses; other *.db files are read only when they hold MLflow's tables. */
const MLFLOW_DB_NAMES = new Set(['mlflow.db', 'mlruns.db'])
/** How much of an over-limit database is searched for MLflow's table names before it is reported. */
const SNIFF_BYTES = 4 * 1024 * 1024

/** Reads MLflow SQLite stores: claims every *.db file; non-SQLite and non-MLflow databases are ignored quietly. */
export const mlflowSqliteSource: RunSource = {
  format: 'mlflow-sqlite',
  claim(listing: DirListing): Claim[] {
    return listing.files.filter(f => /\.db$/i.test(f)).map(f => ({ path: path.join(listing.path, f) }))
  },
  read: readMlflowDatabase
}

let sqlJs: Promise<SqlJsStatic> | undefined

/** Loads sql.js once, with its wasm from beside the running module (the bundle) or from the package (tests). */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= (async () => {
    const { default: initSqlJs } = await import('sql.js')
    const wasm = await readSqlWasm()
    return initSqlJs({
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer
    })
  })()
  sqlJs.catch(() => (sqlJs = undefined))
  return sqlJs
}

/** Finds sql-wasm.wasm: next to this module (dist/), one folder up (dist/chunks/), else in node_modules/sql.js. */
async function readSqlWasm(): Promise<Buffer> {
  const here = import.meta.url
  for (const candidate of ['./sql-wasm.wasm', '../sql-wasm.wasm']) {
    try {
      return await readFile(new URL(candidate, here))
    } catch {
      // not bundled next to this module; try the next place
    }
  }
  const require = createRequire(here)
  return readFile(require.resolve('sql.js/dist/sql-wasm.wasm'))
}

/** Reads the runs of one database file; an empty list when it is not an MLflow store. */
export async function readMlflowDatabase(file: string, ctx: ReadContext): Promise<Run[]> {
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) return []
  const head = await readHead(file, ctx, SQLITE_HEADER.length)
  if (
    !head ||
    head.length < SQLITE_HEADER.length ||
    !head.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)
  )
    return []
  const limit = MAX_SQLITE_BYTES
  if (info.size > limit) {
    if (MLFLOW_DB_NAMES.has(path.basename(file).toLowerCase()) || (await looksLikeMlflow(file, ctx))) {
      ctx.error(
        file,
        `is an MLflow database of ${info.size} bytes, over the ${limit}-byte limit for SQLite stores (they are read whole into memory); it was skipped. Export the runs you review, or point the runs input at a smaller store`
      )
    }
    return []
  }
  const bytes = await ctx.readBytes(file, {}, limit)
  if (!bytes) return []
  let SQL: SqlJsStatic
  try {
    SQL = await loadSqlJs()
  } catch (e) {
    ctx.error(file, `could not be read: the SQLite engine (sql.js) did not load: ${(e as Error).message}`)
    return []
  }
  let db: Database
  try {
    db = new SQL.Database(bytes)
  } catch (e) {
    ctx.error(file, `is not a readable SQLite database: ${(e as Error).message}; it was skipped`)
    return []
  }
  try {
    const tables = new Set(column(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map(String))
    if (!tables.has('runs') || !tables.has('experiments')) return []
    return readStore(db, tables, file, ctx)
  } catch (e) {
    ctx.error(file, `could not be read as an MLflow store: ${(e as Error).message}; it was skipped`)
    return []
  } finally {
    db.close()
  }
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

/** The first column of every row of a query. */
function column(db: Database, sql: string): SqlValue[] {
  const out: SqlValue[] = []
  const stmt = db.prepare(sql)
  try {
    while (stmt.step()) out.push(stmt.get()[0])
  } finally {
    stmt.free()
  }
  return out
}

/** Runs a query row by row; a failing query is reported against the table and yields nothing. */
function eachRow(
  db: Database,
  sql: string,
  file: string,
  table: string,
  ctx: ReadContext,
  onRow: (row: SqlValue[]) => void
): void {
  let stmt
  try {
    stmt = db.prepare(sql)
  } catch (e) {
    ctx.error(file, `table ${table} could not be read: ${(e as Error).message}; its data was skipped`, {
      key: table
    })
    return
  }
  try {
    while (stmt.step()) onRow(stmt.get())
  } catch (e) {
    ctx.error(
      file,
      `table ${table} could not be read to the end: ${(e as Error).message}; the rows before were kept`,
      { key: table }
    )
  } finally {
    stmt.free()
  }
}

/** The column names of a table. */
function columnsOf(db: Database, table: string): Set<string> {
  const out = new Set<string>()
  const stmt = db.prepare(`PRAGMA table_info("${table.replace(/"/g, '""')}")`)
  try {
    while (stmt.step()) out.add(String(stmt.getAsObject().name))
  } finally {
    stmt.free()
  }
  return out
}

/** One run row with what is gathered for it. */
interface RunRow {
  runId: string
  name?: string
  status: unknown
  startTime: unknown
  user?: string
  experimentId: string
  params: Map<string, string>
  tags: Map<string, string>
  histories: Map<string, HistoryBuilder>
  latest: Map<string, HistoryPoint>
  datasets: MlflowDataset[]
}

/** Reads experiments, runs, params, tags, metrics and inputs from an open MLflow database. */
function readStore(db: Database, tables: Set<string>, file: string, ctx: ReadContext): Run[] {
  const rel = ctx.rel(file)
  const experimentColumns = columnsOf(db, 'experiments')
  const experiments = new Map<string, { name: string; deleted: boolean; workspace?: string }>()
  const workspace = experimentColumns.has('workspace') ? ', workspace' : ''
  eachRow(
    db,
    `SELECT experiment_id, name, lifecycle_stage${workspace} FROM experiments`,
    file,
    'experiments',
    ctx,
    row => {
      experiments.set(String(row[0]), {
        name: text(row[1]) ?? String(row[0]),
        deleted: row[2] === 'deleted',
        workspace: text(row[3])
      })
    }
  )

  const runColumns = columnsOf(db, 'runs')
  const pick = (name: string) => (runColumns.has(name) ? name : 'NULL')
  const runs = new Map<string, RunRow>()
  let skipped = 0
  eachRow(
    db,
    `SELECT run_uuid, ${pick('name')}, ${pick('status')}, ${pick('start_time')}, ${pick('lifecycle_stage')}, ${pick('experiment_id')}, ${pick('user_id')} FROM runs`,
    file,
    'runs',
    ctx,
    row => {
      const runId = text(row[0])
      if (!runId) {
        skipped++
        return
      }
      const experimentId = row[5] === null ? '' : String(row[5])
      if (row[4] === 'deleted' || experiments.get(experimentId)?.deleted) return
      runs.set(runId, {
        runId,
        name: text(row[1]),
        status: row[2],
        startTime: row[3],
        user: text(row[6]),
        experimentId,
        params: new Map(),
        tags: new Map(),
        histories: new Map(),
        latest: new Map(),
        datasets: []
      })
    }
  )
  if (skipped)
    ctx.warn(file, `${skipped} rows of the runs table have no run_uuid; they were skipped`, { key: 'runs' })

  const keyValues = (table: string, target: 'params' | 'tags') => {
    if (!tables.has(table)) return
    eachRow(db, `SELECT run_uuid, key, value FROM ${table}`, file, table, ctx, row => {
      const run = runs.get(String(row[0]))
      const key = text(row[1])
      if (!run || key === undefined) return
      run[target].set(key, row[2] === null ? '' : valueText(row[2]))
    })
  }
  keyValues('params', 'params')
  keyValues('tags', 'tags')

  if (tables.has('metrics')) {
    const hasNan = columnsOf(db, 'metrics').has('is_nan') ? 'is_nan' : '0'
    eachRow(
      db,
      `SELECT run_uuid, key, value, timestamp, step, ${hasNan} FROM metrics`,
      file,
      'metrics',
      ctx,
      row => {
        const run = runs.get(String(row[0]))
        if (!run) return
        const point = pointOf(row, run.runId, file, ctx)
        if (!point) return
        const key = String(row[1])
        let history = run.histories.get(key)
        if (!history) run.histories.set(key, (history = new HistoryBuilder({ final: 'mlflow' })))
        history.add(point.step, point.value, point.timestamp)
      }
    )
  }
  if (tables.has('latest_metrics')) {
    const hasNan = columnsOf(db, 'latest_metrics').has('is_nan') ? 'is_nan' : '0'
    eachRow(
      db,
      `SELECT run_uuid, key, value, timestamp, step, ${hasNan} FROM latest_metrics`,
      file,
      'latest_metrics',
      ctx,
      row => {
        const run = runs.get(String(row[0]))
        if (!run) return
        const point = pointOf(row, run.runId, file, ctx)
        if (point) run.latest.set(String(row[1]), point)
      }
    )
  }
  if (tables.has('inputs') && tables.has('datasets')) {
    const context = tables.has('input_tags')
      ? `(SELECT value FROM input_tags t WHERE t.input_uuid = i.input_uuid AND t.name = 'mlflow.data.context')`
      : 'NULL'
    eachRow(
      db,
      `SELECT i.destination_id, d.name, d.digest, ${context} FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN'`,
      file,
      'inputs',
      ctx,
      row => {
        const run = runs.get(String(row[0]))
        const name = text(row[1])
        if (run && name) run.datasets.push({ name, digest: text(row[2]) ?? '', context: text(row[3]) })
      }
    )
  }

  const out: Run[] = []
  for (const row of runs.values()) {
    const metrics: Record<string, Metric> = {}
    for (const [key, history] of row.histories) {
      const built = history.build()
      if (built) metrics[key] = metricFromBuilt(built)
    }
    // latest_metrics is MLflow's own answer for the latest value; without it the history decides by the same rule.
    for (const [key, latest] of row.latest) {
      const metric = metrics[key]
      if (metric) metric.value = latest.value
      else metrics[key] = { value: latest.value }
    }
    const experiment = experiments.get(row.experimentId)
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
    out.push(run)
  }
  return out
}

/** A metric row (value, timestamp, step, is_nan at 2..5) as a point; undefined with a diagnostic when unusable. */
function pointOf(row: SqlValue[], runId: string, file: string, ctx: ReadContext): HistoryPoint | undefined {
  const place: DiagnosticPlace = { run: runId, key: String(row[1]) }
  const isNan = row[5] === 1 || row[5] === '1'
  let value =
    typeof row[2] === 'number'
      ? row[2]
      : typeof row[2] === 'string' && row[2].trim() !== ''
        ? Number(row[2])
        : NaN
  if (isNan) value = NaN
  else if (Number.isNaN(value)) {
    ctx.error(
      file,
      `metric "${String(row[1])}" has the value ${describe(row[2])}; expected a number. The point was skipped`,
      place
    )
    return undefined
  }
  // MLflow stores ±infinity as ±DBL_MAX.
  if (value === Number.MAX_VALUE) value = Infinity
  else if (value === -Number.MAX_VALUE) value = -Infinity
  const step = row[4] === null ? 0 : Number(row[4])
  const timestamp = row[3] === null ? undefined : Number(row[3])
  if (!Number.isFinite(step) || (timestamp !== undefined && !Number.isFinite(timestamp))) {
    ctx.error(
      file,
      `metric "${String(row[1])}" has step ${describe(row[4])} and timestamp ${describe(row[3])}; expected integers. The point was skipped`,
      place
    )
    return undefined
  }
  return timestamp === undefined ? { step, value } : { step, value, timestamp }
}

function text(value: SqlValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined
  const s = valueText(value)
  return s.trim() === '' ? undefined : s
}

function valueText(value: SqlValue): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8')
  return String(value)
}

function describe(value: SqlValue | undefined): string {
  if (value === null || value === undefined) return 'NULL'
  if (value instanceof Uint8Array) return `a ${value.length}-byte blob`
  return JSON.stringify(value)
}
