// The command-line interface: the same pipeline on a local checkout. Exit codes: 0 pass, 1 gate failed, 2 bad
// input or usage. GitHub-only commands are loaded lazily so local commands start fast.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
// Only light modules are imported up front; the rules schema (zod), the markdown stack (unified), the comparison's
// text, the help text, the readers of each format and the GitHub client are imported by the commands (and the
// runs) that need them, so `list` or `--version` start almost as fast as Node.
import { runsJsonChunks, runsToCsv } from '../report/json.js'
import { missingEvidenceText, unknownMetricText, unreadableEvidenceText } from '../report/findings.js'
import { plain, renderDiagnostics, renderRun, renderRunList } from '../report/text.js'
import { defaultRules } from '../core/rules.js'
import { selectAll, type RunSelection } from '../core/selection.js'
import { collectRuns } from '../sources/detect.js'
import { DEFAULT_BASELINE_PATH, DEFAULT_RULES_PATH } from '../core/conventions.js'
import { applyExperimentFlag, commitFlag } from './selection-flags.js'
import { EXIT, UsageError, writeChunks, type CliIo } from './io.js'

const COMMON: ParseArgsConfig['options'] = {
  runs: { type: 'string', multiple: true },
  workspace: { type: 'string' },
  format: { type: 'string' },
  rules: { type: 'string' },
  baseline: { type: 'string' },
  id: { type: 'string' },
  experiment: { type: 'string', multiple: true },
  commit: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
}

function parse(args: string[], extra: ParseArgsConfig['options'] = {}) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...extra }, allowPositionals: true, strict: true })
  } catch (e) {
    throw new UsageError(
      `${(e as Error).message.replace(/\. To specify a positional.*$/, '')}; see experiment-review --help`
    )
  }
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  flag: string
): T {
  if (value === undefined) return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(
    `--${flag} ${JSON.stringify(value)} is not supported; expected one of ${allowed.join(', ')}`
  )
}

/** Prints a command's help (help.ts is loaded only to print help). */
async function commandHelp(
  command: 'compare' | 'list' | 'show' | 'export' | 'log',
  io: CliIo
): Promise<number> {
  const { COMMAND_HELP } = await import('./help.js')
  io.stdout(COMMAND_HELP[command])
  return EXIT.pass
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case undefined: {
        const { HELP } = await import('./help.js')
        io.stderr(`experiment-review: no command given\n\n${HELP}`)
        return EXIT.usage
      }
      case 'help':
      case '--help':
      case '-h': {
        const { COMMAND_HELP, HELP } = await import('./help.js')
        const topic = rest[0]
        if (topic !== undefined && Object.hasOwn(COMMAND_HELP, topic)) {
          io.stdout(COMMAND_HELP[topic as keyof typeof COMMAND_HELP])
          return EXIT.pass
        }
        if (topic === 'review' || topic === 'promote') {
          const { runGitHubCommand } = await import('./github-commands.js')
          return await runGitHubCommand(topic, ['--help'], io)
        }
        io.stdout(HELP)
        return EXIT.pass
      }
      case '--version':
      case 'version': {
        const { VERSION } = await import('./help.js')
        io.stdout(`${VERSION}\n`)
        return EXIT.pass
      }
      case 'compare':
        return await compareCommand(rest, io)
      case 'list':
      case 'show':
      case 'export':
        return await runsCommand(command, rest, io)
      case 'log':
        return await logCommand(rest, io)
      case 'monitor': {
        const { monitorCommand } = await import('./monitor-command.js')
        return await monitorCommand(rest, io)
      }
      case 'promote':
      case 'review': {
        const { runGitHubCommand } = await import('./github-commands.js')
        return await runGitHubCommand(command, rest, io)
      }
      default:
        throw new UsageError(
          `unknown command ${JSON.stringify(plain(command, 40))}; run experiment-review --help`
        )
    }
  } catch (e) {
    io.stderr(`experiment-review: ${plain((e as Error).message ?? String(e), 2000)}\n`)
    return EXIT.usage
  }
}

/** Progress on stderr for long collections, only on a terminal. */
export function progressReporter(io: CliIo): ((n: number, where: string) => void) | undefined {
  if (!io.isTty) return undefined
  let last = 0
  return (n, where) => {
    const now = Date.now()
    if (now - last < 200) return
    last = now
    io.stderr(`\r\x1b[Kreading runs: ${n} so far (${plain(where, 60)})`)
  }
}

