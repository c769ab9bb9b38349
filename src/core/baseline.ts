// The baseline file (.experiments/baseline.json): a versioned record of the champion on the default branch and
// the history of earlier champions. Pure: text in, data out.
import type { RecordedImage } from './artifacts.js'
import type { ConfusionMatrix } from './confusion.js'
import type { Experiment, MetricStat } from './experiment.js'
import { DEFAULT_BASELINE_PATH } from './conventions.js'
import { makeExperiment } from './experiment.js'
import { emptyMetadata, makeRun, type ParamValue, type RunMetadata, type RunStatus } from './run.js'

/** The baseline file's schema version this code writes; it reads this and older ones. */
export const BASELINE_VERSION = 1

/** A regression a reviewer accepted with `/experiments accept`. */
export interface AcceptedRegression {
  metric: string
  reason: string
  by: string
  /** ISO-8601 time. */
  at: string
}

/** One run of a PR as the living docs list it. */
export interface RunSummary {
  name: string
  status: RunStatus
  statusReason?: string
  metrics: Record<string, number>
  chosen?: boolean
}

/** A champion as the baseline keeps it. */
export interface BaselineRecord {
  name: string
  params: Record<string, ParamValue>
  metrics: Record<string, MetricStat>
  metadata: RunMetadata
  /** Names of the runs behind it (several for seeds or folds). */
  runs: string[]
  /** The merged pull request: number, title, link and who opened it. */
  pr?: { number: number; title?: string; url?: string; author?: string }
  /** The merge commit on the default branch. */
  commit?: string
  /** ISO-8601 date of the merge. */
  date?: string
  mergedBy?: string
  /** Why it was chosen, in words. */
  reason?: string
  acceptedRegressions?: AcceptedRegression[]
  /** Every run of the PR that promoted it, best first. */
  experiments?: RunSummary[]
  primary?: string
  /** False for a merged PR whose best run did not replace the champion (kept in history for its experiments). */
  promoted?: boolean
  /** The champion's images (on the assets branch) and confusion matrices, for the next reviews to show beside theirs. */
  plots?: RecordedPlots
}

/** What a baseline keeps of its champion's plots. */
export interface RecordedPlots {
  /** The run the plots are from. */
  run: string
  /** The branch the images were committed to. */
  branch?: string
  images: RecordedImage[]
  confusion: ConfusionMatrix[]
}

/** The baseline file. */
export interface BaselineFile {
  schema: 'experiment-review/baseline'
  version: number
  id: string
  champion: BaselineRecord
  /** Earlier champions, newest first. */
  history: BaselineRecord[]
}

/** A baseline file that cannot be used, with what to do. */
export class BaselineError extends Error {
  constructor(
    readonly file: string,
    message: string
  ) {
    super(`${file}: ${message}`)
    this.name = 'BaselineError'
  }
}

const HISTORY_POINTS_KEPT = 1000

/** Serialises a baseline file; non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity". */
export function serializeBaseline(file: BaselineFile): string {
  const trimmed: BaselineFile = {
    ...file,
    champion: trimHistories(file.champion),
    history: file.history.map(stripCurves)
  }
  return `${JSON.stringify(trimmed, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`
}

/**
 * The champion of a baseline file read for review id `id`; BaselineError when the file names another id (a file that
 * names none, from an early version, is taken as it is).
 */
export function championOfId(file: BaselineFile, id: string, where: string): BaselineRecord {
  if (file.id && file.id !== id)
    throw new BaselineError(
      where,
      `belongs to review id "${file.id}", not "${id}"; ids never share a baseline: give each id its own baseline file (by default .experiments/<id>/baseline.json)`
    )
  return file.champion
}

/** The texts a review id's baseline is read from: its own file's and, for the migration, the legacy shared file's. */
export interface BaselineTexts {
  /** The id's baseline path and its text (undefined when the file does not exist). */
  path: string
  text?: string
  /** The legacy shared path (see `legacyBaselinePath`) and its text, when the own file does not exist. */
  legacyPath?: string
  legacyText?: string
}

/** The baseline file of an id, where it was read, and whether it came from the legacy shared path. */
export interface BaselineOfId {
  file?: BaselineFile
  from: string
  /** Set when read from the legacy shared path: the file to move it to. */
  legacy?: { from: string; to: string }
}

/**
 * Picks and parses the baseline of review id `id`: its own file; else the legacy shared file when that holds this
 * id (another id's, or an unreadable one, is not this id's and is left alone); else none. Throws BaselineError for an
 * own file that cannot be used or that belongs to another id.
 */
