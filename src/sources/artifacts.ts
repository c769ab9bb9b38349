// What a run produced besides numbers: the images in its folder (built-in runs, MLflow artifacts, W&B media, DVC
// image plots and dvclive plots) and its confusion data (DVC `template: confusion` plots, W&B confusion tables).
// Image bytes are checked by their signature; a file whose content is not the image its name says is refused and
// named. Files are read only inside the workspace and never through a symbolic link.
import { createHash } from 'node:crypto'
import { lstat, readdir, readFile, realpath } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import { parse as parseYaml } from 'yaml'
import {
  DEFAULT_ARTIFACT_RULES,
  IMAGE_EXTENSIONS,
  type ArtifactRules,
  type ImageKind,
  type RunArtifacts
} from '../core/artifacts.js'
import { matrixFromCells, matrixFromPairs, type ConfusionMatrix } from '../core/confusion.js'
import type { Diagnostic, Run } from '../core/run.js'
import { parseJsonLenient } from './json.js'
import { isRecord } from './structured.js'
import { DVC_YAML } from './claims.js'
import { nestedDvcliveYamls } from './dvc-yaml.js'
import { filesAndFolders, SKIPPED_FOLDERS } from './walk.js'

/** The most files looked at in one run folder; a larger folder is searched only this far (with a warning). */
export const MAX_FILES_PER_RUN = 5000

/** The largest confusion data file read (a DVC confusion plot holds one row per sample). */
export const MAX_CONFUSION_FILE_BYTES = 64 * 1024 * 1024

const MAX_DEPTH = 8

/**
 * Where each format keeps its images, inside the run folder: anywhere in a built-in run's folder. A DVC project's
 * are the image plots its dvc.yaml names and dvclive's `plots/images/` (see readDvcPlots), never the whole project.
 */
const IMAGE_ROOTS: Partial<Record<Run['source'], string[]>> = {
  builtin: ['.'],
  mlflow: ['artifacts'],
  wandb: ['files/media/images']
}

/** The kind of image whose signature `bytes` start with; undefined when it is none of PNG, JPEG, GIF, SVG. */
export function imageKindOf(bytes: Buffer): ImageKind | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  const head = bytes.subarray(0, 6).toString('latin1')
  if (head === 'GIF87a' || head === 'GIF89a') return 'gif'
  // SVG is text: an optional BOM, XML declaration, comments or doctype, then the <svg element; never binary.
  const start = bytes.subarray(0, 4096)
  if (start.includes(0)) return undefined
  const textStart = start.toString('utf8').replace(/^\ufeff/, '')
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(textStart)) return 'svg'
  return undefined
}

const KIND_WORDS: Record<ImageKind, string> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', svg: 'SVG' }

/** Files below `dir` (relative, `/`-separated), not through symbolic links nor into skipped folders. */
async function listFiles(dir: string, limit: number): Promise<{ files: string[]; cut: boolean }> {
  const files: string[] = []
  const queue: { abs: string; rel: string; depth: number }[] = [{ abs: dir, rel: '', depth: 0 }]
  while (queue.length) {
    const { abs, rel, depth } = queue.shift()!
    let entries
    try {
      entries = await readdir(abs, { withFileTypes: true })
    } catch {
      continue
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name) && depth < MAX_DEPTH)
          queue.push({ abs: path.join(abs, e.name), rel: childRel, depth: depth + 1 })
      } else if (e.isFile()) {
        if (files.length >= limit) return { files, cut: true }
        files.push(childRel)
      }
    }
  }
  return { files, cut: false }
}

/** Whether `file` lies inside `root` (both absolute). */
function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** A run's folder: its path, and its real path resolved once, inside which every file read for the run must be. */
interface RunFolder {
  dir: string
  real: string
}

/**
 * Whether `file` may be read for the run: it lies inside the run folder, and so does the file it really is (no
 * folder on the way is a link out). A missing file passes (the caller reports or skips it).
 */
async function readableInside(folder: RunFolder, file: string): Promise<boolean> {
  if (!inside(folder.dir, file)) return false
  const realFile = await realpath(file).catch(() => undefined)
  return realFile === undefined || inside(folder.real, realFile)
}

