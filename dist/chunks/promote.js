import { h as collectRuns, f as formatDiagnostic } from './detect.js';
import { s as stringify, p as paragraph, u as untrusted } from './chart.js';
import { p as planPromotion, a as promotionSubject } from './promotion.js';
import './significance.js';
import 'node:fs/promises';
import 'node:path';
import './_commonjsHelpers.js';
import 'node:fs';
import 'node:string_decoder';
import './mlflow-metrics-file.js';
import 'node:crypto';
import 'node:readline';
import 'node:os';
import 'node:url';
import 'node:worker_threads';
import 'node:module';
import './baseline2.js';
import './conventions.js';
import 'node:process';
import './champion.js';

/** Promote mode: one commit with the new baseline and docs on the pushed branch, or a reason for none. */
async function runPromote(options) {
    const { config, client, after, repository } = options;
    const { owner, repo } = repository;
    const log = options.log ?? (() => undefined);
    const branch = options.ref.replace(/^refs\/heads\//, '');
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(after)) {
        throw new Error(`The push event's after sha ${JSON.stringify(after)} is not a commit id; promote runs on a push event to the default branch.`);
    }
    const [{ findPullRequestForSha }, { commitFilesToBranch }] = await Promise.all([
        import('./pr.js'),
        import('./commit.js')
    ]);
    const found = await findPullRequestForSha({ client, owner, repo, sha: after });
    const merged = found?.merged ? found : undefined;
    const extra = merged;
    const pr = merged
        ? {
            number: merged.number,
            title: merged.title,
            url: merged.htmlUrl,
            ...(extra?.mergedBy || options.pusher ? { mergedBy: extra?.mergedBy || options.pusher } : {})
        }
        : undefined;
    log(pr
        ? `The push ${after.slice(0, 7)} merged PR #${pr.number}.`
        : `No merged pull request has ${after.slice(0, 7)} as its merge commit; promoting the runs of the commit itself.`);
    const collection = await collectRuns({ workspace: config.workspace, patterns: config.runs });
    const warnings = collection.diagnostics.map(formatDiagnostic);
    const decisions = typeof options.decisions === 'function'
        ? merged
            ? await options.decisions(merged)
            : undefined
        : options.decisions;
    const input = {
        id: config.id,
        rules: config.rules,
        baselinePath: config.baselinePath,
        docsPath: config.docsPath,
        runs: collection.runs,
        pr,
        commit: after,
        date: extra?.mergedAt ?? options.now.toISOString(),
        decisions
    };
    let plan;
    const result = await commitFilesToBranch({
        client,
        owner,
        repo,
        branch,
        message: `${promotionSubject(input)}\n\nUpdated by Experiment Review: ${config.baselinePath} and ${config.docsPath}.`,
        maxAttempts: options.commit?.maxAttempts ?? 10,
        backoffBaseMs: options.commit?.backoffBaseMs,
        sleep: options.commit?.sleep,
        random: options.commit?.random,
        computeFiles: async (readFile) => {
            const [baseline, docs] = await Promise.all([readFile(config.baselinePath), readFile(config.docsPath)]);
            plan = planPromotion({ baseline, docs }, input);
            return plan.files;
        }
    });
    const last = plan;
    warnings.push(...(last?.warnings ?? []));
    const skipped = result.commitSha
        ? undefined
        : (last?.skipped ??
            `${config.baselinePath} and ${config.docsPath} on ${branch} already say this; no commit was made`);
    if (result.commitSha)
        log(`Committed ${result.changedPaths.join(' and ')} to ${branch} as ${result.commitSha.slice(0, 7)} (attempt ${result.attempts}).`);
    else
        log(`No commit: ${skipped}`);
    return {
        ...(result.commitSha ? { commitSha: result.commitSha } : {}),
        champion: last?.champion,
        ...(skipped ? { skipped } : {}),
        ...(pr ? { pr: pr.number } : {}),
        changedPaths: result.changedPaths,
        warnings
    };
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
    const [owner, repo] = (ctx.env.GITHUB_REPOSITORY ?? '').split('/');
    const repository = {
        owner: typeof payload.repository?.owner?.login === 'string' ? payload.repository.owner.login : owner,
        repo: typeof payload.repository?.name === 'string' ? payload.repository.name : repo
    };
    if (!repository.owner || !repository.repo)
        throw new Error('The push event names no repository and GITHUB_REPOSITORY is empty; run promote from a push workflow.');
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
            rules
        },
        after,
        ref,
        repository,
        client,
        now: ctx.now,
        commit: { sleep: ctx.sleep },
        pusher: typeof payload.pusher?.name === 'string' ? payload.pusher.name : undefined,
        log: m => ctx.log.info(m)
    });
    for (const w of result.warnings)
        ctx.log.warning(w);
    const line = result.commitSha
        ? `Experiment Review committed ${result.changedPaths.join(' and ')} as ${result.commitSha.slice(0, 7)}; the champion is ${result.champion ?? 'unchanged'}.`
        : `Experiment Review made no commit: ${result.skipped ?? 'nothing changed'}.`;
    ctx.log.notice(line);
    await ctx.log.summary(stringify([paragraph(untrusted(line, 2000))]));
    return result.champion ? { champion: result.champion } : {};
}

export { runPromote, runPromoteMode };
