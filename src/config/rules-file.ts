// The rules file (.github/experiment-review.yml): parsed with positions, validated against one zod schema
// that is also written out as a JSON Schema for editors. Every error names file, line, column, value and
// what was expected.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml'
import { z } from 'zod'
import { DEFAULT_ARTIFACT_RULES } from '../core/artifacts.js'
import {
  defaultRules,
  PERMISSION_LEVELS,
  RETRAINING_DEFAULTS,
  type MetricRule,
  type RetrainingRules,
  type Rules,
  type Threshold
} from '../core/rules.js'

const THRESHOLD_EXPECTED = 'expected a number (absolute) or a percentage from 0% to 100% such as "1%"'
const thresholdSchema = z
  .union([
    z.number().nonnegative(),
    z
      .string()
      .regex(/^\s*\d+(\.\d+)?\s*%\s*$/, { message: THRESHOLD_EXPECTED })
      .refine(s => !(parseFloat(s) > 100), { message: THRESHOLD_EXPECTED })
  ])
  .describe('An absolute amount (0.01) or a percentage of the baseline ("1%").')

const metricRuleSchema = z
  .strictObject({
    goal: z
      .enum(['maximize', 'minimize'])
      .optional()
      .describe('Whether larger or smaller is better; guessed from the name when absent.'),
    min: z.number().optional().describe('Absolute floor: the PR fails below it.'),
    max: z.number().optional().describe('Absolute ceiling: the PR fails above it.'),
    max_drop: thresholdSchema.optional().describe('How far the value may fall below the baseline.'),
    max_rise: thresholdSchema.optional().describe('How far the value may rise above the baseline.'),
    required: z.boolean().optional().describe('The metric must be present.'),
    require_significance: z
      .boolean()
      .optional()
      .describe(
        'A drop beyond max_drop gates only when significant, where samples allow a test (default true).'
      )
  })
  .describe('The rule of one metric.')

const retrainingConditionSchema = z
  .strictObject({
    below: z.number().optional().describe('Breached when the value falls below this.'),
    above: z.number().optional().describe('Breached when the value rises above this.'),
    max_drop: thresholdSchema
      .optional()
      .describe("Breached when the value falls below the baseline's by more than this."),
    max_rise: thresholdSchema
      .optional()
      .describe("Breached when the value rises above the baseline's by more than this.")
  })
  .refine(c => Object.values(c).some(v => v !== undefined), {
    message: 'expected at least one of below, above, max_drop, max_rise'
  })
  .describe('When a monitored metric calls for retraining.')

const DURATION_EXPECTED = 'expected a number of days (7) or a duration such as "7d" or "36h"'
const durationSchema = z.union([
  z.number().nonnegative(),
  z.string().regex(/^\s*\d+(\.\d+)?\s*[dh]\s*$/, { message: DURATION_EXPECTED })
])

/** The most images a rules file may ask to show per review. */
const MAX_ARTIFACT_COUNT = 20
/** The largest image a rules file may allow: 10 MB (GitHub serves larger blobs only through the API). */
const MAX_ARTIFACT_BYTES = 10 * 1024 * 1024
const SIZE_PATTERN = /^\s*\d+(\.\d+)?\s*(bytes|B|KB|MB)\s*$/i
const SIZE_EXPECTED = 'expected a number of bytes (500000) or a size such as "500 KB" or "1 MB"'

/** A size from the rules file in bytes: a number, or "500 KB" / "1 MB" (1024-based). */
function sizeInBytes(value: number | string): number {
  if (typeof value === 'number') return value
  const amount = parseFloat(value)
  const unit = value
    .trim()
    .replace(/^[\d.\s]+/, '')
    .toUpperCase()
  return Math.round(amount * (unit === 'MB' ? 1024 * 1024 : unit === 'KB' ? 1024 : 1))
}

