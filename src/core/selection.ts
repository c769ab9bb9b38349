// Which runs of a shared tracker store a review looks at: the experiments selected by `--experiment` (CLI) or
// `select.experiments` (rules file), and the commit under review for stores named by a tracking URI. Pure data and
// matching; each source applies it where it reads (an MLflow server filters on the server, a file store skips
// folders). Later selectors (tags, groups, W&B projects) belong here beside `experiments`.
import picomatch from 'picomatch'

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

/** True when a glob character appears in the pattern, so it is not a plain experiment name. */
export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob
}

/** A predicate for experiment names: true for every name when nothing is selected. */
export function experimentMatcher(
  selection: RunSelection | undefined
): (name: string | undefined) => boolean {
  const patterns = selection?.experiments ?? []
  if (!patterns.length) return () => true
  const tests = patterns.map(p => picomatch(p, { dot: true }))
  return name => name !== undefined && tests.some(test => test(name))
}

/** The selected patterns that match none of the given experiment names (to name them in a warning). */
export function unmatchedPatterns(selection: RunSelection | undefined, names: Iterable<string>): string[] {
  const all = [...names]
  return (selection?.experiments ?? []).filter(p => {
    const test = picomatch(p, { dot: true })
    return !all.some(name => test(name))
  })
}

/** A short list of experiment names for a message: sorted, at most `max` shown, the rest counted. */
export function listExperimentNames(names: Iterable<string>, max = 20): string {
  const sorted = [...new Set(names)].sort()
  if (!sorted.length) return '(none)'
  const shown = sorted.slice(0, max).map(n => JSON.stringify(n))
  return sorted.length > max ? `${shown.join(', ')} and ${sorted.length - max} more` : shown.join(', ')
}