/** Options of collectRunArtifacts. */
export interface ArtifactOptions {
  workspace: string
  rules?: ArtifactRules
}

/** The images and confusion data of one run, read from its folder. */
export async function collectRunArtifacts(run: Run, options: ArtifactOptions): Promise<RunArtifacts> {
  const workspace = path.resolve(options.workspace)
  const rules = options.rules ?? DEFAULT_ARTIFACT_RULES
  const dir = path.resolve(workspace, run.path)
  const out: RunArtifacts = { images: [], confusion: [], diagnostics: [], imagesOverCap: 0 }
  const rel = (abs: string) => path.relative(workspace, abs).split(path.sep).join('/')
  const report = (severity: Diagnostic['severity'], abs: string, message: string, key?: string) =>
    out.diagnostics.push({ severity, file: rel(abs), run: run.name, message, ...(key ? { key } : {}) })
  if (!inside(workspace, dir) || !(await isFolder(dir))) return out
  const folder: RunFolder = { dir, real: await realpath(dir) }

  const dvcPlots =
    run.source === 'dvc' ? await readDvcPlots(dir, report) : { images: [], imageRoots: [], confusion: [] }
  const roots = [...(IMAGE_ROOTS[run.source] ?? []), ...dvcPlots.imageRoots]
  if (roots.length || dvcPlots.images.length) {
    const files = new Set(dvcPlots.images)
    for (const root of roots) {
      const listed = await listFiles(
        path.join(dir, ...root.split('/').filter(r => r !== '.')),
        MAX_FILES_PER_RUN
      )
      if (listed.cut)
        report(
          'warning',
          path.join(dir, root),
          `has more than ${MAX_FILES_PER_RUN} files; images were looked for among the first`
        )
      for (const f of listed.files) files.add(root === '.' ? f : `${root}/${f}`)
    }
    const matches = rules.images.length ? picomatch(rules.images, { dot: true }) : undefined
    const candidates = [...files]
      .sort()
      .filter(f => IMAGE_EXTENSIONS[path.extname(f).toLowerCase()] !== undefined)
      .filter(f => (matches ? matches(f) : true))
    await pickImages(folder, candidates, rules, out, report, rel)
  }
  for (const plot of dvcPlots.confusion) {
    const matrix = await readConfusionPlot(folder, plot, report)
    if (matrix) out.confusion.push(matrix)
  }
  if (run.source === 'wandb')
    out.confusion.push(...(await readWandbTables(path.join(dir, 'files', 'media', 'table'), report)))
  if (run.source === 'mlflow')
    out.confusion.push(...(await readWandbTables(path.join(dir, 'artifacts'), report)))
  return out
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await lstat(p)).isDirectory()
  } catch {
    return false
  }
}

type Report = (severity: Diagnostic['severity'], abs: string, message: string, key?: string) => void

/** Reads the candidates in name order until `maxCount` images pass their checks; the others are counted. */
async function pickImages(
  folder: RunFolder,
  candidates: string[],
  rules: ArtifactRules,
  out: RunArtifacts,
  report: Report,
  rel: (abs: string) => string
): Promise<void> {
  for (const name of candidates) {
    const abs = path.resolve(folder.dir, ...name.split('/'))
    if (!(await readableInside(folder, abs))) continue
    if (out.images.length >= rules.maxCount) {
      out.imagesOverCap++
      continue
    }
    const info = await lstat(abs).catch(() => undefined)
    if (!info?.isFile()) continue
    if (info.size > rules.maxBytes) {
      report(
        'warning',
        abs,
        `is ${formatBytes(info.size)}, over the ${formatBytes(rules.maxBytes)} an image may take (artifacts.max_size); it is not shown`
      )
      continue
    }
    const bytes = await readFile(abs)
    const expected = IMAGE_EXTENSIONS[path.extname(name).toLowerCase()]
    const kind = imageKindOf(bytes)
    if (kind !== expected) {
      report(
        'warning',
        abs,
        `is named as a ${KIND_WORDS[expected]} image but its content is ${kind ? `a ${KIND_WORDS[kind]} image` : `not one (its first bytes are ${bytes.subarray(0, 8).toString('hex') || 'none'})`}; it was refused`
      )
      continue
    }
    out.images.push({
      name,
      file: rel(abs),
      kind,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex')
    })
  }
}

