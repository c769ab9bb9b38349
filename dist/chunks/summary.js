import { f as GITHUB_STEP_SUMMARY_LIMIT } from './conventions.js';
import { H as root, p as paragraph, h as untrusted, t as text, e as untrustedCode, v as violationMessage, I as missingEvidenceTitle, J as unknownMetricsTitle, K as unreadableEvidenceTitle, L as heading, M as bulletList, o as own, j as checkedUrl, k as link, N as code } from './findings.js';
import { s as stringify } from './markdown.js';
import { s as sweepSummaryBlocks } from './sweep.js';
import { p as plain } from './text.js';

/** Diagnostics listed in the job summary; the count says how many there are, the JSON report holds them all. */
const SUMMARY_DIAGNOSTICS_SHOWN = 50;
/**
 * The job summary of a review: first what happened to the comment (a link to it) and the status, then the comment's
 * content, then the diagnostics: their count and the first SUMMARY_DIAGNOSTICS_SHOWN (all of them are in the JSON
 * report at `reportPath`), fewer when needed so that it stays under GitHub's 1 MiB.
 */
function renderReviewSummary(c, commentBody, writes, reportPath) {
    for (let shown = SUMMARY_DIAGNOSTICS_SHOWN;; shown = Math.floor(shown / 2)) {
        const { lead, diagnostics } = reviewSummaryBlocks(c, writes, reportPath, shown);
        const summary = `${lead.length ? `${stringify(root(lead))}\n` : ''}${commentBody.trimEnd()}\n\n${stringify(root(diagnostics))}`;
        if (Buffer.byteLength(summary) < GITHUB_STEP_SUMMARY_LIMIT || shown === 0)
            return summary;
    }
}
/**
 * The job summary's own blocks: `lead` (what happened to the comment, with a link to it, and the status) goes before
 * the comment's content, `diagnostics` after it.
 */
function reviewSummaryBlocks(c, writes, reportPath, shown = SUMMARY_DIAGNOSTICS_SHOWN) {
    return {
        lead: writesBlocks(writes),
        // Every parameter of a sweep (the comment shows the top ones), then the diagnostics.
        diagnostics: [...sweepSummaryBlocks(c), ...diagnosticsBlocks(c, reportPath, shown)]
    };
}
function writesBlocks(writes) {
    const blocks = [];
    if (writes.comment) {
        const action = {
            created: own `created`,
            updated: own `updated`,
            unchanged: own `already up to date`
        }[writes.comment.action];
        const url = checkedUrl(writes.comment.url);
        blocks.push(paragraph(text `The PR comment was ${action}: `, url ? link(url, text `open the comment`) : untrusted(writes.comment.url, 300)));
    }
    else if (writes.commentSkipped) {
        blocks.push(paragraph(text `No PR comment was posted: `, untrusted(writes.commentSkipped, 2000)));
    }
    if (writes.status)
        blocks.push(paragraph(text `Commit status `, untrustedCode(writes.status.context), text `: ${writes.status.state === 'success' ? own `success` : own `failure`}.`));
    return blocks;
}
/** A diagnostic's severity as a word of ours. */
function severityWord(severity) {
    return severity === 'error' ? own `error` : own `warning`;
}
function diagnosticsBlocks(c, reportPath, shown) {
    const blocks = [heading(3, text `Diagnostics (${c.diagnostics.length})`)];
    if (!c.diagnostics.length)
        return [...blocks, paragraph(text `Every run was read without a problem.`)];
    blocks.push(bulletList(c.diagnostics
        .slice(0, shown)
        .map(d => [
        text `${severityWord(d.severity)}: `,
        untrustedCode(`${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}`, 300),
        ...(d.run ? [text ` (run `, untrustedCode(d.run), text `)`] : []),
        text ` `,
        untrusted(d.message, 1000)
    ])));
    const more = c.diagnostics.length - Math.min(shown, c.diagnostics.length);
    if (more > 0)
        blocks.push(paragraph(text `… and ${more} more, ${shown ? own `not listed here` : own `none listed here`} to keep the summary under GitHub's 1 MiB: `, ...(reportPath
            ? [
                text `every diagnostic is in the JSON report `,
                untrustedCode(reportPath, 300),
                text ` (output report).`
            ]
            : [text `every diagnostic is in the JSON report (output report).`])));
    return blocks;
}
/** The job summary when no review ran (e.g. no open pull request has the workflow run's commit). */
function renderNotRunSummary(reason) {
    return stringify(root([paragraph(text `Experiment Review did not run: `, untrusted(reason, 2000))]));
}
/** Why the id's own promotion pull request is not reviewed. */
function ownPromotionLine(baselinePath, docsPath) {
    return `this is Experiment Review's own promotion pull request: it changes only ${baselinePath} and ${docsPath}, so there are no runs to review`;
}
/** The commit status description of the id's own promotion pull request (under GitHub's 140 characters). */
const OWN_PROMOTION_STATUS = 'Own promotion pull request: only the baseline and the docs change';
/** The job summary of the id's own promotion pull request. */
function renderOwnPromotionSummary(baselinePath, docsPath) {
    return stringify(root([
        paragraph(text `Experiment Review did not review this pull request: it is Experiment Review's own promotion pull request, and it changes only `, untrustedCode(baselinePath, 300), text ` and `, untrustedCode(docsPath, 300), text `. The gate passes so that the promotion can merge.`)
    ]));
}
/**
 * The commit status description: the verdict in words, under GitHub's 140 characters. It is plain text on GitHub:
 * run and metric names are made one-line and free of control characters.
 */
