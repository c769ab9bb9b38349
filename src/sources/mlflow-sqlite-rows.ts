// The row-level parts of the MLflow SQLite reader: queries that report a failing table as a diagnostic, the
// metric histories (thinned in SQL when the store has MLflow's series index) and the conversion of a metric row
// into a point.
import type { HistoryPoint, Metric } from '../core/run.js'
import type { DiagnosticPlace, ReadContext } from './context.js'
import { HistoryBuilder, MAX_HISTORY_POINTS, metricFromColumns } from './history.js'
import type { MlflowDataset } from './mlflow-common.js'
import type { SqliteDatabase, SqliteValue } from './sqlite-engine.js'

/** The first column of every row of a query. */
export function column(db: SqliteDatabase, sql: string, params: (string | number)[] = []): SqliteValue[] {
  const out: SqliteValue[] = []
  db.prepare(sql).each(params, row => out.push(row[0]))
  return out
}

/** Runs a query row by row; a failing query is reported against the table and yields nothing. */
export function eachRow(
  db: SqliteDatabase,
  sql: string,
  params: (string | number)[],
  where: { file: string; table: string; ctx: ReadContext },
  onRow: (row: SqliteValue[]) => void
): void {
  const { file, table, ctx } = where
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
    stmt.each(params, onRow)
  } catch (e) {
    ctx.error(
      file,
      `table ${table} could not be read to the end: ${(e as Error).message}; the rows before were kept`,
      { key: table }
    )
  }
}

/** The column names of a table. */
export function columnsOf(db: SqliteDatabase, table: string): Set<string> {
  const out = new Set<string>()
  // PRAGMA table_info: cid, name, type, notnull, dflt_value, pk
  db.prepare(`PRAGMA table_info("${table.replace(/"/g, '""')}")`).each([], row => out.add(String(row[1])))
  return out
}

