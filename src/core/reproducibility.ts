// The reproducibility checklist of an experiment: what was recorded to run it again. Pure.
import type { Experiment } from './experiment.js'

/** One item of a run's reproducibility checklist, with what was found. */
export type ChecklistItem =
  | { check: 'hyperparameters'; ok: boolean; /** Parameters logged. */ count: number }
  | {
      check: 'data version' | 'code commit'
      ok: boolean
      /** The recorded value, when any. */ value?: string
    }
  | {
      check: 'environment'
      ok: boolean
      /** Environment keys captured (Python version, packages …). */ keys: string[]
    }
  | { check: 'baseline'; ok: boolean }

/** The reproducibility checklist of one experiment. */
export function reproducibility(e: Experiment, baselinePresent: boolean): ChecklistItem[] {
  const m = e.lead.metadata
  const count = Object.keys(e.lead.params).length
  const keys = Object.keys(m.environment)
  return [
    { check: 'hyperparameters', ok: count > 0, count },
    { check: 'data version', ok: !!m.dataVersion, value: m.dataVersion },
    { check: 'code commit', ok: !!m.gitCommit, value: m.gitCommit },
    { check: 'environment', ok: keys.length > 0, keys },
    { check: 'baseline', ok: baselinePresent }
  ]
}
