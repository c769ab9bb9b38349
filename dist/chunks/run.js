import path from 'node:path';
import { parseArgs } from 'node:util';
import { runsToJson, runsToCsv } from './json.js';
import { f as formatDiagnostic, a as fmtStat, d as decimalsFor, p as paramText, g as goalArrow, b as fmtChange, c as fmtMeaning, e as fmtRules, h as collectRuns } from './detect.js';
import { v as violationMessage, n as notLikeForLikeText, w as warningMessage } from './findings.js';
import { a as DEFAULT_BASELINE_PATH, b as DEFAULT_RULES_PATH } from './conventions.js';
import { VERSION, COMMAND_HELP, HELP } from './help.js';

// Terminal escape sequences and other control characters from untrusted text must never reach the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Untrusted text made safe for a terminal line: control, escape and direction characters replaced. */
function plain(value, max = 80) {
    // `::` is broken so no workflow command (::error::, ::add-mask::) can start from untrusted text in a runner log.
    const s = String(value ?? '')
        .replace(/\r\n?|\n/g, ' ⏎ ')
        .replace(UNSAFE, '�')
        .replace(/::/g, ':\u200c:');
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
/** Lays out rows as aligned columns (the first row is the header). */
function columns(rows, align = []) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map(r => [...(r[i] ?? '')].length)));
    const line = (r) => r
        .map((c, i) => {
        const pad = ' '.repeat(widths[i] - [...c].length);
        return align[i] === 'right' ? pad + c : c + pad;
    })
        .join('  ')
        .trimEnd();
    return [line(rows[0]), widths.map(w => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
/** The comparison as terminal text. */
function renderText(c) {
    const out = [];
    const broken = c.violations.filter(v => !v.accepted);
    out.push(c.verdict === 'fail'
        ? `FAIL: ${broken.length} rule${broken.length === 1 ? '' : 's'} broken`
        : c.verdict === 'no-baseline'
            ? 'NO BASELINE: nothing to compare against yet'
            : 'PASS: all rules met');
    for (const v of broken)
        out.push(`  ✗ ${plain(violationMessage(v), 200)}`);
    if (c.champion) {
        out.push('', `Champion: ${plain(c.champion.name)}${c.primary ? ` (best ${plain(c.primary)} of ${c.experiments.length})` : ''}${c.baseline ? `  vs baseline ${plain(c.baseline.name)}` : ''}`);
    }
    if (c.metrics.length) {
        const rows = [['', 'metric', 'baseline', 'this', 'change', 'verdict']];
        for (const m of c.metrics) {
            const d = decimalsFor(m.baseline?.value, m.current?.value);
            rows.push([
                m.broken ? '✗' : m.accepted ? '!' : m.gated ? '✓' : '·',
                `${plain(m.name, 40)} ${goalArrow(m)}`,
                fmtStat(m.baseline, d),
                fmtStat(m.current, d),
                fmtChange(m),
                `${fmtMeaning(m)}; ${fmtRules(m)}`
            ]);
        }
        out.push('', columns(rows, ['left', 'left', 'right', 'right', 'right', 'left']));
    }
    if (c.notLikeForLike.length)
        out.push('', `Not like for like: ${plain(c.notLikeForLike.map(notLikeForLikeText).join('; '), 300)}`);
    if (c.params.length) {
        out.push('', 'Parameters changed:');
        for (const p of c.params)
            out.push(`  ${plain(p.name, 40)}: ${p.kind === 'added' ? '—' : plain(paramText(p.baseline), 30)} → ${p.kind === 'removed' ? '—' : plain(paramText(p.current), 30)}`);
    }
    if (c.experiments.length > 1) {
        const primary = c.primary;
        const rows = [['run', primary ? plain(primary, 30) : '', 'status']];
        for (const e of c.experiments) {
            const stat = primary ? e.metrics[primary] : undefined;
            rows.push([
                plain(e.name, 40),
                stat ? fmtStat(stat, decimalsFor(stat.value)) : '—',
                e.status + (e.runs.length > 1 ? ` (${e.runs.length} runs)` : '')
            ]);
        }
        out.push('', `All runs (${c.experiments.length}), best first:`, columns(rows, ['left', 'right', 'left']));
    }
    if (c.warnings.length) {
        out.push('', `Warnings (${c.warnings.length}):`);
        for (const w of c.warnings)
            out.push(`  ! ${plain(warningMessage(w), 200)}`);
    }
    return `${out.join('\n')}\n`;
}
/** A list of runs as terminal text. */
function renderRunList(runs) {
    if (!runs.length)
        return 'No runs found.\n';
    const rows = [['run', 'format', 'status', 'metrics', 'params', 'path']];
    for (const r of runs)
        rows.push([
            plain(r.name, 40),
            r.source,
            r.metadata.status,
            String(Object.keys(r.metrics).length),
            String(Object.keys(r.params).length),
            plain(r.path, 60)
        ]);
    return `${columns(rows)}\n`;
}
/** One run in detail as terminal text. */
function renderRun(run) {
    const out = [
        `${plain(run.name, 100)}  (${run.source}, ${plain(run.path, 100)})`,
        `status: ${run.metadata.status}${run.metadata.statusReason ? ` (${plain(run.metadata.statusReason)})` : ''}`
    ];
    const m = run.metadata;
    for (const [label, value] of [
        ['commit', m.gitCommit],
        ['data', m.dataVersion],
        ['group', m.group],
        ['author', m.author],
        ['description', m.description],
        ['hypothesis', m.hypothesis]
    ]) {
        if (value)
            out.push(`${label}: ${plain(value, 120)}`);
    }
    if (m.tags.length)
        out.push(`tags: ${m.tags.map(t => plain(t, 40)).join(', ')}`);
    const metrics = Object.entries(run.metrics);
    if (metrics.length) {
        const rows = [['metric', 'value', 'history']];
        for (const [k, v] of metrics)
            rows.push([
                plain(k, 50),
                v.exact ?? fmtStat({ value: v.value, samples: [v.value], n: 1 }, decimalsFor(v.value)),
                v.history ? `${v.history.length} points` : ''
            ]);
        out.push('', columns(rows, ['left', 'right', 'left']));
    }
    const params = Object.entries(run.params);
    if (params.length) {
        const rows = [['param', 'value']];
        for (const [k, v] of params)
            rows.push([plain(k, 50), plain(paramText(v), 60)]);
        out.push('', columns(rows));
    }
    const env = Object.entries(m.environment);
    if (env.length)
        out.push('', ...env.map(([k, v]) => `env ${plain(k, 30)}: ${plain(v, 80)}`));
    return `${out.join('\n')}\n`;
}
/** Diagnostics as terminal lines for stderr. */
function renderDiagnostics(diagnostics) {
    return diagnostics
        .map(d => `${d.severity}: ${plain(formatDiagnostic(d), 400)}`)
        .join('\n');
}

/** A usage or input error: exit code 2. */
class UsageError extends Error {
}
/** The exit codes of the CLI. */
const EXIT = { pass: 0, fail: 1, usage: 2 };

// The command-line interface: the same pipeline on a local checkout. Exit codes: 0 pass, 1 gate failed, 2 bad
// input or usage. GitHub-only commands are loaded lazily so local commands start fast.
const COMMON = {
    runs: { type: 'string', multiple: true },
    workspace: { type: 'string' },
    format: { type: 'string' },
    rules: { type: 'string' },
    baseline: { type: 'string' },
    id: { type: 'string' },
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
/** Runs the CLI with the given arguments and returns the exit code. */
async function runCli(argv, io) {
    const [command, ...rest] = argv;
    try {
        switch (command) {
            case undefined:
                io.stderr(`experiment-review: no command given\n\n${HELP}`);
                return EXIT.usage;
            case 'help':
            case '--help':
            case '-h': {
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
            case 'version':
                io.stdout(`${VERSION}\n`);
                return EXIT.pass;
            case 'compare':
                return await compareCommand(rest, io);
            case 'list':
            case 'show':
            case 'export':
                return await runsCommand(command, rest, io);
            case 'log':
                return await logCommand(rest, io);
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
        return (io.stdout(COMMAND_HELP.compare), EXIT.pass);
    const workspace = path.resolve(io.cwd, values.workspace ?? '.');
    const patterns = [...(values.runs ?? []), ...positionals];
    const format = oneOf(values.format, ['text', 'markdown', 'json'], 'text', 'format');
    if (!values.baseline)
        throw new UsageError(`compare needs --baseline <baseline.json | runs folder | REF:PATH>, e.g. --baseline origin/main:${DEFAULT_BASELINE_PATH}`);
    const [{ loadRules }, { loadBaselineSpec }, { runPipeline }, { renderComment }, { renderJsonReport }] = await Promise.all([
        import('./rules-file.js'),
        import('./baseline.js'),
        import('./pipeline.js'),
        import('./comment.js'),
        import('./json.js')
    ]);
    const loaded = await loadRules(workspace, values.rules ?? DEFAULT_RULES_PATH, {
        required: !!values.rules
    });
    const id = values.id ?? 'default';
    const baseline = await loadBaselineSpec(workspace, values.baseline, loaded.rules, id);
    if (!baseline.record)
        io.stderr(`note: no baseline found at ${plain(baseline.from)}; every metric is new\n`);
    const { comparison } = await runPipeline({
        workspace,
        patterns,
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
    else if (format === 'markdown')
        io.stdout(renderComment(comparison, { rulesFile: loaded.file, defaultRules: !loaded.file }));
    else
        io.stdout(renderText(comparison));
    return comparison.verdict === 'fail' ? EXIT.fail : EXIT.pass;
}
async function runsCommand(command, args, io) {
    const { values, positionals } = parse(args);
    if (values.help)
        return (io.stdout(COMMAND_HELP[command]), EXIT.pass);
    const workspace = path.resolve(io.cwd, values.workspace ?? '.');
    const runName = command === 'show' ? positionals.shift() : undefined;
    if (command === 'show' && !runName)
        throw new UsageError('show needs a run name: experiment-review show <run>');
    const patterns = [...(values.runs ?? []), ...positionals];
    const { runs, diagnostics } = await collectRuns({ workspace, patterns, onProgress: progressReporter(io) });
    if (diagnostics.length)
        io.stderr(`${renderDiagnostics(diagnostics)}\n`);
    if (command === 'list') {
        const format = oneOf(values.format, ['text', 'json'], 'text', 'format');
        io.stdout(format === 'json' ? runsToJson(runs) : renderRunList(runs));
        return EXIT.pass;
    }
    if (command === 'export') {
        const format = oneOf(values.format, ['csv', 'json'], 'csv', 'format');
        io.stdout(format === 'json' ? runsToJson(runs) : runsToCsv(runs));
        return EXIT.pass;
    }
    const matches = runs.filter(r => r.name === runName || r.id === runName || r.path === runName);
    if (!matches.length) {
        throw new UsageError(`no run named ${JSON.stringify(plain(runName, 80))}; experiment-review list shows the runs found (${runs.length})`);
    }
    io.stdout(matches.map(renderRun).join('\n'));
    return EXIT.pass;
}
async function logCommand(args, io) {
    const { captureContext, logRun, parseAssignment, runHasContext } = await import('./log.js');
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
        return (io.stdout(COMMAND_HELP.log), EXIT.pass);
    const run = positionals[0];
    if (!run || positionals.length > 1)
        throw new UsageError('log needs exactly one run name: experiment-review log <run> --metric accuracy=0.91');
    const params = Object.fromEntries((values.param ?? []).map(p => parseAssignment(p, 'param')));
    const metrics = Object.fromEntries((values.metric ?? []).map(m => parseAssignment(m, 'metric')));
    const wholeNumber = (flag, min) => {
        const raw = values[flag];
        if (raw === undefined)
            return undefined;
        const n = Number(raw);
        if (raw.trim() === '' || !Number.isSafeInteger(n) || n < min)
            throw new UsageError(`--${flag} ${JSON.stringify(raw)}: expected a whole number${min === 0 ? ' ≥ 0' : ''}`);
        return n;
    };
    const step = wholeNumber('step', 0);
    const seed = wholeNumber('seed', Number.MIN_SAFE_INTEGER);
    const text = (flag) => {
        const raw = values[flag];
        if (raw === undefined)
            return undefined;
        if (!raw.trim())
            throw new UsageError(`--${flag} is empty; give a value, e.g. --${flag} v2`);
        return raw.trim();
    };
    const group = text('group');
    const dataVersion = text('data-version');
    const evalSet = text('eval-set');
    const status = values.status === undefined
        ? undefined
        : oneOf(values.status, ['finished', 'failed', 'running', 'killed'], 'finished', 'status');
    const workspace = path.resolve(io.cwd, values.workspace ?? '.');
    const dir = path.resolve(workspace, values.dir ?? 'experiments');
    if (!Object.keys(params).length &&
        !Object.keys(metrics).length &&
        !values.tag &&
        values.note === undefined &&
        !status &&
        group === undefined &&
        seed === undefined &&
        dataVersion === undefined &&
        evalSet === undefined) {
        throw new UsageError('log needs something to record: --param, --metric, --tag, --note, --status, --group, --seed, --data-version or --eval-set');
    }
    // The commit and environment are captured once per run (the first log call), so logging each step stays cheap.
    const capture = values['no-capture'] || (await runHasContext(dir, run))
        ? undefined
        : await captureContext(workspace, io.env);
    const written = await logRun(dir, {
        run,
        params,
        metrics,
        step,
        tags: values.tag ?? [],
        note: values.note,
        status,
        group,
        seed,
        dataVersion,
        evalSet,
        capture
    });
    io.stdout(`logged to ${path.relative(io.cwd, written) || '.'}\n`);
    return EXIT.pass;
}

var run = /*#__PURE__*/Object.freeze({
    __proto__: null,
    progressReporter: progressReporter,
    runCli: runCli
});

export { EXIT as E, UsageError as U, renderText as a, run as b, plain as p, renderDiagnostics as r };
