// The summary of a sweep (many configurations of one model): the parameter effects (parameter-effects.ts) and the
// champion's neighbourhood, the best configurations on the primary metric with the parameters in which each differs
// from the champion. Pure: ranked experiments in, facts out; the report words and folds them.
import type { Experiment } from './experiment.js'
import { parameterEffects, type ParameterEffects } from './parameter-effects.js'
import { paramText, type ParamValue } from './run.js'
import type { Goal } from './rules.js'

/** A sweep is summarised from this many configurations with a value of the primary metric. */
export const SWEEP_MIN_CONFIGURATIONS = 3
/** How many of the best configurations the neighbourhood keeps (the report shows fewer and folds the rest). */
export const NEIGHBOURHOOD_SIZE = 50

/** A parameter in which a configuration differs from the champion; undefined where it is not set. */
export interface ParameterDifference {
  name: string
  value?: ParamValue
  champion?: ParamValue
}

/** One of the best configurations, as the champion's neighbour. */
export interface Neighbour {
  name: string
  /** Its place in the ranking on the primary metric (1 = best). */
  rank: number
  value: number
  /** Its primary value minus the champion's. */
  difference: number
  /** Runs behind it (repeats counted). */
  runs: number
  /** True for the champion itself. */
  champion: boolean
  /** The varying parameters in which it differs from the champion, the one that matters most first. */
  differences: ParameterDifference[]
}

/** Parameter effects and the champion's neighbourhood of one review's configurations. */
export interface SweepSummary extends ParameterEffects {
  champion: string
  /** The best configurations (at most NEIGHBOURHOOD_SIZE), best first; the champion among them. */
  neighbourhood: Neighbour[]
}

/**
 * Summarises a sweep from experiments ranked best first on `primary`, around the champion; undefined when fewer
 * than SWEEP_MIN_CONFIGURATIONS have a value of the primary or no parameter varies between them.
 */
export function summarizeSweep(
  ranked: Experiment[],
  primary: string | undefined,
  goal: Goal,
  champion: Experiment | undefined
): SweepSummary | undefined {
  if (!primary || !champion || !Number.isFinite(champion.metrics[primary]?.value)) return undefined
  const effects = parameterEffects(ranked, primary, goal)
  if (effects.configurations < SWEEP_MIN_CONFIGURATIONS || !effects.effects.length) return undefined
  const order = effects.effects.map(e => e.name)
  const reference = champion.metrics[primary].value
  const ranks = ranked.filter(e => e.status !== 'failed' && Number.isFinite(e.metrics[primary]?.value))
  const top = ranks.slice(0, NEIGHBOURHOOD_SIZE)
  if (!top.includes(champion)) top.push(champion)
  return {
    ...effects,
    champion: champion.name,
    neighbourhood: top.map(e => ({
      name: e.name,
      rank: ranks.indexOf(e) + 1,
      value: e.metrics[primary].value,
      difference: e.metrics[primary].value - reference,
      runs: e.runs.length,
      champion: e === champion,
      differences: e === champion ? [] : differencesFrom(champion, e, order)
    }))
  }
}

/** The parameters (in the given order) whose text differs between two configurations. */
export function differencesFrom(
  champion: Experiment,
  other: Experiment,
  order: string[]
): ParameterDifference[] {
  const out: ParameterDifference[] = []
  for (const name of order) {
    const value = other.lead.params[name]
    const mine = champion.lead.params[name]
    if (paramText(value ?? undefined) === paramText(mine ?? undefined)) continue
    out.push({
      name,
      ...(value !== undefined && value !== null ? { value } : {}),
      ...(mine !== undefined && mine !== null ? { champion: mine } : {})
    })
  }
  return out
}
