import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { championPickOf, acceptedForHead } from './decisions.js';
import { readDecisionsState, buildStickyComment, renderStickyComment } from './review-state.js';
import { l as legacyBaselineText, d as defaultRules, b as verdictWords, g as githubUrl, v as violationMessage, m as missingEvidenceText, u as unknownMetricText, a as unreadableEvidenceText } from './findings.js';
import { renderJsonReport } from './json.js';
import { s as statusDescription, r as renderReviewSummary, a as renderNotRunSummary, o as ownPromotionLine, b as renderOwnPromotionSummary, O as OWN_PROMOTION_STATUS, g as gateFailureMessage } from './summary.js';
export { S as SUMMARY_DIAGNOSTICS_SHOWN } from './summary.js';
import { runPipeline, compareCollection } from './pipeline.js';
import { parseReviewEvent } from './review-event.js';
import { p as promotionBranchOf, h as hiddenMarker, l as legacyBaselinePath, d as defaultBaselinePath } from './conventions.js';
import { GitHubApiError } from './client.js';
import { listPullRequestFiles, getPullRequest, findPullRequestForSha, setCommitStatus, readFileAtRef } from './pr.js';
import { listOwnStickyComments, resolveTokenIdentity, upsertStickyComment } from './sticky.js';
import { s as statusContext, r as reportPathFor, a as serverUrlOf, w as workflowRunUrl, l as lazyClient } from './review-request.js';
import { RulesFileError, loadRules, readRulesText, parseRulesFile, rulesFileSettings } from './rules-file.js';
import { B as BaselineError, b as baselineOfId } from './baseline2.js';
import { hasGitCommit, readFileAtGitRef } from './baseline.js';
import { reviewPlots } from './review-plots.js';
import './metric-comparison.js';
import './text.js';
import './comment.js';
import './chart.js';
import './markdown.js';
import './_commonjsHelpers.js';
import 'node:process';
import 'node:url';
import './plots.js';
import './artifacts.js';
import './sweep.js';
import './hidden-state.js';
import 'node:zlib';
import './champion.js';
import './detect.js';
import 'node:fs';
import './read-buffer.js';
import './index2.js';
import 'process';
import 'buffer';
import 'node:child_process';
import 'node:os';
import 'node:util';
import 'node:crypto';
import './index3.js';
import './structured.js';
import './dvc-yaml.js';

const FORK_NOTE = 'This is expected for pull requests from forks, whose workflow token is read-only: the job summary and the JSON report ' +
    'hold the review, and the fork-safe workflows (pull_request uploads the runs, workflow_run comments) post the comment; ' +
    'see docs/forks.md.';
function isReadOnlyRefusal(error) {
    return error instanceof GitHubApiError && error.status === 403;
}
/**
 * A write refused with 403, explained for where the pull request comes from: from a fork the token is read-only by
 * design; from the repository itself the job lacks a permission (`needed`), which is a setup error to fix.
 */
function explainRefusedWrite(error, fromFork, needed) {
    const said = error.message.endsWith(error.hint)
        ? error.message.slice(0, -error.hint.length).trim()
        : error.message;
    if (fromFork)
        return `${said} ${FORK_NOTE}`;
    return (`${said} The pull request is from this repository, so this is not the read-only token of a fork: the job's ` +
        `token lacks \`${needed}\`. Add \`permissions: { ${needed} }\` to the job (a repository or organisation ` +
        'setting may make the workflow token read-only by default), or pass a token that has it.');
}
const identities = new WeakMap();
/** Who the review's token posts as, asked once per review (GET /user). */
function tokenIdentity(request) {
    let identity = identities.get(request);
    if (!identity) {
        identity = request
            .client()
            .then(client => resolveTokenIdentity({ client, configured: request.config.botLogin }));
        identities.set(request, identity);
    }
    return identity;
}
/**
 * The reviewers' decisions kept in the PR's sticky comment, read only from the comment the token itself wrote (a
 * copy pasted by anyone else is never taken). None when the comment input is false or the comments cannot be read:
 * then no acceptance applies, which can only make the gate stricter.
 */
