// Builds runs in memory for core and report tests.
import { makeRun, type Metric, type Run, type RunMetadata } from '../../src/core/run.js'

/** A run with the given metrics (numbers or full metrics), params and metadata. */
export function run(
  name: string,
  metrics: Record<string, number | Metric>,
  extra: { params?: Run['params']; metadata?: Partial<RunMetadata> } = {}
): Run {
  return makeRun({
    id: `builtin:experiments/${name}`,
    name,
    source: 'builtin',
    path: `experiments/${name}`,
    params: extra.params ?? {},
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([k, v]) => [k, typeof v === 'number' ? { value: v } : v])
    ),
    metadata: { tags: [], status: 'finished', environment: {}, ...extra.metadata }
  })
}