/** Bytes as "1 MB", "300 KB" or "12 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`
  return `${n} bytes`
}

/** A DVC confusion plot: its data file (relative to the run folder) and the fields of the actual and predicted class. */
interface ConfusionPlotRef {
  file: string
  actual: string
  predicted: string
}

const CONFUSION_TEMPLATES = new Set(['confusion', 'confusion_normalized'])

/**
 * The dvc.yaml files of a DVC run, relative to the run folder and parsed: its own and the dvclive ones below it that
 * the DVC reader merges into it (nestedDvcliveYamls). A file that is not a YAML mapping is left out (the DVC reader
 * reports it).
 */
async function dvcYamls(dir: string): Promise<{ rel: string; abs: string; raw: Record<string, unknown> }[]> {
  const parsed = new Map<string, unknown>()
  const parse = async (file: string): Promise<unknown> => {
    if (!parsed.has(file)) {
      let raw: unknown
      try {
        raw = parseYaml(await readFile(file, 'utf8'), { maxAliasCount: 100 })
      } catch {
        raw = undefined // missing, unreadable or not YAML: the DVC reader reports it
      }
      parsed.set(file, raw)
    }
    return parsed.get(file)
  }
  // Listed as the DVC reader's read context lists them, so both find the same dvc.yaml files.
  const list = async (folder: string) =>
    filesAndFolders(folder, await readdir(folder, { withFileTypes: true }).catch(() => []))
  const hasStages = async (file: string) => {
    const raw = await parse(file)
    return isRecord(raw) && isRecord(raw.stages)
  }
  const files = [path.join(dir, DVC_YAML), ...(await nestedDvcliveYamls(dir, list, hasStages))]
  const out: { rel: string; abs: string; raw: Record<string, unknown> }[] = []
  for (const abs of files) {
    const raw = await parse(abs)
    if (isRecord(raw)) out.push({ rel: path.relative(dir, abs).split(path.sep).join('/'), abs, raw })
  }
  return out
}

/**
 * The image plots and confusion plots named in the run folder's dvc.yaml and in dvclive's dvc.yaml files below it
 * (`plots:` at the top level and in stages, as paths, `{path: {template, x, y}}` or
 * `{id: {template, x, y: {file: field}}}`), and dvclive's image folders (`plots/images/` beside each dvc.yaml, or in
 * a dvclive folder of its own).
 */
async function readDvcPlots(
  dir: string,
  report: Report
): Promise<{ images: string[]; imageRoots: string[]; confusion: ConfusionPlotRef[] }> {
  const found = { images: [] as string[], confusion: [] as ConfusionPlotRef[] }
  const yamls = await dvcYamls(dir)
  for (const { rel, abs, raw } of yamls) {
    const base = path.posix.dirname(rel)
    const lists: { list: unknown; wdir: string }[] = [{ list: raw.plots, wdir: base }]
    for (const stage of Object.values(isRecord(raw.stages) ? raw.stages : {})) {
      if (!isRecord(stage)) continue
      const body = isRecord(stage.do) ? stage.do : stage
      const wdir = typeof stage.wdir === 'string' ? path.posix.join(base, stage.wdir) : base
      lists.push({ list: body.plots, wdir })
    }
    for (const { list, wdir } of lists) addDvcPlots(list, wdir, found, abs, report)
  }
  const unique = <T>(xs: T[], key: (x: T) => string) =>
    xs.filter((x, i) => xs.findIndex(y => key(y) === key(x)) === i)
  const bases = yamls.length ? yamls.map(y => path.posix.dirname(y.rel)) : ['.']
  return {
    images: unique(found.images, x => x),
    imageRoots: unique(
      bases.map(b => (b === '.' ? 'plots/images' : `${b}/plots/images`)),
      x => x
    ),
    confusion: unique(found.confusion, x => x.file)
  }
}

