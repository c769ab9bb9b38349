// The action's inputs as a typed config. Every input is validated here; messages name the input and the value.
import path from 'node:path'
import { DEFAULT_ASSETS_BRANCH, isAssetsBranchName } from '../core/artifacts.js'
import { defaultBaselinePath, DEFAULT_DOCS_PATH, DEFAULT_RULES_PATH } from '../core/conventions.js'

/** The modes of PRODUCT.md. */
export const MODES = ['auto', 'review', 'promote', 'monitor', 'command'] as const
/** A mode name, or auto. */
export type ModeName = (typeof MODES)[number]

/** The action's configuration, from its inputs and environment. */
export interface ActionConfig {
  /** The checkout (GITHUB_WORKSPACE). */
  workspace: string
  /** Paths or globs of run outputs; empty means auto-detect. */
  runs: string[]
  /** The rules file, relative to the workspace. */
  configFile: string
  /** The baseline file on the default branch, relative to the repository root (by default per id). */
  baselinePath: string
  /**
   * True when the baseline path was named (the `baseline` input, `--baseline`): it must exist where it is read. The
   * default path of an id may be missing (no baseline yet, the first pull request).
   */
  baselineNamed?: boolean
  /** The living docs page, relative to the repository root. */
  docsPath: string
  token: string
  mode: ModeName
  comment: boolean
  failOnRegression: boolean
  id: string
  /** The login the token posts as, when configured. */
  botLogin?: string
  /**
   * Which rules file a review judges by: `base` (the default) reads it at the PR's base commit, so that a PR cannot
   * loosen the rules it is judged by; `head` reads the PR's checkout.
   */
  rulesFrom?: RulesFrom
  /** How promote reaches the default branch: a direct push, or a pull request that merges itself. */
  promoteVia?: 'push' | 'pull-request'
  /**
   * The branch the champion's images are committed to (Git Data API, content-addressed) so that the comment can show
   * them: `experiment-review/assets` by default; `false` / empty-handed `none` turns image hosting off.
   */
  assetsBranch?: string
  /** Experiments selected on the command line (`--experiment`); they replace the rules file's `select.experiments`. */
  experiments?: string[]
}

/** Where a review reads the rules file: at the PR's base commit, or in the PR's checkout. */
export type RulesFrom = 'base' | 'head'

/** The values of the rules-from input. */
export const RULES_FROM: readonly RulesFrom[] = ['base', 'head']

/** A bad input value: names the input, the value, and what was expected. */
export class InputError extends Error {
  constructor(input: string, value: string, expected: string) {
    super(`input "${input}" is ${JSON.stringify(value)}; expected ${expected}`)
    this.name = 'InputError'
  }
}

function bool(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if (['true', 'yes', 'on', '1'].includes(v)) return true
  if (['false', 'no', 'off', '0'].includes(v)) return false
  throw new InputError(name, value, 'true or false')
}

function relativePath(name: string, value: string, fallback: string): string {
  const v = value.trim() || fallback
  if (path.isAbsolute(v) || v.split(/[\\/]/).includes('..'))
    throw new InputError(name, value, 'a path inside the repository, without ".."')
  return v
}

function promoteVia(value: string): 'push' | 'pull-request' {
  const v = value.trim() || 'push'
  if (v !== 'push' && v !== 'pull-request') throw new InputError('promote-via', value, 'push or pull-request')
  return v
}

/** The assets-branch input: a branch name git accepts (`none` turns hosting off), never one starting with `-`. */
export function assetsBranch(value: string): string | undefined {
  const v = value.trim() || DEFAULT_ASSETS_BRANCH
  if (v === 'none') return undefined
  const bad = !isAssetsBranchName(v) || /\.lock(\/|$)/.test(v) || ['main', 'master', 'HEAD'].includes(v)
  if (bad)
    throw new InputError(
      'assets-branch',
      value,
      'a branch name of its own for the images (letters, digits, ".", "_", "-", "/"; not main, master or HEAD), or none'
    )
  return v
}

function rulesFrom(value: string): RulesFrom {
  const v = value.trim() || 'base'
  if (!(RULES_FROM as readonly string[]).includes(v))
    throw new InputError('rules-from', value, 'base or head')
  return v as RulesFrom
}

/** Reads the config from an input getter (core.getInput) and the environment. */
export function readActionConfig(getInput: (name: string) => string, env: NodeJS.ProcessEnv): ActionConfig {
  const mode = (getInput('mode').trim() || 'auto') as ModeName
  if (!MODES.includes(mode)) throw new InputError('mode', mode, MODES.join(', '))
  const id = getInput('id').trim() || 'default'
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id))
    throw new InputError('id', id, 'letters, digits, ".", "_" or "-" (at most 64)')
  return {
    workspace: path.resolve(env.GITHUB_WORKSPACE || process.cwd()),
    runs: getInput('runs')
      .split(/\r?\n/)
      .map(s => s.trim())
      .filter(Boolean),
    configFile: relativePath('config', getInput('config'), DEFAULT_RULES_PATH),
    rulesFrom: rulesFrom(getInput('rules-from')),
    baselinePath: relativePath('baseline', getInput('baseline'), defaultBaselinePath(id)),
    baselineNamed: getInput('baseline').trim() !== '',
    docsPath: relativePath('docs', getInput('docs'), DEFAULT_DOCS_PATH),
    token: getInput('github-token').trim() || env.GITHUB_TOKEN || '',
    mode,
    comment: bool('comment', getInput('comment'), true),
    failOnRegression: bool('fail-on-regression', getInput('fail-on-regression'), true),
    id,
    botLogin: getInput('bot-login').trim() || undefined,
    promoteVia: promoteVia(getInput('promote-via')),
    assetsBranch: assetsBranch(getInput('assets-branch'))
  }
}

/** Picks the mode from the event: pull_request/workflow_run → review, push → promote, schedule → monitor … */
export function modeForEvent(eventName: string, configured: ModeName): Exclude<ModeName, 'auto'> | undefined {
  if (configured !== 'auto') return configured
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
    case 'workflow_run':
      return 'review'
    case 'push':
      return 'promote'
    case 'schedule':
    case 'workflow_dispatch':
      return 'monitor'
    case 'issue_comment':
      return 'command'
    default:
      return undefined
  }
}
