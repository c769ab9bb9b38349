import { loadRules, RulesFileError } from './rules-file.js';
import { p as parseCommand, h as helpBlocks, g as gateNotUpdatedBlocks, r as refusalBlocks, a as renderReply } from './comment.js';
import { e as carriesProjectMarker, h as hiddenMarker } from './conventions.js';
import { regressedMetrics, championPickProblem } from './decisions.js';
import { explainGitHubError, isGitHubRequestError } from './client.js';
import { getPullRequest, setCommitStatus, addReaction } from './pr.js';
import { resolveTokenIdentity, listOwnStickyComments, upsertStickyComment } from './sticky.js';
import { v as violationMessage } from './findings.js';
import { readDecisionsState, readReviewSnapshot, renderStickyComment, judgedComparison } from './review-state.js';
import { s as statusDescription } from './summary.js';
import 'node:fs/promises';
import 'node:path';
import './index2.js';
import './_commonjsHelpers.js';
import 'process';
import 'buffer';
import './artifacts.js';
import './chart.js';
import './baseline2.js';
import './text.js';
import './markdown.js';
import 'node:process';
import 'node:url';
import './plots.js';
import './sweep.js';
import './metric-comparison.js';
import './hidden-state.js';
import 'node:zlib';

// GitHub Actions workflow runs: re-running the failed jobs of the run whose review failed the gate.
/**
 * Re-runs the failed jobs of a workflow run (and the jobs that depend on them), as the "Re-run failed jobs" button
 * does. Needs `actions: write`. GitHub refuses a run that is still in progress or older than 30 days.
 */
async function rerunFailedJobs(options) {
    const { client, owner, repo, runId } = options;
    try {
        await client.rest.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: runId });
    }
    catch (error) {
        throw explainGitHubError(error, `re-running the failed jobs of workflow run ${runId} in ${owner}/${repo}`, 'actions: write');
    }
}

// Who may run slash commands: a user's role on the repository, compared with the configured minimum.
/** A repository role, weakest first. */
const REPOSITORY_ROLES = ['read', 'triage', 'write', 'maintain', 'admin'];
/**
 * The user's role on the repository. GitHub's `permission` field folds maintain into write and triage into
 * read; `role_name` keeps them apart and is used when present. 'none' for users without access.
 */
async function getRepositoryPermission(options) {
    const { client, owner, repo, user } = options;
    try {
        const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: user });
        const roleName = data.role_name;
        const candidate = (roleName && REPOSITORY_ROLES.includes(roleName) ? roleName : data.permission);
        return REPOSITORY_ROLES.includes(candidate)
            ? candidate
            : 'none';
    }
    catch (error) {
        // GitHub answers 404 for logins that are not users (and for bots): they have no role.
        if (isGitHubRequestError(error) && error.status === 404)
            return 'none';
        throw explainGitHubError(error, `reading ${user}'s permission on ${owner}/${repo}`, 'metadata: read');
    }
}
/** Whether `actual` is at least `required` (read < triage < write < maintain < admin; 'none' has nothing). */
function hasPermission(actual, required) {
    if (actual === 'none')
        return false;
    return REPOSITORY_ROLES.indexOf(actual) >= REPOSITORY_ROLES.indexOf(required);
}

// Command mode (issue_comment on a pull request): `/experiments help|accept|champion|refresh` from people whose
// repository permission reaches commands.permission. Each command gets a reaction (+1 done, -1 refused, confused not
// understood); a refusal or the help text gets a short reply. Decisions are kept in the sticky comment's hidden state,
// which is read only from the comment the token itself wrote. After an accept the gate turns green without a push:
// the commit status experiment-review/<id> is set on the head, or the failed jobs of the review's workflow run are
// re-run, whichever the last review used.
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Reads an issue_comment payload (untrusted). Skipped, with the reason: other events and actions than `created`
 * (an edited comment is never acted on: its command was answered when it was written), comments on issues, comments
 * by bots (user.type Bot or a `[bot]` login), and comments holding the project's hidden marker (ours, or a copy).
 */
