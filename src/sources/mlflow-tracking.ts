// Reads a `runs` entry that is an MLflow tracking URI: a tracking server through its REST API, a `sqlite:///`
// store or a `file:` store from disk. A store named by a URI is a shared one, so only the selected experiments'
// runs of the commit under review are read from it (a plain path names what the job itself wrote, read whole).
import type { Run } from '../core/run.js'
import type { CommitFilter } from '../core/selection.js'
import type { ReadContext } from './context.js'
import { MAX_RUNS_ANY_COMMIT } from './mlflow-common.js'
import type { MlflowHttpOptions } from './mlflow-http.js'
import { readMlflowServer } from './mlflow-server.js'
import { readMlflowDatabase } from './mlflow-sqlite.js'
import { readMlflowStore } from './mlflow.js'
import { parseTrackingUri, redactTrackingUri, TrackingUriError } from './tracking-uri.js'

/** What reading tracking URIs needs besides the context. */
export interface TrackingReadOptions {
  /** The commit under review; runs of other commits are not read. */
  commit?: CommitFilter
  /** Where MLflow's variables (MLFLOW_TRACKING_TOKEN …) are read from. */
  env: NodeJS.ProcessEnv
  /** Retry and time-budget knobs of the server calls (tests shorten them). */
  http?: Omit<MlflowHttpOptions, 'env'>
}

/** Reads the runs a tracking URI names; every problem is a diagnostic naming the URI (never its credentials). */
export async function readTrackingUri(
  entry: string,
  ctx: ReadContext,
  options: TrackingReadOptions
): Promise<Run[]> {
  const shown = redactTrackingUri(entry)
  const fail = (message: string) => {
    ctx.diagnostics.push({ severity: 'error', file: shown, message })
    return []
  }
  const commit = options.commit
  if (commit?.kind === 'sha' && !/^[0-9a-f]{7,64}$/i.test(commit.sha))
    return fail(
      `the commit ${JSON.stringify(commit.sha.slice(0, 80))} is not a commit id; expected a hex sha, HEAD or any`
    )
  let uri
  try {
    uri = parseTrackingUri(entry, ctx.workspace)
  } catch (e) {
    if (e instanceof TrackingUriError) return fail(e.message)
    throw e
  }
  if (uri.kind === 'server') return readMlflowServer(uri, ctx, { ...options.http, env: options.env, commit })
  const where = uri.kind === 'sqlite' ? uri.file : uri.dir
  if (!(await ctx.insideWorkspace(where)))
    return fail(
      `names ${where}, which is outside the workspace; use a store inside it (or run the command line with --workspace around it)`
    )
  const { existsSync } = await import('node:fs')
  if (!existsSync(where)) return fail(`names ${ctx.rel(where)}, which does not exist; check the runs input`)
  if (uri.kind === 'sqlite') return readMlflowDatabase(uri.file, ctx, { commit })
  const runs = await readMlflowStore(uri.dir, ctx)
  if (commit?.kind === 'sha') return runs.filter(r => r.metadata.gitCommit === commit.sha)
  if (commit?.kind === 'any' && runs.length > MAX_RUNS_ANY_COMMIT) {
    ctx.diagnostics.push({
      severity: 'warning',
      file: shown,
      message: `has more than ${MAX_RUNS_ANY_COMMIT} runs in the selected experiments; with --commit any the ${MAX_RUNS_ANY_COMMIT} latest were read. Name a commit or select fewer experiments`
    })
    return [...runs]
      .sort((a, b) => (b.metadata.startedAt ?? '').localeCompare(a.metadata.startedAt ?? ''))
      .slice(0, MAX_RUNS_ANY_COMMIT)
  }
  return runs
}