async function readReviewDecisions(request) {
    if (!request.config.comment)
        return [];
    try {
        const client = await request.client();
        const identity = await tokenIdentity(request);
        const [sticky] = await listOwnStickyComments({
            client,
            owner: request.owner,
            repo: request.repo,
            issueNumber: request.pr.number,
            marker: hiddenMarker(request.config.id),
            identity
        });
        return sticky ? readDecisionsState(sticky.body ?? '') : [];
    }
    catch (e) {
        request.log.warning(`The reviewers' decisions could not be read from the review comment, so no acceptance applies: ${e.message}`);
        return [];
    }
}
/**
 * Creates or updates the sticky comment (or says why not: the comment input, a stale review, a refused write).
 * A fork's read-only token is expected and explained; any other failure, or a refusal on a same-repository PR (a
 * missing permission), is a problem.
 */
async function postReviewComment(request, body) {
    const { config, log, pr } = request;
    const where = `${request.owner}/${request.repo}#${pr.number}`;
    if (!config.comment)
        return { skipped: 'the comment input is false' };
    if (request.stale) {
        log.warning(`No comment was posted on ${where}: ${request.stale}`);
        return { skipped: request.stale };
    }
    try {
        const client = await request.client();
        const identity = await tokenIdentity(request);
        const comment = await upsertStickyComment({
            client,
            owner: request.owner,
            repo: request.repo,
            issueNumber: pr.number,
            marker: hiddenMarker(config.id),
            body,
            identity
        });
        log.info(`Comment ${comment.action} on ${where}: ${comment.url}`);
        if (comment.removedDuplicates.length)
            log.info(`Removed ${comment.removedDuplicates.length} duplicate comment(s) left by a concurrent run.`);
        return { comment };
    }
    catch (e) {
        const refused = isReadOnlyRefusal(e);
        const skipped = refused
            ? explainRefusedWrite(e, pr.fromFork, 'pull-requests: write')
            : e.message;
        log.warning(`No comment was posted on ${where}: ${skipped}`);
        return {
            skipped,
            ...(refused && pr.fromFork ? {} : { problem: `the comment could not be posted: ${skipped}` })
        };
    }
}
/**
 * Whether the pull request is the review id's own promotion pull request (promote-via: pull-request): from the
 * promotion branch of this repository, changing nothing but the baseline and the docs page. It has no runs to
 * review, and its gate must not block the promotion. Anything else on that branch is reviewed like any PR.
 */
async function isOwnPromotionPullRequest(request) {
    const { config, pr } = request;
    if (pr.fromFork || pr.headRef !== promotionBranchOf(config.id))
        return false;
    const files = await listPullRequestFiles({
        client: await request.client(),
        owner: request.owner,
        repo: request.repo,
        pullNumber: pr.number
    });
    const own = new Set([config.baselinePath, config.docsPath].map(p => p.replace(/^\/+/, '')));
    return files.length > 0 && files.every(f => own.has(f));
}
/** Sets the commit status `experiment-review/<id>` on the PR head: failure when the step fails, else success. */
function setReviewStatus(request, comparison, gateFails, targetUrl) {
    const description = statusDescription(comparison, request.config.failOnRegression);
    return setCommitStatusTo(request, gateFails ? 'failure' : 'success', description, targetUrl);
}
/** Sets the commit status `experiment-review/<id>` on the PR head to `state`, or reports the problem. */
async function setCommitStatusTo(request, state, description, targetUrl) {
    const { config, log, pr } = request;
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
            targetUrl
        });
        log.info(`Status ${context}: ${state} on ${pr.headSha.slice(0, 12)} (${description})`);
        return { status: { context, state, description } };
    }
    catch (e) {
        const message = isReadOnlyRefusal(e)
            ? explainRefusedWrite(e, false, 'statuses: write')
            : e.message;
        log.warning(`The ${context} status was not set on ${pr.headSha.slice(0, 12)}: ${message}`);
        return { problem: `the commit status that gates the merge could not be set: ${message}` };
    }
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

// What a pull request changes in the rules file: each setting (a leaf of the file, named by its keys) that it adds,
// removes or changes. Pure: the files' parsed data in, typed changes out; report/ words them.
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Every leaf of a parsed file by its keys: nested mappings are followed, lists and empty mappings are values. */
function leaves(value, at = [], into = new Map()) {
    if (isPlainObject(value) && Object.keys(value).length) {
        for (const [key, child] of Object.entries(value))
            leaves(child, [...at, key], into);
    }
    else if (at.length) {
        into.set(JSON.stringify(at), { path: at, value });
    }
    return into;
}
/** The settings that differ between two parsed rules files (`undefined` for a file that does not exist), in file order. */
function diffRuleSettings(before, after) {
    const old = leaves(before);
    const proposed = leaves(after);
    const changes = [];
    for (const [key, { path, value }] of old) {
        const next = proposed.get(key);
        if (!next)
            changes.push({ path, before: value });
        else if (JSON.stringify(next.value) !== JSON.stringify(value))
            changes.push({ path, before: value, after: next.value });
    }
    for (const [key, { path, value }] of proposed)
        if (!old.has(key))
            changes.push({ path, after: value });
    return changes;
}

