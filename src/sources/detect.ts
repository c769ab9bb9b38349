// The one detector: walks the workspace (or the `runs` paths and globs), asks every format which places it
// claims, and reads them. Symbolic links to directories are never followed.
import { statSync } from 'node:fs'
import { lstat, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Collection, Diagnostic, Run } from '../core/run.js'
import { qualifyClashingNames } from '../core/run-names.js'
import { isSelective, type CommitFilter } from '../core/selection.js'
import { createReadContext, realOf, type ReadContext, type ReadContextOptions } from './context.js'
import { everyValue, selectRuns } from './run-selection.js'
import type { Claim, DirListing, RunSource } from './source.js'
import type { MlflowHttpOptions } from './mlflow-http.js'
import { ALL_SOURCES } from './registry.js'
import { isTrackingUri, redactTrackingUri } from './tracking-uri.js'
import { walkFolders } from './walk.js'

/** Options for collecting runs. */
export interface CollectOptions extends ReadContextOptions {
  /** The workspace root; nothing outside it is read. */
  workspace: string
  /** Paths or globs relative to the workspace; empty or absent means auto-detect from the root. */
  patterns?: string[]
  /** The formats to look for (default: all). */
  sources?: RunSource[]
  /** The commit under review: stores named by an MLflow tracking URI yield only its runs. */
  commit?: CommitFilter
  /** Where MLflow's variables (MLFLOW_TRACKING_TOKEN …) are read from (default process.env). */
  env?: NodeJS.ProcessEnv
  /** Retry and time-budget knobs of tracking-server calls (tests shorten them). */
  mlflowHttp?: Omit<MlflowHttpOptions, 'env'>
}

/** Collects every run under the given paths or the whole workspace, with a diagnostic for each problem. */
export async function collectRuns(options: CollectOptions): Promise<Collection> {
  const entries = (options.patterns ?? []).map(p => p.trim()).filter(p => p && !p.startsWith('#'))
  const trackingUris = entries.filter(isTrackingUri)
  const patterns = entries.filter(p => !isTrackingUri(p))
  // Each runs path named explicitly is a trusted root (a glob: its fixed leading folders), read wherever it is.
  const ctx = await createReadContext(options.workspace, {
    ...options,
    roots: await Promise.all(patterns.map(p => patternRoot(path.resolve(options.workspace, p))))
  })
  const missing: string[] = []
  const claims = new ClaimList(options.sources ?? ALL_SOURCES)
  // Only tracking URIs given: the workspace is not searched as well.
  const starts = patterns.length
    ? outermost(await expandPatterns(ctx, patterns, missing))
    : trackingUris.length
      ? []
      : [ctx.workspace]
  for (const start of starts) await claimFrom(ctx, start, claims)
  const runs = await readClaims(ctx, claims.claims)
  if (trackingUris.length) runs.push(...(await readTrackingUris(ctx, trackingUris, options, runs.length)))
  // Matrix jobs' runs of one name stay apart, named by the folder that tells them apart (job-a/run-1).
  // Globs (picomatch) are loaded only for a selection that names experiments, tags or groups.
  const matcher = isSelective(ctx.selection)
    ? (await import('./experiment-match.js')).patternsMatcher
    : everyValue
  const selected = selectRuns(qualifyClashingNames(dedupeIds(runs)), ctx.selection, matcher, ctx.unselected)
  return {
    runs: selected.runs,
    selection: selected.outcome,
    diagnostics: ctx.diagnostics,
    searched: entries.length
      ? entries.map(e => (isTrackingUri(e) ? redactTrackingUri(e) : e))
      : [ctx.workspace],
    missing
  }
}

/** The places the sources claim, each once per format, in the order found. */
class ClaimList {
  readonly claims: { source: RunSource; claim: Claim }[] = []
  private readonly seen = new Map<string, Claim>()

  constructor(private readonly sources: RunSource[]) {}

