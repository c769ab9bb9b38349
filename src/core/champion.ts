// Ranking experiments on the primary metric and choosing the champion. Failed experiments never win.
import type { Experiment } from './experiment.js'
import { defaultPrimaryMetric } from './primary.js'
import { goalOf, isGated, type Rules } from './rules.js'

/**
 * The primary metric: the rules file's, else the first gated metric, else the evaluation metric of quality that
 * most runs report (bookkeeping series such as epoch or the learning rate are never chosen; see primary.ts).
 */
export function primaryMetric(rules: Rules, experiments: Experiment[]): string | undefined {
  if (rules.primary) return rules.primary
  const gated = Object.entries(rules.metrics).find(([, r]) => isGated(r))?.[0]
  if (gated) return gated
  return defaultPrimaryMetric(experiments)
}

/** Sorts experiments best first on the primary metric: failed last, missing or non-finite values after the rest. */
export function rankExperiments(
  experiments: Experiment[],
  primary: string | undefined,
  rules: Rules
): Experiment[] {
  const sign = primary && goalOf(primary, rules).goal === 'minimize' ? 1 : -1
  const score = (e: Experiment) => {
    const v = primary ? e.metrics[primary]?.value : undefined
    return v === undefined || Number.isNaN(v) ? undefined : v
  }
  return [...experiments].sort((a, b) => {
    const fa = a.status === 'failed' ? 1 : 0
    const fb = b.status === 'failed' ? 1 : 0
    if (fa !== fb) return fa - fb
    const sa = score(a)
    const sb = score(b)
    if (sa === undefined || sb === undefined) return (sa === undefined ? 1 : 0) - (sb === undefined ? 1 : 0)
    if (sa === sb) return 0
    return sign * (sa - sb) < 0 ? -1 : 1
  })
}

/** How the champion was chosen. */
export interface ChampionChoice {
  champion?: Experiment
  /** Why, in words (for the living docs). */
  reason: string
  /** Set when a reviewer's pick named a run that does not exist or failed. */
  problem?: string
}

/** Picks the champion: a reviewer's pick (`/experiments champion`) when valid, else the best on the primary. */
export function chooseChampion(
  ranked: Experiment[],
  primary: string | undefined,
  pick?: { name: string; by?: string }
): ChampionChoice {
  const eligible = ranked.filter(e => e.status !== 'failed')
  if (pick) {
    const picked = ranked.find(e => e.name === pick.name || e.runs.some(r => r.name === pick.name))
    if (picked && picked.status !== 'failed') {
      return {
        champion: picked,
        reason: `Picked by ${pick.by ? `@${pick.by}` : 'a reviewer'} with /experiments champion.`
      }
    }
    const problem = picked
      ? `the picked champion "${pick.name}" failed and cannot be promoted`
      : `the picked champion "${pick.name}" is not among this PR's runs`
    const fallback = eligible[0]
    return {
      champion: fallback,
      problem,
      reason: fallback ? bestReason(fallback, primary, ranked.length) : 'No run finished.'
    }
  }
  const champion = eligible[0]
  return { champion, reason: champion ? bestReason(champion, primary, ranked.length) : 'No run finished.' }
}

function bestReason(champion: Experiment, primary: string | undefined, total: number): string {
  return primary && champion.metrics[primary]
    ? `Best ${primary} of ${total} run${total === 1 ? '' : 's'}.`
    : `The only finished run${primary ? ` (no run reported ${primary})` : ''}.`
}