function parseCommentEvent(eventName, payload, env = {}) {
    if (eventName !== 'issue_comment')
        return {
            kind: 'skip',
            reason: `commands come from issue_comment events, not "${eventName || 'unknown'}"`
        };
    if (payload.action !== 'created')
        return {
            kind: 'skip',
            reason: `the comment was ${typeof payload.action === 'string' ? payload.action : 'changed'}, not created; only new comments are read as commands`
        };
    const issue = payload.issue;
    const comment = payload.comment;
    if (!isObject(issue) || !isObject(comment))
        throw new Error('the issue_comment event payload (GITHUB_EVENT_PATH) has no issue or comment object; run command mode on issue_comment events.');
    if (!isObject(issue.pull_request))
        return { kind: 'skip', reason: 'the comment is on an issue, not on a pull request' };
    const user = isObject(comment.user) ? comment.user : {};
    const author = typeof user.login === 'string' ? user.login : '';
    if (user.type === 'Bot' || /\[bot\]$/i.test(author))
        return { kind: 'skip', reason: 'the comment was written by a bot' };
    const body = typeof comment.body === 'string' ? comment.body : '';
    if (carriesProjectMarker(body))
        return {
            kind: 'skip',
            reason: "the comment carries Experiment Review's hidden marker (its own text, or a copy)"
        };
    const number = issue.number;
    const commentId = comment.id;
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1)
        throw new Error(`the issue_comment payload has issue.number = ${JSON.stringify(number)}; expected a positive number.`);
    if (typeof commentId !== 'number' || !Number.isSafeInteger(commentId))
        throw new Error(`the issue_comment payload has comment.id = ${JSON.stringify(commentId)}; expected a number.`);
    if (!author)
        throw new Error('the issue_comment payload has no comment.user.login; expected the login of its author.');
    const repository = isObject(payload.repository) ? payload.repository.full_name : undefined;
    const [owner, repo] = String(typeof repository === 'string' ? repository : (env.GITHUB_REPOSITORY ?? '')).split('/');
    if (!owner || !repo)
        throw new Error('the issue_comment payload names no repository and GITHUB_REPOSITORY is empty.');
    return { kind: 'command', owner, repo, number, commentId, author, body };
}
/** Runs one slash command: permission, parse, act, react and reply. */
async function runCommand(request) {
    const { target, client, log } = request;
    const { owner, repo } = target;
    const parsed = parseCommand(target.body);
    if (parsed.kind === 'none')
        return { command: 'none' };
    const answer = commandAnswer(request, parsed.kind);
    const unpermitted = await permissionRefusal(request);
    if (unpermitted)
        return answer.refuse(unpermitted);
    if (parsed.kind === 'invalid' || parsed.kind === 'help') {
        const reaction = parsed.kind === 'help' ? '+1' : 'confused';
        await answer.react(reaction);
        await answer.reply(helpBlocks(request.permission, parsed.kind === 'invalid' ? parsed.problem : undefined));
        return { command: parsed.kind, reaction };
    }
    const pr = await getPullRequest({ client, owner, repo, pullNumber: target.number });
    if (pr.state === 'closed')
        return answer.refuse({ kind: 'closed', merged: pr.merged });
    const identity = await resolveTokenIdentity({ client, configured: request.botLogin });
    const marker = hiddenMarker(request.id);
    const sticky = { client, owner, repo, issueNumber: target.number, marker, identity };
    const [comment] = await listOwnStickyComments(sticky);
    if (!comment)
        return answer.refuse({ kind: 'no-review' });
    const decisions = readDecisionsState(comment.body ?? '');
    const snapshot = readReviewSnapshot(comment.body ?? '');
    if (!snapshot)
        return answer.refuse({ kind: 'no-snapshot' });
    const judged = decideCommand(parsed, snapshot, { head: pr.headSha, by: target.author, at: request.now });
    if ('refusal' in judged)
        return answer.refuse(judged.refusal);
    const { decision } = judged;
    // Written from the comment as it is right before the write: a review or a command that wrote in the meantime is
    // kept (its last review, its decisions), and this decision is added to them.
    const written = await upsertStickyComment({
        ...sticky,
        body: existing => {
            const current = existing?.body ?? '';
            const latest = existing ? readDecisionsState(current) : decisions;
            return renderStickyComment({
                snapshot: (existing && readReviewSnapshot(current)) || snapshot,
                decisions: decision ? [...latest, decision] : latest,
                commandPermission: request.permission
            });
        }
    });
    log.info(`Comment ${written.action} on ${owner}/${repo}#${target.number}: ${written.url}`);
    const result = { command: parsed.kind, decision, commentUrl: written.url };
    if (decision?.kind === 'accept') {
        const after = [...decisions, decision];
        try {
            result.gate = await updateGate({ client, owner, repo, snapshot, before: decisions, after, log });
        }
        catch (e) {
            const message = e.message;
            result.failure = `the acceptance is recorded, but the gate could not be brought up to date: ${message}`;
            log.warning(result.failure);
            await answer.react('-1');
            await answer.reply(gateNotUpdatedBlocks(message));
            return { ...result, reaction: '-1' };
        }
    }
    await answer.react('+1');
    return { ...result, reaction: '+1' };
}
/** How a command is answered on its comment: a reaction, a reply, or both for a refusal. */
function commandAnswer(request, command) {
    const { target, client, log } = request;
    const { owner, repo } = target;
    const react = async (content) => {
        try {
            await addReaction({ client, owner, repo, commentId: target.commentId, content });
        }
        catch (e) {
            log.warning(`Could not react to the command: ${e.message}`);
        }
    };
    const reply = async (blocks) => {
        try {
            const body = renderReply(request.id, blocks);
            await client.rest.issues.createComment({ owner, repo, issue_number: target.number, body });
        }
        catch (error) {
            throw explainGitHubError(error, `replying to the command on ${owner}/${repo}#${target.number}`, 'pull-requests: write');
        }
    };
    const refuse = async (refusal) => {
        log.notice(`Experiment Review refused the ${command} command of ${target.author}: ${refusal.kind}.`);
        await react('-1');
        await reply(refusalBlocks(refusal));
        return { command, reaction: '-1', refusal };
    };
    return { react, reply, refuse };
}
/**
 * Why the comment's author may not command, or undefined when they may: the collaborator permission API decides,
 * never author_association, and an error reading it means no.
 */
