// Guarded file access for the readers: stays inside the workspace, limits sizes, and records every
// problem as a diagnostic instead of throwing, so one bad file never stops a review.
import { createReadStream } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
// Small files are read with synchronous calls: thousands of tiny run files read far faster without a thread-pool
// round trip per call, and a review has nothing else to do meanwhile. Large files are streamed.
import {
  closeSync,
  constants as fsConstants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync
} from 'node:fs'
import path from 'node:path'
import type { Diagnostic } from '../core/run.js'
import { selectAll, type RunSelection } from '../core/selection.js'
import { parseFlatYaml } from './flat-yaml.js'
import { ExactNumber, JsonSyntaxError, parseJsonLenient } from './json.js'
import { ReadBuffer } from './read-buffer.js'
import { filesAndFolders } from './walk.js'

/** Limits of one collection: files read whole (larger ones are streamed or skipped with a diagnostic), folders walked. */
export interface ReadLimits {
  /** The largest JSON, YAML or text file read whole into memory. */
  maxTextBytes: number
  /** The most folders one search for runs (or one runs glob) walks before it stops and says so. */
  maxFolders: number
}

/** The default limits: 64 MiB for any file read whole, 200,000 folders per search. */
export const DEFAULT_LIMITS: ReadLimits = { maxTextBytes: 64 * 1024 * 1024, maxFolders: 200_000 }

/** Where a diagnostic applies, besides the file; `missingOk` makes a missing file no problem (undefined, silently). */
export type DiagnosticPlace = Omit<Diagnostic, 'severity' | 'file' | 'message'> & { missingOk?: boolean }

/** What a reader gets: the workspace, the limits, guarded reads and the diagnostics sink. */
export interface ReadContext {
  readonly workspace: string
  readonly limits: ReadLimits
  readonly diagnostics: Diagnostic[]
  /** The experiments selected (`--experiment`, rules-file `select`); readers of shared stores skip the others. */
  readonly selection: RunSelection
  /** Runs a store did not read because their experiment was not selected, counted by experiment name. */
  readonly unselected: Map<string, number>
  /** The path relative to the workspace, with forward slashes, for messages and run ids. */
  rel(file: string): string
  warn(file: string, message: string, place?: DiagnosticPlace): void
  error(file: string, message: string, place?: DiagnosticPlace): void
  /** Resolves a path and says whether it stays inside the workspace or a named root (symbolic links resolved). */
  insideWorkspace(file: string): Promise<boolean>
  /** What the reads are confined to, for messages: "the workspace" or "the workspace and the runs paths given". */
  readonly scope: string
  /** Reads a text file whole; undefined (with a diagnostic) when missing, outside, too large or binary. */
  readText(file: string, place?: DiagnosticPlace): Promise<string | undefined>
  /** Reads a binary file whole under the size limit; undefined (with a diagnostic) otherwise. */
  readBytes(file: string, place?: DiagnosticPlace, maxBytes?: number): Promise<Buffer | undefined>
  /** Opens a file for streaming (no size limit); undefined (with a diagnostic) when it must not be read. */
  openStream(
    file: string,
    place?: DiagnosticPlace,
    options?: { highWaterMark?: number }
  ): Promise<NodeJS.ReadableStream | undefined>
  /**
   * Streams a file's bytes (no size limit) in chunks of up to `chunkSize` bytes read into one reused buffer: a chunk
   * is valid only until the next one is asked for (copy what must outlive it). Fresh memory for every chunk, as a
   * stream gives, costs more than the read itself on a large file. Undefined (with a diagnostic) when the file must
   * not be read; a failure to open or read it is thrown while iterating.
   */
  readChunks(
    file: string,
    place?: DiagnosticPlace,
    chunkSize?: number
  ): Promise<AsyncIterable<Buffer> | undefined>
  /**
   * Opens a file to read at offsets (no size limit): its size, its descriptor, and chunks from any offset as
   * readChunks gives them. Undefined (with a diagnostic) when the file must not be read; a failure to open it is
   * thrown. The caller closes it.
   */
  openFile(file: string, place?: DiagnosticPlace): Promise<OpenedFile | undefined>
  /** Reads and parses lenient JSON; undefined (with a diagnostic naming line and column) when it does not parse. */
  readJson(file: string, place?: DiagnosticPlace): Promise<unknown>
  /** Reads and parses YAML (aliases bounded, unknown tags kept as plain values); undefined on error. */
  readYaml(file: string, place?: DiagnosticPlace): Promise<unknown>
  /** Parses lenient JSON text already read from `file`; undefined (with a diagnostic) when it does not parse. */
  parseJson(text: string, file: string, place?: DiagnosticPlace): unknown
  /** Parses YAML text already read from `file`; undefined (with a diagnostic) when it does not parse. */
  parseYaml(text: string, file: string, place?: DiagnosticPlace): Promise<unknown>
  /** Lists a directory: files and sub-directories, symbolic links to outside the workspace left out. */
  list(dir: string): Promise<{ files: string[]; dirs: string[] }>
  /** Reports progress of a long collection (number of runs read so far). */
  progress(runsRead: number, where: string): void
}