/** Adds the entries of one `plots` list. */
function addDvcPlots(
  list: unknown,
  wdir: string,
  found: { images: string[]; confusion: ConfusionPlotRef[] },
  yamlFile: string,
  report: Report
): void {
  if (!Array.isArray(list)) return
  const at = (p: string) => path.posix.normalize(path.posix.join(wdir, p)).replace(/^\.\//, '')
  const isImage = (p: string) => IMAGE_EXTENSIONS[path.posix.extname(p).toLowerCase()] !== undefined
  for (const entry of list) {
    if (typeof entry === 'string') {
      if (isImage(entry)) found.images.push(at(entry))
      continue
    }
    if (!isRecord(entry) || Object.keys(entry).length !== 1) continue
    const [id, config] = Object.entries(entry)[0]
    if (isImage(id)) found.images.push(at(id))
    if (!isRecord(config) || !CONFUSION_TEMPLATES.has(String(config.template))) continue
    const x = config.x
    const y = config.y
    const files: [string, unknown][] = isRecord(y) ? Object.entries(y) : [[id, y]]
    for (const [file, field] of files) {
      const actual = typeof x === 'string' ? x : isRecord(x) ? x[file] : undefined
      const predicted = Array.isArray(field) ? field[0] : field
      if (typeof actual !== 'string' || typeof predicted !== 'string') {
        report(
          'warning',
          yamlFile,
          `confusion plot ${JSON.stringify(id)} (${JSON.stringify(file)}) names no x and y field of one class each (found x ${JSON.stringify(actual ?? null)}, y ${JSON.stringify(predicted ?? null)}); expected e.g. x: actual, y: predicted. It was skipped`,
          'plots'
        )
        continue
      }
      if (file.includes('${')) continue
      found.confusion.push({ file: at(file), actual, predicted })
    }
  }
}

/** Reads a file of the run folder, at most `max` bytes, never through a symbolic link; undefined when absent. */
async function readRunFile(
  folder: RunFolder,
  rel: string,
  max: number,
  report: Report
): Promise<string | undefined> {
  const abs = path.resolve(folder.dir, ...rel.split('/'))
  if (!(await readableInside(folder, abs))) return undefined
  const info = await lstat(abs).catch(() => undefined)
  if (!info) {
    report('warning', abs, 'is named as a confusion plot in dvc.yaml but does not exist; it was skipped')
    return undefined
  }
  if (!info.isFile()) return undefined
  if (info.size > max) {
    report(
      'warning',
      abs,
      `is ${formatBytes(info.size)}, over the ${formatBytes(max)} read for a confusion plot; it was skipped`
    )
    return undefined
  }
  return readFile(abs, 'utf8')
}

/** The rows of a DVC plot file: JSON (a list, or an object holding one), YAML, CSV or TSV with a header. */
function plotRows(text: string, file: string): Record<string, unknown>[] {
  const ext = path.extname(file).toLowerCase()
  if (ext === '.csv' || ext === '.tsv') return delimitedRows(text, ext === '.tsv' ? '\t' : ',')
  const value = ext === '.yaml' || ext === '.yml' ? parseYaml(text) : parseJsonLenient(text).value
  const list = Array.isArray(value)
    ? value
    : isRecord(value)
      ? Object.values(value).find(v => Array.isArray(v) && v.some(isRecord))
      : undefined
  if (!Array.isArray(list)) throw new Error('holds no list of rows')
  return list.filter(isRecord)
}

/**
 * Rows of a CSV or TSV plot file with a header line. Hand-written because these files hold two columns of class
 * labels as DVC's own writers emit them (quotes only around labels with the delimiter or a quote); the project's
 * CSV metrics reader is built for numeric histories.
 */
function delimitedRows(text: string, delimiter: string): Record<string, unknown>[] {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r\n?|\n/)
    .filter(l => l.trim() !== '')
  const split = (line: string) => {
    const cells: string[] = []
    let cell = ''
    let quoted = false
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cell += '"'
          i++
        } else if (ch === '"') quoted = false
        else cell += ch
      } else if (ch === '"' && cell === '') quoted = true
      else if (ch === delimiter) {
        cells.push(cell)
        cell = ''
      } else cell += ch
    }
    cells.push(cell)
    return cells
  }
  const [header, ...rest] = lines.map(split)
  if (!header) return []
  return rest.map(cells => Object.fromEntries(header.map((h, i) => [h.trim(), cells[i]])))
}

