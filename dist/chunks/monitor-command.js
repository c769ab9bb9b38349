import path from 'node:path';
import { parseArgs } from 'node:util';
import { a as DEFAULT_RULES_PATH, b as DEFAULT_DOCS_PATH, d as defaultBaselinePath } from './conventions.js';
import { c as clientLogOf } from './types.js';
import { m as monitorText } from './issue.js';
import { p as plain } from './text.js';
import { reviewId, repoPath, cliLog } from './github-commands.js';
import { E as EXIT, a as applyExperimentFlag, U as UsageError } from './run.js';
import './hidden-state.js';
import 'node:zlib';
import './findings.js';
import './markdown.js';
import './_commonjsHelpers.js';
import 'node:process';
import 'node:url';
import './inputs.js';
import './artifacts.js';
import './rules-file.js';
import 'node:fs/promises';
import './index2.js';
import 'process';
import 'buffer';
import 'node:fs';
import './json.js';
import './detect.js';
import './read-buffer.js';
import './help.js';

// `experiment-review monitor`: the scheduled check of the production model from any scheduler. On a local checkout
// it prints the evaluation and what the action would do; with --repo and a token it opens, updates or closes the
// retraining issue itself (--dry-run reads the issues and prints the plan without writing).
/** The usage text of `monitor`. */
const MONITOR_HELP = `Usage: experiment-review monitor [--runs <path|glob>...] [--rules FILE] [--baseline PATH] [--id ID]
                                 [--workspace DIR] [--docs PATH] [--experiment NAME|GLOB]...
                                 [--repo OWNER/NAME [--bot-login LOGIN] [--dry-run]]

Judges the evaluation runs of the local checkout (--workspace, default .) against the rules file's
retraining.when conditions and the baseline file (--baseline, which must exist; default .experiments/baseline.json,
or .experiments/<id>/baseline.json for another --id).

Without --repo it prints the evaluation and what the action would do with the retraining issue, and writes
nothing. With --repo it opens, updates or closes that issue on OWNER/NAME (one issue per --id) with the token
in GITHUB_TOKEN (issues: write); --dry-run reads the issues and prints the plan without writing.
GITHUB_API_URL points at GitHub Enterprise Server (https://HOST/api/v3).
--experiment (repeatable, globs) reads only those experiments of shared stores; it replaces select.experiments.

Exit codes: 0 the evaluation was judged (breached or healthy), 2 bad input (no runs, no retraining rules,
a monitored metric not reported) or a GitHub error.
`;
/** The flags of `monitor`, refused with the usage hint when unknown or malformed. */
function parseMonitorArgs(args) {
    try {
        return parseArgs({
            args,
            allowPositionals: true,
            strict: true,
            options: {
                runs: { type: 'string', multiple: true },
                rules: { type: 'string' },
                baseline: { type: 'string' },
                docs: { type: 'string' },
                id: { type: 'string' },
                workspace: { type: 'string' },
                repo: { type: 'string' },
                'bot-login': { type: 'string' },
                'dry-run': { type: 'boolean' },
                experiment: { type: 'string', multiple: true },
                help: { type: 'boolean', short: 'h' }
            }
        });
    }
    catch (e) {
        throw new UsageError(`${e.message.replace(/\. To specify a positional.*$/, '')}; see experiment-review monitor --help`);
    }
}
/** Where the monitor reads and writes, from the flags. */
function monitorConfig(values, positionals, cwd) {
    const id = reviewId(values.id);
    return {
        workspace: path.resolve(cwd, values.workspace ?? '.'),
        runs: [...(values.runs ?? []), ...positionals],
        configFile: values.rules ?? DEFAULT_RULES_PATH,
        baselinePath: repoPath('baseline', values.baseline, defaultBaselinePath(id)),
        baselineNamed: values.baseline !== undefined,
        docsPath: repoPath('docs', values.docs, DEFAULT_DOCS_PATH),
        id
    };
}
/** Runs `experiment-review monitor`. */
async function monitorCommand(args, io) {
    const { values, positionals } = parseMonitorArgs(args);
    if (values.help)
        return (io.stdout(MONITOR_HELP), EXIT.pass);
    const config = monitorConfig(values, positionals, io.cwd);
    const { assessEvaluation } = await import('./monitor.js');
    const { loadRules } = await import('./rules-file.js');
    const loaded = await loadRules(config.workspace, config.configFile, { required: !!values.rules });
    applyExperimentFlag(loaded.rules, values.experiment);
    const assessment = await assessEvaluation(config, loaded);
    for (const w of assessment.warnings)
        io.stderr(`warning: ${plain(w, 2000)}\n`);
    const breaches = assessment.evaluation.breaches.length;
    io.stdout(`${monitorText(assessment.evaluation, assessment.retraining)}\n\n`);
    if (values.repo)
        return actOnRetrainingIssue(io, values, config, assessment);
    io.stdout(breaches
        ? `${breaches} retraining condition(s) breached: the action would open the retraining issue${config.id === 'default' ? '' : ` of ${config.id}`}, or update the open one when a condition is new or worse.\n`
        : 'Every retraining condition is met: the action would close an open retraining issue (after recover_after healthy evaluations), or do nothing.\n');
    io.stdout('Nothing was written; add --repo OWNER/NAME (token in GITHUB_TOKEN) to act on the issue.\n');
    return EXIT.pass;
}
/** With --repo: opens, updates or closes the retraining issue on GitHub (or, with --dry-run, prints the plan). */
async function actOnRetrainingIssue(io, values, config, assessment) {
    const { parseRepository } = await import('./review-event.js');
    let repository;
    try {
        repository = parseRepository(values.repo ?? '', '--repo');
    }
    catch (e) {
        throw new UsageError(e.message);
    }
    const token = (io.env.GITHUB_TOKEN ?? '').trim();
    if (!token)
        throw new UsageError('monitor --repo needs a token in GITHUB_TOKEN (issues: write); it is never read from the command line');
    const { defaultBranchOf, describePlan, planRetrainingIssue, productionStatus, recordProduction, runMonitor } = await import('./monitor.js');
    const { gitHubClientFactory } = await import('./client.js');
    const { resolveTokenIdentity } = await import('./sticky.js');
    const log = cliLog(io);
    const github = io.github ?? gitHubClientFactory({ runtime: 'cli', env: io.env, log: clientLogOf(log) });
    const client = await github(token);
    const identity = await resolveTokenIdentity({ client, configured: values['bot-login'] });
    const { id, docsPath } = config;
    const breaches = assessment.evaluation.breaches.length;
    const now = new Date();
    if (values['dry-run']) {
        const { plan } = await planRetrainingIssue(assessment, { client, ...repository, identity }, id, now);
        io.stdout(`${describePlan(plan, breaches)}\n(dry run: nothing was written)\n`);
        return EXIT.pass;
    }
    const serverUrl = (io.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const runUrl = io.env.EXPERIMENT_REVIEW_RUN_URL || undefined;
    const target = { client, ...repository, identity, links: { serverUrl, docsPath, runUrl } };
    const result = await runMonitor(assessment, target, id, now);
    io.stdout(`${describePlan(result.plan, breaches)}\n`);
    for (const w of result.writes)
        io.stdout(`- ${plain(w, 200)}\n`);
    const branch = await defaultBranchOf({ client, ...repository });
    const status = productionStatus(assessment, result, now);
    const docs = await recordProduction({ client, ...repository }, { branch, docsPath, id, status });
    io.stdout(`- ${plain(docs.message, 600)}\n`);
    if (result.issue)
        io.stdout(`issue: ${result.issue.url}\n`);
    return EXIT.pass;
}

export { MONITOR_HELP, monitorCommand };
