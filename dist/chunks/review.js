import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadRules, RulesFileError } from './rules-file.js';
import { p as parseBaseline, B as BaselineError } from './baseline2.js';
import { G as GITHUB_BODY_LIMIT, h as hiddenMarker } from './conventions.js';
import { isGitHubRequestError, explainGitHubError, GitHubApiError } from './client.js';
import { readFileAtRef, getPullRequest, findPullRequestForSha, setCommitStatus } from './pr.js';
import { renderComment } from './comment.js';
import { v as violationMessage } from './findings.js';
import { renderJsonReport } from './json.js';
import { p as paragraph, u as untrusted, t as text, h as heading, b as bulletList, a as untrustedCode, s as stringify, r as root } from './chart.js';
import { hasGitCommit, readFileAtGitRef } from './baseline.js';
import { runPipeline } from './pipeline.js';
import { parseReviewEvent } from './review-event.js';
import './index2.js';
import './_commonjsHelpers.js';
import 'process';
import 'buffer';
import './significance.js';
import './detect.js';
import 'node:fs';
import 'node:string_decoder';
import './mlflow-metrics-file.js';
import 'node:crypto';
import 'node:readline';
import 'node:os';
import 'node:url';
import 'node:worker_threads';
import 'node:module';
import 'node:process';
import 'node:child_process';
import 'node:util';
import './champion.js';

// The one sticky comment per pull request and review id: found by its hidden marker AND by the token's own
// login (a user who pastes the marker is never mistaken for it), edited in place, left alone when its text
// would not change, and a duplicate left by a race of two runs removed (the oldest is kept).
/** The login a workflow's GITHUB_TOKEN posts as. */
const GITHUB_ACTIONS_BOT_LOGIN = 'github-actions[bot]';
const sameText = (a, b) => a.replace(/\r\n/g, '\n').trimEnd() === b.replace(/\r\n/g, '\n').trimEnd();
/** The body with the marker at its top (unchanged when it already holds the marker). */
function withMarker(body, marker) {
    return body.includes(marker) ? body : `${marker}\n${body}`;
}
/**
 * Creates, updates or leaves alone the sticky comment. Reads every page of comments (100 a page, following the
 * Link headers as given), so a pull request with 250 comments costs 3 reads and at most 1 write (0 when the text
 * is unchanged), plus one delete per duplicate found.
 */
async function upsertStickyComment(options) {
    const { client, owner, repo, issueNumber, marker, login } = options;
    const where = `${owner}/${repo}#${issueNumber}`;
    if (!marker.trim())
        throw new Error(`upsertStickyComment on ${where}: the marker is empty; pass hiddenMarker(id).`);
    if (!login.trim())
        throw new Error(`upsertStickyComment on ${where}: the login is empty; resolve it with resolveTokenLogin first.`);
    const body = withMarker(options.body, marker);
    const length = Array.from(body).length;
    if (length > GITHUB_BODY_LIMIT) {
        throw new Error(`The comment for ${where} is ${length} characters, more than GitHub's ${GITHUB_BODY_LIMIT}: ` +
            'the report must fold sections to fit (this is a bug in the report, please report it).');
    }
    const ours = [];
    try {
        for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
            owner,
            repo,
            issue_number: issueNumber,
            per_page: 100
        })) {
            for (const comment of page.data) {
                if (comment.user?.login.toLowerCase() === login.toLowerCase() && comment.body?.includes(marker))
                    ours.push(comment);
            }
        }
    }
    catch (error) {
        throw explainGitHubError(error, `reading the comments of ${where}`, 'pull-requests: read');
    }
    ours.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
    const [kept, ...duplicates] = ours;
    const removedDuplicates = [];
    for (const duplicate of duplicates) {
        try {
            await client.rest.issues.deleteComment({ owner, repo, comment_id: duplicate.id });
            removedDuplicates.push(duplicate.id);
        }
        catch (error) {
            // Another run may have removed it already.
            if (!isGitHubRequestError(error) || error.status !== 404) {
                throw explainGitHubError(error, `deleting the duplicate comment ${duplicate.id} on ${where}`, 'pull-requests: write');
            }
        }
    }
    if (kept && sameText(kept.body ?? '', body)) {
        return { action: 'unchanged', id: kept.id, url: kept.html_url, removedDuplicates };
    }
    try {
        if (kept) {
            const { data } = await client.rest.issues.updateComment({ owner, repo, comment_id: kept.id, body });
            return { action: 'updated', id: data.id, url: data.html_url, removedDuplicates };
        }
        const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
        return { action: 'created', id: data.id, url: data.html_url, removedDuplicates };
    }
    catch (error) {
        throw explainGitHubError(error, `${kept ? 'editing' : 'posting'} the review comment on ${where}`, 'pull-requests: write');
    }
}
const PERSONAL_TOKEN = /^(ghp_|github_pat_|gho_|ghu_)/;
/**
 * The login the token posts as: the configured one; in Actions with the default token github-actions[bot]
 * (GET /user refuses that token); otherwise GET /user. Never guessed from a failed call: when GET /user fails,
 * this throws and says to set the login.
 */
