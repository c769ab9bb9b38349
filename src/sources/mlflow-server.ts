// Runs from an MLflow tracking server through its REST API (2.0): the selected experiments (required: a server
// holds many projects), and among their active runs those of the commit under review, filtered by the server
// (`runs/search` with a filter on the `mlflow.source.git.commit` tag), every page followed; each metric's history
// read whole across `metrics/get-history` pages. Params, tags, status, nested runs and dataset inputs come out as
// the file store gives them, so a run reads the same from the server as from its `mlruns/` copy.
import type { Diagnostic, HistoryPoint, Metric, Run } from '../core/run.js'
import { listExperimentNames, type CommitFilter } from '../core/selection.js'
import { experimentMatcher, isGlob, unmatchedPatterns } from './experiment-match.js'
import type { ReadContext } from './context.js'
import { HistoryBuilder, metricFromColumns } from './history.js'
import { buildMlflowRun, MAX_RUNS_ANY_COMMIT, type MlflowDataset } from './mlflow-common.js'
import {
  createMlflowHttpClient,
  MlflowServerError,
  type MlflowHttpClient,
  type MlflowHttpOptions,
  type MlflowServerTarget
} from './mlflow-http.js'

/** The most points one `metrics/get-history` page is asked for (MLflow's servers serve up to 25,000). */
export const HISTORY_PAGE_SIZE = 25_000
/** The most runs one `runs/search` page is asked for. */
const RUNS_PAGE_SIZE = 1000
/** How many experiments one `runs/search` call names (MLflow accepts up to 100 experiment ids). */
const EXPERIMENTS_PER_SEARCH = 100
/** How many metric histories are fetched at the same time. */
const HISTORY_CONCURRENCY = 8

/** What reading a server needs besides the context: the commit under review and the HTTP knobs. */
export interface MlflowServerReadOptions extends MlflowHttpOptions {
  /** Which runs: those of a commit, or any (capped); required, since a server holds every commit's runs. */
  commit?: CommitFilter
}

/** An experiment as the server describes it. */
interface ServerExperiment {
  id: string
  name: string
}

/** Reads the runs of the selected experiments and of the commit under review from a tracking server. */
export async function readMlflowServer(
  target: MlflowServerTarget,
  ctx: ReadContext,
  options: MlflowServerReadOptions
): Promise<Run[]> {
  const report = (severity: Diagnostic['severity'], message: string, run?: string) =>
    ctx.diagnostics.push({ severity, file: target.display, message, ...(run ? { run } : {}) })
  try {
    const client = createMlflowHttpClient(target, options)
    const experiments = await selectExperiments(client, target, ctx, report)
    if (!experiments.length) return []
    if (!options.commit) {
      report(
        'error',
        'no commit was given to pick the runs of the review (the PR head in review, the pushed commit in promote, --commit SHA|HEAD|any on the command line); no runs were read'
      )
      return []
    }
    const records = await searchRuns(client, experiments, options.commit, report)
    const names = new Map(experiments.map(e => [e.id, e.name]))
    return await readRuns(client, target, records, names, report)
  } catch (e) {
    if (!(e instanceof MlflowServerError)) throw e
    report('error', e.message)
    return []
  }
}

/** The experiments selected on the server; an error listing the server's experiments when none or some are missing. */
async function selectExperiments(
  client: MlflowHttpClient,
  target: MlflowServerTarget,
  ctx: ReadContext,
  report: (severity: Diagnostic['severity'], message: string) => void
): Promise<ServerExperiment[]> {
  const patterns = ctx.selection.experiments
  if (!patterns.length) {
    const all = await listExperiments(client)
    report(
      'error',
      `a tracking server holds the runs of many projects: select the experiments to review with --experiment NAME (command line) or select.experiments in the rules file. Its experiments are ${listExperimentNames(all.map(e => e.name))}`
    )
    return []
  }
  let found: ServerExperiment[]
  let missing: string[]
  if (patterns.some(isGlob)) {
    const all = await listExperiments(client)
    const selected = experimentMatcher(ctx.selection)
    found = all.filter(e => selected(e.name))
    missing = unmatchedPatterns(
      ctx.selection,
      all.map(e => e.name)
    )
  } else {
    found = []
    missing = []
    for (const name of patterns) {
      const experiment = await getExperimentByName(client, name)
      if (experiment) found.push(experiment)
      else missing.push(name)
    }
  }
  if (missing.length) {
    const all = await listExperiments(client)
    report(
      found.length ? 'warning' : 'error',
      `has no active experiment matching ${missing.map(m => JSON.stringify(m)).join(', ')} (--experiment or select.experiments)${found.length ? '' : '; no runs were read'}. Its experiments are ${listExperimentNames(all.map(e => e.name))}`
    )
  }
  return found
}