  /** Adds every source's claims on a folder listing; true when one is exclusive (the walk goes no deeper). */
  add = (listing: DirListing): boolean => {
    let exclusive = false
    for (const source of this.sources) {
      for (const claim of source.claim(listing)) {
        const key = `${source.format}\0${claim.path}`
        const earlier = this.seen.get(key)
        if (earlier) {
          // A place named explicitly as well as guessed by its name is read as named.
          if (!claim.byNameOnly) delete earlier.byNameOnly
          continue
        }
        const own = { ...claim }
        this.seen.set(key, own)
        this.claims.push({ source, claim: own })
        exclusive ||= claim.exclusive === true
      }
    }
    return exclusive
  }
}

/** Claims what is at `start`: a file by itself, a folder by walking it; a link that leaves the workspace is refused. */
async function claimFrom(ctx: ReadContext, start: string, claims: ClaimList): Promise<void> {
  const info = await lstat(start).catch(() => undefined)
  if (!info) return
  if (info.isSymbolicLink() && !(await ctx.insideWorkspace(start))) {
    ctx.error(start, 'is a symbolic link that leaves the workspace; it was not followed')
    return
  }
  if (info.isFile() || (info.isSymbolicLink() && !(await isDirectory(start)))) {
    const dir = path.dirname(start)
    claims.add({ path: dir, name: path.basename(dir), files: [path.basename(start)], dirs: [] })
  } else {
    await walkFolders(ctx, start, claims.add)
  }
}

/** Reads every claim with its source; a source that throws is reported against the claimed path. */
async function readClaims(ctx: ReadContext, claims: { source: RunSource; claim: Claim }[]): Promise<Run[]> {
  const runs: Run[] = []
  for (const { source, claim } of claims) {
    const before = ctx.diagnostics.length
    try {
      const read = await source.read(claim.path, ctx, claim)
      runs.push(...attachReadErrors(read, ctx.diagnostics.slice(before)))
      ctx.progress(runs.length, ctx.rel(claim.path))
    } catch (e) {
      ctx.error(claim.path, `could not be read as ${source.format} output: ${(e as Error).message}`)
    }
  }
  return runs
}

/** Reads the runs of MLflow tracking URIs given as runs entries; `before` runs were read already (for progress). */
async function readTrackingUris(
  ctx: ReadContext,
  trackingUris: string[],
  options: CollectOptions,
  before: number
): Promise<Run[]> {
  const { readTrackingUri } = await import('./mlflow-tracking.js')
  const runs: Run[] = []
  for (const entry of trackingUris) {
    runs.push(
      ...(await readTrackingUri(entry, ctx, {
        commit: options.commit,
        env: options.env ?? process.env,
        http: options.mlflowHttp
      }))
    )
    ctx.progress(before + runs.length, redactTrackingUri(entry))
  }
  return runs
}

/**
 * Gives each run the errors met in its own files while it was read (see `Run.readErrors`), so that a run with a
 * truncated or binary file is shown as unreadable and never as a healthy run. A diagnostic belongs to a run when its
 * file is the run's path or under it and, when it names a run, it names this one (by name, id or folder).
 */
export function attachReadErrors(runs: Run[], diagnostics: Diagnostic[]): Run[] {
  const errors = diagnostics.filter(d => d.severity === 'error')
  if (!errors.length) return runs
  // Each error under every folder that holds its file, so that a run finds its own without scanning them all.
  const byFolder = new Map<string, Diagnostic[]>()
  for (const error of errors) {
    for (let folder = error.file; ; folder = path.posix.dirname(folder)) {
      const listed = byFolder.get(folder)
      if (listed) listed.push(error)
      else byFolder.set(folder, [error])
      if (folder === path.posix.dirname(folder)) break
    }
  }
  return runs.map(run => {
    const folder = path.posix.basename(run.path)
    const candidates =
      run.path === '.' ? errors.filter(d => d.run !== undefined) : (byFolder.get(run.path) ?? [])
    const own = candidates.filter(
      d => d.run === undefined || d.run === run.name || d.run === run.id || d.run === folder
    )
    return own.length ? { ...run, readErrors: [...(run.readErrors ?? []), ...own] } : run
  })
}

