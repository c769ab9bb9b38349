// The inputs of a review that live in the repository: the rules file of the checkout and the baseline at the
// PR's base commit. A file that cannot be used is annotated at its place and ends the review as bad input.
import { loadRules, RulesFileError, type LoadedRules } from '../config/rules-file.js'
import { BaselineError, baselineOfId, type BaselineRecord } from '../core/baseline.js'
import { defaultBaselinePath, legacyBaselinePath } from '../core/conventions.js'
import { readFileAtRef } from '../github/pr.js'
import { hasGitCommit, readFileAtGitRef } from '../sources/baseline.js'
import { legacyBaselineText } from '../report/findings.js'
import type { ReviewRequest } from './review-request.js'

/** A baseline read at the PR's base, with where it was read from. */
export interface BaselineAtBase {
  record?: BaselineRecord
  /** `<sha>:<path>` and how: the local checkout or the contents API. */
  from: string
  /** Set when it was read from the legacy shared path, which should be moved to the id's own path. */
  legacy?: { from: string; to: string }
}

/**
 * Reads the baseline file at the PR's base commit: from the local checkout when it has that commit (no API call),
 * else through the contents API. For an id other than `default` whose own file is not there, the legacy shared file
 * is read when it holds this id (see `legacyBaselinePath`). No file at the default path means no baseline yet; a
 * baseline named explicitly must exist. Throws BaselineError for a file that cannot be used, that belongs to another
 * id, or that was named and is missing.
 */
export async function loadBaselineAtBase(
  request: Pick<ReviewRequest, 'config' | 'owner' | 'repo' | 'client'> & { baseSha: string }
): Promise<BaselineAtBase> {
  const { config, baseSha } = request
  const local = await hasGitCommit(config.workspace, baseSha)
  const how = local ? 'local checkout' : `${request.owner}/${request.repo} via the contents API`
  const at = (file: string) => `${file} at ${baseSha.slice(0, 12)} (${how})`
  const read = async (file: string) =>
    local
      ? readFileAtGitRef(config.workspace, baseSha, file)
      : readFileAtRef({
          client: await request.client(),
          owner: request.owner,
          repo: request.repo,
          path: file,
          ref: baseSha
        })
  const text = await read(config.baselinePath)
  const legacyPath = text === undefined ? legacyBaselinePath(config.id, config.baselinePath) : undefined
  const legacyText = legacyPath ? await read(legacyPath) : undefined
  const chosen = baselineOfId({ path: config.baselinePath, text, legacyPath, legacyText }, config.id)
  if (!chosen.file && config.baselineNamed)
    throw new BaselineError(
      config.baselinePath,
      `the baseline input names this file, but it does not exist at the pull request's base (looked for ${at(config.baselinePath)}); a baseline named explicitly must exist. Check the path, or leave the input unset: the default for id "${config.id}" is ${defaultBaselinePath(config.id)}, and no file there means no baseline yet`
    )
  return {
    record: chosen.file?.champion,
    from: at(chosen.from),
    ...(chosen.legacy ? { legacy: chosen.legacy } : {})
  }
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
    if (baseline.legacy) log.warning(legacyBaselineText(config.id, baseline.legacy))
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