/** Every active experiment of the server, page by page. */
async function listExperiments(client: MlflowHttpClient): Promise<ServerExperiment[]> {
  const out: ServerExperiment[] = []
  let pageToken: string | undefined
  do {
    const body = asObject(
      await client.post('experiments/search', {
        max_results: 1000,
        view_type: 'ACTIVE_ONLY',
        ...(pageToken ? { page_token: pageToken } : {})
      })
    )
    for (const e of asArray(body.experiments)) {
      const experiment = toExperiment(e)
      if (experiment) out.push(experiment)
    }
    pageToken = textOf(body.next_page_token)
  } while (pageToken)
  return out
}

/** One experiment by its exact name; undefined when the server has none (or only a deleted one). */
async function getExperimentByName(
  client: MlflowHttpClient,
  name: string
): Promise<ServerExperiment | undefined> {
  try {
    const body = asObject(await client.get('experiments/get-by-name', { experiment_name: name }))
    const e = asObject(body.experiment)
    return e.lifecycle_stage === 'deleted' ? undefined : toExperiment(e)
  } catch (e) {
    if (e instanceof MlflowServerError && e.status === 404) return undefined
    throw e
  }
}

function toExperiment(value: unknown): ServerExperiment | undefined {
  const e = asObject(value)
  const id = textOf(e.experiment_id)
  if (!id || e.lifecycle_stage === 'deleted') return undefined
  return { id, name: textOf(e.name) ?? id }
}

/** The active runs of the experiments and the commit, newest first, every page followed (capped for `any`). */
async function searchRuns(
  client: MlflowHttpClient,
  experiments: ServerExperiment[],
  commit: CommitFilter,
  report: (severity: Diagnostic['severity'], message: string) => void
): Promise<Record<string, unknown>[]> {
  // The commit is a hex string (checked where it is given), so it is safe inside the quotes of the filter.
  const filter = commit.kind === 'sha' ? `tags.\`mlflow.source.git.commit\` = '${commit.sha}'` : undefined
  const runs: Record<string, unknown>[] = []
  const cap = commit.kind === 'any' ? MAX_RUNS_ANY_COMMIT : Infinity
  for (let i = 0; i < experiments.length && runs.length <= cap; i += EXPERIMENTS_PER_SEARCH) {
    let pageToken: string | undefined
    do {
      const body = asObject(
        await client.post('runs/search', {
          experiment_ids: experiments.slice(i, i + EXPERIMENTS_PER_SEARCH).map(e => e.id),
          ...(filter ? { filter } : {}),
          run_view_type: 'ACTIVE_ONLY',
          max_results: Math.min(RUNS_PAGE_SIZE, cap === Infinity ? RUNS_PAGE_SIZE : cap + 1 - runs.length),
          order_by: ['attributes.start_time DESC'],
          ...(pageToken ? { page_token: pageToken } : {})
        })
      )
      for (const run of asArray(body.runs)) runs.push(asObject(run))
      pageToken = textOf(body.next_page_token)
    } while (pageToken && runs.length <= cap)
  }
  if (runs.length > cap) {
    runs.length = cap
    report(
      'warning',
      `the selected experiments have more than ${cap} runs; with --commit any the ${cap} latest were read. Name a commit (--commit SHA or HEAD) or select fewer experiments`
    )
  }
  if (!runs.length)
    report(
      'warning',
      commit.kind === 'sha'
        ? `has no active run of commit ${commit.sha.slice(0, 12)} (tag mlflow.source.git.commit) in ${listExperimentNames(experiments.map(e => e.name))}; were the runs logged with a git checkout of that commit?`
        : `has no active run in ${listExperimentNames(experiments.map(e => e.name))}`
    )
  return runs
}