/** A class label from a plot cell: strings as they are, numbers and booleans as text. */
function labelOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

/** A DVC confusion plot as a matrix: one row per sample, the actual class in `x`, the predicted in `y`. */
async function readConfusionPlot(
  folder: RunFolder,
  plot: ConfusionPlotRef,
  report: Report
): Promise<ConfusionMatrix | undefined> {
  const abs = path.resolve(folder.dir, ...plot.file.split('/'))
  const text = await readRunFile(folder, plot.file, MAX_CONFUSION_FILE_BYTES, report)
  if (text === undefined) return undefined
  let rows: Record<string, unknown>[]
  try {
    rows = plotRows(text, plot.file)
  } catch (error) {
    report(
      'warning',
      abs,
      `is not a readable confusion plot: ${(error as Error).message.split('\n')[0]}; it was skipped`
    )
    return undefined
  }
  const pairs: { actual: string; predicted: string }[] = []
  let bad = 0
  for (const row of rows) {
    const actual = labelOf(row[plot.actual])
    const predicted = labelOf(row[plot.predicted])
    if (actual === undefined || predicted === undefined) bad++
    else pairs.push({ actual, predicted })
  }
  if (bad)
    report(
      'warning',
      abs,
      `${bad} of ${rows.length} rows have no class in the fields ${JSON.stringify(plot.actual)} and ${JSON.stringify(plot.predicted)} that dvc.yaml names; they were left out of the confusion matrix`,
      plot.actual
    )
  if (!pairs.length) return undefined
  return matrixFromPairs(plot.file, pairs)
}

/** The column names of a W&B confusion table, lower-cased: wandb.plot.confusion_matrix writes these. */
const WANDB_CONFUSION_COLUMNS = ['actual', 'predicted', 'npredictions']

/** W&B confusion tables (`media/table/*.table.json` with columns Actual, Predicted, nPredictions) below `dir`. */
async function readWandbTables(dir: string, report: Report): Promise<ConfusionMatrix[]> {
  const out: ConfusionMatrix[] = []
  if (!(await isFolder(dir))) return out
  const { files } = await listFiles(dir, MAX_FILES_PER_RUN)
  for (const rel of files.filter(f => f.endsWith('.table.json') || f.endsWith('.json'))) {
    const abs = path.join(dir, ...rel.split('/'))
    const info = await lstat(abs).catch(() => undefined)
    if (!info?.isFile() || info.size > MAX_CONFUSION_FILE_BYTES) continue
    let value: unknown
    try {
      value = parseJsonLenient(await readFile(abs, 'utf8')).value
    } catch {
      if (rel.endsWith('.table.json')) report('warning', abs, 'is not valid JSON; the table was skipped')
      continue
    }
    if (!isRecord(value) || !Array.isArray(value.columns) || !Array.isArray(value.data)) continue
    const columns = value.columns.map(c => String(c).toLowerCase())
    const at = WANDB_CONFUSION_COLUMNS.map(c => columns.indexOf(c))
    if (at.some(i => i < 0)) continue
    const cells: { actual: string; predicted: string; count: number }[] = []
    for (const row of value.data) {
      if (!Array.isArray(row)) continue
      const actual = labelOf(row[at[0]])
      const predicted = labelOf(row[at[1]])
      const count = Number(row[at[2]])
      if (actual !== undefined && predicted !== undefined && Number.isFinite(count) && count >= 0)
        cells.push({ actual, predicted, count })
    }
    if (cells.length) out.push(matrixFromCells(tableName(rel), cells))
  }
  return out
}

/** A W&B table's name without the hash W&B appends: `media/table/conf_mat_table_1_a775e4b6.table.json` → `conf_mat_table_1`. */
function tableName(rel: string): string {
  return path.posix.basename(rel).replace(/(_[0-9a-f]{16,})?\.table\.json$|\.json$/, '')
}
