// Weights & Biases local run folders: `wandb/run-*`, `wandb/offline-run-*` and the pre-0.10 layout (files
// directly in the run folder). Reads wandb-summary.json, config.yaml, wandb-metadata.json, requirements.txt,
// wandb-history.jsonl, and the binary run log `run-<id>.wandb` (LevelDB-style log of protobuf Records), which is
// all an offline run may leave. The log is streamed block by block, never read whole.
import { createInterface } from 'node:readline'
import path from 'node:path'
import {
  flattenParams,
  makeRun,
  type Metric,
  type Run,
  type RunMetadata,
  type RunStatus
} from '../core/run.js'
import { isRecord } from './structured.js'
import type { ReadContext } from './context.js'
import { crc32 } from './crc.js'
import { HistoryBuilder, metricFromBuilt } from './history.js'
import { ExactNumber, parseJsonLenient, plainJson } from './json.js'
import { ProtoError, ProtoReader } from './protobuf.js'
import type { Claim, DirListing, RunSource } from './source.js'

/** A run folder name: `run-<date>_<time>-<id>` or `offline-run-…`. */
const RUN_DIR = /^(?:offline-)?run-.*?([A-Za-z0-9]+)$/
/** Files that mark a folder as a W&B run (besides the `files/` folder of current versions). */
const RUN_MARKERS = ['wandb-summary.json', 'wandb-metadata.json', 'wandb-history.jsonl']
const isRunLog = (f: string) => f.endsWith('.wandb')

/** Reads W&B run folders: a `wandb` directory (every run in it) or one run folder given explicitly. */
export const wandbSource: RunSource = {
  format: 'wandb',
  claim(listing: DirListing): Claim[] {
    if (listing.name === 'wandb' && listing.dirs.some(d => RUN_DIR.test(d)))
      return [{ path: listing.path, exclusive: true }]
    if (
      RUN_DIR.test(listing.name) &&
      (listing.files.some(f => isRunLog(f) || RUN_MARKERS.includes(f)) || listing.dirs.includes('files'))
    ) {
      return [{ path: listing.path, exclusive: true }]
    }
    return []
  },
  async read(claimPath: string, ctx: ReadContext): Promise<Run[]> {
    if (RUN_DIR.test(path.basename(claimPath)) && path.basename(claimPath) !== 'wandb') {
      const run = await readWandbRun(claimPath, ctx)
      return run ? [run] : []
    }
    // `latest-run` and other symbolic links to run folders are not listed (ctx.list leaves out linked folders),
    // so a run is read once; `debug.log`, `settings` and the like are files and ignored here.
    const { dirs } = await ctx.list(claimPath)
    const runs: Run[] = []
    for (const dir of dirs.filter(d => RUN_DIR.test(d))) {
      const run = await readWandbRun(path.join(claimPath, dir), ctx)
      if (run) runs.push(run)
    }
    return runs
  }
}