/** Turns the runs/search records into Runs, fetching each metric's history. */
async function readRuns(
  client: MlflowHttpClient,
  target: MlflowServerTarget,
  records: Record<string, unknown>[],
  experimentNames: Map<string, string>,
  report: (severity: Diagnostic['severity'], message: string, run?: string) => void
): Promise<Run[]> {
  const idOf = (runId: string) => `mlflow-server:${target.display}#${runId}`
  const prepared = records.map(record => {
    const info = asObject(record.info)
    const data = asObject(record.data)
    const runId = textOf(info.run_id) ?? textOf(info.run_uuid) ?? ''
    const latest = new Map<string, number>()
    for (const m of asArray(data.metrics)) {
      const metric = asObject(m)
      const key = textOf(metric.key)
      const value = numberOf(metric.value)
      if (key !== undefined && value !== undefined) latest.set(key, value)
    }
    return { record, info, data, runId, latest }
  })
  // Every (run, metric) history, a few requests at a time.
  const jobs = prepared.flatMap(p => [...p.latest.keys()].map(key => ({ p, key })))
  const histories = new Map<string, Metric>()
  let next = 0
  const worker = async () => {
    while (next < jobs.length) {
      const { p, key } = jobs[next++]
      const metric = await readHistory(client, p.runId, key)
      if (metric) histories.set(`${p.runId}\0${key}`, metric)
    }
  }
  await Promise.all(Array.from({ length: Math.min(HISTORY_CONCURRENCY, jobs.length) }, worker))

  const runs: Run[] = []
  for (const { info, data, record, runId, latest } of prepared) {
    if (!runId) {
      report('warning', 'a run in the runs/search answer has no run_id; it was skipped')
      continue
    }
    const metrics: Record<string, Metric> = {}
    for (const [key, value] of latest) {
      // The latest value is MLflow's own answer (as latest_metrics in a SQLite store); the history is for the curve.
      const history = histories.get(`${runId}\0${key}`)
      metrics[key] = history ? { ...history, value } : { value }
    }
    const { run, unknownStatus } = buildMlflowRun({
      runId,
      id: idOf(runId),
      parentIdFor: idOf,
      path: target.display,
      source: 'mlflow-server',
      experimentName: experimentNames.get(textOf(info.experiment_id) ?? ''),
      recordName: textOf(info.run_name),
      status: info.status ?? 'RUNNING',
      startTime: numberOf(info.start_time),
      user: textOf(info.user_id),
      params: keyValues(data.params),
      tags: keyValues(data.tags),
      metrics,
      datasets: datasetsOf(asObject(record.inputs))
    })
    if (unknownStatus !== undefined)
      report(
        'warning',
        `run status is ${JSON.stringify(unknownStatus)}; expected RUNNING, SCHEDULED, FINISHED, FAILED or KILLED. The run is shown as finished`,
        runId
      )
    runs.push(run)
  }
  return runs
}

/** A metric's whole history, every page followed, thinned as the other readers thin it. */
async function readHistory(
  client: MlflowHttpClient,
  runId: string,
  key: string
): Promise<Metric | undefined> {
  const history = new HistoryBuilder({ final: 'mlflow' })
  let pageToken: string | undefined
  do {
    const body = asObject(
      await client.get('metrics/get-history', {
        run_id: runId,
        metric_key: key,
        max_results: HISTORY_PAGE_SIZE,
        page_token: pageToken
      })
    )
    for (const m of asArray(body.metrics)) {
      const point = pointOf(asObject(m))
      if (point) history.add(point.step, point.value, point.timestamp)
    }
    pageToken = textOf(body.next_page_token)
  } while (pageToken)
  const built = history.buildColumns()
  return built ? metricFromColumns(built) : undefined
}

function pointOf(metric: Record<string, unknown>): HistoryPoint | undefined {
  const value = numberOf(metric.value)
  if (value === undefined) return undefined
  const step = numberOf(metric.step) ?? 0
  const timestamp = numberOf(metric.timestamp)
  return timestamp === undefined ? { step, value } : { step, value, timestamp }
}

/** The dataset inputs of a run (`inputs.dataset_inputs`), with their `mlflow.data.context` tag. */
function datasetsOf(inputs: Record<string, unknown>): MlflowDataset[] {
  const out: MlflowDataset[] = []
  for (const i of asArray(inputs.dataset_inputs)) {
    const input = asObject(i)
    const dataset = asObject(input.dataset)
    const name = textOf(dataset.name)
    if (!name) continue
    const context = keyValues(input.tags).get('mlflow.data.context')
    out.push({ name, digest: textOf(dataset.digest) ?? '', ...(context ? { context } : {}) })
  }
  return out
}

/** `[{key, value}]` as a map (params, tags, input tags). */
function keyValues(list: unknown): Map<string, string> {
  const out = new Map<string, string>()
  for (const item of asArray(list)) {
    const { key, value } = asObject(item)
    if (typeof key === 'string' && key !== '')
      out.set(key, typeof value === 'string' ? value : String(value ?? ''))
  }
  return out
}

/**
 * A proto3-JSON number: a JSON number, or a string for int64 ("1712345678901") and for doubles that JSON cannot
 * hold ("NaN", "Infinity", "-Infinity"). MLflow's ±DBL_MAX (how SQL stores keep infinities) reads as ±Infinity.
 */
function numberOf(value: unknown): number | undefined {
  let n: number
  if (typeof value === 'number') n = value
  else if (typeof value === 'string' && value.trim() !== '') n = Number(value)
  else return undefined
  if (Number.isNaN(n) && !(typeof value === 'number' || /^\s*NaN\s*$/.test(String(value)))) return undefined
  if (n === Number.MAX_VALUE) return Infinity
  if (n === -Number.MAX_VALUE) return -Infinity
  return n
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value
  if (typeof value === 'number') return String(value)
  return undefined
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}
