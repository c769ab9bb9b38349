// The shared pipeline of every mode: collect runs → compare with the baseline → a Comparison.
import type { AcceptedRegression, BaselineRecord } from '../core/baseline.js'
import { compareRuns, type Comparison } from '../core/compare.js'
import type { Collection, Diagnostic } from '../core/run.js'
import type { Rules } from '../core/rules.js'
import type { CommitFilter } from '../core/selection.js'
import { collectRuns } from '../sources/detect.js'

/** What one review needs. */
export interface PipelineInput {
  workspace: string
  /** Paths or globs of run outputs; empty means auto-detect. */
  patterns: string[]
  /** The commit under review: stores named by an MLflow tracking URI yield only its runs. */
  commit?: CommitFilter
  /** Where MLflow's variables (MLFLOW_TRACKING_TOKEN …) are read from (default process.env). */
  env?: NodeJS.ProcessEnv
  rules: Rules
  baseline?: BaselineRecord
  /** Problems met while loading the baseline, reported with the runs'. */
  baselineDiagnostics?: Diagnostic[]
  id?: string
  accepted?: AcceptedRegression[]
  championPick?: { name: string; by?: string }
  onProgress?: (runsRead: number, where: string) => void
}

/** Collects the runs and compares them with the baseline. */
export async function runPipeline(
  input: PipelineInput
): Promise<{ comparison: Comparison; collection: Collection }> {
  const collection = await collectRuns({
    workspace: input.workspace,
    patterns: input.patterns,
    selection: input.rules.select,
    commit: input.commit,
    env: input.env,
    onProgress: input.onProgress
  })
  return { comparison: compareCollection(collection, input), collection }
}

/** Compares runs already collected with the baseline under `input.rules` (e.g. a PR's proposed rules). */
export function compareCollection(
  collection: Collection,
  input: Omit<PipelineInput, 'workspace' | 'patterns' | 'commit' | 'env' | 'onProgress'>
): Comparison {
  const diagnostics = [...(input.baselineDiagnostics ?? []), ...collection.diagnostics]
  return compareRuns({
    id: input.id,
    runs: collection.runs,
    diagnostics,
    baseline: input.baseline,
    rules: input.rules,
    accepted: input.accepted,
    championPick: input.championPick,
    searched: collection.searched,
    missingPaths: collection.missing,
    selection: collection.selection
  })
}