function statusDescription(c, failOnRegression = true) {
    const broken = c.violations.filter(v => !v.accepted);
    if (c.missingEvidence)
        return `Fail: ${missingEvidenceTitle(c.missingEvidence)}; nothing was judged.`;
    if (c.unknownMetrics)
        return `Fail: ${unknownMetricsTitle(c.unknownMetrics)}.`;
    if (c.unreadableEvidence)
        return `Fail: ${unreadableEvidenceTitle(c.unreadableEvidence)}.`.slice(0, 140);
    if (c.verdict === 'no-baseline')
        return 'No baseline yet: nothing to gate on; the first merge with runs sets it.';
    if (c.verdict === 'pass')
        return `Pass: all rules met${c.champion ? ` (best run ${plain(c.champion.name, 60)})` : ''}.`;
    const metrics = plain([...new Set(broken.map(v => v.metric))].join(', '), 90);
    return `Fail: ${broken.length} rule${broken.length === 1 ? '' : 's'} broken (${metrics})${failOnRegression ? '' : '; not gating'}.`.slice(0, 140);
}
/** The step's failure message when the gate fails: how many rules are broken, and each one. */
function gateFailureMessage(broken) {
    return `Experiment Review: ${broken.length} rule${broken.length === 1 ? '' : 's'} broken: ${broken.map(violationMessage).join('; ')}`;
}
/** The one line a promote leaves in the log: what it committed, or why nothing. */
function promoteOutcomeLine(facts) {
    const committed = facts.commitSha
        ? `Experiment Review committed ${facts.changedPaths.join(' and ')} as ${facts.commitSha.slice(0, 7)}; the champion is ${facts.champion ?? 'unchanged'}.`
        : `Experiment Review made no commit: ${facts.skipped ?? 'nothing changed'}.`;
    return facts.pullRequest ? `${committed} ${promotionPullRequestLine(facts.pullRequest)}` : committed;
}
/** What promote did with its pull request: opened or added to, and whether it merges itself (and if not, what to do). */
function promotionPullRequestLine(pull) {
    const what = `${pull.opened ? 'Opened' : 'Added the promotion to'} pull request #${pull.number} (${pull.url})`;
    switch (pull.autoMerge.state) {
        case 'enabled':
        case 'already':
            return `${what}; auto-merge is on, so it merges once the branch rules are met.`;
        case 'merged':
            return `${what} and merged it at once as ${pull.autoMerge.sha.slice(0, 7)}: nothing blocked the merge.`;
        case 'refused':
            return `${what}, but GitHub refused auto-merge (${pull.autoMerge.reason}): turn on "Allow auto-merge" in the repository settings and give the token \`pull-requests: write\` and \`contents: write\`, or merge #${pull.number} by hand.`;
    }
}
/**
 * The job summary of a promote: what it committed (the commit linked when `commitUrl` is given), or why nothing,
 * and what became of its pull request. Paths, the champion, the reason and GitHub's refusal are untrusted.
 */
function renderPromoteSummary(facts) {
    const sha = facts.commitSha ? untrustedCode(facts.commitSha.slice(0, 7)) : undefined;
    const summary = sha
        ? paragraph(text `Experiment Review committed `, untrusted(facts.changedPaths.join(' and '), 400), text ` as `, facts.commitUrl ? link(facts.commitUrl, sha) : sha, text `; the champion is `, facts.champion ? untrustedCode(facts.champion) : text `unchanged`, text `.`)
        : paragraph(text `Experiment Review made no commit: `, untrusted(facts.skipped ?? 'nothing changed', 2000), text `.`);
    return stringify(facts.pullRequest ? [summary, promotionPullRequestParagraph(facts.pullRequest)] : [summary]);
}
/** The promotion pull request in the job summary: linked, and whether it merges itself (and if not, what to do). */
function promotionPullRequestParagraph(pull) {
    const url = checkedUrl(pull.url);
    const ref = url ? link(url, text `pull request #${pull.number}`) : text `pull request #${pull.number}`;
    const what = [pull.opened ? text `Opened ` : text `Added the promotion to `, ref];
    switch (pull.autoMerge.state) {
        case 'enabled':
        case 'already':
            return paragraph(...what, text `; auto-merge is on, so it merges once the branch rules are met.`);
        case 'merged':
            return paragraph(...what, text ` and merged it at once as `, untrustedCode(pull.autoMerge.sha.slice(0, 7)), text `: nothing blocked the merge.`);
        case 'refused':
            return paragraph(...what, text `, but GitHub refused auto-merge (`, untrusted(pull.autoMerge.reason, 400), text `): turn on "Allow auto-merge" in the repository settings and give the token `, code `pull-requests: write`, text ` and `, code `contents: write`, text `, or merge #${pull.number} by hand.`);
    }
}

export { OWN_PROMOTION_STATUS as O, SUMMARY_DIAGNOSTICS_SHOWN as S, renderNotRunSummary as a, renderOwnPromotionSummary as b, renderPromoteSummary as c, promotionPullRequestLine as d, gateFailureMessage as g, ownPromotionLine as o, promoteOutcomeLine as p, renderReviewSummary as r, statusDescription as s };
