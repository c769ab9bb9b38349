// The baseline a review compares with, read from disk or git: a baseline file, a folder of runs (their champion
// becomes the baseline) or `REF:PATH` in the checkout's git history. The only I/O behind the baseline types.
import { execFile } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import {
  BaselineError,
  parseBaseline,
  recordFromExperiment,
  type BaselineFile,
  type BaselineRecord
} from '../core/baseline.js'
import { chooseChampion, primaryMetric, rankExperiments } from '../core/champion.js'
import { groupRuns } from '../core/experiment.js'
import type { Diagnostic } from '../core/run.js'
import type { Rules } from '../core/rules.js'
import { collectRuns } from './detect.js'

const execFileAsync = promisify(execFile)

/** Reads a file as it is in a git commit of the checkout; undefined when the path is not in that commit. */
export async function readFileAtGitRef(
  workspace: string,
  ref: string,
  file: string
): Promise<string | undefined> {
  if (!/^[\w./@^~{}-]+$/.test(ref) || ref.startsWith('-'))
    throw new Error(`"${ref}" is not a git revision name; use a branch, tag or commit`)
  const normalized = path.posix.normalize(file.split(path.sep).join('/')).replace(/^\.\//, '')
  try {
    const { stdout } = await execFileAsync('git', ['-C', workspace, 'show', `${ref}:${normalized}`], {
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8'
    })
    return stdout
  } catch (e) {
    const message = String((e as { stderr?: string }).stderr ?? e)
    if (/does not exist|exists on disk, but not in|path .* does not exist/i.test(message)) return undefined
    if (/invalid object name|unknown revision|bad revision|not a valid object name/i.test(message)) {
      throw new Error(
        `git has no revision "${ref}" in ${workspace}; fetch it first (e.g. git fetch origin main) or use another ref`
      )
    }
    throw new Error(`git show ${ref}:${normalized} failed: ${message.trim().split('\n')[0]}`)
  }
}

/** True when the checkout has a commit (so the baseline can be read locally instead of through the API). */
export async function hasGitCommit(workspace: string, sha: string): Promise<boolean> {
  try {
    await execFileAsync('git', ['-C', workspace, 'cat-file', '-e', `${sha}^{commit}`])
    return true
  } catch {
    return false
  }
}

/** A baseline as the comparison uses it, with where it came from. */
export interface LoadedBaseline {
  record?: BaselineRecord
  file?: BaselineFile
  /** What was read, for messages: a path, `REF:PATH`, or a runs folder. */
  from: string
  diagnostics: Diagnostic[]
}

/**
 * Loads a baseline from a spec: a baseline.json path, a folder of runs (their champion becomes the baseline),
 * or `REF:PATH` read from git (e.g. `origin/main:.experiments/baseline.json`). A missing file means no baseline.
 */
export async function loadBaselineSpec(
  workspace: string,
  spec: string,
  rules: Rules,
  id = 'default'
): Promise<LoadedBaseline> {
  const abs = path.resolve(workspace, spec)
  const info = await stat(abs).catch(() => undefined)
  if (info?.isDirectory()) {
    const collection = await collectRuns({ workspace: abs })
    const experiments = groupRuns(collection.runs, rules)
    const primary = primaryMetric(rules, experiments)
    const { champion } = chooseChampion(rankExperiments(experiments, primary, rules), primary)
    return {
      record: champion ? recordFromExperiment(champion) : undefined,
      from: spec,
      diagnostics: collection.diagnostics.map(d => ({ ...d, file: path.join(spec, d.file) }))
    }
  }
  if (info?.isFile()) {
    const file = parseBaseline(await readFile(abs, 'utf8'), spec)
    return { record: pickId(file, id, spec), file, from: spec, diagnostics: [] }
  }
  const colon = spec.indexOf(':')
  if (colon > 0 && !info) {
    const ref = spec.slice(0, colon)
    const file = spec.slice(colon + 1)
    const text = await readFileAtGitRef(workspace, ref, file)
    if (text === undefined) return { from: spec, diagnostics: [] }
    const parsed = parseBaseline(text, spec)
    return { record: pickId(parsed, id, spec), file: parsed, from: spec, diagnostics: [] }
  }
  return { from: spec, diagnostics: [] }
}

function pickId(file: BaselineFile, id: string, where: string): BaselineRecord {
  if (file.id && file.id !== id) {
    throw new BaselineError(
      where,
      `belongs to review id "${file.id}", not "${id}"; give each id its own baseline file`
    )
  }
  return file.champion
}
