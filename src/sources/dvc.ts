// DVC projects: the metrics, params and plots named in `dvc.yaml` (top level and per stage), the params
// `dvc.lock` recorded for the last `dvc repro`, and dvclive output (metrics.json, params.yaml and the
// per-step TSV files under plots/metrics that become metric histories). One run per dvc.yaml; a
// dvclive-generated dvc.yaml below a project is merged into that project's run.
import { createHash } from 'node:crypto'
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
import { HistoryBuilder, metricFromBuilt } from './history.js'
import type { DiagnosticPlace, ReadContext } from './context.js'
import {
  describeValue,
  flattenMetrics,
  isRecord,
  plainParams,
  readStructured,
  readYamlExact,
  truncate
} from './structured.js'
import { readSeriesTable } from './csv.js'
import type { Claim, DirListing, RunSource } from './source.js'
import { SKIPPED_FOLDERS } from './walk.js'

/** The pipeline file that makes a folder a DVC project. */
export const DVC_YAML = 'dvc.yaml'
/** The lock file DVC writes beside dvc.yaml after `dvc repro`. */
export const DVC_LOCK = 'dvc.lock'
/** How many folders up or down a dvclive dvc.yaml is looked for from its project. */
const NEST_DEPTH = 3
/** Files named as plots that are pictures, not data. */
const IMAGE_EXT = new Set(['.png', '.jpg', '.jpeg', '.svg', '.gif', '.webp', '.bmp', '.html'])
/** Files read as plot data. */
const PLOT_DATA_EXT = new Set(['.json', '.yaml', '.yml', '.csv', '.tsv'])
/** Files read as metrics or params. */
const STRUCTURED_EXT = new Set(['.json', '.yaml', '.yml', '.toml'])
/** Dependencies that are code, not data (for the data version). */
const CODE_EXT = /\.(py|ipynb|r|sh|js|ts|jl|scala|java|c|cc|cpp|h|go|rs|rb|m|sql|cfg|ini|toml|lock|txt|md)$/i
const CODE_DIRS = new Set(['src', 'scripts', 'code', 'lib', 'notebooks'])

/** A file named in a dvc.yaml, with where it was named (for messages). */
interface FileRef {
  file: string
  from: string
}

/** A plot file named in a dvc.yaml, with its x column when the plot says one. */
interface PlotRef extends FileRef {
  x?: string
}

/** What one or more dvc.yaml files name. */
interface DvcRefs {
  metrics: FileRef[]
  params: FileRef[]
  plots: PlotRef[]
  hasStages: boolean
}

/** Reads DVC projects (dvc.yaml, dvc.lock, params and metrics files) and standalone dvclive folders. */
export const dvcSource: RunSource = {
  format: 'dvc',
  claim(listing: DirListing): Claim[] {
    if (listing.files.includes(DVC_YAML)) return [{ path: listing.path }]
    // A standalone dvclive folder: metrics.json and a plots folder (not a built-in experiments/<run>).
    if (
      listing.files.includes('metrics.json') &&
      listing.dirs.includes('plots') &&
      path.basename(path.dirname(listing.path)) !== 'experiments'
    ) {
      return [{ path: listing.path }]
    }
    return []
  },
  async read(dir: string, ctx: ReadContext): Promise<Run[]> {
    const { files } = await ctx.list(dir)
    const run = files.includes(DVC_YAML)
      ? await readDvcProject(dir, ctx)
      : await readStandaloneDvclive(dir, ctx)
    return run ? [run] : []
  }
}

/** The display name of a DVC run: the folder relative to the workspace, or the workspace's own name. */
function runName(dir: string, ctx: ReadContext): string {
  const rel = ctx.rel(dir)
  return rel === '.' ? path.basename(ctx.workspace) : rel
}

