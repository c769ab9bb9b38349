import { h as hiddenMarker, p as promotionBranchOf } from './conventions.js';
import { g as githubUrl, f as formatDiagnostic } from './findings.js';
import { p as promoteOutcomeLine, c as renderPromoteSummary, d as promotionPullRequestLine } from './summary.js';
import { p as promotionPaths, a as planPromotion, b as promotionSubject, c as promotionPullRequestBody, d as promotionPullRequestTitle } from './promotion.js';
import { c as collectRuns } from './detect.js';
import { promotedPlots } from './review-plots.js';
import { a as serverUrlOf } from './review-request.js';
import { r as repositoryOf } from './types.js';
import './markdown.js';
import './_commonjsHelpers.js';
import 'node:path';
import 'node:process';
import 'node:url';
import './sweep.js';
import './text.js';
import './baseline2.js';
import './champion.js';
import './docs.js';
import './chart.js';
import './plots.js';
import './artifacts.js';
import 'node:fs';
import 'node:fs/promises';
import './read-buffer.js';
import './client.js';
import 'node:crypto';
import './index3.js';
import './index2.js';
import 'process';
import 'buffer';
import './structured.js';
import './dvc-yaml.js';

/** Promote mode: one commit with the new baseline and docs on the pushed branch, or a reason for none. */
async function runPromote(options) {
    const { config, client, after, repository } = options;
    const { owner, repo } = repository;
    const log = options.log ?? (() => undefined);
    const branch = options.ref.replace(/^refs\/heads\//, '');
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(after)) {
        throw new Error(`The push event's after sha ${JSON.stringify(after)} is not a commit id; promote runs on a push event to the default branch.`);
    }
    const { findMergedPullRequest } = await import('./pr.js');
    const merged = await findMergedPullRequest({ client, owner, repo, sha: after });
    const promotionBranch = promotionBranchOf(config.id);
    if (merged && !merged.fromFork && merged.headRef === promotionBranch) {
        const skipped = `the push merged Experiment Review's own promotion pull request #${merged.number}; its baseline and docs are already on ${branch}`;
        log(`No commit: ${skipped}.`);
        return { skipped, pr: merged.number, changedPaths: [], warnings: [] };
    }
    log(merged
        ? `The push ${after.slice(0, 7)} merged PR #${merged.number}${merged.mergedBy ? ` (merged by ${merged.mergedBy})` : ''}.`
        : `No merged pull request introduced ${after.slice(0, 7)}; promoting the runs of the commit itself.`);
    const collection = await collectRuns({
        workspace: config.workspace,
        patterns: config.runs,
        selection: config.rules.select,
        commit: { kind: 'sha', sha: after }
    });
    const warnings = collection.diagnostics.map(formatDiagnostic);
    const input = await promotionInputOf(options, merged, collection.runs);
    const promotion = options.via === 'pull-request'
        ? await preparePromotionBranch({ client, owner, repo, branch: promotionBranch, base: branch })
        : undefined;
    const target = promotion ? promotionBranch : branch;
    const { result, plan } = await commitPromotion(options, input, { target, defaultBranch: branch, warnings });
    warnings.push(...(plan?.warnings ?? []));
    const skipped = result.commitSha
        ? undefined
        : (plan?.skipped ??
            `${config.baselinePath} and ${config.docsPath} on ${target} already say this; no commit was made`);
    log(result.commitSha
        ? `Committed ${result.changedPaths.join(' and ')} to ${target} as ${result.commitSha.slice(0, 7)} (attempt ${result.attempts}).`
        : `No commit: ${skipped}`);
    const pullRequest = promotion && (result.commitSha || promotion.open)
        ? await promotionPullRequest({
            ...repository,
            client,
            branch: target,
            base: branch,
            open: promotion.open,
            config
        })
        : undefined;
    if (pullRequest)
        log(promotionPullRequestLine(pullRequest));
    return {
        ...(result.commitSha ? { commitSha: result.commitSha } : {}),
        ...(pullRequest ? { pullRequest } : {}),
        champion: plan?.champion,
        ...(skipped ? { skipped } : {}),
        ...(input.pr ? { pr: input.pr.number } : {}),
        changedPaths: result.changedPaths,
        warnings
    };
}
/** What the promotion plan is made from: the config, the merged PR and its decisions, the runs. */
async function promotionInputOf(options, merged, runs) {
    const { config, repository } = options;
    const decisions = typeof options.decisions === 'function'
        ? merged
            ? await options.decisions(merged)
            : undefined
        : options.decisions;
    return {
        id: config.id,
        rules: config.rules,
        baselinePath: config.baselinePath,
        docsPath: config.docsPath,
        runs,
        pr: mergedPullRequestOf(merged, options.pusher),
        commit: options.after,
        date: merged?.mergedAt ?? options.now.toISOString(),
        decisions,
        repositoryUrl: githubUrl(options.serverUrl, repository.owner, repository.repo)
    };
}
/** The merged pull request as the promotion records it; who merged it falls back to the pusher. */
function mergedPullRequestOf(merged, pusher) {
    if (!merged)
        return undefined;
    const mergedBy = merged.mergedBy || pusher;
    return {
        number: merged.number,
        title: merged.title,
        url: merged.htmlUrl,
        ...(merged.author ? { author: merged.author } : {}),
        ...(mergedBy ? { mergedBy } : {})
    };
}
/**
 * Commits the planned baseline and docs on `target` (compare-and-swap, retried on a moved head: each attempt plans
 * again from the files as they are then), with a new champion's plots recorded once. Returns the last plan.
 */
