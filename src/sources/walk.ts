// The one folder walker of the readers: breadth-first from a start folder, never into the folders no run lives in
// (SKIPPED_FOLDERS), never through a symbolic link to a folder (ctx.list leaves those out), and stopping with a
// warning after the context's maxFolders folders.
import type { Dirent } from 'node:fs'
import { statSync } from 'node:fs'
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

/**
 * A folder's entries as the readers see them, each sorted: files (regular files and symbolic links to one) and
 * sub-folders (never a symbolic link to a folder). `dir` is the folder's absolute path.
 */
export function filesAndFolders(dir: string, entries: Dirent[]): { files: string[]; dirs: string[] } {
  const files: string[] = []
  const dirs: string[] = []
  for (const entry of entries) {
    if (entry.isDirectory()) dirs.push(entry.name)
    else if (entry.isFile() || (entry.isSymbolicLink() && linksToFile(path.join(dir, entry.name))))
      files.push(entry.name)
  }
  return { files: files.sort(), dirs: dirs.sort() }
}

/** Whether a symbolic link leads to a regular file. */
function linksToFile(link: string): boolean {
  try {
    return statSync(link).isFile()
  } catch {
    return false
  }
}
