// The inputs of a review that live in the repository: the rules file of the checkout and the baseline at the
// PR's base commit. A file that cannot be used is annotated at its place and ends the review as bad input.
import { loadRules, RulesFileError, type LoadedRules } from '../config/rules-file.js'
import { BaselineError, parseBaseline, type BaselineRecord } from '../core/baseline.js'
import { readFileAtRef } from '../github/pr.js'
import { hasGitCommit, readFileAtGitRef } from '../sources/baseline.js'
import type { ReviewRequest } from './review-request.js'

/** A baseline read at the PR's base, with where it was read from. */
export interface BaselineAtBase {
  record?: BaselineRecord
  /** `<sha>:<path>` and how: the local checkout or the contents API. */
  from: string
}

/**
 * Reads the baseline file at the PR's base commit: from the local checkout when it has that commit (no API call),
 * else through the contents API. No file means no baseline yet. Throws BaselineError for a file that cannot be used.
 */
export async function loadBaselineAtBase(
  request: Pick<ReviewRequest, 'config' | 'owner' | 'repo' | 'client'> & { baseSha: string }
): Promise<BaselineAtBase> {
  const { config, baseSha } = request
  let textAtBase: string | undefined
  let from: string
  if (await hasGitCommit(config.workspace, baseSha)) {
    from = `${config.baselinePath} at ${baseSha.slice(0, 12)} (local checkout)`
    textAtBase = await readFileAtGitRef(config.workspace, baseSha, config.baselinePath)
  } else {
    from = `${config.baselinePath} at ${baseSha.slice(0, 12)} (${request.owner}/${request.repo} via the contents API)`
    textAtBase = await readFileAtRef({
      client: await request.client(),
      owner: request.owner,
      repo: request.repo,
      path: config.baselinePath,
      ref: baseSha
    })
  }
  if (textAtBase === undefined) return { from }
  const file = parseBaseline(textAtBase, config.baselinePath)
  if (file.id && file.id !== config.id) {
    throw new BaselineError(
      config.baselinePath,
      `belongs to review id "${file.id}", not "${config.id}"; give each id its own baseline input`
    )
  }
  return { record: file.champion, from }
}

/** The rules and the baseline of a review, or the failure message of a file that cannot be used. */
export type ReviewInputs = { rules: LoadedRules; baseline: BaselineAtBase } | { failure: string }

/**
 * Loads the rules file and the baseline at the PR's base. An invalid rules file or an unusable baseline is
 * annotated (file, line) and returned as the failure; other errors are thrown.
 */
export async function loadReviewInputs(
  request: Pick<ReviewRequest, 'config' | 'log' | 'owner' | 'repo' | 'client' | 'pr'>
): Promise<ReviewInputs> {
  const { config, log } = request
  try {
    const rules = await loadRules(config.workspace, config.configFile)
    if (config.experiments?.length) rules.rules.select = { experiments: config.experiments }
    const baseline = await loadBaselineAtBase({ ...request, baseSha: request.pr.baseSha })
    log.info(
      baseline.record
        ? `Baseline: ${baseline.record.name} from ${baseline.from}`
        : `No baseline yet: nothing at ${baseline.from}`
    )
    return { rules, baseline }
  } catch (e) {
    if (e instanceof RulesFileError) {
      log.error(e.problem, {
        file: e.file,
        line: e.line,
        title: `Experiment Review: invalid rules file (column ${e.column})`
      })
      return { failure: `Experiment Review: ${e.message}` }
    }
    if (e instanceof BaselineError) {
      log.error(e.message.startsWith(`${e.file}: `) ? e.message.slice(e.file.length + 2) : e.message, {
        file: e.file,
        title: 'Experiment Review: unusable baseline'
      })
      return { failure: `Experiment Review: ${e.message}` }
    }
    throw e
  }
}