async function commitPromotion(options, input, on) {
    const { config, client, repository } = options;
    const { owner, repo } = repository;
    const { commitFilesToBranch } = await import('./commit.js');
    let plan;
    const plots = new Map();
    const result = await commitFilesToBranch({
        client,
        owner,
        repo,
        branch: on.target,
        message: `${promotionSubject(input, { skipCi: on.target === on.defaultBranch })}\n\nUpdated by Experiment Review: ${config.baselinePath} and ${config.docsPath}.`,
        maxAttempts: options.commit?.maxAttempts ?? 10,
        backoffBaseMs: options.commit?.backoffBaseMs,
        sleep: options.commit?.sleep,
        random: options.commit?.random,
        computeFiles: async (readFile) => {
            const [baseline, docs] = await Promise.all([readFile(config.baselinePath), readFile(config.docsPath)]);
            const legacy = promotionPaths(input).legacyBaseline;
            const legacyBaseline = baseline === undefined && legacy ? await readFile(legacy) : undefined;
            const texts = { baseline, docs, legacyBaseline };
            plan = planPromotion(texts, input);
            // A new champion records its plots: found once per champion (a retry on a moved head reuses them).
            const champion = plan.becameChampion ? plan.champion : undefined;
            if (champion && !plots.has(champion)) {
                plots.set(champion, await promotedPlots({
                    ref: { client, owner, repo },
                    branch: config.assetsBranch,
                    defaultBranch: on.defaultBranch,
                    workspace: config.workspace,
                    rules: config.rules,
                    runs: input.runs,
                    champion,
                    warnings: on.warnings
                }));
            }
            const recorded = champion ? plots.get(champion) : undefined;
            if (champion && recorded)
                plan = planPromotion(texts, { ...input, plots: { [champion]: recorded } });
            return plan.files;
        }
    });
    return { result, plan: plan };
}
/**
 * The reviewers' decisions on a merged PR, read from its sticky comment (only the one the token itself wrote): the
 * acceptances made on the head that merged, and the champion pick. Undefined when there is no such comment.
 */