/** What the run log says, accumulated over its records. */
interface LogContents {
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

type NestedObject = Record<string, unknown>

/** Reads one run folder (any layout); undefined with a warning when it holds nothing a run is made of. */
export async function readWandbRun(dir: string, ctx: ReadContext): Promise<Run | undefined> {
  const folder = path.basename(dir)
  const runId = RUN_DIR.exec(folder)?.[1] ?? folder
  const place = { run: folder }
  const top = await ctx.list(dir)
  const sub = top.dirs.includes('files') ? await ctx.list(path.join(dir, 'files')) : { files: [], dirs: [] }
  const legacy = !top.dirs.includes('files')
  /** A run file from `files/` (current layout) or the run folder itself (pre-0.10 layout). */
  const find = (name: string): string | undefined =>
    sub.files.includes(name)
      ? path.join(dir, 'files', name)
      : top.files.includes(name)
        ? path.join(dir, name)
        : undefined

  const logFile = top.files.find(isRunLog)
  const files = {
    summary: find('wandb-summary.json'),
    config: find('config.yaml'),
    metadata: find('wandb-metadata.json'),
    requirements: find('requirements.txt'),
    history: find('wandb-history.jsonl'),
    description: find('description.md')
  }
  if (!logFile && !files.summary && !files.config && !files.metadata && !files.history) {
    ctx.warn(
      dir,
      `W&B run folder has no run-${runId}.wandb, wandb-summary.json, config.yaml, wandb-metadata.json or wandb-history.jsonl; it was skipped`,
      place
    )
    return undefined
  }

  const series = new SeriesBuilder()
  const log = logFile ? await readRunLog(path.join(dir, logFile), folder, series, ctx) : undefined

  // Summary: the log's, overridden by wandb-summary.json (which may only hold {"_wandb": {"runtime": N}}).
  const summary = new Map<string, number>()
  if (log) numericLeaves(log.summary, '', (k, v) => summary.set(k, v))
  if (files.summary) {
    const raw = await ctx.readJson(files.summary, place)
    if (raw !== undefined) {
      if (isRecord(raw)) numericLeaves(plainJson(raw) as NestedObject, '', (k, v) => summary.set(k, v))
      else ctx.error(files.summary, `must hold a JSON object of summary values, found ${typeof raw}`, place)
    }
  }
  if (files.history && !series.size) await readHistoryJsonl(files.history, folder, series, ctx)

  const metrics: Record<string, Metric> = {}
  for (const [key, { value: last, history }] of series.entries()) {
    const value = summary.get(key) ?? last
    metrics[key] = { value, history }
  }
  for (const [key, value] of summary) if (!metrics[key]) metrics[key] = { value }

  // Config: config.yaml when present, otherwise what the log recorded.
  let params: Run['params'] = {}
  if (files.config) {
    const raw = await ctx.readYaml(files.config, place)
    if (isRecord(raw)) params = flattenParams(unwrapConfig(raw))
    else if (raw !== undefined && raw !== null)
      ctx.error(files.config, 'must be a YAML mapping of config keys to {value: …}', place)
  } else if (log) {
    const config = { ...log.config }
    delete config._wandb
    params = flattenParams(config)
  }

  const metadata: Partial<RunMetadata> & { environment: Record<string, string>; tags: string[] } = {
    environment: {},
    tags: []
  }
  let status: RunStatus = 'finished'
  let statusReason: string | undefined
  if (files.metadata) {
    const raw = await ctx.readJson(files.metadata, place)
    if (isRecord(raw)) {
      const m = plainJson(raw) as NestedObject
      const git = isRecord(m.git) ? m.git : {}
      metadata.gitCommit = text(git.commit)
      setEnv(metadata.environment, 'python', text(m.python))
      setEnv(metadata.environment, 'host', text(m.host))
      setEnv(metadata.environment, 'os', text(m.os))
      setEnv(metadata.environment, 'gpu', text(m.gpu))
      setEnv(metadata.environment, 'cuda', text(m.cuda))
      metadata.startedAt = isoTime(text(m.startedAt))
      // Only the pre-0.10 layout updates state and exitcode at the end; later versions leave "running".
      const exitcode = typeof m.exitcode === 'number' ? m.exitcode : undefined
      if (exitcode !== undefined) {
        status = exitcode === 0 ? 'finished' : 'failed'
        if (exitcode !== 0) statusReason = `exit code ${exitcode}`
      } else if (legacy && m.state === 'running') {
        status = 'running'
        statusReason = 'wandb-metadata.json says "running" and records no exit code'
      }
    } else if (raw !== undefined)
      ctx.error(files.metadata, 'must hold a JSON object (os, python, host, git …)', place)
  }
  if (log) {
    const env = log.environment
    metadata.gitCommit ??= env.gitCommit ?? log.run.gitCommit
    setEnv(metadata.environment, 'python', env.python ?? log.run.python)
    setEnv(metadata.environment, 'host', env.host ?? log.run.host)
    setEnv(metadata.environment, 'os', env.os)
    metadata.startedAt ??= log.run.startedAt ?? env.startedAt
    if (log.run.group) metadata.group = log.run.group
    if (log.run.notes) metadata.notes = log.run.notes
    if (log.run.tags.length) metadata.tags = log.run.tags
    if (log.run.entity && log.run.project && log.run.id && !folder.startsWith('offline-')) {
      metadata.url = `https://wandb.ai/${encodeURIComponent(log.run.entity)}/${encodeURIComponent(log.run.project)}/runs/${encodeURIComponent(log.run.id)}`
    }
    if (log.exit) {
      status = log.exit.code === 0 ? 'finished' : 'failed'
      statusReason = log.exit.code === 0 ? undefined : `exit code ${log.exit.code}`
    } else if (!log.failed) {
      status = log.truncated ? 'killed' : 'running'
      statusReason = log.truncated
        ? 'the run log ends in the middle of a record and has no exit record (the process was killed)'
        : 'the run log has no exit record (still running, or stopped without finishing)'
    }
  }
  if (files.requirements) await readRequirements(files.requirements, folder, metadata.environment, ctx)
  if (files.description) {
    const description = (await ctx.readText(files.description, place))?.trim()
    if (description) metadata.description = description
  }
  metadata.status = status
  if (statusReason) metadata.statusReason = statusReason

  return makeRun({
    id: `wandb:${ctx.rel(dir)}`,
    name: log?.run.name || runId,
    source: 'wandb',
    path: ctx.rel(dir),
    params,
    metrics,
    metadata: metadata as RunMetadata
  })
}

/** Drops `_wandb` and `wandb_version`, and unwraps `{desc: null, value: …}` entries of a config.yaml. */
function unwrapConfig(raw: NestedObject): NestedObject {
  const out: NestedObject = {}
  for (const [key, value] of Object.entries(raw)) {
    if (key === '_wandb' || key === 'wandb_version') continue
    const wrapped =
      isRecord(value) && 'value' in value && Object.keys(value).every(k => k === 'value' || k === 'desc')
    out[key] = wrapped ? value.value : value
  }
  return out
}

/** Collects metric series: typed columns per key, in the order logged. */
class SeriesBuilder {
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
      const built = points.build()
      if (built) out.push([k, metricFromBuilt(built)])
    }
    return out
  }
}

