// The records of a W&B run log (protobuf `Record`s inside the log framing of wandb-log.ts): history rows, summary
// and config updates, the run record, the exit record and the environment record, decoded as they stream by.
import type { ReadContext } from './context.js'
import { parseJsonLenient, plainJson } from './json.js'
import { ProtoError, ProtoReader } from './protobuf.js'
import { isRecord } from './structured.js'
import type { NestedObject, SeriesBuilder } from './wandb-history.js'
import { scanRunLog, type RunLogScan } from './wandb-log.js'

/** What the run log says, accumulated over its records. */
export interface LogContents {
  records: number
  /** History rows decoded so far (the step of a row that has neither `_step` nor a step number). */
  rows: number
  history: SeriesBuilder
  summary: NestedObject
  config: NestedObject
  run: {
    id?: string
    name?: string
    group?: string
    notes?: string
    tags: string[]
    host?: string
    entity?: string
    project?: string
    startedAt?: string
    gitCommit?: string
    python?: string
  }
  environment: { os?: string; python?: string; host?: string; startedAt?: string; gitCommit?: string }
  exit?: { code: number; runtime: number }
  truncated: boolean
  /** Set when the log is corrupt or not a W&B log; what was read before stays. */
  failed: boolean
}

/** Streams and decodes a run log into `series` and the returned contents; reports corruption. */
export async function readRunLog(
  file: string,
  run: string,
  series: SeriesBuilder,
  ctx: ReadContext
): Promise<LogContents | undefined> {
  const stream = await ctx.openStream(file, { run })
  if (!stream) return undefined
  const contents: LogContents = {
    records: 0,
    rows: 0,
    history: series,
    summary: Object.create(null),
    config: Object.create(null),
    run: { tags: [] },
    environment: {},
    truncated: false,
    failed: false
  }
  const reader = new ProtoReader(Buffer.alloc(0))
  let problems = 0
  let scan: RunLogScan
  try {
    scan = await scanRunLog(stream as AsyncIterable<Buffer>, (data, offset) => {
      try {
        decodeRecord(reader.reset(data, 0, data.length), contents)
      } catch (e) {
        if (!(e instanceof ProtoError)) throw e
        if (problems++ < 5)
          ctx.error(
            file,
            `record at byte ${offset} is not a valid W&B Record (${e.message}); it was skipped`,
            { run }
          )
      }
    })
  } catch (e) {
    ctx.error(file, `cannot be read: ${(e as Error).message}`, { run })
    contents.failed = true
    return contents
  } finally {
    ;(stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.()
  }
  contents.records = scan.records
  contents.truncated = scan.truncated
  if (scan.error) {
    contents.failed = true
    ctx.error(
      file,
      `${scan.error.message}. ${scan.records} whole records before it were read; wandb-summary.json and config.yaml are used where present`,
      { run }
    )
  }
  return contents
}

/** Decodes one Record, keeping history, summary, config, run, exit and environment (metadata) records. */
function decodeRecord(r: ProtoReader, c: LogContents): void {
  while (r.next()) {
    const field = r.field
    if (r.wire !== 2 || ![2, 3, 5, 17, 18, 26].includes(field)) {
      r.skip()
      continue
    }
    const end = r.bytes()
    const start = r.start
    const sub = new ProtoReader(r.buf, start, end)
    if (field === 2) decodeHistory(sub, c)
    else if (field === 3) decodeUpdates(sub, c.summary)
    else if (field === 5) decodeUpdates(sub, c.config)
    else if (field === 17) decodeRunRecord(sub, c)
    else if (field === 18) decodeExit(sub, c)
    else decodeEnvironment(sub, c)
  }
}

/** Reads a HistoryItem/SummaryItem/ConfigItem: key (1) or nested_key (2, repeated), value_json (16). */
function decodeItem(r: ProtoReader): { keys: string[]; value: unknown } | undefined {
  let key: string | undefined
  const nested: string[] = []
  let json: string | undefined
  while (r.next()) {
    if (r.field === 1 && r.wire === 2) key = r.string()
    else if (r.field === 2 && r.wire === 2) nested.push(r.string())
    else if (r.field === 16 && r.wire === 2) json = r.string()
    else r.skip()
  }
  const keys = nested.length ? nested : key !== undefined ? [key] : []
  if (!keys.length) return undefined
  return { keys, value: json === undefined ? undefined : parseValueJson(json) }
}

function subReader(r: ProtoReader): ProtoReader {
  const end = r.bytes()
  return new ProtoReader(r.buf, r.start, end)
}

function decodeHistory(r: ProtoReader, c: LogContents): void {
  const row: NestedObject = Object.create(null)
  let stepNum: number | undefined
  while (r.next()) {
    if (r.field === 1 && r.wire === 2) {
      const item = decodeItem(subReader(r))
      if (item && item.value !== undefined) setPath(row, item.keys, item.value)
    } else if (r.field === 2 && r.wire === 2) {
      const s = subReader(r)
      stepNum = 0
      while (s.next()) {
        if (s.field === 1 && s.wire === 0) stepNum = s.int64()
        else s.skip()
      }
    } else r.skip()
  }
  c.history.addRow(row, stepNum ?? c.rows)
  c.rows++
}

/** Applies a SummaryRecord or ConfigRecord: update (1) and remove (2) items. */
function decodeUpdates(r: ProtoReader, target: NestedObject): void {
  while (r.next()) {
    if ((r.field === 1 || r.field === 2) && r.wire === 2) {
      const remove = r.field === 2
      const item = decodeItem(subReader(r))
      if (!item) continue
      if (remove) deletePath(target, item.keys)
      else if (item.value !== undefined) setPath(target, item.keys, item.value)
    } else r.skip()
  }
}

function decodeTimestamp(r: ProtoReader): string | undefined {
  let seconds = 0
  let nanos = 0
  while (r.next()) {
    if (r.field === 1 && r.wire === 0) seconds = r.int64()
    else if (r.field === 2 && r.wire === 0) nanos = r.int64()
    else r.skip()
  }
  const ms = seconds * 1000 + Math.floor(nanos / 1e6)
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) || seconds <= 0 ? undefined : date.toISOString()
}

