// Keeping the runs a selection names (`--experiment`, `select` in the rules file) and counting what was left out.
// How a pattern matches is passed in: experiment-match.ts's picomatch globs for a selection that names any, and
// `everyValue` for one that names none, so that reading every run loads no glob matcher.
import type { Run } from '../core/run.js'
import { experimentOf, type RunSelection, type SelectionOutcome } from '../core/selection.js'

/** Turns a list of patterns into a predicate that is true for every value when the list is empty or absent. */
export type PatternsMatcher = (patterns: string[] | undefined) => (value: string | undefined) => boolean

/** The matcher of a selection that names no pattern: every value matches. */
export const everyValue: PatternsMatcher = () => () => true

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
  patternsMatcher: PatternsMatcher,
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