/** The folder a runs path names as its root: the path itself, or a glob's fixed leading folders. */
async function patternRoot(abs: string): Promise<string> {
  const glob = await globOf(abs.split(path.sep).join('/'))
  return glob ? glob.base || path.sep : abs
}

/** Characters without which picomatch sees no glob: `*`, `?`, `[…]`, `{a,b}`, `(…)` and extglobs each need one. */
const GLOB_SYNTAX = /[*?[{(]/

/**
 * A runs path as picomatch reads it: undefined when it is a plain path, else its fixed leading folders and a matcher
 * for absolute forward-slash paths (dot files included). picomatch is loaded only for a path that could be a glob.
 */
async function globOf(
  pattern: string
): Promise<{ base: string; matcher: () => (p: string) => boolean } | undefined> {
  if (!GLOB_SYNTAX.test(pattern)) return undefined
  const { default: picomatch } = await import('picomatch')
  const { base, isGlob } = picomatch.scan(pattern)
  return isGlob ? { base, matcher: () => picomatch(pattern, { dot: true }) } : undefined
}

/**
 * The places to read, each once: real paths, so a path given twice or through a link is read once; a folder inside
 * another one named is left out (its runs are found from the outer one). A file named inside a named folder stays,
 * so that it is read as named; the claims are deduplicated by path anyway.
 */
function outermost(paths: string[]): string[] {
  const real = [...new Set(paths.map(realOf))].sort()
  const isFolder = (p: string) => {
    try {
      return statSync(p).isDirectory()
    } catch {
      return false
    }
  }
  return real.filter(
    p => !isFolder(p) || !real.some(o => o !== p && p.startsWith(o.endsWith(path.sep) ? o : o + path.sep))
  )
}

async function isDirectory(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false
}

/**
 * Expands paths and globs, absolute or relative to the workspace, into existing paths; a path that does not exist is
 * reported and added to `missing`. Globs are picomatch's (`*`, `**`, `?`, `[0-9]`, `{a,b}`, extglobs), matched
 * against absolute forward-slash paths with dot files included.
 */
export async function expandPatterns(
  ctx: ReadContext,
  patterns: string[],
  missing: string[] = []
): Promise<string[]> {
  const out: string[] = []
  const slashed = (p: string) => p.split(path.sep).join('/')
  for (const pattern of patterns) {
    const abs = path.resolve(ctx.workspace, pattern)
    const glob = await globOf(slashed(abs))
    if (!glob) {
      if (await lstat(abs).catch(() => undefined)) out.push(abs)
      else {
        missing.push(pattern)
        ctx.error(
          pattern,
          `the runs path ${JSON.stringify(pattern)} (${abs}) does not exist; check the runs input`
        )
      }
      continue
    }
    const matches = glob.matcher()
    const found: string[] = []
    await walkFolders(ctx, glob.base || path.sep, listing => {
      for (const name of [...listing.files, ...listing.dirs]) {
        const full = path.join(listing.path, name)
        if (matches(slashed(full))) found.push(full)
      }
    })
    if (!found.length) ctx.warn(pattern, `the runs glob ${JSON.stringify(pattern)} matched nothing`)
    // A match inside another match would be read twice: keep the outermost.
    found.sort()
    for (const m of found) if (!out.some(o => m.startsWith(o + path.sep))) out.push(m)
  }
  return out
}

/** Makes run ids unique when two places yield the same id. */
function dedupeIds(runs: Run[]): Run[] {
  const counts = new Map<string, number>()
  return runs.map(run => {
    const n = counts.get(run.id) ?? 0
    counts.set(run.id, n + 1)
    return n === 0 ? run : { ...run, id: `${run.id}#${n + 1}` }
  })
}
