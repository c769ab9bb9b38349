// Reading what a dvc.yaml (or a dvclive folder) names into one run: metrics files, params files (the values in
// dvc.lock win, with a warning when they differ), and plots that are per-step series (metric histories).
import { stat } from 'node:fs/promises'
import path from 'node:path'
import {
  emptyMetadata,
  flattenParams,
  makeRun,
  paramText,
  type Metric,
  type ParamValue,
  type Run
} from '../core/run.js'
import type { DiagnosticPlace, ReadContext } from './context.js'
import { readSeriesTable } from './csv.js'
import type { LockInfo } from './dvc-lock.js'
import { DVC_YAML } from './claims.js'
import type { DvcRefs, FileRef, PlotRef } from './dvc-yaml.js'
import { HistoryBuilder, metricFromColumns } from './history.js'
import {
  describeValue,
  flattenMetrics,
  isRecord,
  plainParams,
  readStructured,
  truncate
} from './structured.js'
import { SKIPPED_FOLDERS } from './walk.js'

/** Files named as plots that are pictures, not data. */
const IMAGE_EXT = new Set(['.png', '.jpg', '.jpeg', '.svg', '.gif', '.webp', '.bmp', '.html'])
/** Files read as plot data. */
const PLOT_DATA_EXT = new Set(['.json', '.yaml', '.yml', '.csv', '.tsv'])
/** Files read as metrics or params. */
const STRUCTURED_EXT = new Set(['.json', '.yaml', '.yml', '.toml'])

/** Reads the metrics, params and plots that `refs` name into one run; undefined when none could be read. */
export async function buildRun(
  dir: string,
  name: string,
  refs: DvcRefs,
  lock: LockInfo | undefined,
  ctx: ReadContext
): Promise<Run | undefined> {
  const place = { run: name }
  const metrics = await readMetricsFiles(refs.metrics, ctx, place)
  const params = await readParamsFiles(refs.params, ctx, place)
  if (lock) applyLockedParams(lock, params, ctx, place)
  for (const ref of await expandRefs(unique(refs.plots), PLOT_DATA_EXT, ctx, place, 'plots')) {
    const series = await readPlotSeries(ref, ctx, place)
    for (const [key, metric] of Object.entries(series)) {
      const existing = metrics[key]
      if (existing) {
        if (!existing.history) existing.history = metric.history
      } else metrics[key] = metric
    }
  }

  if (!Object.keys(metrics).length && !Object.keys(params).length) {
    ctx.warn(
      path.join(dir, DVC_YAML),
      'names no metrics, params or plots that could be read; no run was made from it',
      place
    )
    return undefined
  }
  const metadata = { ...emptyMetadata(), ...(lock?.dataVersion ? { dataVersion: lock.dataVersion } : {}) }
  return makeRun({
    id: `dvc:${ctx.rel(dir)}`,
    name,
    source: 'dvc',
    path: ctx.rel(dir),
    params,
    metrics,
    metadata
  })
}

/** Reads the metrics files; a metric also in an earlier file is named after its file (with a warning). */
async function readMetricsFiles(
  refs: FileRef[],
  ctx: ReadContext,
  place: DiagnosticPlace
): Promise<Record<string, Metric>> {
  const metrics: Record<string, Metric> = {}
  const metricOrigin = new Map<string, string>()
  for (const ref of await expandRefs(unique(refs), STRUCTURED_EXT, ctx, place, 'metrics')) {
    const found = await readMetricsFile(ref.file, ctx, place)
    if (!found) continue
    const prefix = ctx
      .rel(ref.file)
      .replace(/\.[^./]+$/, '')
      .split('/')
      .join('.')
    for (const [key, metric] of Object.entries(found)) {
      const earlier = metricOrigin.get(key)
      if (earlier !== undefined && earlier !== ref.file) {
        const renamed = `${prefix}.${key}`
        ctx.warn(ref.file, `metric "${key}" is also in ${ctx.rel(earlier)}; this one is named "${renamed}"`, {
          ...place,
          key
        })
        metrics[renamed] = metric
      } else {
        metrics[key] = metric
        metricOrigin.set(key, ref.file)
      }
    }
  }
  return metrics
}

