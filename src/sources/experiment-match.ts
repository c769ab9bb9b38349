// Matching experiment names against the selection (`--experiment`, `select.experiments`): names or globs as
// picomatch reads them (`*` within a `/`-separated segment, `**` across them, `{a,b}`, `[abc]`).
import picomatch from 'picomatch'
import type { RunSelection } from '../core/selection.js'
import type { PatternsMatcher } from './run-selection.js'

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
export const patternsMatcher: PatternsMatcher = patterns => {
  if (!patterns?.length) return () => true
  const tests = patterns.map(p => picomatch(p, { dot: true }))
  return value => value !== undefined && tests.some(test => test(value))
}