function decodeGit(r: ProtoReader): { remote?: string; commit?: string } {
  const git: { remote?: string; commit?: string } = {}
  while (r.next()) {
    if (r.field === 1 && r.wire === 2) git.remote = r.string()
    else if (r.field === 2 && r.wire === 2) git.commit = r.string()
    else r.skip()
  }
  return git
}

/** RunRecord: run_id 1, entity 2, project 3, config 4, summary 5, run_group 6, display_name 8, notes 9, tags 10, host 13, start_time 17, telemetry 19, git 21. */
function decodeRunRecord(r: ProtoReader, c: LogContents): void {
  const run = c.run
  while (r.next()) {
    const f = r.field
    if (r.wire !== 2) {
      r.skip()
      continue
    }
    if (f === 1) run.id = r.string() || run.id
    else if (f === 2) run.entity = r.string() || run.entity
    else if (f === 3) run.project = r.string() || run.project
    else if (f === 4) decodeUpdates(subReader(r), c.config)
    else if (f === 5) decodeUpdates(subReader(r), c.summary)
    else if (f === 6) run.group = r.string() || run.group
    else if (f === 8) run.name = r.string() || run.name
    else if (f === 9) run.notes = r.string() || run.notes
    else if (f === 10) {
      const tag = r.string()
      if (!run.tags.includes(tag)) run.tags.push(tag)
    } else if (f === 13) run.host = r.string() || run.host
    else if (f === 17) run.startedAt = decodeTimestamp(subReader(r)) ?? run.startedAt
    else if (f === 19) {
      const t = subReader(r)
      while (t.next()) {
        if (t.field === 4 && t.wire === 2) run.python = t.string() || run.python
        else t.skip()
      }
    } else if (f === 21) run.gitCommit = decodeGit(subReader(r)).commit || run.gitCommit
    else r.skip()
  }
}

/** RunExitRecord: exit_code 1, runtime 2. */
function decodeExit(r: ProtoReader, c: LogContents): void {
  const exit = { code: 0, runtime: 0 }
  while (r.next()) {
    if (r.field === 1 && r.wire === 0) exit.code = r.int64()
    else if (r.field === 2 && r.wire === 0) exit.runtime = r.int64()
    else r.skip()
  }
  c.exit = exit
}

/** The environment (metadata) record of wandb ≥ 0.19: os 1, python 2, started_at 3, git 9, host 12. */
function decodeEnvironment(r: ProtoReader, c: LogContents): void {
  const env = c.environment
  while (r.next()) {
    const f = r.field
    if (r.wire !== 2) r.skip()
    else if (f === 1) env.os = r.string() || env.os
    else if (f === 2) env.python = r.string() || env.python
    else if (f === 3) env.startedAt = decodeTimestamp(subReader(r)) ?? env.startedAt
    else if (f === 9) env.gitCommit = decodeGit(subReader(r)).commit || env.gitCommit
    else if (f === 12) env.host = r.string() || env.host
    else r.skip()
  }
}

/** Parses an item's value_json: fast for plain numbers, lenient (NaN, Infinity) otherwise; undefined when it does not parse. */
function parseValueJson(text: string): unknown {
  const n = text.length < 32 && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined
  if (n !== undefined) return n
  try {
    return plainJson(parseJsonLenient(text).value)
  } catch {
    return undefined
  }
}

/** Sets a value at a nested path, creating null-prototype objects (untrusted keys such as `__proto__` stay data). */
function setPath(target: NestedObject, keys: string[], value: unknown): void {
  let obj = target
  for (let i = 0; i < keys.length - 1; i++) {
    const next = obj[keys[i]]
    if (isRecord(next)) obj = next
    else {
      const created: NestedObject = Object.create(null)
      obj[keys[i]] = created
      obj = created
    }
  }
  obj[keys[keys.length - 1]] = value
}

function deletePath(target: NestedObject, keys: string[]): void {
  let obj: unknown = target
  for (let i = 0; i < keys.length - 1; i++) obj = isRecord(obj) ? obj[keys[i]] : undefined
  if (isRecord(obj)) delete obj[keys[keys.length - 1]]
}