async function readMergedDecisions(options) {
    const { client, owner, repo, pr, ctx } = options;
    const [{ listOwnStickyComments, resolveTokenIdentity }, { readDecisionsState }, { decisionsForMerge }] = await Promise.all([
        import('./sticky.js'),
        import('./review-state.js'),
        import('./decisions.js')
    ]);
    const identity = await resolveTokenIdentity({ client, configured: ctx.config.botLogin });
    const [sticky] = await listOwnStickyComments({
        client,
        owner,
        repo,
        issueNumber: pr.number,
        marker: hiddenMarker(ctx.config.id),
        identity
    });
    if (!sticky)
        return undefined;
    const decisions = decisionsForMerge(readDecisionsState(sticky.body ?? ''), pr.headSha);
    if (decisions.accepted.length || decisions.championPick)
        ctx.log.info(`Reviewer decisions on PR #${pr.number}: ${decisions.accepted.length} accepted regression(s)${decisions.championPick ? `, champion picked: ${decisions.championPick.name}` : ''}.`);
    return decisions;
}
/** The open promotion pull request, or the promotion branch started again from the tip of `base` when none is open. */
async function preparePromotionBranch(options) {
    const { findOpenPullRequestFrom, resetBranchTo } = await import('./promotion-pr.js');
    const open = await findOpenPullRequestFrom(options);
    if (!open)
        await resetBranchTo(options);
    return { open };
}
/** Opens the promotion pull request when none is open, and turns on its auto-merge. */
async function promotionPullRequest(options) {
    const { openPullRequest, enableAutoMerge } = await import('./promotion-pr.js');
    const { config, branch, base } = options;
    const pull = options.open ??
        (await openPullRequest({
            ...options,
            title: promotionPullRequestTitle(config.id),
            body: promotionPullRequestBody({ ...config, branch, defaultBranch: base })
        }));
    const autoMerge = await enableAutoMerge({ ...options, pull });
    return { number: pull.number, url: pull.htmlUrl, opened: pull.opened, autoMerge };
}
/** The action's promote mode: reads the push event, loads the rules, runs runPromote and reports what it did. */
async function runPromoteMode(ctx) {
    const payload = ctx.payload;
    const ref = typeof payload.ref === 'string' ? payload.ref : (ctx.env.GITHUB_REF ?? '');
    const after = typeof payload.after === 'string' ? payload.after : (ctx.env.GITHUB_SHA ?? '');
    const defaultBranch = typeof payload.repository?.default_branch === 'string' ? payload.repository.default_branch : undefined;
    if (payload.deleted === true || /^0+$/.test(after)) {
        ctx.log.notice('Experiment Review: the push deleted a branch; nothing to promote.');
        return {};
    }
    if (!ref.startsWith('refs/heads/') || (defaultBranch && ref !== `refs/heads/${defaultBranch}`)) {
        ctx.log.notice(`Experiment Review: promote runs on pushes to the default branch${defaultBranch ? ` (${defaultBranch})` : ''}; this push is to ${ref || 'an unknown ref'}, so nothing was promoted.`);
        return {};
    }
    const repository = repositoryOf(ctx, 'promote from a push workflow');
    const { loadRules } = await import('./rules-file.js');
    const { rules } = await loadRules(ctx.config.workspace, ctx.config.configFile);
    const client = await ctx.github(ctx.config.token);
    const result = await runPromote({
        config: {
            workspace: ctx.config.workspace,
            runs: ctx.config.runs,
            baselinePath: ctx.config.baselinePath,
            docsPath: ctx.config.docsPath,
            id: ctx.config.id,
            rules,
            assetsBranch: ctx.config.assetsBranch
        },
        after,
        ref,
        repository,
        client,
        now: ctx.now,
        decisions: pr => readMergedDecisions({ client, owner: repository.owner, repo: repository.repo, pr, ctx }),
        serverUrl: serverUrlOf(ctx.env),
        commit: { sleep: ctx.sleep },
        via: ctx.config.promoteVia,
        pusher: typeof payload.pusher?.name === 'string' ? payload.pusher.name : undefined,
        log: m => ctx.log.info(m)
    });
    for (const w of result.warnings)
        ctx.log.warning(w);
    if (result.pullRequest?.autoMerge.state === 'refused')
        ctx.log.warning(promoteOutcomeLine(result));
    else
        ctx.log.notice(promoteOutcomeLine(result));
    const commitUrl = result.commitSha
        ? githubUrl(serverUrlOf(ctx.env), repository.owner, repository.repo, 'commit', result.commitSha)
        : undefined;
    await ctx.log.summary(renderPromoteSummary({ ...result, commitUrl }));
    return result.champion ? { champion: result.champion } : {};
}

export { readMergedDecisions, runPromote, runPromoteMode };