async function compareCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args)
  if (values.help) return await commandHelp('compare', io)
  const workspace = path.resolve(io.cwd, (values.workspace as string | undefined) ?? '.')
  const patterns = [...((values.runs as string[] | undefined) ?? []), ...positionals]
  const format = oneOf(
    values.format as string | undefined,
    ['text', 'markdown', 'json'] as const,
    'text',
    'format'
  )
  if (!values.baseline)
    throw new UsageError(
      `compare needs --baseline <baseline.json | runs folder | REF:PATH>, e.g. --baseline origin/main:${DEFAULT_BASELINE_PATH}`
    )
  const [
    { loadRules },
    { loadBaselineSpec },
    { runPipeline },
    { renderComment },
    { renderJsonReport },
    { renderText }
  ] = await Promise.all([
    import('../config/rules-file.js'),
    import('../sources/baseline.js'),
    import('../modes/pipeline.js'),
    import('../report/comment.js'),
    import('../report/json.js'),
    import('../report/comparison-text.js')
  ])
  const loaded = await loadRules(workspace, (values.rules as string | undefined) ?? DEFAULT_RULES_PATH, {
    required: !!values.rules
  })
  applyExperimentFlag(loaded.rules, values.experiment as string[] | undefined)
  const id = (values.id as string | undefined) ?? 'default'
  const baseline = await loadBaselineSpec(workspace, values.baseline as string, loaded.rules, { id })
  if (!baseline.record) io.stderr(`note: no baseline found at ${plain(baseline.from)}; every metric is new\n`)
  const commit = await commitFlag(workspace, values.commit as string | undefined, patterns)
  const { comparison, collection } = await runPipeline({
    workspace,
    patterns,
    commit,
    env: io.env,
    rules: loaded.rules,
    baseline: baseline.record,
    baselineDiagnostics: baseline.diagnostics,
    id,
    onProgress: progressReporter(io)
  })
  if (comparison.diagnostics.length) io.stderr(`${renderDiagnostics(comparison.diagnostics)}\n`)
  if (format === 'json') io.stdout(renderJsonReport(comparison))
  else if (format === 'markdown') {
    const { localPlots } = await import('../modes/review-plots.js')
    const plots = await localPlots(comparison, collection, workspace, io.cwd, loaded.rules, baseline.record)
    for (const d of plots?.diagnostics ?? []) io.stderr(`warning: ${plain(d, 2000)}\n`)
    io.stdout(
      renderComment(comparison, {
        rulesFile: loaded.file,
        defaultRules: !loaded.file,
        ...(plots ? { plots: plots.view } : {})
      })
    )
  } else io.stdout(renderText(comparison, loaded.file))
  if (comparison.unknownMetrics) {
    for (const u of comparison.unknownMetrics)
      io.stderr(`experiment-review: ${plain(unknownMetricText(u, loaded.file ?? '(rules)'), 2000)}\n`)
  }
  for (const u of comparison.unreadableEvidence ?? [])
    io.stderr(`experiment-review: ${plain(unreadableEvidenceText(u, loaded.file ?? '(rules)'), 2000)}\n`)
  if (comparison.missingEvidence || comparison.unknownMetrics || comparison.unreadableEvidence) {
    if (comparison.missingEvidence)
      io.stderr(`experiment-review: ${plain(missingEvidenceText(comparison.missingEvidence), 2000)}\n`)
    return EXIT.usage
  }
  return comparison.verdict === 'fail' ? EXIT.fail : EXIT.pass
}

async function runsCommand(command: 'list' | 'show' | 'export', args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args)
  if (values.help) return await commandHelp(command, io)
  const workspace = path.resolve(io.cwd, (values.workspace as string | undefined) ?? '.')
  const runName = command === 'show' ? positionals.shift() : undefined
  if (command === 'show' && !runName)
    throw new UsageError('show needs a run name: experiment-review show <run>')
  const patterns = [...((values.runs as string[] | undefined) ?? []), ...positionals]
  const selection = await selectionFor(workspace, values)
  const commit = await commitFlag(workspace, values.commit as string | undefined, patterns)
  const {
    runs,
    diagnostics,
    searched = [],
    missing = []
  } = await collectRuns({
    workspace,
    patterns,
    selection,
    commit,
    env: io.env,
    onProgress: progressReporter(io)
  })
  if (diagnostics.length) io.stderr(`${renderDiagnostics(diagnostics)}\n`)
  // No runs, or a named runs path that does not exist: the listing is printed, and the exit code says it is not whole.
  const exit = () => {
    if (!runs.length || missing.length) {
      io.stderr(
        `experiment-review: ${plain(missingEvidenceText({ noRuns: !runs.length, searched, missing }), 2000)}\n`
      )
      return EXIT.usage
    }
    return EXIT.pass
  }
  if (command === 'list') {
    const format = oneOf(values.format as string | undefined, ['text', 'json'] as const, 'text', 'format')
    if (format === 'json') await writeChunks(io, runsJsonChunks(runs))
    else io.stdout(renderRunList(runs))
    return exit()
  }
  if (command === 'export') {
    const format = oneOf(values.format as string | undefined, ['csv', 'json'] as const, 'csv', 'format')
    if (format === 'json') await writeChunks(io, runsJsonChunks(runs))
    else io.stdout(runsToCsv(runs))
    return exit()
  }
  const matches = runs.filter(r => r.name === runName || r.id === runName || r.path === runName)
  if (!matches.length) {
    throw new UsageError(
      `no run named ${JSON.stringify(plain(runName, 80))}; experiment-review list shows the runs found (${runs.length})`
    )
  }
  io.stdout(matches.map(renderRun).join('\n'))
  return EXIT.pass
}

