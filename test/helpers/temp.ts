// Temporary folders for a test file, removed after its tests, and finding a run by name.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Collection, Run } from '../../src/core/run.js'

/** Returns a maker of temporary folders (named with the prefix) that are all removed after the file's tests. */
export function tempDirs(prefix: string): () => Promise<string> {
  const made: string[] = []
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true })
  })
  return async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
    made.push(dir)
    return dir
  }
}

/** The run of a collection with this name; fails the test with the names found when there is none. */
export function runNamed(c: Collection, name: string): Run {
  const run = c.runs.find(r => r.name === name)
  if (!run) throw new Error(`no run ${name}; runs: ${c.runs.map(r => r.name).join(', ')}`)
  return run
}