async function permissionRefusal(request) {
    const { target, client, log } = request;
    const login = target.author;
    let has;
    try {
        has = await getRepositoryPermission({ client, owner: target.owner, repo: target.repo, user: login });
    }
    catch (e) {
        log.warning(`The permission of ${login} could not be read, so the command is refused: ${e.message}`);
        return { kind: 'permission-unreadable', login, needs: request.permission };
    }
    return hasPermission(has, request.permission)
        ? undefined
        : { kind: 'permission', login, has, needs: request.permission };
}
/**
 * The decision an accept or champion command makes on the reviewed snapshot, or why it is refused; `refresh` decides
 * nothing. An accept or a pick holds for the reviewed head only, so a head that moved on refuses both.
 */
function decideCommand(parsed, snapshot, on) {
    if (parsed.kind !== 'accept' && parsed.kind !== 'champion')
        return {};
    const { head, by } = on;
    if (snapshot.head !== head)
        return { refusal: { kind: 'stale', reviewed: snapshot.head, head } };
    const at = on.at.toISOString();
    if (parsed.kind === 'accept') {
        const regressed = regressedMetrics(snapshot.comparison);
        if (!regressed.includes(parsed.metric))
            return { refusal: { kind: 'not-regressed', metric: parsed.metric, regressed, head } };
        return { decision: { kind: 'accept', metric: parsed.metric, reason: parsed.reason, by, at, head } };
    }
    const problem = championPickProblem(snapshot.comparison, parsed.run);
    if (problem?.kind === 'unknown')
        return { refusal: { kind: 'unknown-run', run: parsed.run, finished: problem.finished } };
    if (problem?.kind === 'not-finished')
        return { refusal: { kind: 'run-not-finished', run: parsed.run, status: problem.status } };
    return { decision: { kind: 'champion', run: parsed.run, by, at, head } };
}
/** Whether a judged comparison fails the gate (as review mode decides it). */
function gateFails(c, failOnRegression) {
    const badInput = !!c.missingEvidence || !!c.unknownMetrics?.length;
    return c.verdict === 'fail' && (failOnRegression || badInput);
}
/**
 * Brings the gate of the reviewed head up to date after an accept: sets the commit status when the review gates
 * through one, or re-runs the failed jobs of the review's workflow run when its own check failed and no broken rule
 * is left (the re-run review reads the acceptance from the comment and passes).
 */
