// Weights & Biases local run folders: `wandb/run-*`, `wandb/offline-run-*` and the pre-0.10 layout (files
// directly in the run folder). Reads wandb-summary.json, config.yaml, wandb-metadata.json, requirements.txt,
// wandb-history.jsonl, and the binary run log `run-<id>.wandb` (LevelDB-style log of protobuf Records), which is
// all an offline run may leave. The log is streamed block by block, never read whole (wandb-log.ts frames it,
// wandb-records.ts decodes its records, wandb-history.ts builds the metric series).
import path from 'node:path'
import {
  flattenParams,
  makeRun,
  type Metric,
  type Run,
  type RunMetadata,
  type RunStatus
} from '../core/run.js'
import type { DiagnosticPlace, ReadContext } from './context.js'
import { plainJson } from './json.js'
import { claimWandb, isWandbRunLog, WANDB_RUN_DIR } from './claims.js'
import type { RunSource } from './source.js'
import { isRecord } from './structured.js'
import { numericLeaves, readHistoryJsonl, SeriesBuilder, type NestedObject } from './wandb-history.js'
import { readRunLog, type LogContents } from './wandb-records.js'

/** Reads W&B run folders: a `wandb` directory (every run in it) or one run folder given explicitly. */
export const wandbSource: RunSource = {
  format: 'wandb',
  claim: claimWandb,
  async read(claimPath: string, ctx: ReadContext): Promise<Run[]> {
    if (WANDB_RUN_DIR.test(path.basename(claimPath)) && path.basename(claimPath) !== 'wandb') {
      const run = await readWandbRun(claimPath, ctx)
      return run ? [run] : []
    }
    // `latest-run` and other symbolic links to run folders are not listed (ctx.list leaves out linked folders),
    // so a run is read once; `debug.log`, `settings` and the like are files and ignored here.
    const { dirs } = await ctx.list(claimPath)
    const runs: Run[] = []
    for (const dir of dirs.filter(d => WANDB_RUN_DIR.test(d))) {
      const run = await readWandbRun(path.join(claimPath, dir), ctx)
      if (run) runs.push(run)
    }
    return runs
  }
}

/** The files of one run folder: from `files/` (current layout) or the run folder itself (pre-0.10 layout). */
interface RunFiles {
  /** True for the pre-0.10 layout (no `files/` folder). */
  legacy: boolean
  /** The binary run log `run-<id>.wandb`. */
  log?: string
  summary?: string
  config?: string
  metadata?: string
  requirements?: string
  history?: string
  description?: string
}

/** What a run's metadata and status come to. */
type RunFacts = Partial<RunMetadata> & { environment: Record<string, string>; tags: string[] } & {
  status: RunStatus
  statusReason?: string
}

/** Reads one run folder (any layout); undefined with a warning when it holds nothing a run is made of. */
export async function readWandbRun(dir: string, ctx: ReadContext): Promise<Run | undefined> {
  const folder = path.basename(dir)
  const runId = WANDB_RUN_DIR.exec(folder)?.[1] ?? folder
  const place = { run: folder }
  const files = await findRunFiles(dir, ctx)
  if (!files.log && !files.summary && !files.config && !files.metadata && !files.history) {
    ctx.warn(
      dir,
      `W&B run folder has no run-${runId}.wandb, wandb-summary.json, config.yaml, wandb-metadata.json or wandb-history.jsonl; it was skipped`,
      place
    )
    return undefined
  }

  const series = new SeriesBuilder()
  const log = files.log ? await readRunLog(files.log, folder, series, ctx) : undefined
  const summary = await readSummary(files.summary, log, place, ctx)
  if (files.history && !series.size) await readHistoryJsonl(files.history, folder, series, ctx)

  const metrics: Record<string, Metric> = {}
  for (const [key, { value: last, history }] of series.entries()) {
    const value = summary.get(key) ?? last
    metrics[key] = { value, history }
  }
  for (const [key, value] of summary) if (!metrics[key]) metrics[key] = { value }
  const params = await readParams(files.config, log, place, ctx)

  const facts: RunFacts = { environment: {}, tags: [], status: 'finished' }
  if (files.metadata) await readMetadataFile(files.metadata, files.legacy, facts, place, ctx)
  if (log) applyLogFacts(log, folder, facts)
  if (files.requirements) await readRequirements(files.requirements, folder, facts.environment, ctx)
  if (files.description) {
    const description = (await ctx.readText(files.description, place))?.trim()
    if (description) facts.description = description
  }
  const { status, statusReason, ...metadata } = facts

  return makeRun({
    id: `wandb:${ctx.rel(dir)}`,
    name: log?.run.name || runId,
    source: 'wandb',
    path: ctx.rel(dir),
    params,
    metrics,
    metadata: { ...metadata, status, ...(statusReason ? { statusReason } : {}) } as RunMetadata
  })
}

