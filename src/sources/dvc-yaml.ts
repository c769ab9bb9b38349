// What a dvc.yaml names: the metrics, params and plots files at its top level and in each stage (foreach/matrix
// stages keep theirs under `do`), resolved against the stage's wdir. Templated paths (${…}) are not expanded.
import path from 'node:path'
import type { DiagnosticPlace, ReadContext } from './context.js'
import { describeValue, isRecord, truncate } from './structured.js'
import { SKIPPED_FOLDERS } from './walk.js'
import { DVC_YAML } from './claims.js'

/** How many folders up or down a dvclive dvc.yaml is looked for from its project. */
export const DVC_NEST_DEPTH = 3

/**
 * The dvc.yaml files without stages (dvclive's) below a project folder, at most DVC_NEST_DEPTH folders down, not
 * below another dvc.yaml and not in SKIPPED_FOLDERS: the ones the DVC reader merges into the project's run.
 * `list` lists a folder; `hasStages` says whether a dvc.yaml has stages (a project of its own).
 */
export async function nestedDvcliveYamls(
  dir: string,
  list: (dir: string) => Promise<{ files: string[]; dirs: string[] }>,
  hasStages: (file: string) => Promise<boolean>
): Promise<string[]> {
  const found: string[] = []
  let level = [dir]
  for (let depth = 0; depth < DVC_NEST_DEPTH && level.length; depth++) {
    const next: string[] = []
    for (const parent of level) {
      for (const sub of (await list(parent)).dirs) {
        if (SKIPPED_FOLDERS.has(sub)) continue
        const subDir = path.join(parent, sub)
        const yamlFile = path.join(subDir, DVC_YAML)
        if (!(await list(subDir)).files.includes(DVC_YAML)) next.push(subDir)
        else if (!(await hasStages(yamlFile))) found.push(yamlFile)
      }
    }
    level = next
  }
  return found
}

/** A file named in a dvc.yaml, with where it was named (for messages). */
export interface FileRef {
  file: string
  from: string
}

/** A plot file named in a dvc.yaml, with its x column when the plot says one. */
export interface PlotRef extends FileRef {
  x?: string
}

/** What one or more dvc.yaml files name. */
export interface DvcRefs {
  metrics: FileRef[]
  params: FileRef[]
  plots: PlotRef[]
  hasStages: boolean
}

/** Parses a dvc.yaml into the files it names; undefined (with a diagnostic) when it is not a mapping. */
export function parseDvcYaml(
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
  const reader = new DvcYamlEntries(refs, file, ctx, place)
  reader.metrics(raw.metrics, dir, 'metrics')
  reader.params(raw.params, dir, 'params', false)
  reader.plots(raw.plots, dir, 'plots')
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
    reader.metrics(body.metrics, wdir, `stages.${stageName}.metrics`)
    reader.params(body.params, wdir, `stages.${stageName}.params`, true)
    reader.plots(body.plots, wdir, `stages.${stageName}.plots`)
  }
  return refs
}

/** Adds the entries of one dvc.yaml's metrics, params and plots lists to `refs`, reporting malformed ones. */
class DvcYamlEntries {
  private readonly rel: string

  constructor(
    private readonly refs: DvcRefs,
    private readonly file: string,
    private readonly ctx: ReadContext,
    private readonly place: DiagnosticPlace
  ) {
    this.rel = ctx.rel(file)
  }

  /** A `metrics` list: paths, or `{path: {options}}`. */
  metrics(list: unknown, base: string, key: string): void {
    if (!this.isList(list, key, 'a list of paths')) return
    for (const entry of list) {
      const p =
        typeof entry === 'string'
          ? entry
          : isRecord(entry) && Object.keys(entry).length === 1
            ? Object.keys(entry)[0]
            : undefined
      if (p === undefined) {
        this.badEntry(key, entry, 'a path or {path: {options}}')
        continue
      }
      const abs = this.resolve(base, p, key)
      if (abs) this.refs.metrics.push({ file: abs, from: `${this.rel} ${key}` })
    }
  }

  /** A `params` list: in a stage a plain string is a key of the default params.yaml; at the top level, a file. */
  params(list: unknown, base: string, key: string, stageLevel: boolean): void {
    if (!this.isList(list, key, 'a list of params or params files')) return
    for (const entry of list) {
      let p: string | undefined
      if (typeof entry === 'string') p = stageLevel ? 'params.yaml' : entry
      else if (isRecord(entry)) p = Object.keys(entry)[0]
      if (p === undefined) {
        this.badEntry(key, entry, 'a param name or {file: [keys]}')
        continue
      }
      const abs = this.resolve(base, p, key)
      if (abs) this.refs.params.push({ file: abs, from: `${this.rel} ${key}` })
    }
  }

  /** A `plots` list: paths, or `{id: {x, y}}` where the keys of a mapping `y` are the data files. */
  plots(list: unknown, base: string, key: string): void {
    if (!this.isList(list, key, 'a list of plots')) return
    for (const entry of list) {
      if (typeof entry === 'string') {
        const abs = this.resolve(base, entry, key)
        if (abs) this.refs.plots.push({ file: abs, from: `${this.rel} ${key}` })
        continue
      }
      if (!isRecord(entry) || Object.keys(entry).length !== 1) {
        this.badEntry(key, entry, 'a path or {id: {x, y}}')
        continue
      }
      const [id, config] = Object.entries(entry)[0]
      const x = isRecord(config) ? config.x : undefined
      const y = isRecord(config) ? config.y : undefined
      const xFor = (f: string) =>
        typeof x === 'string' ? x : isRecord(x) && typeof x[f] === 'string' ? (x[f] as string) : undefined
      if (isRecord(y)) {
        for (const f of Object.keys(y)) {
          const abs = this.resolve(base, f, key)
          if (abs) this.refs.plots.push({ file: abs, from: `${this.rel} ${key} ${id}`, x: xFor(f) })
        }
      } else {
        const abs = this.resolve(base, id, key)
        if (abs) this.refs.plots.push({ file: abs, from: `${this.rel} ${key}`, x: xFor(id) })
      }
    }
  }

  /** True for a list; absent is fine (false, quietly), anything else is reported (false). */
  private isList(list: unknown, key: string, expected: string): list is unknown[] {
    if (list === undefined || list === null) return false
    if (Array.isArray(list)) return true
    this.ctx.error(this.file, `"${key}" is ${describeValue(list)}; expected ${expected}. It was skipped`, {
      ...this.place,
      key
    })
    return false
  }

  private badEntry(key: string, entry: unknown, expected: string): void {
    this.ctx.error(
      this.file,
      `"${key}" has an entry that is ${describeValue(entry)}; expected ${expected}. It was skipped`,
      { ...this.place, key }
    )
  }

  /** The absolute path of an entry; undefined (with a warning) for a templated one. */
  private resolve(base: string, p: string, key: string): string | undefined {
    if (p.includes('${')) {
      this.ctx.warn(
        this.file,
        `${key} entry ${JSON.stringify(truncate(p))} uses templating (\${…}), which is not expanded; it was skipped`,
        { ...this.place, key }
      )
      return undefined
    }
    return path.resolve(base, p)
  }
}
