// DVC projects: the metrics, params and plots named in `dvc.yaml` (top level and per stage), the params
// `dvc.lock` recorded for the last `dvc repro`, and dvclive output (metrics.json, params.yaml and the
// per-step TSV files under plots/metrics that become metric histories). One run per dvc.yaml; a
// dvclive-generated dvc.yaml below a project is merged into that project's run. dvc-yaml.ts parses dvc.yaml,
// dvc-lock.ts reads dvc.lock, dvc-files.ts reads the files they name; this module finds the projects.
import path from 'node:path'
import type { Run } from '../core/run.js'
import type { ReadContext } from './context.js'
import { buildRun, exists } from './dvc-files.js'
import { readLock } from './dvc-lock.js'
import { DVC_NEST_DEPTH, nestedDvcliveYamls, parseDvcYaml, type DvcRefs } from './dvc-yaml.js'
import { claimDvc, DVC_YAML } from './claims.js'
import type { RunSource } from './source.js'
import { isRecord, readYamlExact } from './structured.js'

/** Reads DVC projects (dvc.yaml, dvc.lock, params and metrics files) and standalone dvclive folders. */
export const dvcSource: RunSource = {
  format: 'dvc',
  claim: claimDvc,
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

  for (const sub of await nestedDvcliveYamls(
    dir,
    d => ctx.list(d),
    file => hasStages(file, ctx)
  )) {
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

/** The nearest folder above `dir` (at most DVC_NEST_DEPTH up, inside the workspace) with a dvc.yaml. */
async function nearestProjectAbove(dir: string, ctx: ReadContext): Promise<string | undefined> {
  let d = dir
  for (let i = 0; i < DVC_NEST_DEPTH; i++) {
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
