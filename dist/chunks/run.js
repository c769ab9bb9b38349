import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runsJsonChunks, runsToCsv } from './json.js';
import { u as unknownMetricText, a as unreadableEvidenceText, m as missingEvidenceText, s as selectAll, d as defaultRules } from './findings.js';
import { p as plain, r as renderDiagnostics, a as renderRunList, b as renderRun } from './text.js';
import { i as isTrackingUri, c as collectRuns } from './detect.js';
import { D as DEFAULT_BASELINE_PATH, b as DEFAULT_RULES_PATH } from './conventions.js';

/** A usage or input error: exit code 2. */
class UsageError extends Error {
}
/** The exit codes of the CLI. */
const EXIT = { pass: 0, fail: 1, usage: 2 };
/** Writes text piece by piece to stdout, waiting for it to drain after each piece (see CliIo.drain). */
async function writeChunks(io, chunks) {
    for (const chunk of chunks) {
        io.stdout(chunk);
        if (io.drain)
            await io.drain();
    }
}

/**
 * The commit whose runs are read from stores named by a tracking URI: `--commit SHA|HEAD|any`, HEAD of the
 * workspace's git checkout by default. Undefined when no tracking URI is read and --commit is not given.
 */
async function commitFlag(workspace, value, patterns) {
    if (value === undefined && !patterns.some(isTrackingUri))
        return undefined;
    const given = (value ?? 'HEAD').trim();
    if (given.toLowerCase() === 'any')
        return { kind: 'any' };
    if (/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(given))
        return { kind: 'sha', sha: given.toLowerCase() };
    const flag = value === undefined ? 'the default --commit HEAD' : `--commit ${JSON.stringify(given)}`;
    if (!given || given.startsWith('-') || !/^[\w./@^~{}-]+$/.test(given))
        throw new UsageError(`${flag} is not a commit; expected a commit sha, HEAD or any`);
    const { execFile } = await import('node:child_process');
    const sha = await new Promise(resolve => execFile('git', ['-C', workspace, 'rev-parse', '--verify', '--quiet', `${given}^{commit}`], (error, stdout) => resolve(error ? undefined : stdout.trim())));
    if (!sha)
        throw new UsageError(`${flag}: git cannot resolve it in ${workspace}; give the full commit sha the runs were logged from, HEAD in a checkout, or any`);
    return { kind: 'sha', sha };
}
/** The `--experiment` values, checked; undefined when none were given. */
function experimentFlag(experiments) {
    const given = (experiments ?? []).map(e => e.trim());
    if (!given.length)
        return undefined;
    if (given.includes(''))
        throw new UsageError('--experiment needs an experiment name or glob, e.g. --experiment churn-model');
    return given;
}
/** Replaces the rules file's `select.experiments` with the `--experiment` values, when any were given. */
function applyExperimentFlag(rules, experiments) {
    const given = experimentFlag(experiments);
    if (given)
        rules.select = { ...rules.select, experiments: given };
}

