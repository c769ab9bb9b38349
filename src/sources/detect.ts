// The one detector: walks the workspace (or the `runs` paths and globs), asks every format which places it
// claims, and reads them. Symbolic links to directories are never followed.
import { lstat, stat } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import type { Collection, Run } from '../core/run.js'
import { createReadContext, type ReadContext, type ReadContextOptions } from './context.js'
import type { Claim, DirListing, RunSource } from './source.js'
import { ALL_SOURCES } from './registry.js'
import { walkFolders } from './walk.js'

/** Options for collecting runs. */
export interface CollectOptions extends ReadContextOptions {
  /** The workspace root; nothing outside it is read. */
  workspace: string
  /** Paths or globs relative to the workspace; empty or absent means auto-detect from the root. */
  patterns?: string[]
  /** The formats to look for (default: all). */
  sources?: RunSource[]
}

/** Collects every run under the given paths or the whole workspace, with a diagnostic for each problem. */
export async function collectRuns(options: CollectOptions): Promise<Collection> {
  const ctx = await createReadContext(options.workspace, options)
  const sources = options.sources ?? ALL_SOURCES
  const patterns = (options.patterns ?? []).map(p => p.trim()).filter(p => p && !p.startsWith('#'))
  const claims: { source: RunSource; claim: Claim }[] = []
  const seen = new Map<string, Claim>()
  const addClaims = (listing: DirListing): boolean => {
    let exclusive = false
    for (const source of sources) {
      for (const claim of source.claim(listing)) {
        const key = `${source.format}\0${claim.path}`
        const earlier = seen.get(key)
        if (earlier) {
          // A place named explicitly as well as guessed by its name is read as named.
          if (!claim.byNameOnly) delete earlier.byNameOnly
          continue
        }
        const own = { ...claim }
        seen.set(key, own)
        claims.push({ source, claim: own })
        exclusive ||= claim.exclusive === true
      }
    }
    return exclusive
  }

  const starts = patterns.length ? await expandPatterns(ctx, patterns) : [ctx.workspace]
  for (const start of starts) {
    const info = await lstat(start).catch(() => undefined)
    if (!info) continue
    if (info.isSymbolicLink() && !(await ctx.insideWorkspace(start))) {
      ctx.error(start, 'is a symbolic link that leaves the workspace; it was not followed')
      continue
    }
    if (info.isFile() || (info.isSymbolicLink() && !(await isDirectory(start)))) {
      const dir = path.dirname(start)
      addClaims({ path: dir, name: path.basename(dir), files: [path.basename(start)], dirs: [] })
    } else {
      await walkFolders(ctx, start, addClaims)
    }
  }

  const runs: Run[] = []
  for (const { source, claim } of claims) {
    try {
      const read = await source.read(claim.path, ctx, claim)
      runs.push(...read)
      ctx.progress(runs.length, ctx.rel(claim.path))
    } catch (e) {
      ctx.error(claim.path, `could not be read as ${source.format} output: ${(e as Error).message}`)
    }
  }
  if (runs.length === 0 && ctx.diagnostics.length === 0) {
    const where = patterns.length ? `the runs input (${patterns.join(', ')})` : 'the workspace'
    ctx.warn(
      '.',
      `no experiment runs were found in ${where}; set the runs input to the folder your tracker writes`
    )
  }
  return { runs: dedupeIds(runs), diagnostics: ctx.diagnostics }
}

async function isDirectory(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false
}

/**
 * Expands paths and globs relative to the workspace into existing paths inside it. Globs are picomatch's
 * (`*`, `**`, `?`, `[0-9]`, `{a,b}`, extglobs), matched against forward-slash paths with dot files included.
 */
export async function expandPatterns(ctx: ReadContext, patterns: string[]): Promise<string[]> {
  const out: string[] = []
  for (const pattern of patterns) {
    const abs = path.resolve(ctx.workspace, pattern)
    if (!(abs === ctx.workspace || abs.startsWith(ctx.workspace + path.sep))) {
      ctx.error(
        pattern,
        `the runs path ${JSON.stringify(pattern)} is outside the workspace; use a path inside it`
      )
      continue
    }
    const glob = path.relative(ctx.workspace, abs).split(path.sep).join('/')
    const { base, isGlob } = picomatch.scan(glob)
    if (!isGlob) {
      if (await lstat(abs).catch(() => undefined)) out.push(abs)
      else ctx.error(pattern, `the runs path ${JSON.stringify(pattern)} does not exist; check the runs input`)
      continue
    }
    const matches = picomatch(glob, { dot: true })
    const found: string[] = []
    await walkFolders(ctx, path.resolve(ctx.workspace, base || '.'), listing => {
      for (const name of [...listing.files, ...listing.dirs]) {
        const full = path.join(listing.path, name)
        if (matches(ctx.rel(full))) found.push(full)
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
