// The flags that choose which runs of shared stores a command reads: `--experiment NAME|GLOB` (repeatable) and
// `--commit SHA|HEAD|any`. A leaf module, so every command module can import it.
import type { Rules } from '../core/rules.js'
import type { CommitFilter } from '../core/selection.js'
import { isTrackingUri } from '../sources/tracking-uri.js'
import { UsageError } from './io.js'

/**
 * The commit whose runs are read from stores named by a tracking URI: `--commit SHA|HEAD|any`, HEAD of the
 * workspace's git checkout by default. Undefined when no tracking URI is read and --commit is not given.
 */
export async function commitFlag(
  workspace: string,
  value: string | undefined,
  patterns: string[]
): Promise<CommitFilter | undefined> {
  if (value === undefined && !patterns.some(isTrackingUri)) return undefined
  const given = (value ?? 'HEAD').trim()
  if (given.toLowerCase() === 'any') return { kind: 'any' }
  if (/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(given)) return { kind: 'sha', sha: given.toLowerCase() }
  const flag = value === undefined ? 'the default --commit HEAD' : `--commit ${JSON.stringify(given)}`
  if (!given || given.startsWith('-') || !/^[\w./@^~{}-]+$/.test(given))
    throw new UsageError(`${flag} is not a commit; expected a commit sha, HEAD or any`)
  const { execFile } = await import('node:child_process')
  const sha = await new Promise<string | undefined>(resolve =>
    execFile(
      'git',
      ['-C', workspace, 'rev-parse', '--verify', '--quiet', `${given}^{commit}`],
      (error, stdout) => resolve(error ? undefined : stdout.trim())
    )
  )
  if (!sha)
    throw new UsageError(
      `${flag}: git cannot resolve it in ${workspace}; give the full commit sha the runs were logged from, HEAD in a checkout, or any`
    )
  return { kind: 'sha', sha }
}

/** The `--experiment` values, checked; undefined when none were given. */
export function experimentFlag(experiments: string[] | undefined): string[] | undefined {
  const given = (experiments ?? []).map(e => e.trim())
  if (!given.length) return undefined
  if (given.includes(''))
    throw new UsageError('--experiment needs an experiment name or glob, e.g. --experiment churn-model')
  return given
}

/** Replaces the rules file's `select.experiments` with the `--experiment` values, when any were given. */
export function applyExperimentFlag(rules: Rules, experiments: string[] | undefined): void {
  const given = experimentFlag(experiments)
  if (given) rules.select = { ...rules.select, experiments: given }
}