/** The numeric metrics of one metrics file; undefined (with a diagnostic) when it is not a mapping. */
async function readMetricsFile(
  file: string,
  ctx: ReadContext,
  place: DiagnosticPlace
): Promise<Record<string, Metric> | undefined> {
  const raw = await readStructured(ctx, file, place)
  if (raw === undefined) return undefined
  if (!isRecord(raw)) {
    ctx.error(
      file,
      `must hold a mapping of metric names to numbers, found ${describeValue(raw)}; it was skipped`,
      place
    )
    return undefined
  }
  const found: Record<string, Metric> = {}
  const skipped: string[] = []
  // dvclive writes the last step into metrics.json as `step`; it is the x axis, not a result.
  const { step: _step, ...rest } = raw
  flattenMetrics(typeof _step === 'number' ? rest : raw, '', found, skipped)
  if (skipped.length) {
    ctx.warn(
      file,
      `holds values that are not numbers, which are not compared: ${truncate(skipped.join(', '), 200)}`,
      {
        ...place,
        key: skipped[0]
      }
    )
  }
  return found
}

/** Reads the params files (not Python ones) into flat params. */
async function readParamsFiles(
  refs: FileRef[],
  ctx: ReadContext,
  place: DiagnosticPlace
): Promise<Record<string, ParamValue>> {
  const params: Record<string, ParamValue> = {}
  for (const ref of await expandRefs(unique(refs), STRUCTURED_EXT, ctx, place, 'params')) {
    if (path.extname(ref.file).toLowerCase() === '.py') {
      ctx.warn(ref.file, 'is a Python params file, which is not read (use params.yaml, JSON or TOML)', place)
      continue
    }
    const raw = await readStructured(ctx, ref.file, place)
    if (raw === undefined || raw === null) continue
    if (!isRecord(raw)) {
      ctx.error(
        ref.file,
        `must hold a mapping of parameters, found ${describeValue(raw)}; it was skipped`,
        place
      )
      continue
    }
    Object.assign(params, flattenParams(plainParams(raw)))
  }
  return params
}

/** Puts dvc.lock's params over the params files' (the metrics come from them), warning where they differ. */
function applyLockedParams(
  lock: LockInfo,
  params: Record<string, ParamValue>,
  ctx: ReadContext,
  place: DiagnosticPlace
): void {
  const stale: string[] = []
  for (const [key, value] of Object.entries(lock.params)) {
    if (key in params && paramText(params[key]) !== paramText(value)) {
      stale.push(
        `${key} is ${truncate(paramText(params[key]), 30)} in the params file but ${truncate(paramText(value), 30)} in dvc.lock`
      )
    }
    params[key] = value
  }
  if (stale.length) {
    ctx.warn(
      lock.file,
      `records other params than the params files hold (${truncate(stale.join('; '), 300)}); the locked values are shown because the metrics come from them. Run \`dvc repro\` to refresh`,
      { ...place, key: stale[0].split(' ')[0] }
    )
  }
}