// The inputs of a review that live in the repository: the rules file and the baseline, both read at the PR's base
// commit (the rules from the checkout with rules-from: head). A file that cannot be used is annotated at its place
// and ends the review as bad input.
/**
 * A file's text at the PR's base commit, with where it was read: from the local checkout when it has that commit
 * (no API call), else through the contents API. `text` is undefined when the file does not exist there.
 */
async function readAtBase(request, file) {
    const { config, baseSha } = request;
    if (await (request.baseInCheckout ?? hasGitCommit(config.workspace, baseSha))) {
        const text = await readFileAtGitRef(config.workspace, baseSha, file);
        return { text, from: `${file} at ${baseSha.slice(0, 12)} (local checkout)` };
    }
    const text = await readFileAtRef({
        client: await request.client(),
        owner: request.owner,
        repo: request.repo,
        path: file,
        ref: baseSha
    });
    return {
        text,
        from: `${file} at ${baseSha.slice(0, 12)} (${request.owner}/${request.repo} via the contents API)`
    };
}
/**
 * Reads the baseline file at the PR's base commit (see readAtBase). For an id other than `default` whose own file is
 * not there, the legacy shared file is read when it holds this id (see `legacyBaselinePath`). No file at the default
 * path means no baseline yet; a baseline named explicitly must exist. Throws BaselineError for a file that cannot be
 * used, that belongs to another id, or that was named and is missing.
 */
async function loadBaselineAtBase(request) {
    const { config } = request;
    const own = await readAtBase(request, config.baselinePath);
    const legacyPath = own.text === undefined ? legacyBaselinePath(config.id, config.baselinePath) : undefined;
    const legacy = legacyPath ? await readAtBase(request, legacyPath) : undefined;
    const chosen = baselineOfId({ path: config.baselinePath, text: own.text, legacyPath, legacyText: legacy?.text }, config.id);
    if (!chosen.file && config.baselineNamed)
        throw new BaselineError(config.baselinePath, `the baseline input names this file, but it does not exist at the pull request's base (looked for ${own.from}); a baseline named explicitly must exist. Check the path, or leave the input unset: the default for id "${config.id}" is ${defaultBaselinePath(config.id)}, and no file there means no baseline yet`);
    return {
        record: chosen.file?.champion,
        from: chosen.legacy && legacy ? legacy.from : own.from,
        ...(chosen.legacy ? { legacy: chosen.legacy } : {})
    };
}
/**
 * The rules of a review. With rules-from: base (the default) they are the file at the PR's base commit, so that a PR
 * cannot loosen the rules it is judged by; when the PR changes or deletes the file, the rules it proposes come with
 * the settings that differ. A PR that adds the file (none at the base) is judged by it. With rules-from: head, the
 * checkout's file. Throws RulesFileError for an invalid file, at the base or proposed (it would apply on merge).
 */
async function loadReviewRules(request) {
    const { config, baseSha } = request;
    const file = config.configFile;
    if (config.rulesFrom === 'head')
        return { ...(await loadRules(config.workspace, file)), from: `${file} in the checkout` };
    const atBase = await readAtBase(request, file);
    const proposedText = await readRulesText(config.workspace, file);
    if (atBase.text === undefined) {
        if (proposedText === undefined)
            return { rules: defaultRules(), from: `no ${file} at the base or in the checkout` };
        return {
            rules: parseRulesFile(proposedText, file),
            file,
            from: `${file} in the checkout (added by the pull request; none at ${baseSha.slice(0, 12)})`,
            change: { kind: 'added' }
        };
    }
    const rules = parseRulesFile(atBase.text, file);
    const inForce = { rules, file, from: atBase.from, baseSha };
    if (proposedText === atBase.text)
        return inForce;
    const proposed = proposedText === undefined
        ? { rules: defaultRules() }
        : { rules: parseRulesFile(proposedText, file), file };
    const settings = diffRuleSettings(rulesFileSettings(atBase.text), proposedText === undefined ? undefined : rulesFileSettings(proposedText));
    if (!settings.length)
        return inForce;
    return {
        ...inForce,
        change: { kind: proposedText === undefined ? 'deleted' : 'changed', proposed, settings }
    };
}
/**
 * Loads the rules file and the baseline at the PR's base. An invalid rules file or an unusable baseline is
 * annotated (file, line) and returned as the failure; other errors are thrown.
 */