/** Finds the run files of a folder in either layout. */
async function findRunFiles(dir: string, ctx: ReadContext): Promise<RunFiles> {
  const top = await ctx.list(dir)
  const sub = top.dirs.includes('files') ? await ctx.list(path.join(dir, 'files')) : { files: [], dirs: [] }
  const find = (name: string): string | undefined =>
    sub.files.includes(name)
      ? path.join(dir, 'files', name)
      : top.files.includes(name)
        ? path.join(dir, name)
        : undefined
  const logFile = top.files.find(isWandbRunLog)
  return {
    legacy: !top.dirs.includes('files'),
    log: logFile ? path.join(dir, logFile) : undefined,
    summary: find('wandb-summary.json'),
    config: find('config.yaml'),
    metadata: find('wandb-metadata.json'),
    requirements: find('requirements.txt'),
    history: find('wandb-history.jsonl'),
    description: find('description.md')
  }
}

/** The summary's numbers: the log's, overridden by wandb-summary.json (which may only hold `_wandb.runtime`). */
async function readSummary(
  file: string | undefined,
  log: LogContents | undefined,
  place: DiagnosticPlace,
  ctx: ReadContext
): Promise<Map<string, number>> {
  const summary = new Map<string, number>()
  if (log) numericLeaves(log.summary, '', (k, v) => summary.set(k, v))
  if (file) {
    const raw = await ctx.readJson(file, place)
    if (raw !== undefined) {
      if (isRecord(raw)) numericLeaves(plainJson(raw) as NestedObject, '', (k, v) => summary.set(k, v))
      else ctx.error(file, `must hold a JSON object of summary values, found ${typeof raw}`, place)
    }
  }
  return summary
}

/** The run's params: config.yaml when present, otherwise what the log recorded. */
async function readParams(
  file: string | undefined,
  log: LogContents | undefined,
  place: DiagnosticPlace,
  ctx: ReadContext
): Promise<Run['params']> {
  if (file) {
    const raw = await ctx.readYaml(file, place)
    if (isRecord(raw)) return flattenParams(unwrapConfig(raw))
    if (raw !== undefined && raw !== null)
      ctx.error(file, 'must be a YAML mapping of config keys to {value: …}', place)
    return {}
  }
  if (!log) return {}
  const config = { ...log.config }
  delete config._wandb
  return flattenParams(config)
}