// The command-line interface: the same pipeline on a local checkout. Exit codes: 0 pass, 1 gate failed, 2 bad
// input or usage. GitHub-only commands are loaded lazily so local commands start fast.
const COMMON = {
    runs: { type: 'string', multiple: true },
    workspace: { type: 'string' },
    format: { type: 'string' },
    rules: { type: 'string' },
    baseline: { type: 'string' },
    id: { type: 'string' },
    experiment: { type: 'string', multiple: true },
    commit: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
};
function parse(args, extra = {}) {
    try {
        return parseArgs({ args, options: { ...COMMON, ...extra }, allowPositionals: true, strict: true });
    }
    catch (e) {
        throw new UsageError(`${e.message.replace(/\. To specify a positional.*$/, '')}; see experiment-review --help`);
    }
}
function oneOf(value, allowed, fallback, flag) {
    if (value === undefined)
        return fallback;
    if (allowed.includes(value))
        return value;
    throw new UsageError(`--${flag} ${JSON.stringify(value)} is not supported; expected one of ${allowed.join(', ')}`);
}
/** Prints a command's help (help.ts is loaded only to print help). */
async function commandHelp(command, io) {
    const { COMMAND_HELP } = await import('./help.js');
    io.stdout(COMMAND_HELP[command]);
    return EXIT.pass;
}
/** Runs the CLI with the given arguments and returns the exit code. */
async function runCli(argv, io) {
    const [command, ...rest] = argv;
    try {
        switch (command) {
            case undefined: {
                const { HELP } = await import('./help.js');
                io.stderr(`experiment-review: no command given\n\n${HELP}`);
                return EXIT.usage;
            }
            case 'help':
            case '--help':
            case '-h': {
                const { COMMAND_HELP, HELP } = await import('./help.js');
                const topic = rest[0];
                if (topic !== undefined && Object.hasOwn(COMMAND_HELP, topic)) {
                    io.stdout(COMMAND_HELP[topic]);
                    return EXIT.pass;
                }
                if (topic === 'review' || topic === 'promote') {
                    const { runGitHubCommand } = await import('./github-commands.js');
                    return await runGitHubCommand(topic, ['--help'], io);
                }
                io.stdout(HELP);
                return EXIT.pass;
            }
            case '--version':
            case 'version': {
                const { VERSION } = await import('./help.js');
                io.stdout(`${VERSION}\n`);
                return EXIT.pass;
            }
            case 'compare':
                return await compareCommand(rest, io);
            case 'list':
            case 'show':
            case 'export':
                return await runsCommand(command, rest, io);
            case 'log':
                return await logCommand(rest, io);
            case 'monitor': {
                const { monitorCommand } = await import('./monitor-command.js');
                return await monitorCommand(rest, io);
            }
            case 'promote':
            case 'review': {
                const { runGitHubCommand } = await import('./github-commands.js');
                return await runGitHubCommand(command, rest, io);
            }
            default:
                throw new UsageError(`unknown command ${JSON.stringify(plain(command, 40))}; run experiment-review --help`);
        }
    }
    catch (e) {
        io.stderr(`experiment-review: ${plain(e.message ?? String(e), 2000)}\n`);
        return EXIT.usage;
    }
}
/** Progress on stderr for long collections, only on a terminal. */
function progressReporter(io) {
    if (!io.isTty)
        return undefined;
    let last = 0;
    return (n, where) => {
        const now = Date.now();
        if (now - last < 200)
            return;
        last = now;
        io.stderr(`\r\x1b[Kreading runs: ${n} so far (${plain(where, 60)})`);
    };
}
async function compareCommand(args, io) {
    const { values, positionals } = parse(args);
    if (values.help)
        return await commandHelp('compare', io);
    const workspace = path.resolve(io.cwd, values.workspace ?? '.');
    const patterns = [...(values.runs ?? []), ...positionals];
    const format = oneOf(values.format, ['text', 'markdown', 'json'], 'text', 'format');
    if (!values.baseline)
        throw new UsageError(`compare needs --baseline <baseline.json | runs folder | REF:PATH>, e.g. --baseline origin/main:${DEFAULT_BASELINE_PATH}`);
    const [{ loadRules }, { loadBaselineSpec }, { runPipeline }, { renderComment }, { renderJsonReport }, { renderText }] = await Promise.all([
        import('./rules-file.js'),
        import('./baseline.js'),
        import('./pipeline.js'),
        import('./comment.js').then(function (n) { return n.c; }),
        import('./json.js'),
        import('./comparison-text.js')
    ]);
    const loaded = await loadRules(workspace, values.rules ?? DEFAULT_RULES_PATH, {
        required: !!values.rules
    });
    applyExperimentFlag(loaded.rules, values.experiment);
    const id = values.id ?? 'default';
    const baseline = await loadBaselineSpec(workspace, values.baseline, loaded.rules, { id });
    if (!baseline.record)
        io.stderr(`note: no baseline found at ${plain(baseline.from)}; every metric is new\n`);
    const commit = await commitFlag(workspace, values.commit, patterns);
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
    });
    if (comparison.diagnostics.length)
        io.stderr(`${renderDiagnostics(comparison.diagnostics)}\n`);
    if (format === 'json')
        io.stdout(renderJsonReport(comparison));
    else if (format === 'markdown') {
        const { localPlots } = await import('./review-plots.js');
        const plots = await localPlots(comparison, collection, workspace, io.cwd, loaded.rules, baseline.record);
        for (const d of plots?.diagnostics ?? [])
            io.stderr(`warning: ${plain(d, 2000)}\n`);
        io.stdout(renderComment(comparison, {
            rulesFile: loaded.file,
            defaultRules: !loaded.file,
            ...(plots ? { plots: plots.view } : {})
        }));
    }
    else
        io.stdout(renderText(comparison, loaded.file));
    if (comparison.unknownMetrics) {
        for (const u of comparison.unknownMetrics)
            io.stderr(`experiment-review: ${plain(unknownMetricText(u, loaded.file ?? '(rules)'), 2000)}\n`);
    }
    for (const u of comparison.unreadableEvidence ?? [])
        io.stderr(`experiment-review: ${plain(unreadableEvidenceText(u, loaded.file ?? '(rules)'), 2000)}\n`);
    if (comparison.missingEvidence || comparison.unknownMetrics || comparison.unreadableEvidence) {
        if (comparison.missingEvidence)
            io.stderr(`experiment-review: ${plain(missingEvidenceText(comparison.missingEvidence), 2000)}\n`);
        return EXIT.usage;
    }
    return comparison.verdict === 'fail' ? EXIT.fail : EXIT.pass;
}
async function runsCommand(command, args, io) {
    const { values, positionals } = parse(args);
    if (values.help)
        return await commandHelp(command, io);
    const workspace = path.resolve(io.cwd, values.workspace ?? '.');
    const runName = command === 'show' ? positionals.shift() : undefined;
    if (command === 'show' && !runName)
        throw new UsageError('show needs a run name: experiment-review show <run>');
    const patterns = [...(values.runs ?? []), ...positionals];
    const selection = await selectionFor(workspace, values);
    const commit = await commitFlag(workspace, values.commit, patterns);
    const { runs, diagnostics, searched = [], missing = [] } = await collectRuns({
        workspace,
        patterns,
        selection,
        commit,
        env: io.env,
        onProgress: progressReporter(io)
    });
    if (diagnostics.length)
        io.stderr(`${renderDiagnostics(diagnostics)}\n`);
    // No runs, or a named runs path that does not exist: the listing is printed, and the exit code says it is not whole.
    const exit = () => {
        if (!runs.length || missing.length) {
            io.stderr(`experiment-review: ${plain(missingEvidenceText({ noRuns: !runs.length, searched, missing }), 2000)}\n`);
            return EXIT.usage;
        }
        return EXIT.pass;
    };
    if (command === 'list') {
        const format = oneOf(values.format, ['text', 'json'], 'text', 'format');
        if (format === 'json')
            await writeChunks(io, runsJsonChunks(runs));
        else
            io.stdout(renderRunList(runs));
        return exit();
    }
    if (command === 'export') {
        const format = oneOf(values.format, ['csv', 'json'], 'csv', 'format');
        if (format === 'json')
            await writeChunks(io, runsJsonChunks(runs));
        else
            io.stdout(runsToCsv(runs));
        return exit();
    }
    const matches = runs.filter(r => r.name === runName || r.id === runName || r.path === runName);
    if (!matches.length) {
        throw new UsageError(`no run named ${JSON.stringify(plain(runName, 80))}; experiment-review list shows the runs found (${runs.length})`);
    }
    io.stdout(matches.map(renderRun).join('\n'));
    return EXIT.pass;
}
/**
 * The experiments a runs command reads: `--experiment` when given, else the rules file's `select` (read only when
 * the rules file exists or --rules names one, so that `list` stays fast without one).
 */