/** Calls `emit` for each numeric leaf; keys starting with `_` and objects with a `_type` (media, tables, graphs) are skipped. */
function numericLeaves(
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

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim()
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined
}

function setEnv(env: Record<string, string>, key: string, value: string | undefined): void {
  if (value === undefined || env[key] !== undefined) return
  env[key] = key === 'python' ? value.replace(/^CPython /, '') : value
}

/** W&B writes local times without a zone but means UTC; adds the `Z`. */
function isoTime(value: string | undefined): string | undefined {
  if (!value) return undefined
  return /^\d{4}-\d\d-\d\dT[\d:.]+$/.test(value) ? `${value}Z` : value
}

// ---------------------------------------------------------------------------------------------------------------
// The run log: a 7-byte header (":W&B", magic 0xBEE1, version 0), then 32 KiB blocks of records, each with a
// 7-byte header (CRC-32 of type and data, little-endian uint16 length, type FULL/FIRST/MIDDLE/LAST).

const BLOCK = 32768
const HEADER = 7
const FULL = 1
const FIRST = 2
const MIDDLE = 3
const LAST = 4

/** How a scan of a run log ended. */
export interface RunLogScan {
  /** Whole records passed to the callback. */
  records: number
  /** True when the log ends inside a record (the normal end of a killed or still-running process). */
  truncated: boolean
  /** Set when the file is not a W&B log or is corrupt: what, and at which byte. Records before it were passed on. */
  error?: { offset: number; message: string }
}

/**
 * Scans a W&B run log from a stream of chunks, calling `onRecord` with each whole record (a view valid only
 * during the call) and its byte offset. Checks every CRC; stops at the first corrupt byte.
 */