/** Reads the project whose dvc.yaml is in `dir`; undefined when it is a dvclive file merged into its parent. */
async function readDvcProject(dir: string, ctx: ReadContext): Promise<Run | undefined> {
  const name = runName(dir, ctx)
  const place = { run: name }
  const yamlFile = path.join(dir, DVC_YAML)
  // A dvclive dvc.yaml (no stages) below a project is read with that project, not as a run of its own.
  if ((await nearestProjectAbove(dir, ctx)) && !(await hasStages(yamlFile, ctx))) return undefined
  const raw = await readYamlExact(ctx, yamlFile, place)
  if (raw === undefined) return undefined
  const refs = parseDvcYaml(raw, dir, yamlFile, ctx, place)
  if (!refs) return undefined

  for (const sub of await findNestedDvclive(dir, ctx)) {
    const subRaw = await readYamlExact(ctx, sub, place)
    const subRefs =
      subRaw === undefined ? undefined : parseDvcYaml(subRaw, path.dirname(sub), sub, ctx, place)
    if (subRefs) {
      refs.metrics.push(...subRefs.metrics)
      refs.params.push(...subRefs.params)
      refs.plots.push(...subRefs.plots)
    }
  }
  const lock = await readLock(dir, ctx, place)
  return buildRun(dir, name, refs, lock, ctx)
}

/** Reads a dvclive folder that no dvc.yaml names: metrics.json, params.yaml and plots/metrics. */
async function readStandaloneDvclive(dir: string, ctx: ReadContext): Promise<Run | undefined> {
  if (await namedByProjectAbove(dir, ctx)) return undefined
  const name = runName(dir, ctx)
  const { files } = await ctx.list(dir)
  const from = 'the dvclive folder'
  const refs: DvcRefs = {
    metrics: [{ file: path.join(dir, 'metrics.json'), from }],
    params: files.includes('params.yaml') ? [{ file: path.join(dir, 'params.yaml'), from }] : [],
    plots: [{ file: path.join(dir, 'plots', 'metrics'), from, x: 'step' }],
    hasStages: false
  }
  if (!(await exists(path.join(dir, 'plots', 'metrics')))) refs.plots = []
  return buildRun(dir, name, refs, undefined, ctx)
}