/** The rules file's schema. */
export const rulesFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    primary: z
      .string()
      .min(1)
      .optional()
      .describe('The metric that ranks runs; the champion is the best on it.'),
    metrics: z.record(z.string(), metricRuleSchema).optional().describe('Rules per metric name.'),
    significance: z
      .strictObject({
        alpha: z
          .number()
          .gt(0)
          .lt(1)
          .optional()
          .describe('Significance level of the tests, e.g. 0.05 (the default).'),
        adjust: z
          .enum(['holm', 'none'])
          .optional()
          .describe(
            "How the gate's p-values are adjusted across the gated metrics of one review: holm (the default; Holm's step-down method keeps the chance that any of them fails a PR with no true change at most alpha) or none (each metric tested at alpha)."
          )
      })
      .optional(),
    overfitting: z
      .strictObject({
        train: z.string().min(1).describe('The training metric, e.g. train_accuracy.'),
        val: z.string().min(1).describe('The validation metric, e.g. val_accuracy.'),
        max_gap: z.number().nonnegative().describe('The largest allowed |train − val| gap.'),
        gate: z.boolean().optional().describe('Fail the check when the gap is exceeded (default true).')
      })
      .optional(),
    retraining: z
      .strictObject({
        labels: z.array(z.string().min(1)).optional().describe('Labels of the retraining issue.'),
        when: z
          .record(z.string(), retrainingConditionSchema)
          .describe('Metric conditions that call for retraining.'),
        recover_after: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe('Healthy evaluations in a row that close the retraining issue (default 1).'),
        reopen_within: durationSchema
          .optional()
          .describe('A breach this soon after the issue was closed reopens it (default 7 days).'),
        tolerance: thresholdSchema
          .optional()
          .describe('How much worse a breached value must get before the issue is updated (default 1%).')
      })
      .optional(),
    commands: z.strictObject({ permission: z.enum(PERMISSION_LEVELS).optional() }).optional(),
    grouping: z
      .strictObject({
        patterns: z.array(z.string().min(1)).describe('Run-name suffix patterns of repeats; <N> is a number.')
      })
      .optional(),
    select: z
      .strictObject({
        experiments: z
          .array(z.string().min(1))
          .min(1)
          .describe(
            'Experiment names or globs (churn-*) to review in shared stores: MLflow experiments (file and SQLite stores, tracking servers; required for a server), W&B projects, the folders of TensorBoard and CSV runs.'
          )
          .optional(),
        tags: z
          .array(z.string().min(1))
          .min(1)
          .describe('Tags or globs (sweep-*, release.version=2): only runs with one of them are reviewed.')
          .optional(),
        groups: z
          .array(z.string().min(1))
          .min(1)
          .describe(
            'Group names or globs (W&B groups, the group of runs repeated with seeds): only runs in one of them are reviewed.'
          )
          .optional()
      })
      .optional()
      .describe(
        'Which runs of shared tracker stores are reviewed; --experiment on the command line replaces it.'
      ),
    artifacts: z
      .strictObject({
        images: z
          .array(z.string().min(1))
          .min(1)
          .optional()
          .describe(
            'Globs (picomatch) of the images to show, matched against paths inside the run folder (plots/*.png, **/confusion*). Default: every PNG, JPEG, GIF and SVG the run produced.'
          ),
        max_count: z
          .number()
          .int()
          .min(0)
          .max(MAX_ARTIFACT_COUNT)
          .optional()
          .describe(
            `The most images shown of the champion, first by name (default 4, at most ${MAX_ARTIFACT_COUNT}).`
          ),
        max_size: z
          .union([z.number().int().positive(), z.string().regex(SIZE_PATTERN, { message: SIZE_EXPECTED })])
          .optional()
          .describe(
            'The largest image shown: bytes (500000) or "500 KB", "1 MB" (default 1 MB, at most 10 MB).'
          )
      })
      .optional()
      .describe("Which images of the champion's run the comment shows (hosted on the assets branch).")
  })
  .describe('Experiment Review rules (https://github.com/acme/experiment-review#rules-file)')

/** The rules file as a JSON Schema (draft 2020-12), for editors. */
export function rulesJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(rulesFileSchema, { target: 'draft-2020-12' }),
    $id: 'https://github.com/acme/experiment-review/schema/experiment-review.schema.json',
    title: 'Experiment Review rules file'
  }
}

/** A rules-file problem with its position. */
export class RulesFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string
  ) {
    super(`${file}:${line}:${column}: ${problem}`)
    this.name = 'RulesFileError'
  }
}

/** Parses and validates rules-file text; throws RulesFileError listing every problem (the first's position). */
export function parseRulesFile(text: string, file: string): Rules {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const pos = (offset: number | undefined) => {
    const p = lineCounter.linePos(offset ?? 0)
    return { line: p.line, column: p.col }
  }
  if (doc.errors.length) {
    const e = doc.errors[0]
    const { line, column } = pos(e.pos[0])
    throw new RulesFileError(file, line, column, `is not valid YAML: ${e.message.split('\n')[0]}`)
  }
  const raw = doc.toJS({ maxAliasCount: 100 }) ?? {}
  const parsed = rulesFileSchema.safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.map(issue => {
      const { node, key } = locate(doc, issue.path as (string | number)[], issue)
      const { line, column } = pos(node?.range?.[0])
      const where = [...issue.path, ...(key ? [key] : [])].join('.') || '(top level)'
      const value = key ? undefined : valueAt(raw, issue.path as (string | number)[])
      return { line, column, text: `${where}: ${explain(issue, value)}` }
    })
    const unique = problems.filter(
      (p, i) => problems.findIndex(q => q.text === p.text && q.line === p.line) === i
    )
    const first = unique[0]
    const rest = unique.slice(1).map(p => `\n  line ${p.line}, column ${p.column}: ${p.text}`)
    throw new RulesFileError(file, first.line, first.column, `${first.text}${rest.join('')}`)
  }
  return toRules(parsed.data, file, doc, lineCounter)
}