/** A file opened by ReadContext.openFile. */
export interface OpenedFile {
  /** Its size when it was checked. */
  readonly size: number
  /** Its descriptor: a read worker of this process may read it at offsets (positioned reads only) until it is closed. */
  readonly fd: number
  /** Its bytes from `start` to the end, in chunks of up to `chunkSize` bytes read into one reused buffer. */
  chunks(start: number, chunkSize: number): AsyncIterable<Buffer>
  close(): Promise<void>
}

/** Options for a read context. */
export interface ReadContextOptions {
  /**
   * Paths the user named explicitly (action input, CLI argument), trusted wherever they are: files under them are
   * read like files in the workspace. A symbolic link found inside never leads out of the workspace and these roots.
   */
  roots?: string[]
  limits?: Partial<ReadLimits>
  onProgress?: (runsRead: number, where: string) => void
  /** The experiments selected; every experiment when absent. */
  selection?: RunSelection
}

/** Creates the guarded read context for one workspace. */
export async function createReadContext(
  workspace: string,
  options: ReadContextOptions = {}
): Promise<ReadContext> {
  return new GuardedReadContext(workspace, options)
}

/** The real path of `p`, or `p` itself when it does not exist (yet): reads will report it. */
export function realOf(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return p
  }
}

/** The bytes of `file` in chunks read into one buffer of `size` bytes (see ReadContext.readChunks). */
async function* chunksOf(file: string, size: number): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r')
  try {
    yield* chunksFrom(handle, 0, size)
  } finally {
    await handle.close()
  }
}

/** The bytes of an open file from `start` on, in chunks read into one buffer of `size` bytes. */
async function* chunksFrom(handle: FileHandle, start: number, size: number): AsyncGenerator<Buffer> {
  const buf = Buffer.allocUnsafe(size)
  for (let position = start; ;) {
    const { bytesRead } = await handle.read(buf, 0, size, position)
    if (bytesRead === 0) return
    position += bytesRead
    yield bytesRead === size ? buf : buf.subarray(0, bytesRead)
  }
}

/** Whether `p` is `dir` or inside it (both absolute). */
function under(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep)
}

/** The code of a file-system error, for messages. */
function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e)
}

/** A trusted root: a path as given and as its real path (different when it goes through a symbolic link). */
interface TrustedRoot {
  given: string
  real: string
}

/** The buffer small text files are read into (each is decoded before the next is read: see readText). */
const TEXT_BUFFER = new ReadBuffer()

/** The ReadContext of createReadContext: every read confined to the trusted roots; see the file comment. */
class GuardedReadContext implements ReadContext {
  readonly workspace: string
  readonly scope: string
  readonly limits: ReadLimits
  readonly diagnostics: Diagnostic[] = []
  readonly selection: RunSelection
  readonly unselected = new Map<string, number>()
  /** Every trusted root: the workspace and the paths named explicitly, as given and as real paths. */
  private readonly roots: TrustedRoot[]
  private readonly onProgress: ReadContextOptions['onProgress']

  constructor(workspace: string, options: ReadContextOptions) {
    const given = path.resolve(workspace)
    const root = realOf(given)
    this.workspace = root
    this.roots = [
      { given, real: root },
      ...(options.roots ?? []).map(r => {
        const abs = path.resolve(root, r)
        return { given: abs, real: realOf(abs) }
      })
    ]
    this.scope = this.roots.length > 1 ? 'the workspace and the runs paths given' : 'the workspace'
    this.limits = { ...DEFAULT_LIMITS, ...options.limits }
    this.selection = options.selection ?? selectAll()
    this.onProgress = options.onProgress
  }

  /** A path made absolute with its trusted root resolved: one given through a linked root path is mapped. */
  private resolve(file: string): string {
    const abs = path.resolve(this.workspace, file)
    for (const r of this.roots)
      if (r.given !== r.real && under(abs, r.given)) return r.real + abs.slice(r.given.length)
    return abs
  }

  private within(p: string): boolean {
    return this.roots.some(r => under(p, r.real))
  }