async function loadReviewInputs(request) {
    const { config, log } = request;
    const base = {
        ...request,
        baseSha: request.pr.baseSha,
        baseInCheckout: hasGitCommit(config.workspace, request.pr.baseSha)
    };
    try {
        const rules = await loadReviewRules(base);
        log.info(`Rules: ${rules.from}`);
        if (config.experiments?.length) {
            rules.rules.select = { experiments: config.experiments };
            if (rules.change && 'proposed' in rules.change)
                rules.change.proposed.rules.select = { experiments: config.experiments };
        }
        const baseline = await loadBaselineAtBase(base);
        log.info(baseline.record
            ? `Baseline: ${baseline.record.name} from ${baseline.from}`
            : `No baseline yet: nothing at ${baseline.from}`);
        if (baseline.legacy)
            log.warning(legacyBaselineText(config.id, baseline.legacy));
        return { rules, baseline };
    }
    catch (e) {
        if (e instanceof RulesFileError) {
            log.error(e.problem, {
                file: e.file,
                line: e.line,
                title: `Experiment Review: invalid rules file (column ${e.column})`
            });
            return { failure: `Experiment Review: ${e.message}` };
        }
        if (e instanceof BaselineError) {
            log.error(e.message.startsWith(`${e.file}: `) ? e.message.slice(e.file.length + 2) : e.message, {
                file: e.file,
                title: 'Experiment Review: unusable baseline'
            });
            return { failure: `Experiment Review: ${e.message}` };
        }
        throw e;
    }
}