/**
 * The experiments a runs command reads: `--experiment` when given, else the rules file's `select` (read only when
 * the rules file exists or --rules names one, so that `list` stays fast without one).
 */
async function selectionFor(
  workspace: string,
  values: { rules?: unknown; experiment?: unknown }
): Promise<RunSelection> {
  const flag = values.experiment as string[] | undefined
  const file = (values.rules as string | undefined) ?? DEFAULT_RULES_PATH
  if (!flag?.length && !values.rules && !existsSync(path.resolve(workspace, file))) return selectAll()
  const { loadRules } = await import('../config/rules-file.js')
  const { rules } = flag?.length
    ? { rules: defaultRules() }
    : await loadRules(workspace, file, { required: !!values.rules })
  applyExperimentFlag(rules, flag)
  return rules.select
}

async function logCommand(args: string[], io: CliIo): Promise<number> {
  const { captureContext, checkRunName, logRun, parseAssignment, runHasContext } =
    await import('../local/log.js')
  const { values, positionals } = parse(args, {
    param: { type: 'string', multiple: true },
    metric: { type: 'string', multiple: true },
    step: { type: 'string' },
    tag: { type: 'string', multiple: true },
    note: { type: 'string' },
    status: { type: 'string' },
    group: { type: 'string' },
    seed: { type: 'string' },
    'data-version': { type: 'string' },
    'eval-set': { type: 'string' },
    'no-capture': { type: 'boolean' },
    dir: { type: 'string' }
  })
  if (values.help) return await commandHelp('log', io)
  const run = positionals[0]
  if (!run || positionals.length > 1)
    throw new UsageError('log needs exactly one run name: experiment-review log <run> --metric accuracy=0.91')
  checkRunName(run)
  const entry = logEntryOf(values, parseAssignment)
  const workspace = path.resolve(io.cwd, (values.workspace as string | undefined) ?? '.')
  const dir = path.resolve(workspace, (values.dir as string | undefined) ?? 'experiments')
  // The commit and environment are captured once per run (the first log call), so logging each step stays cheap.
  const capture =
    values['no-capture'] || (await runHasContext(dir, run))
      ? undefined
      : await captureContext(workspace, io.env)
  const written = await logRun(dir, { run, ...entry, capture })
  io.stdout(`logged to ${path.relative(io.cwd, written) || '.'}\n`)
  return EXIT.pass
}

/** What one `log` call records, from its flags; a usage error when a value is malformed or nothing is given. */
function logEntryOf(
  values: Record<string, unknown>,
  parseAssignment: typeof import('../local/log.js').parseAssignment
) {
  const assignments = (flag: 'param' | 'metric') =>
    Object.fromEntries(((values[flag] as string[] | undefined) ?? []).map(p => parseAssignment(p, flag)))
  const wholeNumber = (flag: string, min: number): number | undefined => {
    const raw = values[flag] as string | undefined
    if (raw === undefined) return undefined
    const n = Number(raw)
    if (raw.trim() === '' || !Number.isSafeInteger(n) || n < min)
      throw new UsageError(
        `--${flag} ${JSON.stringify(raw)}: expected a whole number${min === 0 ? ' ≥ 0' : ''}`
      )
    return n
  }
  const text = (flag: string): string | undefined => {
    const raw = values[flag] as string | undefined
    if (raw === undefined) return undefined
    if (!raw.trim()) throw new UsageError(`--${flag} is empty; give a value, e.g. --${flag} v2`)
    return raw.trim()
  }
  // Checked in the order the flags were always checked, so the first malformed one is named.
  const entry = {
    params: assignments('param'),
    metrics: assignments('metric') as Record<string, number>,
    step: wholeNumber('step', 0),
    seed: wholeNumber('seed', Number.MIN_SAFE_INTEGER),
    group: text('group'),
    dataVersion: text('data-version'),
    evalSet: text('eval-set'),
    status:
      values.status === undefined
        ? undefined
        : oneOf(
            values.status as string,
            ['finished', 'failed', 'running', 'killed'] as const,
            'finished',
            'status'
          ),
    tags: (values.tag as string[] | undefined) ?? [],
    note: values.note as string | undefined
  }
  const { params, metrics, note, status, group, seed, dataVersion, evalSet } = entry
  const records = [note, status, group, seed, dataVersion, evalSet].some(v => v !== undefined)
  if (!Object.keys(params).length && !Object.keys(metrics).length && !values.tag && !records)
    throw new UsageError(
      'log needs something to record: --param, --metric, --tag, --note, --status, --group, --seed, --data-version or --eval-set'
    )
  return entry
}