/** The YAML node an issue points at: for an unknown key, the key itself. */
function locate(
  doc: Document,
  path: (string | number)[],
  issue: z.core.$ZodIssue
): { node?: Node; key?: string } {
  const target = path.length
    ? (doc.getIn(path, true) as Node | undefined)
    : (doc.contents as Node | undefined)
  if (issue.code === 'unrecognized_keys' && isMap(target)) {
    const key = issue.keys[0]
    const pair = target.items.find(p => isPair(p) && isScalar(p.key) && p.key.value === key)
    return { node: (pair?.key as Node | undefined) ?? target, key }
  }
  if (!target && path.length) {
    // A missing key: point at its parent.
    return { node: doc.getIn(path.slice(0, -1), true) as Node | undefined }
  }
  return { node: target }
}

function valueAt(raw: unknown, path: (string | number)[]): unknown {
  let v: unknown = raw
  for (const p of path)
    v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined
  return v
}

function explain(issue: z.core.$ZodIssue, value: unknown): string {
  const seen = value === undefined ? '' : ` (found ${JSON.stringify(value)})`
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key; expected one of the documented keys (primary, metrics, significance (alpha, adjust), overfitting, retraining, commands, grouping, select, or a metric rule's goal, min, max, max_drop, max_rise, required, require_significance; retraining's labels, when, recover_after, reopen_within, tolerance, and a condition's below, above, max_drop, max_rise; select's experiments, tags, groups; artifacts' images, max_count, max_size)`
    case 'invalid_type':
      return `expected ${issue.expected}${seen}`
    case 'invalid_value':
      return `expected one of ${issue.values.map(v => JSON.stringify(v)).join(', ')}${seen}`
    case 'too_small':
    case 'too_big':
      return `${issue.message.replace(/^Too (small|big): expected number to be /, 'expected a number ')}${seen}`
    case 'invalid_union':
      return `${THRESHOLD_EXPECTED}${seen}`
    case 'invalid_format':
    case 'custom':
      return `${issue.message}${seen}`
    default:
      return `${issue.message}${seen}`
  }
}

function threshold(value: number | string | undefined): Threshold | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'number') return { amount: value, relative: false }
  return { amount: parseFloat(value) / 100, relative: true }
}

function days(value: number | string): number {
  if (typeof value === 'number') return value
  const amount = parseFloat(value)
  return value.trim().endsWith('h') ? amount / 24 : amount
}

function retrainingRules(data: NonNullable<z.infer<typeof rulesFileSchema>['retraining']>): RetrainingRules {
  const when: RetrainingRules['when'] = {}
  for (const [metric, c] of Object.entries(data.when)) {
    when[metric] = Object.fromEntries(
      Object.entries({
        below: c.below,
        above: c.above,
        maxDrop: threshold(c.max_drop),
        maxRise: threshold(c.max_rise)
      }).filter(([, v]) => v !== undefined)
    )
  }
  return {
    labels: data.labels ?? [...RETRAINING_DEFAULTS.labels],
    when,
    recoverAfter: data.recover_after ?? RETRAINING_DEFAULTS.recoverAfter,
    reopenWithinDays:
      data.reopen_within !== undefined ? days(data.reopen_within) : RETRAINING_DEFAULTS.reopenWithinDays,
    tolerance: threshold(data.tolerance) ?? { ...RETRAINING_DEFAULTS.tolerance }
  }
}