// Review mode: the PR's runs against the baseline at the PR's base → one sticky comment, the job summary, the JSON
// report, annotations and outputs, and the gate. The action (pull_request, workflow_run) and the CLI (`review
// --repo --pr`) run the same reviewPullRequest; they differ only in how they get the event, the log and the client.
// The parts: review-inputs.ts (rules, baseline), review-github.ts (comment, status, the PR of a workflow_run),
// report/ (every text); this module composes them.
/** Runs one review of a pull request: compare, comment, status, summary, report, annotations, outcome. */
async function reviewPullRequest(request) {
    const { config, log } = request;
    if (await isOwnPromotionPullRequest(request))
        return passOwnPromotion(request);
    const inputs = await loadReviewInputs(request);
    if ('failure' in inputs)
        return { outcome: { failure: inputs.failure }, failureKind: 'input' };
    const decisions = await readReviewDecisions(request);
    const championPick = championPickOf(decisions);
    const pipeline = {
        workspace: config.workspace,
        patterns: config.runs,
        commit: { kind: 'sha', sha: request.pr.headSha },
        env: request.env,
        baseline: inputs.baseline.record,
        id: config.id,
        accepted: acceptedForHead(decisions, request.pr.headSha),
        ...(championPick ? { championPick } : {})
    };
    const { comparison, collection } = await runPipeline({ ...pipeline, rules: inputs.rules.rules });
    const rulesChange = await rulesChangeOf(inputs.rules, async (proposed) => sameSelection(proposed, inputs.rules.rules)
        ? compareCollection(collection, { ...pipeline, rules: proposed })
        : (await runPipeline({ ...pipeline, rules: proposed })).comparison);
    if (rulesChange)
        logRulesChange(log, rulesChange);
    const plots = await reviewPlots(request, comparison, collection, inputs.rules.rules, inputs.baseline.record);
    const snapshot = {
        version: 1,
        head: request.pr.headSha,
        comparison,
        context: { ...reportContextOf(request, inputs.rules), rulesChange, ...(plots ? { plots } : {}) },
        gate: gateChannel(request),
        failOnRegression: config.failOnRegression
    };
    const commandPermission = inputs.rules.rules.commands.permission;
    // The job summary shows the comment as posted, not the state the commands keep.
    const { body, shown } = buildStickyComment({ snapshot, decisions, commandPermission });
    const reportPath = reportPathFor(config, request.env);
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, renderJsonReport(comparison));
    // Lines of a rules file the PR changes are lines of its base version: the annotations name no line then.
    annotateFindings(log, comparison, rulesChange?.proposed ? undefined : inputs.rules.file);
    const gate = judgeGate(comparison, config.failOnRegression, inputs.rules.file);
    const result = {
        outcome: {
            verdict: comparison.verdict,
            reportPath,
            regressions: comparison.violations,
            champion: comparison.champion?.name
        },
        comparison
    };
    const problems = await publishReview(request, result, snapshot, {
        body,
        commandPermission,
        gateFails: gate.fails
    });
    await log.summary(renderReviewSummary(comparison, shown, result, reportPath));
    const failed = decideFailure(request, comparison, gate, problems);
    if (failed) {
        result.outcome.failure = failed.failure;
        result.failureKind = failed.kind;
    }
    return result;
}
/** Posts the sticky comment and, when the review gates through one, the commit status; returns the problems met. */
async function publishReview(request, result, snapshot, rendered) {
    const { body, commandPermission } = rendered;
    // Written from the decisions as the comment holds them right before the write: a command taken while this
    // review ran is kept (and shown), not overwritten by what was read before the runs.
    const posted = await postReviewComment(request, existing => existing
        ? renderStickyComment({
            snapshot,
            decisions: readDecisionsState(existing.body ?? ''),
            commandPermission
        })
        : body);
    if (posted.comment) {
        result.comment = posted.comment;
        result.outcome.commentUrl = posted.comment.url;
    }
    if (posted.skipped)
        result.commentSkipped = posted.skipped;
    const problems = posted.problem ? [posted.problem] : [];
    // The commit status gates the merge when the review does not run as the PR's own check.
    if (request.commitStatus && !request.stale) {
        const targetUrl = result.outcome.commentUrl ?? request.runUrl;
        const set = await setReviewStatus(request, snapshot.comparison, rendered.gateFails, targetUrl);
        if (set.status)
            result.status = set.status;
        if (set.problem)
            problems.push(set.problem);
    }
    return problems;
}
/** Whether two rules select the same runs (then the runs collected for one serve the other). */
function sameSelection(a, b) {
    return JSON.stringify(a.select) === JSON.stringify(b.select);
}
/** How the PR touches the rules file, for the comment: with the review under the proposed rules, when any. */
async function rulesChangeOf(rules, compareUnder) {
    const change = rules.change;
    if (!change || !rules.file)
        return undefined;
    if (change.kind === 'added')
        return { file: rules.file, kind: 'added' };
    return {
        file: rules.file,
        baseSha: rules.baseSha,
        kind: change.kind,
        settings: change.settings,
        proposed: await compareUnder(change.proposed.rules)
    };
}
/** The log line of a PR that touches its rules file: what judges it, and the verdict under the proposed rules. */
function logRulesChange(log, view) {
    if (!view.proposed) {
        log.info(`The pull request adds ${view.file}: it is judged by it.`);
        return;
    }
    const { words } = verdictWords(view.proposed);
    log.notice(`The pull request ${view.kind === 'deleted' ? 'deletes' : 'changes'} ${view.file} (${view.settings?.length ?? 0} setting(s)): ` +
        `it is judged by the rules at the base; under the proposed rules, which apply once it merges: ${words}.`, { title: 'Experiment Review: the rules file changes in this PR' });
}
/**
 * The review of the id's own promotion pull request: nothing to compare (it changes only the baseline and the docs),
 * so no comment; the summary says why, and the commit status, when the review sets one, lets it merge.
 */