/** Reads one plot file as per-step series when it is one (dvclive TSV, or rows with a `step` field). */
async function readPlotSeries(
  ref: PlotRef,
  ctx: ReadContext,
  place: DiagnosticPlace
): Promise<Record<string, Metric>> {
  const ext = path.extname(ref.file).toLowerCase()
  if (ref.x !== undefined && ref.x !== 'step') {
    // A curve such as ROC or precision-recall, not a history: parsed only so that a broken file is reported.
    if (ext !== '.csv' && ext !== '.tsv') await readStructured(ctx, ref.file, place)
    return {}
  }
  const relPath = ctx.rel(ref.file)
  const dvcliveAt = relPath.lastIndexOf('plots/metrics/')
  const dvcliveName =
    dvcliveAt >= 0 && (dvcliveAt === 0 || relPath[dvcliveAt - 1] === '/')
      ? relPath
          .slice(dvcliveAt + 'plots/metrics/'.length)
          .replace(/\.[^./]+$/, '')
          .split('/')
          .join('.')
      : undefined
  if (ext === '.tsv' || ext === '.csv') {
    const table = await readSeriesTable(ref.file, ctx, place, {
      requireStep: dvcliveName !== undefined,
      metricName: dvcliveName
    })
    if (!table) return {}
    return dvcliveName ? table.metrics : renameSlashes(table.metrics)
  }
  const raw = await readStructured(ctx, ref.file, place)
  const rows = Array.isArray(raw) ? raw : isRecord(raw) ? Object.values(raw).find(Array.isArray) : undefined
  if (!rows || !rows.every(r => isRecord(r) && typeof r.step === 'number')) return {} // not a per-step series
  // Sorted by step (stable); the value is the last written at the highest step.
  const series = new Map<string, HistoryBuilder>()
  for (const row of rows as Record<string, unknown>[]) {
    for (const [key, value] of Object.entries(row)) {
      if (key === 'step' || key === 'timestamp' || typeof value !== 'number') continue
      const name = dvcliveName ?? key.split('/').join('.')
      let points = series.get(name)
      if (!points)
        series.set(
          name,
          (points = new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'keep' }))
        )
      points.add(row.step as number, value)
    }
  }
  const out: Record<string, Metric> = {}
  for (const [name, points] of series) {
    const built = points.buildColumns()
    if (built) out[name] = metricFromColumns(built)
  }
  return out
}

/** Metric names with `/` turned into `.`, as dvclive names them. */
function renameSlashes(metrics: Record<string, Metric>): Record<string, Metric> {
  return Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k.split('/').join('.'), v]))
}

/**
 * Checks that each named path stays in the workspace and exists, and expands folders into the data files
 * below them. Missing files get a warning that says how DVC produces them; pictures are passed over.
 */
async function expandRefs<T extends FileRef>(
  refs: T[],
  exts: Set<string>,
  ctx: ReadContext,
  place: DiagnosticPlace,
  what: string
): Promise<T[]> {
  const out: T[] = []
  for (const ref of refs) {
    const ext = path.extname(ref.file).toLowerCase()
    if (IMAGE_EXT.has(ext)) continue
    if (!(await ctx.insideWorkspace(ref.file))) {
      ctx.error(ref.file, `is named in ${ref.from} but lies outside the workspace; it was not read`, place)
      continue
    }
    const info = await stat(ref.file).catch(() => undefined)
    if (!info) {
      ctx.warn(
        ref.file,
        `is named in ${ref.from} but does not exist; run \`dvc repro\` or \`dvc pull\` (DVC-cached ${what} are not in git) to include it`,
        place
      )
      continue
    }
    if (info.isDirectory()) {
      for (const file of await listFilesBelow(ref.file, ctx, 4)) {
        const e = path.extname(file).toLowerCase()
        if (exts.has(e)) out.push({ ...ref, file })
      }
    } else out.push(ref)
  }
  return unique(out)
}

/** Lists the files below a folder, depth-limited, in a stable order. */
async function listFilesBelow(dir: string, ctx: ReadContext, depth: number): Promise<string[]> {
  const { files, dirs } = await ctx.list(dir)
  const out = files.map(f => path.join(dir, f))
  if (depth > 0)
    for (const d of dirs)
      if (!SKIPPED_FOLDERS.has(d)) out.push(...(await listFilesBelow(path.join(dir, d), ctx, depth - 1)))
  return out
}

/** True when a file or folder exists at the path. */
export async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined
}

/** The refs with each file once, the first kept. */
function unique<T extends FileRef>(refs: T[]): T[] {
  const seen = new Set<string>()
  return refs.filter(r => (seen.has(r.file) ? false : (seen.add(r.file), true)))
}