/** The rules a validated rules file sets, on top of the defaults, with where each metric and key was written. */
function toRules(
  data: z.infer<typeof rulesFileSchema>,
  file: string,
  doc: Document,
  lineCounter: LineCounter
): Rules {
  const rules = defaultRules()
  rules.primary = data.primary
  const lines: Record<string, number> = {}
  for (const [name, r] of Object.entries(data.metrics ?? {})) {
    rules.metrics[name] = metricRule(r)
    const node = doc.getIn(['metrics', name], true) as Node | undefined
    lines[name] = lineCounter.linePos(node?.range?.[0] ?? 0).line
  }
  if (data.significance)
    rules.significance = {
      alpha: data.significance.alpha ?? rules.significance.alpha,
      adjust: data.significance.adjust ?? rules.significance.adjust
    }
  if (data.overfitting) {
    const o = data.overfitting
    rules.overfitting = { train: o.train, val: o.val, maxGap: o.max_gap, gate: o.gate ?? true }
    lines['overfitting'] = lineCounter.linePos(
      (doc.getIn(['overfitting'], true) as Node | undefined)?.range?.[0] ?? 0
    ).line
  }
  if (data.retraining) rules.retraining = retrainingRules(data.retraining)
  if (data.commands?.permission) rules.commands = { permission: data.commands.permission }
  if (data.grouping) rules.grouping = { patterns: data.grouping.patterns }
  if (data.select)
    rules.select = {
      experiments: data.select.experiments ?? [],
      ...(data.select.tags ? { tags: data.select.tags } : {}),
      ...(data.select.groups ? { groups: data.select.groups } : {})
    }
  if (data.artifacts) rules.artifacts = artifactRules(data.artifacts, file, doc, lineCounter)
  rules.origin = { file, lines, keys: keyLines(data, doc, lineCounter) }
  return rules
}

/** One metric's rule from its rules-file entry, without the settings it leaves out. */
function metricRule(r: NonNullable<z.infer<typeof rulesFileSchema>['metrics']>[string]): MetricRule {
  const rule: MetricRule = {
    goal: r.goal,
    min: r.min,
    max: r.max,
    maxDrop: threshold(r.max_drop),
    maxRise: threshold(r.max_rise),
    required: r.required,
    requireSignificance: r.require_significance
  }
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as MetricRule
}

/** The `artifacts` settings with their defaults; an error at its line when max_size is over the 10 MB cap. */
function artifactRules(
  data: NonNullable<z.infer<typeof rulesFileSchema>['artifacts']>,
  file: string,
  doc: Document,
  lineCounter: LineCounter
): NonNullable<Rules['artifacts']> {
  const maxBytes = data.max_size !== undefined ? sizeInBytes(data.max_size) : DEFAULT_ARTIFACT_RULES.maxBytes
  if (maxBytes > MAX_ARTIFACT_BYTES) {
    const node = doc.getIn(['artifacts', 'max_size'], true) as Node | undefined
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0)
    throw new RulesFileError(
      file,
      line,
      col,
      `artifacts.max_size: expected at most 10 MB (found ${JSON.stringify(data.max_size)})`
    )
  }
  return {
    images: data.images ?? [],
    maxCount: data.max_count ?? DEFAULT_ARTIFACT_RULES.maxCount,
    maxBytes
  }
}

/** The line of each key a finding may point at (primary, each metric, overfitting.train/val), by dotted path. */
function keyLines(
  data: z.infer<typeof rulesFileSchema>,
  doc: Document,
  lineCounter: LineCounter
): Record<string, number> {
  const keys: Record<string, number> = {}
  const lineOf = (at: (string | number)[]) => {
    const node = doc.getIn(at, true) as Node | undefined
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined
  }
  const keyPaths: (string | number)[][] = [
    ['primary'],
    ...Object.keys(data.metrics ?? {}).map(name => ['metrics', name]),
    ['overfitting', 'train'],
    ['overfitting', 'val']
  ]
  for (const at of keyPaths) {
    const line = lineOf(at)
    if (line !== undefined) keys[at.join('.')] = line
  }
  return keys
}

/** A valid rules file's settings as plain data (mappings, lists, scalars), for telling two versions apart. */
export function rulesFileSettings(text: string): unknown {
  return parseDocument(text).toJS({ maxAliasCount: 100 }) as unknown
}

/** The rules in force and whether they came from a file. */
export interface LoadedRules {
  rules: Rules
  /** The rules file's path relative to the workspace, when one was read. */
  file?: string
}

/** The rules file's text in `workspace`, undefined when there is none; throws when it exists but cannot be read. */
export async function readRulesText(workspace: string, file: string): Promise<string | undefined> {
  try {
    return await readFile(path.resolve(workspace, file), 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error(
      `${file}: cannot read the rules file (${(e as NodeJS.ErrnoException).code ?? String(e)}); check the config input`
    )
  }
}

/** Reads the rules file when it exists; defaults when it does not; throws RulesFileError when it is invalid. */
export async function loadRules(
  workspace: string,
  file: string,
  options: { required?: boolean } = {}
): Promise<LoadedRules> {
  const text = await readRulesText(workspace, file)
  if (text === undefined) {
    if (!options.required) return { rules: defaultRules() }
    throw new Error(`${file}: cannot read the rules file (ENOENT); check the config input`)
  }
  return { rules: parseRulesFile(text, file), file }
}
