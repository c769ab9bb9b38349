// The run model every source produces and every other layer consumes. Pure types and helpers.
import type { SelectionOutcome } from './selection.js'

/** The formats a run can be read from. */
export type SourceFormat =
  | 'builtin'
  | 'mlflow'
  | 'mlflow-sqlite'
  | 'mlflow-server'
  | 'wandb'
  | 'dvc'
  | 'tensorboard'
  | 'huggingface'
  | 'csv'
  | 'baseline'

/** One point of a metric's history. */
export interface HistoryPoint {
  step: number
  value: number
  /** Milliseconds since the epoch, when the tracker logged it. */
  timestamp?: number
}

/** A metric of a run: its final value, optionally its history. Non-finite values are kept as such. */
export interface Metric {
  value: number
  /** The exact decimal text when `value` could not hold it without rounding (e.g. 2^63 - 1). */
  exact?: string
  /** By step, thinned to ≤ MAX_HISTORY_POINTS (500; ends kept); `value` is from the full series. */
  history?: HistoryPoint[]
  /** How many points the full history had, when `history` was thinned. */
  historyPoints?: number
}

/** A hyperparameter value as logged; nested objects are flattened to dotted keys by the sources. */
export type ParamValue = string | number | boolean | null

/** How a run ended. `failed` runs are shown and never promoted. */
export type RunStatus = 'finished' | 'failed' | 'running' | 'killed'

/** What a run says about itself besides params and metrics. Every string here is untrusted. */
export interface RunMetadata {
  description?: string
  tags: string[]
  gitCommit?: string
  dataVersion?: string
  /** Name of the evaluation set, when the tracker records one; a change is not like for like. */
  evalSet?: string
  author?: string
  status: RunStatus
  /** Why a run failed or was killed, when known. */
  statusReason?: string
  notes?: string
  /**
   * The experiment or project the run was logged under in a shared store: the MLflow experiment's name, the W&B
   * project. Selected by `--experiment` and `select.experiments` (TensorBoard and CSV runs by their folder).
   */
  experiment?: string
  /** Runs sharing a group (seeds, folds) are one experiment with samples. */
  group?: string
  seed?: number
  /** The id of a parent run (MLflow nested runs); children belong to the parent's experiment. */
  parentId?: string
  /** Environment facts: python, platform, host, packages … */
  environment: Record<string, string>
  hypothesis?: string
  successCriteria?: string
  /** ISO-8601 start time, when known. */
  startedAt?: string
  /** A link to the run in its tracker, when one is known. Untrusted: shown as text only. */
  url?: string
}

/** One experiment run read from disk. */
export interface Run {
  /** Unique within one collection: the format and the path it was read from. */
  id: string
  /** Display name (untrusted). */
  name: string
  source: SourceFormat
  /** Where the run was read from, relative to the workspace. */
  path: string
  params: Record<string, ParamValue>
  metrics: Record<string, Metric>
  metadata: RunMetadata
  /**
   * What of this run could not be read: the errors met in its files (a file that is not valid JSON, binary data, a
   * link out of the roots, a metric that is not a number …). Absent when every file was read.
   */
  readErrors?: Diagnostic[]
}

/**
 * Whether a run's unreadable parts may have held `metric`: the run does not report it, and a whole file of the run
 * (or that metric's key) could not be read. A run that reports the metric has its evidence for it.
 */
export function mayHaveHeld(run: Run, metric: string): boolean {
  if (!run.readErrors?.length || Object.hasOwn(run.metrics, metric)) return false
  return run.readErrors.some(d => d.key === undefined || d.key === metric)
}

/** A problem met while reading or checking input; the review goes on without the bad part. */
export interface Diagnostic {
  severity: 'error' | 'warning'
  /** The file the problem is in, relative to the workspace where possible. */
  file: string
  /** The run the problem belongs to, when one is known. */
  run?: string
  /** The key, column or field concerned. */
  key?: string
  line?: number
  column?: number
  message: string
}

/** Runs read from a workspace, with everything that could not be read. */
export interface Collection {
  runs: Run[]
  diagnostics: Diagnostic[]
  /** Where runs were looked for: the runs paths and globs given, or the workspace when runs were auto-detected. */
  searched?: string[]
  /** Runs paths given explicitly that do not exist (a typo, or a step that did not write them). */
  missing?: string[]
  /** What the selection (`--experiment`, rules-file `select`) left out, and the experiments the runs came from. */
  selection?: SelectionOutcome
}

/** An empty metadata record with the defaults every source starts from. */
export function emptyMetadata(): RunMetadata {
  return { tags: [], status: 'finished', environment: {} }
}

/** Builds a run with empty params, metrics and metadata filled in. */
export function makeRun(fields: Pick<Run, 'id' | 'name' | 'source' | 'path'> & Partial<Run>): Run {
  return {
    params: {},
    metrics: {},
    ...fields,
    metadata: { ...emptyMetadata(), ...(fields.metadata ?? {}) }
  }
}

/** A diagnostic's location as `file:line:column (run, key)` for logs and messages. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.line !== undefined ? d.column : undefined]
    .filter(x => x !== undefined)
    .join(':')
  const context = [d.run && `run ${JSON.stringify(d.run)}`, d.key && `key ${JSON.stringify(d.key)}`]
    .filter(Boolean)
    .join(', ')
  return `${where}${context ? ` (${context})` : ''}: ${d.message}`
}

/** Flattens nested objects into dotted keys (`{a: {b: 1}}` → `{'a.b': 1}`); arrays become JSON text. */
export function flattenParams(
  value: unknown,
  prefix = '',
  out: Record<string, ParamValue> = {},
  depth = 0
): Record<string, ParamValue> {
  if (value === null || typeof value !== 'object') {
    if (prefix) out[prefix] = toParamValue(value)
    return out
  }
  if (Array.isArray(value) || depth > 32) {
    if (prefix) out[prefix] = safeJson(value)
    return out
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    flattenParams(v, prefix ? `${prefix}.${k}` : k, out, depth + 1)
  }
  return out
}

/** Turns any logged value into a ParamValue without losing its text. */
export function toParamValue(value: unknown): ParamValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return value.toString()
  return safeJson(value)
}

/** The canonical text of a param value, used to tell whether two values differ. */
export function paramText(value: ParamValue | undefined): string {
  if (value === undefined) return ''
  if (value === null) return 'null'
  return String(value)
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