async function updateGate(options) {
    const { client, owner, repo, snapshot, log } = options;
    const judged = judgedComparison(snapshot, options.after);
    const failsNow = gateFails(judged, snapshot.failOnRegression);
    const failedBefore = gateFails(judgedComparison(snapshot, options.before), snapshot.failOnRegression);
    const gate = snapshot.gate;
    if (gate.kind === 'status') {
        const state = failsNow ? 'failure' : 'success';
        const description = statusDescription(judged, snapshot.failOnRegression);
        await setCommitStatus({
            client,
            owner,
            repo,
            sha: snapshot.head,
            state,
            context: gate.context,
            description
        });
        log.info(`Status ${gate.context}: ${state} on ${snapshot.head.slice(0, 12)} (${description})`);
        return { kind: 'status', state };
    }
    if (gate.kind === 'check' && failedBefore && !failsNow) {
        await rerunFailedJobs({ client, owner, repo, runId: gate.runId });
        log.info(`Re-running the failed jobs of workflow run ${gate.runId}: the review reads the acceptance and passes.`);
        return { kind: 'rerun', runId: gate.runId };
    }
    if (failsNow)
        log.info(`Still broken after the acceptance: ${judged.violations
            .filter(v => !v.accepted)
            .map(violationMessage)
            .join('; ')}`);
    return { kind: 'unchanged' };
}
/** The action's command mode: reads the comment event, loads commands.permission and runs the command. */
async function runCommandMode(ctx) {
    const target = parseCommentEvent(ctx.eventName, ctx.payload, ctx.env);
    if (target.kind === 'skip') {
        ctx.log.info(`Experiment Review: ${target.reason}; nothing to do.`);
        return {};
    }
    if (parseCommand(target.body).kind === 'none') {
        ctx.log.info('Experiment Review: the comment is not an /experiments command; nothing to do.');
        return {};
    }
    let permission;
    try {
        permission = (await loadRules(ctx.config.workspace, ctx.config.configFile)).rules.commands.permission;
    }
    catch (e) {
        if (e instanceof RulesFileError) {
            ctx.log.error(e.problem, { file: e.file, line: e.line, title: 'Experiment Review: invalid rules file' });
            return { failure: `Experiment Review: ${e.message}` };
        }
        throw e;
    }
    const client = await ctx.github(ctx.config.token);
    const result = await runCommand({
        target,
        client,
        id: ctx.config.id,
        permission,
        botLogin: ctx.config.botLogin,
        now: ctx.now,
        log: ctx.log
    });
    return {
        ...(result.commentUrl ? { commentUrl: result.commentUrl } : {}),
        ...(result.failure ? { failure: `Experiment Review: ${result.failure}` } : {})
    };
}

export { parseCommentEvent, runCommand, runCommandMode };
