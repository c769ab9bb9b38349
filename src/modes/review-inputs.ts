// The inputs of a review that live in the repository: the rules file and the baseline, both read at the PR's base
// commit (the rules from the checkout with rules-from: head). A file that cannot be used is annotated at its place
// and ends the review as bad input.
import {
  loadRules,
  parseRulesFile,
  readRulesText,
  RulesFileError,
  rulesFileSettings,
  type LoadedRules
} from '../config/rules-file.js'
import { BaselineError, baselineOfId, type BaselineRecord } from '../core/baseline.js'
import { defaultBaselinePath, legacyBaselinePath } from '../core/conventions.js'
import { diffRuleSettings, type RuleSettingChange } from '../core/rules-change.js'
import { defaultRules } from '../core/rules.js'
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

type BaseReader = Pick<ReviewRequest, 'config' | 'owner' | 'repo' | 'client'> & {
  baseSha: string
  /** Whether the checkout has the base commit, when already asked (a review asks once for all its files). */
  baseInCheckout?: Promise<boolean>
}

/**
 * A file's text at the PR's base commit, with where it was read: from the local checkout when it has that commit
 * (no API call), else through the contents API. `text` is undefined when the file does not exist there.
 */
async function readAtBase(request: BaseReader, file: string): Promise<{ text?: string; from: string }> {
  const { config, baseSha } = request
  if (await (request.baseInCheckout ?? hasGitCommit(config.workspace, baseSha))) {
    const text = await readFileAtGitRef(config.workspace, baseSha, file)
    return { text, from: `${file} at ${baseSha.slice(0, 12)} (local checkout)` }
  }
  const text = await readFileAtRef({
    client: await request.client(),
    owner: request.owner,
    repo: request.repo,
    path: file,
    ref: baseSha
  })
  return {
    text,
    from: `${file} at ${baseSha.slice(0, 12)} (${request.owner}/${request.repo} via the contents API)`
  }
}

/**
 * Reads the baseline file at the PR's base commit (see readAtBase). For an id other than `default` whose own file is
 * not there, the legacy shared file is read when it holds this id (see `legacyBaselinePath`). No file at the default
 * path means no baseline yet; a baseline named explicitly must exist. Throws BaselineError for a file that cannot be
 * used, that belongs to another id, or that was named and is missing.
 */
export async function loadBaselineAtBase(request: BaseReader): Promise<BaselineAtBase> {
  const { config } = request
  const own = await readAtBase(request, config.baselinePath)
  const legacyPath = own.text === undefined ? legacyBaselinePath(config.id, config.baselinePath) : undefined
  const legacy = legacyPath ? await readAtBase(request, legacyPath) : undefined
  const chosen = baselineOfId(
    { path: config.baselinePath, text: own.text, legacyPath, legacyText: legacy?.text },
    config.id
  )
  if (!chosen.file && config.baselineNamed)
    throw new BaselineError(
      config.baselinePath,
      `the baseline input names this file, but it does not exist at the pull request's base (looked for ${own.from}); a baseline named explicitly must exist. Check the path, or leave the input unset: the default for id "${config.id}" is ${defaultBaselinePath(config.id)}, and no file there means no baseline yet`
    )
  return {
    record: chosen.file?.champion,
    from: chosen.legacy && legacy ? legacy.from : own.from,
    ...(chosen.legacy ? { legacy: chosen.legacy } : {})
  }
}

/** How a pull request touches the rules file, when the review reads it at the base. */
export type RulesFileChange =
  /** There is none at the base: the review is judged by the file the PR adds. */
  | { kind: 'added' }
  /** The PR changes or deletes the file: `proposed` are the rules that apply once it merges. */
  | { kind: 'changed' | 'deleted'; proposed: LoadedRules; settings: RuleSettingChange[] }

/** The rules a review judges by, where they were read, and how the PR touches the rules file. */
export interface ReviewRules extends LoadedRules {
  /** Where the rules were read: the file at the base commit, or in the checkout. */
  from: string
  /** The base commit the rules were read at (rules-from: base and a file there). */
  baseSha?: string
  change?: RulesFileChange
}

/**
 * The rules of a review. With rules-from: base (the default) they are the file at the PR's base commit, so that a PR
 * cannot loosen the rules it is judged by; when the PR changes or deletes the file, the rules it proposes come with
 * the settings that differ. A PR that adds the file (none at the base) is judged by it. With rules-from: head, the
 * checkout's file. Throws RulesFileError for an invalid file, at the base or proposed (it would apply on merge).
 */
export async function loadReviewRules(request: BaseReader): Promise<ReviewRules> {
  const { config, baseSha } = request
  const file = config.configFile
  if (config.rulesFrom === 'head')
    return { ...(await loadRules(config.workspace, file)), from: `${file} in the checkout` }
  const atBase = await readAtBase(request, file)
  const proposedText = await readRulesText(config.workspace, file)
  if (atBase.text === undefined) {
    if (proposedText === undefined)
      return { rules: defaultRules(), from: `no ${file} at the base or in the checkout` }
    return {
      rules: parseRulesFile(proposedText, file),
      file,
      from: `${file} in the checkout (added by the pull request; none at ${baseSha.slice(0, 12)})`,
      change: { kind: 'added' }
    }
  }
  const rules = parseRulesFile(atBase.text, file)
  const inForce: ReviewRules = { rules, file, from: atBase.from, baseSha }
  if (proposedText === atBase.text) return inForce
  const proposed: LoadedRules =
    proposedText === undefined
      ? { rules: defaultRules() }
      : { rules: parseRulesFile(proposedText, file), file }
  const settings = diffRuleSettings(
    rulesFileSettings(atBase.text),
    proposedText === undefined ? undefined : rulesFileSettings(proposedText)
  )
  if (!settings.length) return inForce
  return {
    ...inForce,
    change: { kind: proposedText === undefined ? 'deleted' : 'changed', proposed, settings }
  }
}

/** The rules and the baseline of a review, or the failure message of a file that cannot be used. */
export type ReviewInputs = { rules: ReviewRules; baseline: BaselineAtBase } | { failure: string }

/**
 * Loads the rules file and the baseline at the PR's base. An invalid rules file or an unusable baseline is
 * annotated (file, line) and returned as the failure; other errors are thrown.
 */
export async function loadReviewInputs(
  request: Pick<ReviewRequest, 'config' | 'log' | 'owner' | 'repo' | 'client' | 'pr'>
): Promise<ReviewInputs> {
  const { config, log } = request
  const base: BaseReader = {
    ...request,
    baseSha: request.pr.baseSha,
    baseInCheckout: hasGitCommit(config.workspace, request.pr.baseSha)
  }
  try {
    const rules = await loadReviewRules(base)
    log.info(`Rules: ${rules.from}`)
    if (config.experiments?.length) {
      rules.rules.select = { experiments: config.experiments }
      if (rules.change && 'proposed' in rules.change)
        rules.change.proposed.rules.select = { experiments: config.experiments }
    }
    const baseline = await loadBaselineAtBase(base)
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
