// Folders that tests make again and again with the same inputs (git repositories above all): made once per test file
// with the processes that make them (git init, add, commit), then laid down again from their bytes, which is what
// those processes would write. A git process started from a large test process costs tens of milliseconds.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Every folder and file under a folder (a repository's .git included), with each file's mode. */
export interface FolderSnapshot {
  /** Every folder, empty ones (such as .git/refs/tags) included. */
  folders: string[]
  files: { relative: string; mode: number; bytes: Buffer }[]
}

/** What was made for one key: the folder's snapshot and what the maker returned about it. */
type Made<T> = Promise<{ snapshot: FolderSnapshot; value: T }>

/** Folders made by `madeOnce`, by key; one map per kind of folder. */
export type MadeFolders<T> = Map<string, Made<T>>

/**
 * Makes the folder `root` (empty) with `make` the first time `key` is asked for, and from the snapshot of that
 * first folder afterwards; returns what `make` returned. A maker that failed is tried again by the next call.
 */
export async function madeOnce<T>(
  made: MadeFolders<T>,
  key: string,
  root: string,
  make: (root: string) => Promise<T>
): Promise<T> {
  const known = await made.get(key)?.catch(() => undefined)
  if (known) {
    await writeFolderSnapshot(known.snapshot, root)
    return known.value
  }
  const making = (async () => {
    const value = await make(root)
    return { snapshot: await readFolderSnapshot(root), value }
  })()
  made.set(key, making)
  making.catch(() => {
    if (made.get(key) === making) made.delete(key)
  })
  return (await making).value
}

/** Reads every folder and file under `root`; refuses anything else (a link, a socket), which it could not copy. */
export async function readFolderSnapshot(root: string): Promise<FolderSnapshot> {
  const snapshot: FolderSnapshot = { folders: [], files: [] }
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name)
      const full = path.join(root, child)
      if (entry.isDirectory()) {
        snapshot.folders.push(child)
        await walk(child)
      } else if (entry.isFile())
        snapshot.files.push({
          relative: child,
          mode: (await stat(full)).mode & 0o777,
          bytes: await readFile(full)
        })
      else throw new Error(`${full} is neither a file nor a folder: it cannot be made again from a snapshot`)
    }
  }
  await walk('')
  return snapshot
}

/** Writes a snapshot's folders and files under `root`, modes included. */
export async function writeFolderSnapshot(snapshot: FolderSnapshot, root: string): Promise<void> {
  for (const folder of snapshot.folders) await mkdir(path.join(root, folder), { recursive: true })
  for (const file of snapshot.files)
    await writeFile(path.join(root, file.relative), file.bytes, { mode: file.mode })
}
