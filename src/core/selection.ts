// Which runs of a shared tracker store a review looks at: the experiments selected by `--experiment` (CLI) or
// `select.experiments` (rules file), the tags and groups of `select`, and the commit under review for stores named
// by a tracking URI. Pure data and naming; the sources match it where they read (sources/experiment-match.ts: an
// MLflow server filters on the server, a file store skips folders, tags and groups are matched on the runs read).

import type { Run } from './run.js'

/** What the user selected among the runs of shared stores. Empty or absent lists select everything. */
export interface RunSelection {
  /**
   * Experiment names or globs (`churn-*`, `team/**`); a run is kept when its experiment matches any: the MLflow
   * experiment, the W&B project, the folder of a TensorBoard or CSV run.
   */
  experiments: string[]
  /**
   * Tags or globs (`sweep-*`, `release.version=2`); a run is kept when one of its tags matches any. MLflow's
   * key-value tags match by `key=value` or by their key alone.
   */
  tags?: string[]
  /** Group names or globs (W&B groups, `group` of the built-in metadata or MLflow tags); a run's group must match one. */
  groups?: string[]
}

/** What a selection left out of a review, and which experiments the reviewed runs came from. */
export interface SelectionOutcome {
  /** Runs read or counted in the stores but not selected. */
  leftOut: number
  /** Experiments (MLflow experiments, W&B projects) whose runs were all left out, sorted. */
  leftOutExperiments: string[]
  /** Experiments the reviewed runs came from, sorted (runs with no experiment are not counted). */
  experiments: string[]
}

/** True when the selection names anything (experiments, tags or groups). */
export function isSelective(selection: RunSelection): boolean {
  return !!(selection.experiments.length || selection.tags?.length || selection.groups?.length)
}

/** Which runs of a store named by a tracking URI belong to the review, by their `mlflow.source.git.commit` tag. */
export type CommitFilter =
  /** Runs logged from this commit (the PR head in review, the pushed commit in promote, `--commit SHA`). */
  | { kind: 'sha'; sha: string }
  /** Every run of the selected experiments, up to a cap, with a warning. */
  | { kind: 'any' }

/** The selection of nothing in particular: every experiment. */
export function selectAll(): RunSelection {
  return { experiments: [] }
}

/** A short list of experiment names for a message: sorted, at most `max` shown, the rest counted. */
export function listExperimentNames(names: Iterable<string>, max = 20): string {
  const sorted = [...new Set(names)].sort()
  if (!sorted.length) return '(none)'
  const shown = sorted.slice(0, max).map(n => JSON.stringify(n))
  return sorted.length > max ? `${shown.join(', ')} and ${sorted.length - max} more` : shown.join(', ')
}

/**
 * The experiment a run is selected by: its store's experiment or project (MLflow, W&B), else the folder of a
 * TensorBoard or CSV run (`runs/exp1` for `runs/exp1/version_0`); undefined for formats without experiments
 * (built-in, DVC, Hugging Face), which `experiments` does not filter.
 */
export function experimentOf(run: Run): string | undefined {
  if (run.metadata.experiment !== undefined) return run.metadata.experiment
  if (run.source !== 'tensorboard' && run.source !== 'csv') return undefined
  const cut = run.path.lastIndexOf('/')
  return cut > 0 ? run.path.slice(0, cut) : '.'
}
