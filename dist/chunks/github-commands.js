import path from 'node:path';
import { parseArgs } from 'node:util';
import { a as assetsBranch, R as RULES_FROM } from './inputs.js';
import { loadRules } from './rules-file.js';
import { D as DEFAULT_BASELINE_PATH, b as DEFAULT_DOCS_PATH, a as DEFAULT_RULES_PATH, d as defaultBaselinePath } from './conventions.js';
import { p as plain, r as renderDiagnostics, c as renderText } from './text.js';
import { c as clientLogOf } from './types.js';
import { U as UsageError, E as EXIT, a as applyExperimentFlag, c as commitFlag, e as experimentFlag } from './run.js';
import './artifacts.js';
import 'node:fs/promises';
import './index2.js';
import './_commonjsHelpers.js';
import 'process';
import 'buffer';
import './findings.js';
import 'node:fs';
import './json.js';
import './detect.js';
import './read-buffer.js';
import 'node:url';
import './help.js';

// CLI commands that reach GitHub or write commits; loaded lazily by the CLI.
// `review` runs the action's review (reviewPullRequest) from any CI or GPU cluster: the PR is read through the API,
// the log goes to stderr, the comparison to stdout, and a commit status on the PR head gates the merge.
// `promote` runs the merge-time promotion on a local checkout (src/local/promote.ts).
const REVIEW_HELP = `Usage: experiment-review review --repo OWNER/NAME --pr N [--runs <path|glob>...] [--rules FILE]
                                [--rules-from base|head] [--baseline PATH] [--id ID] [--workspace DIR]
                                [--bot-login LOGIN] [--no-comment] [--no-fail-on-regression]
                                [--experiment NAME|GLOB]... [--assets-branch BRANCH|none]

Reviews pull request N of OWNER/NAME with the runs of the local checkout (--workspace, default .): reads the
baseline and the rules file at the PR's base (--baseline, the path in the repository, which must exist there;
default ${DEFAULT_BASELINE_PATH}, or .experiments/<id>/baseline.json for another --id; from the local git
history when it has the base commit, else through the API), posts the sticky comment and sets the commit status
experiment-review/<id> on the PR's head, so a required status check gates the merge. When the PR changes the
rules file, the comment shows the change and the verdict under the proposed rules; --rules-from head judges by
the checkout's rules file instead.

Images the champion's run produced (PNG, JPEG, GIF, SVG; the rules file's artifacts: picks which) are committed
to --assets-branch (default experiment-review/assets; none turns it off) at paths named by their content and
shown in the comment beside the baseline's; confusion plots become tables.

The token is read from GITHUB_TOKEN (it needs pull-requests: write and statuses: write; contents: read for a
private repository; contents: write to show images). GITHUB_API_URL points at GitHub Enterprise Server (https://HOST/api/v3).

Exit codes: 0 pass (or no baseline yet), 1 a rule is broken, 2 bad input or a GitHub error.
`;
const PROMOTE_HELP = `Usage: experiment-review promote [--runs <path|glob>...] [--baseline ${DEFAULT_BASELINE_PATH}]
                                 [--docs ${DEFAULT_DOCS_PATH}] [--rules FILE] [--id ID] [--pr N]
                                 [--workspace DIR] [--no-commit] [--experiment NAME|GLOB]...
                                 [--commit SHA|HEAD|any]

Chooses the champion of the runs of the local checkout, rewrites the baseline file and the living docs page,
and commits both with git (--no-commit only writes them). The baseline file is ${DEFAULT_BASELINE_PATH}, or
.experiments/<id>/baseline.json for another --id; a baseline file that belongs to another id is refused.
`;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The --rules-from flag: base (the default) or head. */
function rulesFromFlag(value) {
    if (value === undefined)
        return 'base';
    if (!RULES_FROM.includes(value))
        throw new UsageError(`--rules-from is ${JSON.stringify(value)}; expected base or head`);
    return value;
}
function parse(args, options) {
    try {
        const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
        return { values: values, positionals };
    }
    catch (e) {
        throw new UsageError(`${e.message.replace(/\. To specify a positional.*$/, '')}; see experiment-review --help`);
    }
}
/** A path flag that must stay inside the repository (no absolute path, no `..`), or its default. */
function repoPath(flag, value, fallback) {
    const v = (value ?? '').trim() || fallback;
    if (path.isAbsolute(v) || v.split(/[\\/]/).includes('..')) {
        throw new UsageError(`--${flag} ${JSON.stringify(v)} must be a path inside the repository, without ".." (e.g. ${fallback})`);
    }
    return v;
}
/** The --id flag checked as a review id (default `default`). */
function reviewId(value) {
    const id = (value ?? 'default').trim();
    if (!ID.test(id))
        throw new UsageError(`--id ${JSON.stringify(id)} is not a review id; use letters, digits, ".", "_" or "-" (at most 64)`);
    return id;
}
function prNumber(value, required) {
    if (value === undefined) {
        if (required)
            throw new UsageError('review needs --pr N, the pull request number (e.g. --pr 42)');
        return undefined;
    }
    if (!/^[1-9][0-9]{0,9}$/.test(value.trim()))
        throw new UsageError(`--pr ${JSON.stringify(value)} is not a pull request number; expected e.g. --pr 42`);
    return Number(value.trim());
}
/** A review log on the terminal: plain lines on stderr, annotations prefixed with their level and place. */
function cliLog(io) {
    const where = (p) => (p?.file ? `${plain(p.file, 200)}${p.line ? `:${p.line}` : ''}: ` : '');
    return {
        info: m => io.stderr(`${plain(m, 4000)}\n`),
        notice: (m, p) => io.stderr(`notice: ${where(p)}${plain(m, 4000)}\n`),
        warning: (m, p) => io.stderr(`warning: ${where(p)}${plain(m, 4000)}\n`),
        error: (m, p) => io.stderr(`error: ${where(p)}${plain(m, 4000)}\n`),
        summary: async () => undefined
    };
}
/** Runs `review` or `promote` from the CLI. */
async function runGitHubCommand(command, args, io) {
    return command === 'review' ? reviewCommand(args, io) : promoteCommand(args, io);
}
/** --assets-branch, validated as the action's assets-branch input is (a usage error names the flag). */
function assetsBranchFlag(value) {
    try {
        return assetsBranch(value ?? '');
    }
    catch (e) {
        throw new UsageError(e.message.replace('input "assets-branch"', '--assets-branch'));
    }
}
/** `experiment-review review`: reviews one pull request through the GitHub API and prints what it did. */
async function reviewCommand(args, io) {
    const { values, positionals } = parse(args, REVIEW_OPTIONS);
    if (values.help)
        return (io.stdout(REVIEW_HELP), EXIT.pass);
    const repository = await repositoryFlag(values.repo);
    const number = prNumber(values.pr, true);
    const token = (io.env.GITHUB_TOKEN ?? '').trim();
    if (!token) {
        throw new UsageError('review needs a token in GITHUB_TOKEN (pull-requests: write and statuses: write on the repository); it is never read from the command line');
    }
    const config = reviewConfig(values, positionals, io, token);
    if (values.rules)
        await loadRules(config.workspace, config.configFile, { required: true });
    const log = cliLog(io);
    const [{ gitHubClientFactory }, { getPullRequest }, { reviewPullRequest, lazyClient }] = await Promise.all([
        import('./client.js'),
        import('./pr.js'),
        import('./review.js')
    ]);
    const github = io.github ?? gitHubClientFactory({ runtime: 'cli', env: io.env, log: clientLogOf(log) });
    const client = lazyClient(() => github(token));
    const pr = await getPullRequest({ client: await client(), ...repository, pullNumber: number });
    if (pr.state === 'closed')
        log.warning(`${repository.owner}/${repository.repo}#${number} is ${pr.merged ? 'merged' : 'closed'}; reviewing it anyway.`);
    const result = await reviewPullRequest({
        config,
        log,
        env: io.env,
        ...repository,
        pr,
        client,
        runtime: 'cli',
        commitStatus: true,
        runUrl: io.env.EXPERIMENT_REVIEW_RUN_URL || undefined
    });
    printReviewResult(result, pr.headSha, io);
    if (result.failureKind === 'gate')
        return EXIT.fail;
    if (result.failureKind)
        return EXIT.usage;
    return EXIT.pass;
}
/** The flags `review` takes. */
const REVIEW_OPTIONS = {
    repo: { type: 'string' },
    pr: { type: 'string' },
    runs: { type: 'string', multiple: true },
    rules: { type: 'string' },
    'rules-from': { type: 'string' },
    baseline: { type: 'string' },
    id: { type: 'string' },
    workspace: { type: 'string' },
    'bot-login': { type: 'string' },
    'assets-branch': { type: 'string' },
    experiment: { type: 'string', multiple: true },
    'no-comment': { type: 'boolean' },
    'no-fail-on-regression': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
};
/** --repo OWNER/NAME, a usage error when missing or malformed. */
async function repositoryFlag(value) {
    const { parseRepository } = await import('./review-event.js');
    try {
        return parseRepository(value, '--repo');
    }
    catch (e) {
        throw new UsageError(e.message);
    }
}
/** The review's configuration from the parsed `review` flags and the positional run paths. */
function reviewConfig(values, positionals, io, token) {
    const id = reviewId(values.id);
    return {
        workspace: path.resolve(io.cwd, values.workspace ?? '.'),
        runs: [...(values.runs ?? []), ...positionals],
        configFile: values.rules ?? DEFAULT_RULES_PATH,
        rulesFrom: rulesFromFlag(values['rules-from']),
        baselinePath: repoPath('baseline', values.baseline, defaultBaselinePath(id)),
        baselineNamed: values.baseline !== undefined,
        docsPath: DEFAULT_DOCS_PATH,
        token,
        mode: 'review',
        comment: !values['no-comment'],
        failOnRegression: !values['no-fail-on-regression'],
        id,
        botLogin: values['bot-login']?.trim() || undefined,
        experiments: experimentFlag(values.experiment),
        assetsBranch: assetsBranchFlag(values['assets-branch'])
    };
}
/** Prints the comparison, report path, comment and commit status of a review, and its failure if any. */
function printReviewResult(result, headSha, io) {
    if (result.comparison) {
        if (result.comparison.diagnostics.length)
            io.stderr(`${renderDiagnostics(result.comparison.diagnostics)}\n`);
        io.stdout(renderText(result.comparison));
        io.stdout(`\nreport: ${result.outcome.reportPath}\n`);
        if (result.comment)
            io.stdout(`comment (${result.comment.action}): ${result.comment.url}\n`);
        else if (result.commentSkipped)
            io.stdout(`comment: not posted (${plain(result.commentSkipped, 400)})\n`);
        if (result.status)
            io.stdout(`status: ${result.status.context} ${result.status.state} on ${headSha.slice(0, 12)} (${plain(result.status.description, 140)})\n`);
    }
    if (result.outcome.failure)
        io.stderr(`experiment-review: ${plain(result.outcome.failure, 2000)}\n`);
}
async function promoteCommand(args, io) {
    const { values, positionals } = parse(args, {
        runs: { type: 'string', multiple: true },
        rules: { type: 'string' },
        baseline: { type: 'string' },
        docs: { type: 'string' },
        id: { type: 'string' },
        pr: { type: 'string' },
        workspace: { type: 'string' },
        'no-commit': { type: 'boolean' },
        experiment: { type: 'string', multiple: true },
        commit: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
    });
    if (values.help)
        return (io.stdout(PROMOTE_HELP), EXIT.pass);
    const workspace = path.resolve(io.cwd, values.workspace ?? '.');
    const loaded = await loadRules(workspace, values.rules ?? DEFAULT_RULES_PATH, {
        required: !!values.rules
    });
    applyExperimentFlag(loaded.rules, values.experiment);
    const number = prNumber(values.pr, false);
    const { promoteLocal } = await import('./promote2.js');
    const runs = [...(values.runs ?? []), ...positionals];
    const id = reviewId(values.id);
    const result = await promoteLocal({
        workspace,
        runs,
        runsOf: await commitFlag(workspace, values.commit, runs),
        baselinePath: repoPath('baseline', values.baseline, defaultBaselinePath(id)),
        docsPath: repoPath('docs', values.docs, DEFAULT_DOCS_PATH),
        rules: loaded.rules,
        id,
        pr: number ? { number } : undefined,
        now: new Date(),
        commit: !values['no-commit']
    });
    for (const w of result.warnings)
        io.stderr(`warning: ${plain(w, 2000)}\n`);
    if (result.skipped) {
        io.stdout(`nothing promoted: ${plain(result.skipped, 400)}\n`);
        return EXIT.pass;
    }
    if (result.champion)
        io.stdout(`champion: ${plain(result.champion, 120)}\n`);
    io.stdout(`${result.commitSha ? 'committed' : 'wrote'} ${result.written.map(f => plain(f, 200)).join(', ')}${result.commitSha ? ` in ${result.commitSha.slice(0, 12)}` : ''}\n`);
    return EXIT.pass;
}

export { cliLog, repoPath, reviewId, runGitHubCommand };