async function selectionFor(workspace, values) {
    const flag = values.experiment;
    const file = values.rules ?? DEFAULT_RULES_PATH;
    if (!flag?.length && !values.rules && !existsSync(path.resolve(workspace, file)))
        return selectAll();
    const { loadRules } = await import('./rules-file.js');
    const { rules } = flag?.length
        ? { rules: defaultRules() }
        : await loadRules(workspace, file, { required: !!values.rules });
    applyExperimentFlag(rules, flag);
    return rules.select;
}
async function logCommand(args, io) {
    const { captureContext, checkRunName, logRun, parseAssignment, runHasContext } = await import('./log.js');
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
    });
    if (values.help)
        return await commandHelp('log', io);
    const run = positionals[0];
    if (!run || positionals.length > 1)
        throw new UsageError('log needs exactly one run name: experiment-review log <run> --metric accuracy=0.91');
    checkRunName(run);
    const entry = logEntryOf(values, parseAssignment);
    const workspace = path.resolve(io.cwd, values.workspace ?? '.');
    const dir = path.resolve(workspace, values.dir ?? 'experiments');
    // The commit and environment are captured once per run (the first log call), so logging each step stays cheap.
    const capture = values['no-capture'] || (await runHasContext(dir, run))
        ? undefined
        : await captureContext(workspace, io.env);
    const written = await logRun(dir, { run, ...entry, capture });
    io.stdout(`logged to ${path.relative(io.cwd, written) || '.'}\n`);
    return EXIT.pass;
}
/** What one `log` call records, from its flags; a usage error when a value is malformed or nothing is given. */
function logEntryOf(values, parseAssignment) {
    const assignments = (flag) => Object.fromEntries((values[flag] ?? []).map(p => parseAssignment(p, flag)));
    const wholeNumber = (flag, min) => {
        const raw = values[flag];
        if (raw === undefined)
            return undefined;
        const n = Number(raw);
        if (raw.trim() === '' || !Number.isSafeInteger(n) || n < min)
            throw new UsageError(`--${flag} ${JSON.stringify(raw)}: expected a whole number${min === 0 ? ' ≥ 0' : ''}`);
        return n;
    };
    const text = (flag) => {
        const raw = values[flag];
        if (raw === undefined)
            return undefined;
        if (!raw.trim())
            throw new UsageError(`--${flag} is empty; give a value, e.g. --${flag} v2`);
        return raw.trim();
    };
    // Checked in the order the flags were always checked, so the first malformed one is named.
    const entry = {
        params: assignments('param'),
        metrics: assignments('metric'),
        step: wholeNumber('step', 0),
        seed: wholeNumber('seed', Number.MIN_SAFE_INTEGER),
        group: text('group'),
        dataVersion: text('data-version'),
        evalSet: text('eval-set'),
        status: values.status === undefined
            ? undefined
            : oneOf(values.status, ['finished', 'failed', 'running', 'killed'], 'finished', 'status'),
        tags: values.tag ?? [],
        note: values.note
    };
    const { params, metrics, note, status, group, seed, dataVersion, evalSet } = entry;
    const records = [note, status, group, seed, dataVersion, evalSet].some(v => v !== undefined);
    if (!Object.keys(params).length && !Object.keys(metrics).length && !values.tag && !records)
        throw new UsageError('log needs something to record: --param, --metric, --tag, --note, --status, --group, --seed, --data-version or --eval-set');
    return entry;
}

var run = /*#__PURE__*/Object.freeze({
    __proto__: null,
    progressReporter: progressReporter,
    runCli: runCli
});

export { EXIT as E, UsageError as U, applyExperimentFlag as a, commitFlag as c, experimentFlag as e, run as r };