export function baselineOfId(texts: BaselineTexts, id: string): BaselineOfId {
  if (texts.text !== undefined) {
    const file = parseBaseline(texts.text, texts.path)
    championOfId(file, id, texts.path)
    return { file, from: texts.path }
  }
  if (texts.legacyPath !== undefined && texts.legacyText !== undefined) {
    let legacy: BaselineFile | undefined
    try {
      legacy = parseBaseline(texts.legacyText, texts.legacyPath)
    } catch {
      legacy = undefined
    }
    if (legacy?.id === id)
      return { file: legacy, from: texts.legacyPath, legacy: { from: texts.legacyPath, to: texts.path } }
  }
  return { from: texts.path }
}

/** Parses a baseline file; throws BaselineError for bad JSON, another schema, or a future version. */
export function parseBaseline(text: string, file: string): BaselineFile {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new BaselineError(
      file,
      `is not valid JSON (${(e as Error).message}); restore it from git history or delete it to start over`
    )
  }
  if (!raw || typeof raw !== 'object' || (raw as BaselineFile).schema !== 'experiment-review/baseline') {
    throw new BaselineError(
      file,
      'is not an Experiment Review baseline (no "schema": "experiment-review/baseline"); point the baseline input at the right file'
    )
  }
  const b = raw as BaselineFile
  if (typeof b.version !== 'number' || b.version > BASELINE_VERSION) {
    throw new BaselineError(
      file,
      `has version ${JSON.stringify(b.version)}, newer than this Experiment Review understands (${BASELINE_VERSION}); upgrade the action`
    )
  }
  if (
    !b.champion ||
    typeof b.champion !== 'object' ||
    typeof b.champion.name !== 'string' ||
    !b.champion.metrics
  ) {
    throw new BaselineError(file, 'has no valid "champion" (name and metrics); restore it from git history')
  }
  return {
    ...b,
    champion: reviveRecord(b.champion),
    history: Array.isArray(b.history) ? b.history.map(reviveRecord) : []
  }
}

/** The baseline's champion as an experiment, ready to compare. */
export function baselineExperiment(record: BaselineRecord): Experiment {
  const run = makeRun({
    id: `baseline:${record.name}`,
    name: record.name,
    source: 'baseline',
    path: DEFAULT_BASELINE_PATH,
    params: record.params,
    metrics: Object.fromEntries(
      Object.entries(record.metrics).map(([k, m]) => [
        k,
        { value: m.value, ...(m.history ? { history: m.history } : {}) }
      ])
    ),
    metadata: record.metadata
  })
  const experiment = makeExperiment(record.name, [run])
  experiment.metrics = record.metrics
  return experiment
}

/** Makes a baseline record from a chosen experiment. */
export function recordFromExperiment(
  experiment: Experiment,
  extra: Partial<BaselineRecord> = {}
): BaselineRecord {
  return {
    name: experiment.name,
    params: experiment.lead.params,
    metrics: experiment.metrics,
    metadata: experiment.lead.metadata,
    runs: experiment.runs.map(r => r.name),
    ...extra
  }
}

function reviveNumber(v: unknown): number {
  if (typeof v === 'number') return v
  if (v === 'NaN') return NaN
  if (v === 'Infinity') return Infinity
  if (v === '-Infinity') return -Infinity
  return Number(v)
}

function reviveRecord(r: BaselineRecord): BaselineRecord {
  const metrics: Record<string, MetricStat> = {}
  for (const [k, m] of Object.entries(r.metrics ?? {})) {
    const samples = Array.isArray(m.samples) ? m.samples.map(reviveNumber) : [reviveNumber(m.value)]
    metrics[k] = { ...m, value: reviveNumber(m.value), samples, n: m.n ?? samples.length }
  }
  return {
    ...r,
    params: r.params ?? {},
    metadata: { ...emptyMetadata(), ...(r.metadata as Partial<RunMetadata> | undefined) },
    metrics,
    runs: r.runs ?? [r.name]
  }
}

function trimHistories(r: BaselineRecord): BaselineRecord {
  const metrics: Record<string, MetricStat> = {}
  for (const [k, m] of Object.entries(r.metrics)) {
    metrics[k] =
      m.history && m.history.length > HISTORY_POINTS_KEPT
        ? { ...m, history: thin(m.history, HISTORY_POINTS_KEPT) }
        : m
  }
  return { ...r, metrics }
}

function stripCurves(r: BaselineRecord): BaselineRecord {
  const metrics: Record<string, MetricStat> = {}
  for (const [k, m] of Object.entries(r.metrics)) {
    const { history: _history, ...rest } = m
    metrics[k] = rest
  }
  return { ...r, metrics }
}

/** Keeps at most `max` points of a series, evenly spaced, always keeping the last. */
export function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points
  const out: T[] = []
  const stride = (points.length - 1) / (max - 1)
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * stride)])
  return out
}
