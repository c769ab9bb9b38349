// W&B metric series: the history rows of the run log or of wandb-history.jsonl (pre-0.10 layout) become one
// series per numeric key, sorted by step; the same walk over nested values finds the summary's numbers.
import { createInterface } from 'node:readline'
import type { Metric } from '../core/run.js'
import type { ReadContext } from './context.js'
import { HistoryBuilder, metricFromColumns } from './history.js'
import { ExactNumber, parseJsonLenient, plainJson } from './json.js'
import { isRecord } from './structured.js'

/** A JSON object as W&B writes it (config, summary, a history row). */
export type NestedObject = Record<string, unknown>

/** Collects metric series: typed columns per key, in the order logged. */
export class SeriesBuilder {
  private readonly series = new Map<string, HistoryBuilder>()
  get size(): number {
    return this.series.size
  }
  /** Adds one history row: `_step` (else `fallbackStep`) is its step, `_timestamp` its time; other `_` keys are not metrics. */
  addRow(row: NestedObject, fallbackStep: number): void {
    const step = typeof row._step === 'number' && Number.isFinite(row._step) ? row._step : fallbackStep
    const ts =
      typeof row._timestamp === 'number' && Number.isFinite(row._timestamp)
        ? Math.round(row._timestamp * 1000)
        : undefined
    numericLeaves(row, '', (key, value) => {
      let points = this.series.get(key)
      // Sorted by step (stable, so repeated steps keep their order); the last value is the highest step's last.
      if (!points)
        this.series.set(
          key,
          (points = new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'keep' }))
        )
      points.add(step, value, ts)
    })
  }
  /** Each series: its last value (highest step, last written) and its history, sorted by step and thinned. */
  entries(): [string, Metric][] {
    const out: [string, Metric][] = []
    for (const [k, points] of this.series) {
      const built = points.buildColumns()
      if (built) out.push([k, metricFromColumns(built)])
    }
    return out
  }
}

/** Calls `emit` for each numeric leaf; keys starting with `_` and objects with a `_type` (media, tables, graphs) are skipped. */
export function numericLeaves(
  obj: NestedObject,
  prefix: string,
  emit: (key: string, value: number) => void,
  depth = 0
): void {
  if (depth > 16) return
  for (const key of Object.keys(obj)) {
    if (key.startsWith('_')) continue
    const value = obj[key]
    const name = prefix ? `${prefix}/${key}` : key
    if (typeof value === 'number') emit(name, value)
    else if (value instanceof ExactNumber) emit(name, value.value)
    else if (isRecord(value) && !('_type' in value)) numericLeaves(value, name, emit, depth + 1)
  }
}

/** Streams wandb-history.jsonl (pre-0.10 layout) line by line into `series`. */
export async function readHistoryJsonl(
  file: string,
  run: string,
  series: SeriesBuilder,
  ctx: ReadContext
): Promise<void> {
  const stream = await ctx.openStream(file, { run })
  if (!stream) return
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  let line = 0
  let rows = 0
  let lastBad: { line: number; message: string } | undefined
  for await (const textLine of lines) {
    line++
    if (lastBad) {
      ctx.error(file, `line is not a JSON object of history values: ${lastBad.message}; it was skipped`, {
        run,
        line: lastBad.line
      })
      lastBad = undefined
    }
    if (!textLine.trim()) continue
    let row: unknown
    try {
      row = JSON.parse(textLine)
    } catch {
      try {
        row = plainJson(parseJsonLenient(textLine).value)
      } catch (e) {
        lastBad = { line, message: (e as Error).message }
        continue
      }
    }
    if (!isRecord(row)) {
      ctx.error(
        file,
        `line holds ${Array.isArray(row) ? 'a list' : typeof row}; expected a JSON object of history values. It was skipped`,
        { run, line }
      )
      continue
    }
    series.addRow(row, rows++)
  }
  // A bad last line is the normal end of a run killed while writing.
  if (lastBad)
    ctx.warn(file, `the last line is incomplete (${lastBad.message}); it was skipped`, {
      run,
      line: lastBad.line
    })
}