/** True when the metrics table has an index led by (run_uuid, key), so one series is read without a scan. */
function hasSeriesIndex(db: SqliteDatabase): boolean {
  const sql = column(db, "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'metrics'")
  return sql.some(s => typeof s === 'string' && /\(\s*"?run_uuid"?\s*,\s*"?key"?/i.test(s))
}

/** One run row with what is gathered for it. */
export interface RunRow {
  runId: string
  name?: string
  status: unknown
  startTime: unknown
  user?: string
  experimentId: string
  params: Map<string, string>
  tags: Map<string, string>
  metrics: Record<string, Metric>
  latest: Map<string, HistoryPoint>
  datasets: MlflowDataset[]
}

/** The SQL condition (on the runs table) of the runs to read, with its parameters. */
export interface RunCondition {
  sql: string
  params: (string | number)[]
}

/**
 * Reads the metric histories of the runs. With MLflow's (run_uuid, key, step) index each series is read on its
 * own: whole when it has at most MAX_HISTORY_POINTS points, otherwise only the points the history keeps (evenly
 * spaced, ends kept, chosen in SQL) plus its final point, so a long series costs no more memory than a short one.
 * Without the index (old schemas) the rows of the runs are streamed once.
 */
export function readHistories(
  db: SqliteDatabase,
  runs: Map<string, RunRow>,
  ofRuns: RunCondition,
  file: string,
  ctx: ReadContext
): void {
  if (hasSeriesIndex(db)) readHistoriesBySeries(db, runs, file, ctx)
  else readHistoriesStreamed(db, runs, ofRuns, file, ctx)
}

/** The `is_nan` column of a metric table, or 0 in schemas without it. */
function nanColumn(db: SqliteDatabase, table: 'metrics' | 'latest_metrics' = 'metrics'): string {
  return columnsOf(db, table).has('is_nan') ? 'is_nan' : '0'
}

/**
 * Each usable point of a metric table (`metrics`: every point, `latest_metrics`: MLflow's latest of each metric) of
 * the runs, with its run and key; an unusable row is reported and skipped.
 */
export function eachMetricPoint(
  db: SqliteDatabase,
  table: 'metrics' | 'latest_metrics',
  runs: Map<string, RunRow>,
  ofRuns: RunCondition,
  where: { file: string; ctx: ReadContext },
  onPoint: (run: RunRow, key: string, point: HistoryPoint) => void
): void {
  const { file, ctx } = where
  eachRow(
    db,
    `SELECT run_uuid, key, value, timestamp, step, ${nanColumn(db, table)} FROM ${table} WHERE ${ofRuns.sql}`,
    ofRuns.params,
    { file, table, ctx },
    row => {
      const run = runs.get(String(row[0]))
      if (!run) return
      const point = pointOf(row.slice(1), run.runId, file, ctx)
      if (point) onPoint(run, String(row[1]), point)
    }
  )
}

/** Puts a series into its run as a metric; `total` is the length of the full series when only part was read. */
function finishSeries(run: RunRow, key: string, history: HistoryBuilder, total: number): void {
  const built = history.buildColumns()
  if (!built) return
  const metric = metricFromColumns(built)
  if (total > built.total) metric.historyPoints = total
  run.metrics[key] = metric
}

/** Without the series index (old schemas): the metric rows of the runs streamed once, every point kept until built. */
function readHistoriesStreamed(
  db: SqliteDatabase,
  runs: Map<string, RunRow>,
  ofRuns: RunCondition,
  file: string,
  ctx: ReadContext
): void {
  const histories = new Map<RunRow, Map<string, HistoryBuilder>>()
  eachMetricPoint(db, 'metrics', runs, ofRuns, { file, ctx }, (run, key, point) => {
    let byKey = histories.get(run)
    if (!byKey) histories.set(run, (byKey = new Map()))
    let history = byKey.get(key)
    if (!history) byKey.set(key, (history = new HistoryBuilder({ final: 'mlflow' })))
    history.add(point.step, point.value, point.timestamp)
  })
  for (const [run, byKey] of histories) for (const [key, h] of byKey) finishSeries(run, key, h, 0)
}

/** The row numbers (0-based, by step then timestamp) HistoryBuilder keeps of a series of `total` points, as JSON. */
function keptRowsOf(): (total: number) => string {
  const picks = new Map<number, string>()
  return total => {
    let list = picks.get(total)
    if (!list) {
      const stride = (total - 1) / (MAX_HISTORY_POINTS - 1)
      const rows = Array.from({ length: MAX_HISTORY_POINTS }, (_, k) => Math.round(k * stride))
      picks.set(total, (list = JSON.stringify(rows)))
    }
    return list
  }
}

/** With the series index: each series read on its own, whole or only its kept points and its final point. */
function readHistoriesBySeries(
  db: SqliteDatabase,
  runs: Map<string, RunRow>,
  file: string,
  ctx: ReadContext
): void {
  const nan = nanColumn(db)
  const counts = db.prepare('SELECT key, COUNT(*) FROM metrics WHERE run_uuid = ? GROUP BY key')
  const whole = db.prepare(
    `SELECT key, value, timestamp, step, ${nan} FROM metrics WHERE run_uuid = ? AND key = ? ORDER BY step, timestamp`
  )
  // The points of the thinned history: row numbers (0-based, by step then timestamp) as HistoryBuilder picks them.
  const thinned = db.prepare(
    `SELECT key, value, timestamp, step, ${nan} FROM (SELECT key, value, timestamp, step, ${nan}, ROW_NUMBER() OVER (ORDER BY step, timestamp) - 1 AS i FROM metrics WHERE run_uuid = ? AND key = ?) WHERE i IN (SELECT value FROM json_each(?))`
  )
  // The final point by MLflow's rule (highest step, then latest timestamp, then highest value; NaN loses).
  const final = db.prepare(
    `SELECT key, value, timestamp, step, ${nan} FROM metrics WHERE run_uuid = ? AND key = ? ORDER BY step DESC, timestamp DESC, ${nan} ASC, value DESC LIMIT 1`
  )
  const keptRows = keptRowsOf()
  try {
    for (const run of runs.values()) {
      const series: [string, number][] = []
      counts.each([run.runId], row => series.push([String(row[0]), Number(row[1])]))
      for (const [key, total] of series) {
        const history = new HistoryBuilder({ final: 'mlflow' }, Math.min(total, MAX_HISTORY_POINTS))
        const add = (row: SqliteValue[]) => {
          const point = pointOf(row, run.runId, file, ctx)
          if (point) history.add(point.step, point.value, point.timestamp)
        }
        if (total <= MAX_HISTORY_POINTS) whole.each([run.runId, key], add)
        else {
          thinned.each([run.runId, key, keptRows(total)], add)
          if (!run.latest.has(key))
            final.each([run.runId, key], row => {
              const point = pointOf(row, run.runId, file, ctx)
              if (point) run.latest.set(key, point)
            })
        }
        finishSeries(run, key, history, total)
      }
    }
  } catch (e) {
    ctx.error(
      file,
      `table metrics could not be read to the end: ${(e as Error).message}; the histories read before were kept`,
      { key: 'metrics' }
    )
  }
}

/** A metric row (key, value, timestamp, step, is_nan) as a point; undefined with a diagnostic when unusable. */
export function pointOf(
  row: SqliteValue[],
  runId: string,
  file: string,
  ctx: ReadContext
): HistoryPoint | undefined {
  const [key, rawValue, rawTimestamp, rawStep, rawNan] = row
  const place: DiagnosticPlace = { run: runId, key: String(key) }
  const isNan = rawNan === 1 || rawNan === '1' || rawNan === 1n
  let value =
    typeof rawValue === 'number'
      ? rawValue
      : typeof rawValue === 'string' && rawValue.trim() !== ''
        ? Number(rawValue)
        : NaN
  if (isNan) value = NaN
  else if (Number.isNaN(value)) {
    ctx.error(
      file,
      `metric "${String(key)}" has the value ${describe(rawValue)}; expected a number. The point was skipped`,
      place
    )
    return undefined
  }
  // MLflow stores ±infinity as ±DBL_MAX.
  if (value === Number.MAX_VALUE) value = Infinity
  else if (value === -Number.MAX_VALUE) value = -Infinity
  const step = rawStep === null ? 0 : Number(rawStep)
  const timestamp = rawTimestamp === null ? undefined : Number(rawTimestamp)
  if (!Number.isFinite(step) || (timestamp !== undefined && !Number.isFinite(timestamp))) {
    ctx.error(
      file,
      `metric "${String(key)}" has step ${describe(rawStep)} and timestamp ${describe(rawTimestamp)}; expected integers. The point was skipped`,
      place
    )
    return undefined
  }
  return timestamp === undefined ? { step, value } : { step, value, timestamp }
}

/** A text value, undefined when NULL or blank. */
export function text(value: SqliteValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined
  const s = valueText(value)
  return s.trim() === '' ? undefined : s
}

/** Any value as text (a blob as UTF-8). */
export function valueText(value: SqliteValue): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8')
  return String(value)
}

/** A value as a message shows it. */
function describe(value: SqliteValue | undefined): string {
  if (value === null || value === undefined) return 'NULL'
  if (value instanceof Uint8Array) return `a ${value.length}-byte blob`
  if (typeof value === 'bigint') return value.toString()
  return JSON.stringify(value)
}