async function resolveTokenLogin(options) {
    const configured = options.configured?.trim();
    if (configured)
        return configured;
    const isDefaultToken = options.defaultToken ??
        (options.runtime === 'actions' && !(options.token && PERSONAL_TOKEN.test(options.token)));
    if (options.runtime === 'actions' && isDefaultToken)
        return GITHUB_ACTIONS_BOT_LOGIN;
    try {
        const { data } = await options.client.rest.users.getAuthenticated();
        if (!data.login)
            throw new Error('GET /user answered without a login');
        return data.login;
    }
    catch (error) {
        const said = isGitHubRequestError(error)
            ? `${error.status} "${error.message.split(' - ')[0]}"`
            : error.message;
        throw new Error(`Could not find out which account the token posts as: GET /user answered ${said}. ` +
            'This happens with GitHub App installation tokens, which may not read /user. Set the bot-login input ' +
            '(CLI: --bot-login) to the login its comments show, e.g. my-app[bot]; the sticky comment is found by it.', { cause: error });
    }
}

// Review mode: the PR's runs against the baseline at the PR's base → one sticky comment, the job summary, the JSON
// report, annotations and outputs, and the gate. The action (pull_request, workflow_run) and the CLI (`review
// --repo --pr`) run the same reviewPullRequest; they differ only in how they get the event, the log and the client.
/** The commit status context of a review id. */
function statusContext(id) {
    return `experiment-review/${id}`;
}
/** The path of the JSON report: `${RUNNER_TEMP or workspace}/experiment-review-${id}.json`. */
function reportPathFor(config, env) {
    return path.join(env.RUNNER_TEMP || config.workspace, `experiment-review-${config.id}.json`);
}
/** The web root of the GitHub server the workflow runs on (GITHUB_SERVER_URL, default https://github.com). */
function serverUrlOf(env) {
    return (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
}
/** The link to the current workflow run, from the runner's environment; undefined outside Actions. */
function workflowRunUrl(env) {
    if (!env.GITHUB_RUN_ID || !env.GITHUB_REPOSITORY)
        return undefined;
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
/**
 * Reads the baseline file at the PR's base commit: from the local checkout when it has that commit (no API call),
 * else through the contents API. No file means no baseline yet. Throws BaselineError for a file that cannot be used.
 */
async function loadBaselineAtBase(request) {
    const { config, baseSha } = request;
    let textAtBase;
    let from;
    if (await hasGitCommit(config.workspace, baseSha)) {
        from = `${config.baselinePath} at ${baseSha.slice(0, 12)} (local checkout)`;
        textAtBase = await readFileAtGitRef(config.workspace, baseSha, config.baselinePath);
    }
    else {
        from = `${config.baselinePath} at ${baseSha.slice(0, 12)} (${request.owner}/${request.repo} via the contents API)`;
        textAtBase = await readFileAtRef({
            client: await request.client(),
            owner: request.owner,
            repo: request.repo,
            path: config.baselinePath,
            ref: baseSha
        });
    }
    if (textAtBase === undefined)
        return { from };
    const file = parseBaseline(textAtBase, config.baselinePath);
    if (file.id && file.id !== config.id) {
        throw new BaselineError(config.baselinePath, `belongs to review id "${file.id}", not "${config.id}"; give each id its own baseline input`);
    }
    return { record: file.champion, from };
}
const READ_ONLY_NOTE = 'This is expected for pull requests from forks, whose workflow token is read-only: the job summary and the JSON report ' +
    'hold the review, and the two-workflow pattern (pull_request uploads the runs, workflow_run comments) posts the comment; see docs/forks.md.';
function isReadOnlyRefusal(error) {
    return error instanceof GitHubApiError && error.status === 403;
}
/** Runs one review of a pull request: compare, comment, status, summary, report, annotations, outcome. */
async function reviewPullRequest(request) {
    const { config, log, pr } = request;
    const where = `${request.owner}/${request.repo}#${pr.number}`;
    let loaded;
    let baseline;
    try {
        loaded = await loadRules(config.workspace, config.configFile);
        baseline = await loadBaselineAtBase({ ...request, baseSha: pr.baseSha });
    }
    catch (e) {
        if (e instanceof RulesFileError) {
            log.error(e.problem, {
                file: e.file,
                line: e.line,
                title: `Experiment Review: invalid rules file (column ${e.column})`
            });
            return { outcome: { failure: `Experiment Review: ${e.message}` }, failureKind: 'input' };
        }
        if (e instanceof BaselineError) {
            log.error(e.message.startsWith(`${e.file}: `) ? e.message.slice(e.file.length + 2) : e.message, {
                file: e.file,
                title: 'Experiment Review: unusable baseline'
            });
            return { outcome: { failure: `Experiment Review: ${e.message}` }, failureKind: 'input' };
        }
        throw e;
    }
    log.info(baseline.record
        ? `Baseline: ${baseline.record.name} from ${baseline.from}`
        : `No baseline yet: nothing at ${baseline.from}`);
    const { comparison } = await runPipeline({
        workspace: config.workspace,
        patterns: config.runs,
        rules: loaded.rules,
        baseline: baseline.record,
        id: config.id
    });
    const reportContext = {
        headSha: pr.headSha,
        baseSha: pr.baseSha,
        baseBranch: pr.baseRef,
        runUrl: request.serverUrl
            ? `${request.serverUrl.replace(/\/+$/, '')}/${request.owner}/${request.repo}/commit/${pr.headSha}/checks`
            : undefined,
        rulesFile: loaded.file,
        defaultRules: !loaded.file
    };
    const body = renderComment(comparison, reportContext);
    const reportPath = reportPathFor(config, request.env);
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, renderJsonReport(comparison));
    const broken = comparison.violations.filter(v => !v.accepted);
    for (const v of comparison.violations) {
        const place = loaded.file
            ? { file: loaded.file, line: v.line, title: `Experiment Review: ${v.metric} ${v.rule}` }
            : { title: `Experiment Review: ${v.metric} ${v.rule}` };
        const message = violationMessage(v);
        if (v.accepted)
            log.notice(`${message} (accepted by ${v.accepted.by}: ${v.accepted.reason})`, place);
        else
            log.error(message, place);
    }
    const gateFails = comparison.verdict === 'fail' && config.failOnRegression;
    const result = {
        outcome: {
            verdict: comparison.verdict,
            reportPath,
            regressions: comparison.violations,
            champion: comparison.champion?.name
        },
        comparison
    };
    const githubProblems = [];
    // The sticky comment.
    if (!config.comment) {
        result.commentSkipped = 'the comment input is false';
    }
    else if (request.stale) {
        result.commentSkipped = request.stale;
        log.warning(`No comment was posted on ${where}: ${request.stale}`);
    }
    else {
        try {
            const client = await request.client();
            const login = await resolveTokenLogin({
                client,
                configured: config.botLogin,
                runtime: request.runtime,
                token: config.token
            });
            result.comment = await upsertStickyComment({
                client,
                owner: request.owner,
                repo: request.repo,
                issueNumber: pr.number,
                marker: hiddenMarker(config.id),
                body,
                login
            });
            result.outcome.commentUrl = result.comment.url;
            log.info(`Comment ${result.comment.action} on ${where}: ${result.comment.url}`);
            if (result.comment.removedDuplicates.length)
                log.info(`Removed ${result.comment.removedDuplicates.length} duplicate comment(s) left by a concurrent run.`);
        }
        catch (e) {
            const message = e.message;
            result.commentSkipped = isReadOnlyRefusal(e) ? `${message} ${READ_ONLY_NOTE}` : message;
            log.warning(`No comment was posted on ${where}: ${result.commentSkipped}`);
            if (!isReadOnlyRefusal(e))
                githubProblems.push(`the comment could not be posted: ${message}`);
        }
    }
    // The commit status that gates the merge when the review does not run as the PR's own check.
    if (request.commitStatus && !request.stale) {
        const state = gateFails ? 'failure' : 'success';
        const description = statusDescription(comparison, config.failOnRegression);
        const context = statusContext(config.id);
        try {
            await setCommitStatus({
                client: await request.client(),
                owner: request.owner,
                repo: request.repo,
                sha: pr.headSha,
                state,
                context,
                description,
                targetUrl: result.outcome.commentUrl ?? request.runUrl
            });
            result.status = { context, state, description };
            log.info(`Status ${context}: ${state} on ${pr.headSha.slice(0, 12)} (${description})`);
        }
        catch (e) {
            const message = e.message;
            log.warning(`The ${context} status was not set on ${pr.headSha.slice(0, 12)}: ${message}`);
            if (!isReadOnlyRefusal(e))
                githubProblems.push(`the commit status could not be set: ${message}`);
            else
                githubProblems.push(`the commit status that gates the merge could not be set (the token is read-only): ${message}`);
        }
    }
    await log.summary(renderSummary(comparison, body, result));
    if (gateFails && !request.stale) {
        result.outcome.failure = `Experiment Review: ${broken.length} rule${broken.length === 1 ? '' : 's'} broken: ${broken.map(violationMessage).join('; ')}`;
        result.failureKind = 'gate';
    }
    else if (gateFails && request.stale) {
        log.warning(`The gate failed, but the review is stale (${request.stale}); the run on the PR's current head decides.`);
    }
    else if (comparison.verdict === 'fail') {
        log.warning(`${broken.length} rule(s) broken, but fail-on-regression is false: the step passes.`);
    }
    if (githubProblems.length && !result.outcome.failure) {
        result.outcome.failure = `Experiment Review: ${githubProblems.join('; ')}`;
        result.failureKind = 'github';
    }
    return result;
}
/** The commit status description: the verdict in words, under GitHub's 140 characters. */
function statusDescription(c, failOnRegression = true) {
    const broken = c.violations.filter(v => !v.accepted);
    if (c.verdict === 'no-baseline')
        return 'No baseline yet: nothing to gate on; the first merge with runs sets it.';
    if (c.verdict === 'pass')
        return `Pass: all rules met${c.champion ? ` (best run ${c.champion.name.slice(0, 60)})` : ''}.`;
    const metrics = [...new Set(broken.map(v => v.metric))].join(', ');
    return `Fail: ${broken.length} rule${broken.length === 1 ? '' : 's'} broken (${metrics})${failOnRegression ? '' : '; not gating'}.`.slice(0, 140);
}
/** The job summary: the comment's content, what happened to the comment, and every diagnostic. */
function renderSummary(c, commentBody, result) {
    const blocks = [];
    if (result.comment) {
        blocks.push(paragraph(text(`The PR comment was ${result.comment.action === 'unchanged' ? 'already up to date' : result.comment.action}: `), untrusted(result.comment.url, 300)));
    }
    else if (result.commentSkipped) {
        blocks.push(paragraph(text('No PR comment was posted: '), untrusted(result.commentSkipped, 2000)));
    }
    if (result.status)
        blocks.push(paragraph(text(`Commit status ${result.status.context}: ${result.status.state}.`)));
    blocks.push(heading(3, text(`Diagnostics (${c.diagnostics.length})`)));
    if (c.diagnostics.length) {
        blocks.push(bulletList(c.diagnostics.map(d => [
            text(`${d.severity}: `),
            untrustedCode(`${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}`, 300),
            ...(d.run ? [text(' (run '), untrustedCode(d.run), text(')')] : []),
            text(' '),
            untrusted(d.message, 1000)
        ])));
    }
    else {
        blocks.push(paragraph(text('Every run was read without a problem.')));
    }
    return `${commentBody.trimEnd()}\n\n${stringify(root(blocks))}`;
}
/** A GitHub client factory that creates the client once, on first use. */
function lazyClient(create) {
    let client;
    return () => (client ??= create());
}
/** The action's review mode: reads the event, resolves the PR, and runs reviewPullRequest. */
async function runReviewMode(ctx) {
    const target = parseReviewEvent(ctx.eventName, ctx.payload, ctx.env);
    if (target.kind === 'skip') {
        ctx.log.notice(`Experiment Review: ${target.reason}.`);
        return {};
    }
    const client = lazyClient(() => ctx.github(ctx.config.token));
    const common = {
        config: ctx.config,
        log: ctx.log,
        env: ctx.env,
        owner: target.owner,
        repo: target.repo,
        client,
        runtime: 'actions',
        serverUrl: serverUrlOf(ctx.env)
    };
    if (target.kind === 'pull_request') {
        return (await reviewPullRequest({ ...common, pr: target, runUrl: workflowRunUrl(ctx.env) })).outcome;
    }
    const resolved = await resolveWorkflowRunPullRequest(await client(), target, ctx.log);
    if (!resolved.pr) {
        ctx.log.warning(`Experiment Review: ${resolved.reason}`);
        await ctx.log.summary(stringify(root([paragraph(text('Experiment Review did not run: '), untrusted(resolved.reason, 2000))])));
        return {};
    }
    const result = await reviewPullRequest({
        ...common,
        pr: resolved.pr,
        commitStatus: true,
        stale: resolved.stale,
        runUrl: target.workflowRunUrl ?? workflowRunUrl(ctx.env)
    });
    return result.outcome;
}
/** The PR of a workflow_run, or why there is none; `stale` when the PR's head has moved past the run's commit. */
async function resolveWorkflowRunPullRequest(client, target, log) {
    const { owner, repo, headSha } = target;
    const short = headSha.slice(0, 12);
    const staleReason = (pr) => `the review is stale: the runs were made on ${short}, but PR #${pr.number} has moved on to ${pr.headSha.slice(0, 12)}; the workflow run on the new head will post the review`;
    // A number GitHub listed, or one the workflow passed on (untrusted: it must match the run's head).
    for (const number of [
        ...target.listedPullRequests,
        ...(target.hintedPullRequest ? [target.hintedPullRequest] : [])
    ]) {
        const pr = await getPullRequest({ client, owner, repo, pullNumber: number });
        if (pr.headSha === headSha)
            return { pr, reason: `PR #${pr.number}` };
        const sameHead = (!target.headBranch || pr.headRef === target.headBranch) &&
            (!target.headRepository || pr.headRepository.toLowerCase() === target.headRepository.toLowerCase());
        if (sameHead)
            return { pr, stale: staleReason(pr), reason: staleReason(pr) };
        log.warning(`PR #${number} does not come from the run's head (${target.headRepository ?? '?'}:${target.headBranch ?? '?'} @ ${short}); ignoring it.`);
    }
    const found = await findPullRequestForSha({ client, owner, repo, sha: headSha, headRef: target.headBranch });
    if (!found) {
        return {
            reason: `no open pull request of ${owner}/${repo} has the head ${short} that the "${target.workflowName ?? 'PR'}" run was made on: the PR was closed or has moved on (a newer run will review it)`
        };
    }
    log.info(`The workflow run's commit ${short} is the head of PR #${found.number}.`);
    if (found.headSha !== headSha)
        return { pr: found, stale: staleReason(found), reason: staleReason(found) };
    return { pr: found, reason: `PR #${found.number}` };
}

export { lazyClient, loadBaselineAtBase, renderSummary, reportPathFor, resolveWorkflowRunPullRequest, reviewPullRequest, runReviewMode, serverUrlOf, statusContext, statusDescription, workflowRunUrl };
