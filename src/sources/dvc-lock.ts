// dvc.lock, written by `dvc repro` beside dvc.yaml: the params each stage ran with, and a data version made from
// the hashes of the stages' data inputs (code and the pipeline's own outputs left out).
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { flattenParams, type ParamValue } from '../core/run.js'
import type { DiagnosticPlace, ReadContext } from './context.js'
import { describeValue, isRecord, plainParams, readYamlExact } from './structured.js'

/** The lock file DVC writes beside dvc.yaml after `dvc repro`. */
export const DVC_LOCK = 'dvc.lock'
/** Dependencies that are code, not data (for the data version). */
const CODE_EXT = /\.(py|ipynb|r|sh|js|ts|jl|scala|java|c|cc|cpp|h|go|rs|rb|m|sql|cfg|ini|toml|lock|txt|md)$/i
/** Top-level folders that hold code, not data (for the data version). */
const CODE_DIRS = new Set(['src', 'scripts', 'code', 'lib', 'notebooks'])

/** What dvc.lock adds: the params each stage ran with, and a data version from its input hashes. */
export interface LockInfo {
  file: string
  params: Record<string, ParamValue>
  dataVersion?: string
}

/** Reads dvc.lock beside dvc.yaml (schema 2.0, or the 1.x layout without `schema`). */
export async function readLock(
  dir: string,
  ctx: ReadContext,
  place: DiagnosticPlace
): Promise<LockInfo | undefined> {
  const file = path.join(dir, DVC_LOCK)
  if (!(await stat(file).catch(() => undefined))) return undefined
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
    if (isRecord(stage.params))
      addLockedParams(stage.params, `stages.${stageName}.params`, params, file, ctx, place)
    for (const out of Array.isArray(stage.outs) ? stage.outs : [])
      if (isRecord(out) && typeof out.path === 'string') produced.push(out.path)
    for (const dep of Array.isArray(stage.deps) ? stage.deps : []) addInput(dep, inputs)
  }
  return { file, params, dataVersion: dataVersionOf(inputs, produced) }
}

/** Adds a stage's locked params (`{params file: {key: value}}`) to `params`. */
function addLockedParams(
  byFile: Record<string, unknown>,
  key: string,
  params: Record<string, ParamValue>,
  file: string,
  ctx: ReadContext,
  place: DiagnosticPlace
): void {
  for (const [paramsFile, values] of Object.entries(byFile)) {
    if (isRecord(values)) Object.assign(params, flattenParams(plainParams(values)))
    else
      ctx.warn(
        file,
        `${key}["${paramsFile}"] is ${describeValue(values)}; expected a mapping. It was skipped`,
        { ...place, key }
      )
  }
}

/** Records a dependency's version: an imported repository's commit, or the first characters of its hash. */
function addInput(dep: unknown, inputs: Map<string, string>): void {
  if (!isRecord(dep) || typeof dep.path !== 'string') return
  const repo = isRecord(dep.repo) ? dep.repo : undefined
  if (repo && typeof repo.rev_lock === 'string') {
    // An imported dependency (`dvc import`): the data repository's git commit is its version.
    inputs.set(
      dep.path,
      `${typeof repo.url === 'string' ? repo.url : dep.path}@${repo.rev_lock.slice(0, 12)}`
    )
    return
  }
  const hash = [dep.md5, dep.etag, dep.checksum].find(h => typeof h === 'string') as string | undefined
  if (hash) inputs.set(dep.path, `${dep.path}@${hash.replace(/\.dir$/, '').slice(0, 8)}`)
}

/** The data version: up to three data inputs by name, or their count and a digest; undefined without any. */
function dataVersionOf(inputs: Map<string, string>, produced: string[]): string | undefined {
  const isProduced = (p: string) => produced.some(o => p === o || p.startsWith(`${o}/`))
  const isCode = (p: string) => CODE_EXT.test(p) || CODE_DIRS.has(p.split('/')[0])
  const data = [...inputs.entries()]
    .filter(([p]) => !isProduced(p) && !isCode(p))
    .map(([, v]) => v)
    .sort()
  if (data.length > 0 && data.length <= 3) return data.join(', ')
  if (data.length > 3)
    return `${data.length} inputs, digest ${createHash('sha256').update(data.join('\n')).digest('hex').slice(0, 12)}`
  return undefined
}