export async function scanRunLog(
  chunks: AsyncIterable<Buffer>,
  onRecord: (data: Buffer, offset: number) => void
): Promise<RunLogScan> {
  const result: RunLogScan = { records: 0, truncated: false }
  let pending: Buffer = Buffer.alloc(0)
  let blockStart = 0
  let fragments: Buffer[] | undefined
  let fragmentsOffset = 0
  let stopped = false

  /** Parses one block (full, or the last partial one). Returns false to stop scanning. */
  const parseBlock = (buf: Buffer, final: boolean): boolean => {
    let pos = 0
    if (blockStart === 0) {
      if (buf.length < HEADER) {
        if (buf.length === 0)
          result.error = { offset: 0, message: 'is empty; a W&B run log starts with a 7-byte header' }
        else result.truncated = true
        return false
      }
      if (buf.toString('latin1', 0, 4) !== ':W&B' || buf.readUInt16LE(4) !== 0xbee1 || buf[6] !== 0) {
        result.error = {
          offset: 0,
          message: `is not a W&B run log: it starts with ${JSON.stringify(buf.toString('latin1', 0, 7))}, expected ":W&B" and the magic 0xBEE1, version 0`
        }
        return false
      }
      pos = HEADER
    }
    while (pos + HEADER <= buf.length) {
      const at = blockStart + pos
      const crc = buf.readUInt32LE(pos)
      const len = buf.readUInt16LE(pos + 4)
      const type = buf[pos + 6]
      if (type === 0 && len === 0 && crc === 0) {
        // Zero fill: preallocated space or the end of what was written.
        if (final) result.truncated = buf.subarray(pos).some(b => b !== 0) || fragments !== undefined
        return !final
      }
      const end = pos + HEADER + len
      if (end > buf.length) {
        if (final) {
          result.truncated = true
          return false
        }
        result.error = {
          offset: at,
          message: `record of ${len} bytes at byte ${at} runs past the end of its 32 KiB block; the log is corrupt from there`
        }
        return false
      }
      if (type < FULL || type > LAST) {
        result.error = {
          offset: at,
          message: `record at byte ${at} has type ${type}; expected 1 to 4 (FULL, FIRST, MIDDLE, LAST). The log is corrupt from there`
        }
        return false
      }
      const computed = crc32(buf, pos + 6, end)
      if (computed !== crc) {
        result.error = {
          offset: at,
          message: `record at byte ${at} fails its CRC-32 check (stored 0x${crc.toString(16)}, computed 0x${computed.toString(16)}); the log is corrupt from there`
        }
        return false
      }
      const data = buf.subarray(pos + HEADER, end)
      if (type === FULL || type === FIRST) {
        if (fragments) {
          result.error = {
            offset: at,
            message: `record at byte ${at} starts a new record while the one begun at byte ${fragmentsOffset} has no LAST part`
          }
          return false
        }
        if (type === FULL) {
          result.records++
          onRecord(data, at)
        } else {
          fragments = [Buffer.from(data)]
          fragmentsOffset = at
        }
      } else {
        if (!fragments) {
          result.error = {
            offset: at,
            message: `record at byte ${at} is a ${type === MIDDLE ? 'MIDDLE' : 'LAST'} part with no FIRST part before it`
          }
          return false
        }
        fragments.push(Buffer.from(data))
        if (type === LAST) {
          const whole = Buffer.concat(fragments)
          fragments = undefined
          result.records++
          onRecord(whole, fragmentsOffset)
        }
      }
      pos = end
    }
    if (final) {
      // Fewer than 7 bytes left: a trailer of zeros, or a record header cut short.
      if (buf.subarray(pos).some(b => b !== 0) || fragments) result.truncated = true
    }
    return true
  }

  for await (const chunk of chunks) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
    let offset = 0
    while (pending.length - offset >= BLOCK) {
      if (!parseBlock(pending.subarray(offset, offset + BLOCK), false)) {
        stopped = true
        break
      }
      offset += BLOCK
      blockStart += BLOCK
    }
    if (stopped) break
    pending = pending.subarray(offset)
  }
  if (!stopped) {
    if (pending.length || blockStart === 0) parseBlock(pending, true)
    else if (fragments) result.truncated = true
  }
  return result
}

/** Streams and decodes a run log into `series` and the returned contents; reports corruption. */
async function readRunLog(
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

// ---------------------------------------------------------------------------------------------------------------

/** Streams wandb-history.jsonl (pre-0.10 layout) line by line into `series`. */
async function readHistoryJsonl(
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

/** Reads requirements.txt into `packages.<name>` = version (or the requirement text) in the environment. */
async function readRequirements(
  file: string,
  run: string,
  env: Record<string, string>,
  ctx: ReadContext
): Promise<void> {
  const content = await ctx.readText(file, { run })
  if (content === undefined) return
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith('-')) continue
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:(===?|~=|>=|<=|@)\s*(.+))?$/.exec(line)
    if (!m) continue
    env[`packages.${m[1].toLowerCase()}`] = m[3]?.trim() ?? ''
  }
}