/** Reads the metrics, params and plots that `refs` name into one run. */
async function buildRun(
  dir: string,
  name: string,
  refs: DvcRefs,
  lock: LockInfo | undefined,
  ctx: ReadContext
): Promise<Run | undefined> {
  const place = { run: name }
  const metrics: Record<string, Metric> = {}
  const metricOrigin = new Map<string, string>()
  for (const ref of await expandRefs(unique(refs.metrics), STRUCTURED_EXT, ctx, place, 'metrics')) {
    const raw = await readStructured(ctx, ref.file, place)
    if (raw === undefined) continue
    if (!isRecord(raw)) {
      ctx.error(
        ref.file,
        `must hold a mapping of metric names to numbers, found ${describeValue(raw)}; it was skipped`,
        place
      )
      continue
    }
    const found: Record<string, Metric> = {}
    const skipped: string[] = []
    // dvclive writes the last step into metrics.json as `step`; it is the x axis, not a result.
    const { step: _step, ...rest } = raw
    flattenMetrics(typeof _step === 'number' ? rest : raw, '', found, skipped)
    if (skipped.length) {
      ctx.warn(
        ref.file,
        `holds values that are not numbers, which are not compared: ${truncate(skipped.join(', '), 200)}`,
        {
          ...place,
          key: skipped[0]
        }
      )
    }
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

  const params: Record<string, ParamValue> = {}
  for (const ref of await expandRefs(unique(refs.params), STRUCTURED_EXT, ctx, place, 'params')) {
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
  if (lock) {
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

/** Parses a dvc.yaml into the files it names; undefined (with a diagnostic) when it is not a mapping. */
function parseDvcYaml(
  raw: unknown,
  dir: string,
  file: string,
  ctx: ReadContext,
  place: DiagnosticPlace
): DvcRefs | undefined {
  if (raw === null) return { metrics: [], params: [], plots: [], hasStages: false }
  if (!isRecord(raw)) {
    ctx.error(
      file,
      `must be a mapping with stages, metrics, params or plots; found ${describeValue(raw)}`,
      place
    )
    return undefined
  }
  const refs: DvcRefs = { metrics: [], params: [], plots: [], hasStages: isRecord(raw.stages) }
  const rel = ctx.rel(file)
  const resolve = (base: string, p: string, key: string): string | undefined => {
    if (p.includes('${')) {
      ctx.warn(
        file,
        `${key} entry ${JSON.stringify(truncate(p))} uses templating (\${…}), which is not expanded; it was skipped`,
        { ...place, key }
      )
      return undefined
    }
    return path.resolve(base, p)
  }
  const addPaths = (list: unknown, base: string, key: string, into: FileRef[]) => {
    if (list === undefined || list === null) return
    if (!Array.isArray(list)) {
      ctx.error(file, `"${key}" is ${describeValue(list)}; expected a list of paths. It was skipped`, {
        ...place,
        key
      })
      return
    }
    for (const entry of list) {
      const p =
        typeof entry === 'string'
          ? entry
          : isRecord(entry) && Object.keys(entry).length === 1
            ? Object.keys(entry)[0]
            : undefined
      if (p === undefined) {
        ctx.error(
          file,
          `"${key}" has an entry that is ${describeValue(entry)}; expected a path or {path: {options}}. It was skipped`,
          { ...place, key }
        )
        continue
      }
      const abs = resolve(base, p, key)
      if (abs) into.push({ file: abs, from: `${rel} ${key}` })
    }
  }
  const addParams = (list: unknown, base: string, key: string, stageLevel: boolean) => {
    if (list === undefined || list === null) return
    if (!Array.isArray(list)) {
      ctx.error(
        file,
        `"${key}" is ${describeValue(list)}; expected a list of params or params files. It was skipped`,
        { ...place, key }
      )
      return
    }
    for (const entry of list) {
      let p: string | undefined
      // In a stage, a plain string is a key of the default params.yaml; at the top level it is a file.
      if (typeof entry === 'string') p = stageLevel ? 'params.yaml' : entry
      else if (isRecord(entry)) p = Object.keys(entry)[0]
      if (p === undefined) {
        ctx.error(
          file,
          `"${key}" has an entry that is ${describeValue(entry)}; expected a param name or {file: [keys]}. It was skipped`,
          { ...place, key }
        )
        continue
      }
      const abs = resolve(base, p, key)
      if (abs) refs.params.push({ file: abs, from: `${rel} ${key}` })
    }
  }
  const addPlots = (list: unknown, base: string, key: string) => {
    if (list === undefined || list === null) return
    if (!Array.isArray(list)) {
      ctx.error(file, `"${key}" is ${describeValue(list)}; expected a list of plots. It was skipped`, {
        ...place,
        key
      })
      return
    }
    for (const entry of list) {
      if (typeof entry === 'string') {
        const abs = resolve(base, entry, key)
        if (abs) refs.plots.push({ file: abs, from: `${rel} ${key}` })
        continue
      }
      if (!isRecord(entry) || Object.keys(entry).length !== 1) {
        ctx.error(
          file,
          `"${key}" has an entry that is ${describeValue(entry)}; expected a path or {id: {x, y}}. It was skipped`,
          { ...place, key }
        )
        continue
      }
      const [id, config] = Object.entries(entry)[0]
      const x = isRecord(config) ? config.x : undefined
      const y = isRecord(config) ? config.y : undefined
      const xFor = (f: string) =>
        typeof x === 'string' ? x : isRecord(x) && typeof x[f] === 'string' ? (x[f] as string) : undefined
      if (isRecord(y)) {
        // {id: {y: {file: column}}}: the keys of y are the data files.
        for (const f of Object.keys(y)) {
          const abs = resolve(base, f, key)
          if (abs) refs.plots.push({ file: abs, from: `${rel} ${key} ${id}`, x: xFor(f) })
        }
      } else {
        const abs = resolve(base, id, key)
        if (abs) refs.plots.push({ file: abs, from: `${rel} ${key}`, x: xFor(id) })
      }
    }
  }

  addPaths(raw.metrics, dir, 'metrics', refs.metrics)
  addParams(raw.params, dir, 'params', false)
  addPlots(raw.plots, dir, 'plots')
  if (raw.stages !== undefined && !isRecord(raw.stages)) {
    ctx.error(file, `"stages" is ${describeValue(raw.stages)}; expected a mapping of stage names to stages`, {
      ...place,
      key: 'stages'
    })
  }
  for (const [stageName, stage] of Object.entries(isRecord(raw.stages) ? raw.stages : {})) {
    if (!isRecord(stage)) continue
    const wdir = typeof stage.wdir === 'string' ? path.resolve(dir, stage.wdir) : dir
    const body = isRecord(stage.do) ? stage.do : stage // foreach/matrix stages keep their fields under `do`
    addPaths(body.metrics, wdir, `stages.${stageName}.metrics`, refs.metrics)
    addParams(body.params, wdir, `stages.${stageName}.params`, true)
    addPlots(body.plots, wdir, `stages.${stageName}.plots`)
  }
  return refs
}

/** What dvc.lock adds: the params each stage ran with, and a data version from its input hashes. */
interface LockInfo {
  file: string
  params: Record<string, ParamValue>
  dataVersion?: string
}

/** Reads dvc.lock beside dvc.yaml (schema 2.0, or the 1.x layout without `schema`). */
async function readLock(
  dir: string,
  ctx: ReadContext,
  place: DiagnosticPlace
): Promise<LockInfo | undefined> {
  const file = path.join(dir, DVC_LOCK)
  if (!(await exists(file))) return undefined
  const raw = await readYamlExact(ctx, file, place)
  if (raw === undefined || raw === null) return undefined
  if (!isRecord(raw)) {
    ctx.error(file, `must be a mapping with schema and stages; found ${describeValue(raw)}`, place)
    return undefined
  }
  const stages = raw.schema !== undefined ? raw.stages : raw
  if (!isRecord(stages)) {
    ctx.error(file, `"stages" is ${describeValue(stages)}; expected a mapping of stage names`, {
      ...place,
      key: 'stages'
    })
    return undefined
  }
  const params: Record<string, ParamValue> = {}
  const inputs = new Map<string, string>()
  const produced: string[] = []
  for (const [stageName, stage] of Object.entries(stages)) {
    if (!isRecord(stage)) continue
    if (isRecord(stage.params)) {
      for (const [paramsFile, values] of Object.entries(stage.params)) {
        if (isRecord(values)) Object.assign(params, flattenParams(plainParams(values)))
        else
          ctx.warn(
            file,
            `stages.${stageName}.params["${paramsFile}"] is ${describeValue(values)}; expected a mapping. It was skipped`,
            { ...place, key: `stages.${stageName}.params` }
          )
      }
    }
    for (const out of Array.isArray(stage.outs) ? stage.outs : [])
      if (isRecord(out) && typeof out.path === 'string') produced.push(out.path)
    for (const dep of Array.isArray(stage.deps) ? stage.deps : []) {
      if (!isRecord(dep) || typeof dep.path !== 'string') continue
      const repo = isRecord(dep.repo) ? dep.repo : undefined
      if (repo && typeof repo.rev_lock === 'string') {
        // An imported dependency (`dvc import`): the data repository's git commit is its version.
        inputs.set(
          dep.path,
          `${typeof repo.url === 'string' ? repo.url : dep.path}@${repo.rev_lock.slice(0, 12)}`
        )
        continue
      }
      const hash = [dep.md5, dep.etag, dep.checksum].find(h => typeof h === 'string') as string | undefined
      if (hash) inputs.set(dep.path, `${dep.path}@${hash.replace(/\.dir$/, '').slice(0, 8)}`)
    }
  }
  const isProduced = (p: string) => produced.some(o => p === o || p.startsWith(`${o}/`))
  const isCode = (p: string) => CODE_EXT.test(p) || CODE_DIRS.has(p.split('/')[0])
  const data = [...inputs.entries()]
    .filter(([p]) => !isProduced(p) && !isCode(p))
    .map(([, v]) => v)
    .sort()
  let dataVersion: string | undefined
  if (data.length > 0 && data.length <= 3) dataVersion = data.join(', ')
  else if (data.length > 3)
    dataVersion = `${data.length} inputs, digest ${createHash('sha256').update(data.join('\n')).digest('hex').slice(0, 12)}`
  return { file, params, dataVersion }
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
    const built = points.build()
    if (built) out[name] = metricFromBuilt(built)
  }
  return out
}

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

/** The dvc.yaml files without stages (dvclive's) below a project, not below another dvc.yaml. */
async function findNestedDvclive(dir: string, ctx: ReadContext): Promise<string[]> {
  const found: string[] = []
  let level = [dir]
  for (let depth = 0; depth < NEST_DEPTH && level.length; depth++) {
    const next: string[] = []
    for (const d of level) {
      const { dirs } = await ctx.list(d)
      for (const sub of dirs) {
        if (SKIPPED_FOLDERS.has(sub)) continue
        const subDir = path.join(d, sub)
        const { files } = await ctx.list(subDir)
        if (!files.includes(DVC_YAML)) next.push(subDir)
        else if (!(await hasStages(path.join(subDir, DVC_YAML), ctx))) found.push(path.join(subDir, DVC_YAML))
      }
    }
    level = next
  }
  return found
}

/** The nearest folder above `dir` (at most NEST_DEPTH up, inside the workspace) with a dvc.yaml. */
async function nearestProjectAbove(dir: string, ctx: ReadContext): Promise<string | undefined> {
  let d = dir
  for (let i = 0; i < NEST_DEPTH; i++) {
    if (d === ctx.workspace) return undefined
    d = path.dirname(d)
    if (!(d === ctx.workspace || d.startsWith(ctx.workspace + path.sep))) return undefined
    if (await exists(path.join(d, DVC_YAML))) return d
  }
  return undefined
}

/** True when a dvc.yaml in a folder above names this dvclive folder's metrics or plots (it reads them). */
async function namedByProjectAbove(dir: string, ctx: ReadContext): Promise<boolean> {
  const metricsFile = path.join(dir, 'metrics.json')
  let d = dir
  while (d !== ctx.workspace && d.startsWith(ctx.workspace + path.sep)) {
    d = path.dirname(d)
    const yamlFile = path.join(d, DVC_YAML)
    if (!(await exists(yamlFile))) continue
    const refs = await quietly(ctx, async () => {
      const raw = await readYamlExact(ctx, yamlFile)
      return raw === undefined ? undefined : parseDvcYaml(raw, d, yamlFile, ctx, {})
    })
    const named = [...(refs?.metrics ?? []), ...(refs?.plots ?? [])].map(r => r.file)
    if (
      named.some(
        f => f === metricsFile || f === dir || dir.startsWith(f + path.sep) || f.startsWith(dir + path.sep)
      )
    )
      return true
  }
  return false
}

/** Whether a dvc.yaml has stages (a project) or only metrics/params/plots (dvclive's). Quiet. */
async function hasStages(file: string, ctx: ReadContext): Promise<boolean> {
  const raw = await quietly(ctx, () => readYamlExact(ctx, file))
  return isRecord(raw) && isRecord(raw.stages)
}

/** Runs a read whose diagnostics belong to another run's read (which reports them), dropping them here. */
async function quietly<T>(ctx: ReadContext, read: () => Promise<T>): Promise<T> {
  const before = ctx.diagnostics.length
  try {
    return await read()
  } finally {
    ctx.diagnostics.splice(before)
  }
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined
}

function unique<T extends FileRef>(refs: T[]): T[] {
  const seen = new Set<string>()
  return refs.filter(r => (seen.has(r.file) ? false : (seen.add(r.file), true)))
}
