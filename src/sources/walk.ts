// The one folder walker of the readers: breadth-first from a start folder, never into the folders no run lives in
// (SKIPPED_FOLDERS), never through a symbolic link to a folder (ctx.list leaves those out), and stopping with a
// warning after the context's maxFolders folders.
import path from 'node:path'
import type { ReadContext } from './context.js'
import type { DirListing } from './source.js'

/** Folders no search for runs walks into: version control, dependencies, virtualenvs, caches, DVC's cache. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '.dvc',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.trash',
  '.cache'
])

/**
 * Walks the folders below `start` (itself included) breadth-first, in listing order, calling `visit` with each
 * folder's listing; `visit` returns true to keep the walk out of that folder's sub-folders. After
 * `ctx.limits.maxFolders` folders the walk stops with a warning on `start` that says what to do.
 */
export async function walkFolders(
  ctx: ReadContext,
  start: string,
  visit: (listing: DirListing) => boolean | void
): Promise<void> {
  const queue = [start]
  let visited = 0
  for (let next = 0; next < queue.length; next++) {
    if (++visited > ctx.limits.maxFolders) {
      ctx.warn(
        start,
        `has more than ${ctx.limits.maxFolders} folders; the search for runs stopped there. Set the runs input to the folders that hold runs`
      )
      return
    }
    const dir = queue[next]
    const { files, dirs } = await ctx.list(dir)
    if (visit({ path: dir, name: path.basename(dir), files, dirs })) continue
    for (const d of dirs) if (!SKIPPED_FOLDERS.has(d)) queue.push(path.join(dir, d))
  }
}