/** Reads wandb-metadata.json: git commit, environment, start time, and the status of the pre-0.10 layout. */
async function readMetadataFile(
  file: string,
  legacy: boolean,
  facts: RunFacts,
  place: DiagnosticPlace,
  ctx: ReadContext
): Promise<void> {
  const raw = await ctx.readJson(file, place)
  if (!isRecord(raw)) {
    if (raw !== undefined) ctx.error(file, 'must hold a JSON object (os, python, host, git …)', place)
    return
  }
  const m = plainJson(raw) as NestedObject
  const git = isRecord(m.git) ? m.git : {}
  facts.gitCommit = text(git.commit)
  for (const key of ['python', 'host', 'os', 'gpu', 'cuda']) setEnv(facts.environment, key, text(m[key]))
  facts.startedAt = isoTime(text(m.startedAt))
  // Only the pre-0.10 layout updates state and exitcode at the end; later versions leave "running".
  const exitcode = typeof m.exitcode === 'number' ? m.exitcode : undefined
  if (exitcode !== undefined) {
    facts.status = exitcode === 0 ? 'finished' : 'failed'
    if (exitcode !== 0) facts.statusReason = `exit code ${exitcode}`
  } else if (legacy && m.state === 'running') {
    facts.status = 'running'
    facts.statusReason = 'wandb-metadata.json says "running" and records no exit code'
  }
}

/** Adds what the run log knows (metadata wins where both have a value) and the status from its exit record. */
function applyLogFacts(log: LogContents, folder: string, facts: RunFacts): void {
  const env = log.environment
  facts.gitCommit ??= env.gitCommit ?? log.run.gitCommit
  setEnv(facts.environment, 'python', env.python ?? log.run.python)
  setEnv(facts.environment, 'host', env.host ?? log.run.host)
  setEnv(facts.environment, 'os', env.os)
  facts.startedAt ??= log.run.startedAt ?? env.startedAt
  if (log.run.group) facts.group = log.run.group
  if (log.run.project) facts.experiment = log.run.project
  if (log.run.notes) facts.notes = log.run.notes
  if (log.run.tags.length) facts.tags = log.run.tags
  if (log.run.entity && log.run.project && log.run.id && !folder.startsWith('offline-')) {
    facts.url = `https://wandb.ai/${encodeURIComponent(log.run.entity)}/${encodeURIComponent(log.run.project)}/runs/${encodeURIComponent(log.run.id)}`
  }
  if (log.exit) {
    facts.status = log.exit.code === 0 ? 'finished' : 'failed'
    facts.statusReason = log.exit.code === 0 ? undefined : `exit code ${log.exit.code}`
  } else if (!log.failed) {
    facts.status = log.truncated ? 'killed' : 'running'
    facts.statusReason = log.truncated
      ? 'the run log ends in the middle of a record and has no exit record (the process was killed)'
      : 'the run log has no exit record (still running, or stopped without finishing)'
  }
}

/** Drops `_wandb` and `wandb_version`, and unwraps `{desc: null, value: …}` entries of a config.yaml. */
function unwrapConfig(raw: NestedObject): NestedObject {
  const out: NestedObject = {}
  for (const [key, value] of Object.entries(raw)) {
    if (key === '_wandb' || key === 'wandb_version') continue
    const wrapped =
      isRecord(value) && 'value' in value && Object.keys(value).every(k => k === 'value' || k === 'desc')
    out[key] = wrapped ? value.value : value
  }
  return out
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim()
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined
}

function setEnv(env: Record<string, string>, key: string, value: string | undefined): void {
  if (value === undefined || env[key] !== undefined) return
  env[key] = key === 'python' ? value.replace(/^CPython /, '') : value
}

/** W&B writes local times without a zone but means UTC; adds the `Z`. */
function isoTime(value: string | undefined): string | undefined {
  if (!value) return undefined
  return /^\d{4}-\d\d-\d\dT[\d:.]+$/.test(value) ? `${value}Z` : value
}

/** Reads requirements.txt into `packages.<name>` = version (or the requirement text) in the environment. */
async function readRequirements(
  file: string,
  run: string,
  env: Record<string, string>,
  ctx: ReadContext
): Promise<void> {
  const content = await ctx.readText(file, { run })
  if (content === undefined) return
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith('-')) continue
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:(===?|~=|>=|<=|@)\s*(.+))?$/.exec(line)
    if (!m) continue
    env[`packages.${m[1].toLowerCase()}`] = m[3]?.trim() ?? ''
  }
}