  /** Relative to the workspace when inside it; the absolute path when under another root. */
  rel = (file: string): string => {
    const abs = this.resolve(file)
    if (!under(abs, this.workspace) && this.within(abs)) return abs.split(path.sep).join('/')
    const r = path.relative(this.workspace, abs)
    return (r === '' ? '.' : r).split(path.sep).join('/')
  }

  private add(severity: Diagnostic['severity'], file: string, message: string, place: DiagnosticPlace = {}) {
    const { missingOk: _missingOk, ...where } = place
    this.diagnostics.push({ severity, file: this.rel(file), message, ...stripUndefined(where) })
  }

  warn = (file: string, message: string, place?: DiagnosticPlace): void =>
    this.add('warning', file, message, place)

  error = (file: string, message: string, place?: DiagnosticPlace): void =>
    this.add('error', file, message, place)

  insideWorkspace = async (file: string): Promise<boolean> => {
    try {
      return this.within(realpathSync(this.resolve(file)))
    } catch {
      return this.within(this.resolve(file))
    }
  }

  /** Checks a file before reading it: inside the workspace, a regular file, and its size. */
  private async admit(file: string, place?: DiagnosticPlace): Promise<{ size: number } | undefined> {
    const abs = this.resolve(file)
    if (!this.within(abs)) {
      this.add('error', abs, `is outside ${this.scope}; it was not read`, place)
      return undefined
    }
    let info
    try {
      info = lstatSync(abs)
    } catch (e) {
      if (place?.missingOk && (e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      this.add('error', abs, `cannot read the file: ${errorCode(e)}`, place)
      return undefined
    }
    if (info.isSymbolicLink()) {
      if (!(await this.insideWorkspace(abs))) {
        this.add('error', abs, `is a symbolic link that leaves ${this.scope}; it was not followed`, place)
        return undefined
      }
      try {
        info = statSync(abs)
      } catch {
        this.add('error', abs, 'is a symbolic link to nothing (dangling); it was skipped', place)
        return undefined
      }
    }
    if (!info.isFile()) {
      this.add('error', abs, 'is not a regular file; it was skipped', place)
      return undefined
    }
    return { size: info.size }
  }

  private tooLarge(file: string, size: number, maxBytes: number, place?: DiagnosticPlace): undefined {
    this.add(
      'error',
      file,
      `is ${size} bytes, over the ${maxBytes}-byte limit for reading a file whole; it was skipped`,
      place
    )
    return undefined
  }

  /**
   * The common case of readBytes and readText in one open: O_NOFOLLOW refuses a symbolic link (ELOOP), which then
   * goes through admit(). `read` turns the open file (and its size) into the result before the file is closed.
   * `null` when this way does not apply (outside, a link, not a regular file); undefined after a diagnostic.
   */
  private readRegularFile<T>(
    file: string,
    abs: string,
    maxBytes: number,
    place: DiagnosticPlace | undefined,
    read: (fd: number, size: number) => T
  ): T | undefined | null {
    if (!this.within(abs)) return null
    let fd: number
    try {
      fd = openSync(abs, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW)
    } catch {
      return null
    }
    try {
      const info = fstatSync(fd)
      if (!info.isFile()) return null
      if (info.size > maxBytes) return this.tooLarge(file, info.size, maxBytes, place)
      return read(fd, info.size)
    } catch (e) {
      this.add('error', file, `cannot read the file: ${errorCode(e)}`, place)
      return undefined
    } finally {
      closeSync(fd)
    }
  }

  async readBytes(file: string, place?: DiagnosticPlace, maxBytes = this.limits.maxTextBytes) {
    const abs = this.resolve(file)
    const direct = this.readRegularFile(file, abs, maxBytes, place, fd => readFileSync(fd))
    if (direct !== null) return direct
    return this.readAdmitted(file, abs, maxBytes, place)
  }

  /** readBytes through admit(): a symbolic link inside the workspace, or a diagnostic saying why not. */
  private async readAdmitted(file: string, abs: string, maxBytes: number, place?: DiagnosticPlace) {
    const admitted = await this.admit(file, place)
    if (!admitted) return undefined
    if (admitted.size > maxBytes) return this.tooLarge(file, admitted.size, maxBytes, place)
    try {
      return readFileSync(abs)
    } catch (e) {
      this.add('error', file, `cannot read the file: ${errorCode(e)}`, place)
      return undefined
    }
  }

  async readText(file: string, place?: DiagnosticPlace) {
    const abs = this.resolve(file)
    // The common case decodes from the reused read buffer before anything else can read into it.
    const direct = this.readRegularFile(file, abs, this.limits.maxTextBytes, place, (fd, size) =>
      this.textOf(file, TEXT_BUFFER.read(fd, size), place)
    )
    if (direct !== null) return direct
    const bytes = await this.readAdmitted(file, abs, this.limits.maxTextBytes, place)
    return bytes && this.textOf(file, bytes, place)
  }

  /** The UTF-8 text of a file's bytes without a byte order mark; undefined (with a diagnostic) when it is binary. */
  private textOf(file: string, bytes: Buffer, place?: DiagnosticPlace): string | undefined {
    const sample = bytes.subarray(0, 8192)
    if (sample.includes(0)) {
      this.add('error', file, 'is binary data (it contains NUL bytes), not text; it was skipped', place)
      return undefined
    }
    let text = bytes.toString('utf8')
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    return text
  }

  async openStream(file: string, place?: DiagnosticPlace, options?: { highWaterMark?: number }) {
    const admitted = await this.admit(file, place)
    if (!admitted) return undefined
    const { highWaterMark } = options ?? {}
    return createReadStream(this.resolve(file), highWaterMark ? { highWaterMark } : undefined)
  }

  async readChunks(file: string, place?: DiagnosticPlace, chunkSize = 1024 * 1024) {
    const admitted = await this.admit(file, place)
    if (!admitted) return undefined
    return chunksOf(this.resolve(file), Math.max(1, Math.min(chunkSize, admitted.size || 1)))
  }

  async openFile(file: string, place?: DiagnosticPlace): Promise<OpenedFile | undefined> {
    const admitted = await this.admit(file, place)
    if (!admitted) return undefined
    const handle = await open(this.resolve(file), 'r')
    return {
      size: admitted.size,
      fd: handle.fd,
      chunks: (start, chunkSize) =>
        chunksFrom(handle, start, Math.max(1, Math.min(chunkSize, admitted.size || 1))),
      close: () => handle.close()
    }
  }

  async readJson(file: string, place?: DiagnosticPlace) {
    const text = await this.readText(file, place)
    return text === undefined ? undefined : this.parseJson(text, file, place)
  }

  parseJson(text: string, file: string, place?: DiagnosticPlace): unknown {
    if (text.trim() === '') {
      this.add('error', file, 'is empty; expected a JSON value', place)
      return undefined
    }
    try {
      const { value, warnings } = parseJsonLenient(text)
      for (const w of warnings)
        this.add('warning', file, w.message, { ...place, key: w.key, line: w.line, column: w.column })
      return value
    } catch (e) {
      if (e instanceof JsonSyntaxError) {
        this.add('error', file, `is not valid JSON: ${e.message}`, {
          ...place,
          line: e.line,
          column: e.column
        })
        return undefined
      }
      throw e
    }
  }

  async readYaml(file: string, place?: DiagnosticPlace) {
    const text = await this.readText(file, place)
    return text === undefined ? undefined : this.parseYaml(text, file, place)
  }

  async parseYaml(text: string, file: string, place?: DiagnosticPlace): Promise<unknown> {
    const flat = text.length < 4096 ? parseFlatYaml(text) : undefined
    if (flat) return flat
    const { LineCounter, parseDocument } = await loadYaml()
    const lineCounter = new LineCounter()
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: false })
    const problem = doc.errors[0]
    if (problem) {
      const { line, col: column } = lineCounter.linePos(problem.pos[0])
      this.add('error', file, `is not valid YAML: ${problem.message.split('\n')[0]}`, {
        ...place,
        line,
        column
      })
      return undefined
    }
    try {
      // maxAliasCount stops "billion laughs" alias bombs; unknown tags (e.g. !!python/object) resolve as plain data.
      return doc.toJS({ maxAliasCount: 1000 })
    } catch (e) {
      this.add('error', file, `cannot be used: ${(e as Error).message}`, place)
      return undefined
    }
  }

  async list(dir: string) {
    const abs = this.resolve(dir)
    try {
      return filesAndFolders(abs, readdirSync(abs, { withFileTypes: true }))
    } catch (e) {
      this.add('error', dir, `cannot list the folder: ${errorCode(e)}`)
      return { files: [], dirs: [] }
    }
  }

  progress(runsRead: number, where: string): void {
    this.onProgress?.(runsRead, where)
  }
}

let yamlModule: Promise<typeof import('yaml')> | undefined
/** The YAML parser, loaded on first use: many workspaces hold no YAML, and the parser is a large module. */
export function loadYaml(): Promise<typeof import('yaml')> {
  yamlModule ??= import('yaml')
  return yamlModule
}

/** Turns a parsed JSON number (plain or exact) into a metric value, keeping the exact text when needed. */
export function numberFromJson(value: unknown): { value: number; exact?: string } | undefined {
  if (typeof value === 'number') return { value }
  if (value instanceof ExactNumber) return { value: value.value, exact: value.text }
  return undefined
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
