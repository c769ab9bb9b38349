// Runs of the same name from different places stay apart: matrix jobs that each write `experiments/run-1` and are
// downloaded into one folder per job (`job-a/experiments/run-1`, `job-b/experiments/run-1`) are named by the folder
// that tells them apart (`job-a/run-1`, `job-b/run-1`), never merged and never one over the other. Pure.
import type { Run } from './run.js'

/** A path segment or run id shortened for a name: a long hexadecimal id (MLflow, W&B) keeps its first 8 digits. */
function shortSegment(segment: string): string {
  return /^[0-9a-f]{16,}$/i.test(segment) ? segment.slice(0, 8) : segment
}

interface Pending {
  run: Run
  segments: string[]
  prefix: string[]
}

/**
 * Gives runs that share a name a name that tells them apart: the first folder of their paths that differs, then
 * the next one for those that still share it (`job-a/run-1`); runs read from the same file (an MLflow SQLite store)
 * are told apart by their tracker's id (`b832e988/train`). Runs with a name of their own keep it. Order is kept.
 */
export function qualifyClashingNames(runs: Run[]): Run[] {
  const byName = new Map<string, Pending[]>()
  for (const run of runs) {
    const list = byName.get(run.name) ?? []
    list.push({ run, segments: run.path.split(/[\\/]/).filter(Boolean), prefix: [] })
    byName.set(run.name, list)
  }
  const renamed = new Map<Run, string>()
  const taken = new Set(runs.map(r => r.name))
  for (const [name, group] of byName) {
    if (group.length < 2) continue
    tellApart(group, 0)
    for (const p of group) {
      let qualified = [...p.prefix, name].join('/')
      // A run already named like the qualified name elsewhere: number it rather than let two names meet.
      for (let k = 2; taken.has(qualified); k++) qualified = `${[...p.prefix, name].join('/')} (${k})`
      taken.add(qualified)
      renamed.set(p.run, qualified)
    }
  }
  return runs.map(r => (renamed.has(r) ? { ...r, name: renamed.get(r) as string } : r))
}

/** Adds to each member's prefix the first path segment from `from` on in which the members differ, recursively. */
function tellApart(group: Pending[], from: number): void {
  if (group.length < 2) return
  const depth = Math.max(...group.map(p => p.segments.length))
  let at = from
  while (at < depth && new Set(group.map(p => p.segments[at] ?? '')).size < 2) at++
  if (at >= depth) {
    // Same path (one store file holds them all): the tracker's own run id is what differs.
    for (const p of group) p.prefix.push(shortSegment(p.run.id.split(/[#/:]/).pop() ?? p.run.id))
    return
  }
  const bySegment = new Map<string, Pending[]>()
  for (const p of group) {
    const segment = p.segments[at] ?? ''
    p.prefix.push(shortSegment(segment || '.'))
    bySegment.set(segment, [...(bySegment.get(segment) ?? []), p])
  }
  for (const sub of bySegment.values()) tellApart(sub, at + 1)
}
