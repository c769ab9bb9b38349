// Matching experiment names against the selection (`--experiment`, `select.experiments`): names or globs as
// picomatch reads them (`*` within a `/`-separated segment, `**` across them, `{a,b}`, `[abc]`).
import picomatch from 'picomatch'
import type { Run } from '../core/run.js'
import { experimentOf, type RunSelection, type SelectionOutcome } from '../core/selection.js'

/** True when a glob character appears in the pattern, so it is not a plain experiment name. */
export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob
}

/** A predicate for experiment names: true for every name when nothing is selected. */
export function experimentMatcher(
  selection: RunSelection | undefined
): (name: string | undefined) => boolean {
  return patternsMatcher(selection?.experiments)
}

/** The selected patterns that match none of the given experiment names (to name them in a warning). */
export function unmatchedPatterns(selection: RunSelection | undefined, names: Iterable<string>): string[] {
  const all = [...names]
  return (selection?.experiments ?? []).filter(p => {
    const test = picomatch(p, { dot: true })
    return !all.some(name => test(name))
  })
}

/** A predicate for a list of patterns: true for every value when the list is empty or absent. */
function patternsMatcher(patterns: string[] | undefined): (value: string | undefined) => boolean {
  if (!patterns?.length) return () => true
  const tests = patterns.map(p => picomatch(p, { dot: true }))
  return value => value !== undefined && tests.some(test => test(value))
}

/** The key of a `key=value` tag (MLflow's tags are read so), or the tag itself. */
function tagKey(tag: string): string {
  const cut = tag.indexOf('=')
  return cut > 0 ? tag.slice(0, cut) : tag
}

/**
 * Keeps the runs the selection names: their experiment (see experimentOf; formats without experiments are kept),
 * one of their tags (a `key=value` tag also by its key), and their group must each match when that part is given. `storeLeftOut` holds the runs the
 * stores did not read because their experiment was not selected, by experiment. Returns the runs kept and what
 * was left out, with the experiments the kept runs came from.
 */
export function selectRuns(
  runs: Run[],
  selection: RunSelection,
  storeLeftOut: ReadonlyMap<string, number> = new Map()
): { runs: Run[]; outcome: SelectionOutcome } {
  const experiment = patternsMatcher(selection.experiments)
  const tag = patternsMatcher(selection.tags)
  const group = patternsMatcher(selection.groups)
  const kept: Run[] = []
  const dropped = new Map<string, number>(storeLeftOut)
  let leftOut = [...storeLeftOut.values()].reduce((a, b) => a + b, 0)
  for (const run of runs) {
    const from = experimentOf(run)
    const selected =
      (from === undefined || experiment(from)) &&
      (!selection.tags?.length || run.metadata.tags.some(t => tag(t) || tag(tagKey(t)))) &&
      group(run.metadata.group)
    if (selected) {
      kept.push(run)
      continue
    }
    leftOut++
    if (run.metadata.experiment !== undefined)
      dropped.set(run.metadata.experiment, (dropped.get(run.metadata.experiment) ?? 0) + 1)
  }
  const experiments = new Set(
    kept.map(r => r.metadata.experiment).filter((e): e is string => e !== undefined)
  )
  return {
    runs: kept,
    outcome: {
      leftOut,
      leftOutExperiments: [...dropped.keys()].filter(e => !experiments.has(e)).sort(),
      experiments: [...experiments].sort()
    }
  }
}