async function passOwnPromotion(request) {
    const { log, config } = request;
    const line = ownPromotionLine(config.baselinePath, config.docsPath);
    log.notice(`Experiment Review: ${line}`);
    await log.summary(renderOwnPromotionSummary(config.baselinePath, config.docsPath));
    const result = { outcome: {}, commentSkipped: line };
    if (request.commitStatus && !request.stale) {
        const set = await setCommitStatusTo(request, 'success', OWN_PROMOTION_STATUS, request.runUrl);
        if (set.status)
            result.status = set.status;
        if (set.problem)
            return { ...result, outcome: { failure: `Experiment Review: ${set.problem}` }, failureKind: 'github' };
    }
    return result;
}
/** Where the comment links and what it says of the rules: the head commit's checks, the rules file. */
function reportContextOf(request, rules) {
    const { pr } = request;
    return {
        headSha: pr.headSha,
        baseSha: pr.baseSha,
        baseBranch: pr.baseRef,
        runUrl: githubUrl(request.serverUrl, request.owner, request.repo, 'commit', pr.headSha, 'checks'),
        repositoryUrl: githubUrl(request.serverUrl, request.owner, request.repo),
        rulesFile: rules.file,
        defaultRules: !rules.file
    };
}
/**
 * How this review's gate reaches the PR, kept for the slash commands: the commit status when it sets one, else the
 * failing check of this workflow run (GITHUB_RUN_ID), whose failed jobs a command re-runs after an accept.
 */
function gateChannel(request) {
    if (request.commitStatus)
        return { kind: 'status', context: statusContext(request.config.id) };
    const runId = Number(request.env.GITHUB_RUN_ID);
    if (request.runtime === 'actions' && Number.isSafeInteger(runId) && runId > 0)
        return { kind: 'check', runId, ...(request.runUrl ? { runUrl: request.runUrl } : {}) };
    return { kind: 'none' };
}
/**
 * The annotations of a review: an error for each broken rule, a notice for an accepted one (at its line of the
 * rules file), an error for missing evidence, for each rule that names a metric no run reports and for each rule
 * whose metric may sit in a run that could not be read.
 */
function annotateFindings(log, comparison, rulesFile) {
    for (const v of comparison.violations) {
        const title = `Experiment Review: ${v.metric} ${v.rule}`;
        const place = rulesFile ? { file: rulesFile, line: v.line, title } : { title };
        const message = violationMessage(v);
        if (v.accepted)
            log.notice(`${message} (accepted by ${v.accepted.by}: ${v.accepted.reason})`, place);
        else
            log.error(message, place);
    }
    if (comparison.missingEvidence)
        log.error(missingEvidenceText(comparison.missingEvidence));
    for (const u of comparison.unknownMetrics ?? [])
        log.error(unknownMetricText(u), {
            ...(rulesFile ? { file: rulesFile, line: u.line } : {}),
            title: 'Experiment Review: a rule names a metric no run reports'
        });
    for (const u of comparison.unreadableEvidence ?? [])
        log.error(unreadableEvidenceText(u), {
            ...(rulesFile ? { file: rulesFile, line: u.line } : {}),
            title: 'Experiment Review: runs a rule needs could not be read'
        });
}
function judgeGate(comparison, failOnRegression, rulesFile) {
    const badInput = comparison.missingEvidence
        ? missingEvidenceText(comparison.missingEvidence)
        : comparison.unknownMetrics
            ? comparison.unknownMetrics.map(u => unknownMetricText(u, rulesFile)).join('; ')
            : comparison.unreadableEvidence
                ? comparison.unreadableEvidence.map(u => unreadableEvidenceText(u, rulesFile)).join('; ')
                : undefined;
    return {
        badInput,
        fails: comparison.verdict === 'fail' && (failOnRegression || !!badInput),
        broken: comparison.violations.filter(v => !v.accepted)
    };
}
/**
 * Whether the step fails, and why: bad input or the gate first (unless the review is stale), then GitHub's
 * refusals, added to the first reason when there is one.
 */
function decideFailure(request, comparison, gate, githubProblems) {
    const { log } = request;
    let failed;
    if (gate.badInput && !request.stale)
        failed = { failure: `Experiment Review: ${gate.badInput}`, kind: 'input' };
    else if (gate.fails && !request.stale)
        failed = { failure: gateFailureMessage(gate.broken), kind: 'gate' };
    else if (gate.fails) {
        log.warning(`The gate failed, but the review is stale (${request.stale}); the run on the PR's current head decides.`);
    }
    else if (comparison.verdict === 'fail') {
        log.warning(`${gate.broken.length} rule(s) broken, but fail-on-regression is false: the step passes.`);
    }
    if (!githubProblems.length)
        return failed;
    if (failed)
        return { ...failed, failure: `${failed.failure}; and ${githubProblems.join('; ')}` };
    return { failure: `Experiment Review: ${githubProblems.join('; ')}`, kind: 'github' };
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
        await ctx.log.summary(renderNotRunSummary(resolved.reason));
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

export { lazyClient, reviewPullRequest, runReviewMode };
