// Which runs of a shared tracker store a review looks at: the experiments selected by `--experiment` (CLI) or
// `select.experiments` (rules file), and the commit under review for stores named by a tracking URI. Pure data and
// naming; the sources match it where they read (sources/experiment-match.ts: an MLflow server filters on the
// server, a file store skips folders). Later selectors (tags, groups, W&B projects) belong here beside `experiments`.

/** What the user selected among the experiments of shared stores. Empty lists select everything. */
export interface RunSelection {
  /** Experiment names or globs (`churn-*`, `team/**`); a run is kept when its experiment matches any. */
  experiments: string[]
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
