import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadRules } from './rules-file.js';
import { b as baselineOfId, B as BaselineError } from './baseline2.js';
import { c as goalOf, t as text, e as untrustedCode, o as own, p as paragraph, h as untrusted, i as strong, j as checkedUrl, k as link, l as legacyBaselineText, n as joinOwn, g as githubUrl } from './findings.js';
import { commitFilesToBranch } from './commit.js';
import { s as stampMarker, c as GITHUB_BODY_LIMIT, l as legacyBaselinePath, d as defaultBaselinePath, h as hiddenMarker } from './conventions.js';
import { explainGitHubError, isGitHubRequestError } from './client.js';
import { isOwnMarkedItem, resolveTokenIdentity } from './sticky.js';
import { r as replaceHiddenState, a as readHiddenState } from './hidden-state.js';
import { r as recoveryComment, M as MONITOR_STATE_KIND, a as retrainingUpdateComment, d as duplicateComment, b as retrainingIssueBody, c as retrainingIssueTitle } from './issue.js';
import { renderJsonReport } from './json.js';
import { f as findRegions, r as renderRegion, s as sectionNames } from './docs.js';
import { s as stringify } from './markdown.js';
import { runPipeline } from './pipeline.js';
import { w as workflowRunUrl, a as serverUrlOf, r as reportPathFor } from './review-request.js';
import { r as repositoryOf } from './types.js';
import './index2.js';
import './_commonjsHelpers.js';
import 'process';
import 'buffer';
import './artifacts.js';
import './text.js';
import './pr.js';
import 'node:zlib';
import './chart.js';
import './plots.js';
import 'node:process';
import 'node:url';
import './champion.js';
import './metric-comparison.js';
import './detect.js';
import 'node:fs';
import './read-buffer.js';

/** The rules a monitor evaluation is compared under: each monitored metric gets its conditions as gate rules. */
function monitorRules(rules, retraining) {
    const metrics = {};
    for (const [metric, condition] of Object.entries(retraining.when)) {
        const rule = { goal: goalOf(metric, rules).goal, required: true };
        if (condition.below !== undefined)
            rule.min = condition.below;
        if (condition.above !== undefined)
            rule.max = condition.above;
        if (condition.maxDrop)
            rule.maxDrop = condition.maxDrop;
        if (condition.maxRise)
            rule.maxRise = condition.maxRise;
        const reviewed = rules.metrics[metric];
        if (reviewed?.requireSignificance !== undefined)
            rule.requireSignificance = reviewed.requireSignificance;
        metrics[metric] = rule;
    }
    return { ...rules, metrics, overfitting: undefined };
}
/** True when some condition needs the baseline (a drop or a rise). */
function needsBaseline(retraining) {
    return Object.values(retraining.when).some(c => c.maxDrop || c.maxRise);
}
const CONDITION_OF = {
    min: 'below',
    max: 'above',
    max_drop: 'max_drop',
    max_rise: 'max_rise'
};
/** Turns a comparison made under monitorRules into breaches; a monitored metric that is missing is unmeasured. */
function evaluateRetraining(comparison, retraining) {
    const monitored = comparison.metrics.filter(m => m.name in retraining.when);
    const breaches = [];
    const unmeasured = [];
    for (const metric of Object.keys(retraining.when)) {
        const m = monitored.find(x => x.name === metric);
        const value = m?.current?.value;
        if (!m || value === undefined) {
            unmeasured.push({ metric, why: 'the evaluation does not report it' });
            continue;
        }
        if (!Number.isFinite(value)) {
            unmeasured.push({ metric, why: `the evaluation reports ${String(value)}, not a finite number` });
            continue;
        }
        for (const check of m.checks) {
            const condition = CONDITION_OF[check.rule];
            if (check.passed || !condition)
                continue;
            breaches.push({ metric, condition, value, baseline: m.baseline?.value, check, comparison: m });
        }
    }
    return { breaches, unmeasured, monitored };
}
/** Key of a breached condition in the issue's memory. */
function breachKey(b) {
    return `${b.metric} ${b.condition}`;
}
function reportedValues(breaches) {
    return Object.fromEntries(breaches.map(b => [breachKey(b), b.value]));
}
function worseBeyond(b, before, tolerance) {
    const slack = tolerance.relative ? tolerance.amount * Math.abs(before) : tolerance.amount;
    const worse = b.comparison.goal === 'maximize' ? before - b.value : b.value - before;
    // A change exactly on the tolerance (up to rounding of the subtraction) is not beyond it.
    return worse - slack > 1e-12 * Math.max(1, Math.abs(before));
}
/**
 * Decides what to do: a new breach opens (or, within reopenWithinDays of its closing, reopens) the issue; a breach of
 * a new condition or a value worse than reported beyond the tolerance updates it; the same state writes nothing;
 * recoverAfter healthy evaluations in a row close it.
 */
function planMonitor(input) {
    const { breaches, open, now, retraining } = input;
    const at = now.toISOString();
    if (!breaches.length) {
        if (!open)
            return { action: 'nothing', why: 'healthy' };
        const healthy = (open.memory?.healthy ?? 0) + 1;
        const recovered = Object.keys(open.memory?.reported ?? {});
        if (healthy >= retraining.recoverAfter)
            return { action: 'close', issue: open.number, recovered };
        const memory = open.memory ?? { since: at, changed: at, reported: {}, healthy: 0 };
        return { action: 'record-healthy', issue: open.number, state: { ...memory, healthy } };
    }
    if (!open) {
        const state = { since: at, changed: at, reported: reportedValues(breaches), healthy: 0 };
        const closed = input.lastClosed;
        const closedAt = closed?.closedAt ? Date.parse(closed.closedAt) : NaN;
        const withinDays = (now.getTime() - closedAt) / 86_400_000;
        if (closed && withinDays >= 0 && withinDays <= retraining.reopenWithinDays)
            return { action: 'reopen', issue: closed.number, state };
        return { action: 'open', state };
    }
    const before = open.memory?.reported ?? {};
    const newly = breaches.filter(b => !(breachKey(b) in before)).map(breachKey);
    const worse = breaches
        .filter(b => breachKey(b) in before && worseBeyond(b, before[breachKey(b)], retraining.tolerance))
        .map(breachKey);
    const eased = Object.keys(before).filter(key => !breaches.some(b => breachKey(b) === key));
    const since = open.memory?.since ?? at;
    if (newly.length || worse.length || eased.length || !open.memory) {
        const reported = { ...before, ...reportedValues(breaches) };
        for (const key of eased)
            delete reported[key];
        const state = { since, changed: at, reported, healthy: 0 };
        return { action: 'update', issue: open.number, state, newly, worse, eased };
    }
    if (open.memory.healthy)
        return { action: 'record-healthy', issue: open.number, state: { ...open.memory, healthy: 0 } };
    return { action: 'nothing', why: 'unchanged' };
}
/** Reads a MonitorState from parsed JSON, or undefined when it does not have that shape. */
function monitorStateFrom(value) {
    if (!value || typeof value !== 'object')
        return undefined;
    const v = value;
    const isTime = (t) => typeof t === 'string' && !Number.isNaN(Date.parse(t));
    if (!isTime(v.since) || !isTime(v.changed))
        return undefined;
    if (typeof v.healthy !== 'number' || !Number.isInteger(v.healthy) || v.healthy < 0)
        return undefined;
    if (!v.reported || typeof v.reported !== 'object' || Array.isArray(v.reported))
        return undefined;
    const reported = {};
    for (const [k, x] of Object.entries(v.reported)) {
        if (typeof x !== 'number' || !Number.isFinite(x))
            return undefined;
        reported[k] = x;
    }
    return { since: v.since, changed: v.changed, reported, healthy: v.healthy };
}

// Retraining issues: one open issue per marker (per review id), found by its hidden marker and by who opened it
// (as the sticky comment is: the token's login when GitHub tells it, else a bot whose login the marker names), updated
// when its text or labels change, closed with a comment on recovery. Never a duplicate.
function toIssueInfo(issue) {
    return {
        number: issue.number,
        title: issue.title,
        body: issue.body ?? '',
        state: issue.state === 'closed' ? 'closed' : 'open',
        labels: issue.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
        htmlUrl: issue.html_url,
        author: issue.user?.login ?? '',
        ...(issue.closed_at ? { closedAt: issue.closed_at } : {})
    };
}
function checkLength(body, where) {
    const length = Array.from(body).length;
    if (length > GITHUB_BODY_LIMIT) {
        throw new Error(`The issue text for ${where} is ${length} characters, more than GitHub's ${GITHUB_BODY_LIMIT}: ` +
            'the report must fold its tables to fit (this is a bug in the report, please report it).');
    }
}
/** Every issue (not pull request) the token opened whose body holds the marker, oldest first; 100 issues a page. */
async function listIssuesByMarker(options) {
    const { client, owner, repo, marker, identity } = options;
    const creator = identity.login;
    const found = [];
    try {
        for await (const page of client.paginate.iterator(client.rest.issues.listForRepo, {
            owner,
            repo,
            state: options.state ?? 'open',
            sort: 'created',
            direction: 'asc',
            per_page: 100,
            ...(creator ? { creator } : {})
        })) {
            for (const i of page.data)
                if (!i.pull_request && isOwnMarkedItem(i, marker, identity))
                    found.push(toIssueInfo(i));
        }
    }
    catch (error) {
        throw explainGitHubError(error, `listing the issues of ${owner}/${repo}`, 'issues: read');
    }
    return found;
}
/** Creates the labels of `labels` that the repository does not have yet (names compare case-insensitively). */
async function ensureLabels(options) {
    const { client, owner, repo } = options;
    try {
        const existing = new Set();
        for await (const page of client.paginate.iterator(client.rest.issues.listLabelsForRepo, {
            owner,
            repo,
            per_page: 100
        }))
            for (const l of page.data)
                existing.add(l.name.toLowerCase());
        const created = [];
        for (const name of options.labels) {
            if (existing.has(name.toLowerCase()))
                continue;
            try {
                await client.rest.issues.createLabel({
                    owner,
                    repo,
                    name,
                    color: 'd93f0b',
                    description: 'Opened by Experiment Review when the production model degrades'
                });
            }
            catch (error) {
                // Another run created it in the meantime: what was wanted is there.
                if (!(isGitHubRequestError(error) &&
                    error.status === 422 &&
                    /already_exists/.test(JSON.stringify(error.response?.data))))
                    throw error;
                continue;
            }
            existing.add(name.toLowerCase());
            created.push(name);
        }
        return created;
    }
    catch (error) {
        throw explainGitHubError(error, `creating the labels ${options.labels.join(', ')} in ${owner}/${repo}`, 'issues: write');
    }
}
/** Opens an issue with the marker in its body, naming `author` (the token's login, when known) as who opens it. */
async function createIssue(options) {
    const { client, owner, repo, title, labels } = options;
    const body = stampMarker(options.body, options.marker, options.author);
    checkLength(body, `${owner}/${repo}`);
    try {
        const { data } = await client.rest.issues.create({ owner, repo, title, body, labels });
        return toIssueInfo(data);
    }
    catch (error) {
        throw explainGitHubError(error, `opening an issue in ${owner}/${repo}`, 'issues: write');
    }
}
/**
 * Rewrites an issue's title and body (the marker kept, naming the issue's author), adds missing labels, and reopens
 * it when asked.
 */
async function updateIssue(options) {
    const { client, owner, repo, issue, title } = options;
    const body = stampMarker(options.body, options.marker, issue.author || undefined);
    checkLength(body, `${owner}/${repo}#${issue.number}`);
    const missing = (options.labels ?? []).filter(l => !issue.labels.some(e => e.toLowerCase() === l.toLowerCase()));
    try {
        const { data } = await client.rest.issues.update({
            owner,
            repo,
            issue_number: issue.number,
            title,
            body,
            ...(missing.length ? { labels: [...issue.labels, ...missing] } : {}),
            ...(options.reopen ? { state: 'open' } : {})
        });
        return toIssueInfo(data);
    }
    catch (error) {
        throw explainGitHubError(error, `updating issue ${owner}/${repo}#${issue.number}`, 'issues: write');
    }
}
/** Adds a comment to an issue. */
async function commentOnIssue(options) {
    const { client, owner, repo, issueNumber, body } = options;
    checkLength(body, `${owner}/${repo}#${issueNumber}`);
    try {
        await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    }
    catch (error) {
        throw explainGitHubError(error, `commenting on issue ${owner}/${repo}#${issueNumber}`, 'issues: write');
    }
}
/** Closes an issue as completed, first commenting `comment` when given. */
async function closeIssue(options) {
    const { client, owner, repo, issueNumber, comment } = options;
    try {
        if (comment) {
            checkLength(comment, `${owner}/${repo}#${issueNumber}`);
            await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: comment });
        }
        await client.rest.issues.update({
            owner,
            repo,
            issue_number: issueNumber,
            state: 'closed',
            state_reason: 'completed'
        });
    }
    catch (error) {
        throw explainGitHubError(error, `closing issue ${owner}/${repo}#${issueNumber}`, 'issues: write');
    }
}

/** The name of this id's production section. */
function productionSectionName(id) {
    return sectionNames(id).production;
}
/** The Production line as blocks. */
function productionBlocks(status) {
    const runs = status.runs
        .slice(0, 3)
        .flatMap((r, i) => [...(i ? [text `, `] : []), untrustedCode(r, 60)]);
    if (status.runs.length > 3)
        runs.push(text ` and ${status.runs.length - 3} more`);
    const issueRef = (i) => {
        const url = checkedUrl(i.url);
        return url ? link(url, text `#${i.number}`) : text `#${i.number}`;
    };
    const breaches = status.breaches;
    const state = breaches
        ? [
            text `❌ ${breaches} retraining condition${breaches === 1 ? own `` : own `s`} breached`,
            ...(status.issue?.open ? [text `, issue `, issueRef(status.issue), text ` open`] : [])
        ]
        : [
            text `✅ healthy`,
            ...(status.issue && !status.issue.open
                ? [text `, issue `, issueRef(status.issue), text ` closed`]
                : []),
            text `; no retraining issue open`
        ];
    return [
        paragraph(strong(text `Production:`), text ` last evaluated `, untrusted(status.evaluatedAt.slice(0, 10), 10), ...(runs.length ? [text ` (`, ...runs, text `)`] : []), text `: `, ...state, text `.`)
    ];
}
/**
 * The page with this id's Production line rewritten (added after the current model's section, or at the end, when
 * the page has none). Broken markers throw DocsMarkerError; text outside the sections is kept byte for byte.
 */
function updateProductionLine(page, status, options) {
    const regions = findRegions(page, options.file);
    const crlf = page.includes('\r\n');
    const nl = crlf ? '\r\n' : '\n';
    const name = productionSectionName(options.id);
    const rendered = renderRegion(name, productionBlocks(status)).replace(/\r?\n/g, nl);
    const own = regions.find(r => r.name === name);
    if (own)
        return page.slice(0, own.start.start) + rendered + page.slice(own.end.end);
    const current = regions.find(r => r.name === sectionNames(options.id).current);
    if (current)
        return `${page.slice(0, current.end.end)}${nl}${nl}${rendered}${page.slice(current.end.end)}`;
    const body = page.replace(/(\r?\n)+$/, '');
    return `${body}${body ? nl + nl : ''}${rendered}${nl}`;
}

// Monitor mode: a scheduled evaluation of the production model against the baseline on the default branch →
// one retraining issue per id, opened on a breach, updated only when something changed, closed on recovery.
// The action (schedule, workflow_dispatch) and the CLI (`monitor`, `monitor --repo`) share runMonitor.
/** A monitor evaluation that cannot be judged: no retraining rules, no runs, no baseline, a metric not measured. */
class MonitorInputError extends Error {
}
/**
 * Reads the baseline file of the checkout (the default branch's, in a scheduled run): the id's own file or, for an id
 * other than `default` whose own file is not there yet, the legacy shared file when it holds this id (with a
 * warning). Undefined when there is none at the default path; a baseline named explicitly must exist.
 */
async function loadBaselineOfCheckout(config, warn = () => undefined) {
    const read = async (file) => {
        try {
            return await readFile(path.resolve(config.workspace, file), 'utf8');
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return undefined;
            throw new BaselineError(file, `cannot be read (${e.code ?? e})`);
        }
    };
    const text = await read(config.baselinePath);
    const legacyPath = text === undefined ? legacyBaselinePath(config.id, config.baselinePath) : undefined;
    const legacyText = legacyPath ? await read(legacyPath) : undefined;
    const chosen = baselineOfId({ path: config.baselinePath, text, legacyPath, legacyText }, config.id);
    if (!chosen.file && config.baselineNamed)
        throw new BaselineError(config.baselinePath, `the baseline named does not exist in ${config.workspace}; a baseline named explicitly must exist. Check the path, or leave it unset (the default for id "${config.id}" is ${defaultBaselinePath(config.id)})`);
    if (chosen.legacy)
        warn(legacyBaselineText(config.id, chosen.legacy));
    return chosen.file?.champion;
}
/** Collects the evaluation runs and judges them against the retraining conditions. Throws MonitorInputError. */
async function assessEvaluation(config, loaded) {
    const warnings = [];
    const { rules, file } = loaded ?? (await loadRules(config.workspace, config.configFile));
    const retraining = rules.retraining;
    if (!retraining || !Object.keys(retraining.when).length)
        throw new MonitorInputError(`${config.configFile} has no retraining.when conditions, so there is nothing to monitor; add e.g. ` +
            '"retraining: { when: { accuracy: { below: 0.85 } } }" to the rules file');
    const baseline = await loadBaselineOfCheckout(config, w => warnings.push(w));
    if (!baseline && needsBaseline(retraining))
        throw new MonitorInputError(`no baseline at ${config.baselinePath} in ${config.workspace}: retraining.when has drop or rise conditions, ` +
            'which compare with it; check out the default branch (where promote writes it) or set the baseline input');
    const { comparison, collection } = await runPipeline({
        workspace: config.workspace,
        patterns: config.runs,
        rules: monitorRules(rules, retraining),
        baseline,
        id: config.id
    });
    if (!collection.runs.length)
        throw new MonitorInputError(`no evaluation runs were found (looked in ${config.runs.length ? config.runs.join(', ') : `${config.workspace}, auto-detected`}); ` +
            'the monitor needs the runs of the evaluation it checks: set the runs input to where the evaluation writes them');
    const evaluation = evaluateRetraining(comparison, retraining);
    if (evaluation.unmeasured.length)
        throw new MonitorInputError(`the evaluation cannot be judged: ${evaluation.unmeasured.map(u => `${u.metric}: ${u.why}`).join('; ')}. ` +
            'A monitored metric must be reported as a finite number by the evaluation runs');
    return { retraining, comparison, evaluation, baseline, rulesFile: file, warnings };
}
function knownIssue(issue) {
    return {
        number: issue.number,
        state: issue.state,
        closedAt: issue.closedAt,
        memory: monitorStateFrom(readHiddenState(issue.body, MONITOR_STATE_KIND))
    };
}
/** Reads the retraining issues of the id and decides what to do, without writing. */
async function planRetrainingIssue(assessment, target, id, now) {
    const marker = hiddenMarker(id, 'issue');
    const ref = {
        client: target.client,
        owner: target.owner,
        repo: target.repo,
        marker,
        identity: target.identity
    };
    const open = (await listIssuesByMarker({ ...ref, state: 'open' }))[0];
    let closed;
    if (!open && assessment.evaluation.breaches.length) {
        const all = await listIssuesByMarker({ ...ref, state: 'closed' });
        closed = all
            .filter(i => i.closedAt)
            .sort((a, b) => Date.parse(b.closedAt) - Date.parse(a.closedAt))[0];
    }
    const plan = planMonitor({
        breaches: assessment.evaluation.breaches,
        open: open ? knownIssue(open) : undefined,
        lastClosed: closed ? knownIssue(closed) : undefined,
        now,
        retraining: assessment.retraining
    });
    return { plan, open, closed };
}
/** Evaluates, plans and carries out the plan on GitHub: one issue per id, writes only when something changed. */
async function runMonitor(assessment, target, id, now) {
    const { plan, open, closed } = await planRetrainingIssue(assessment, target, id, now);
    const writer = { assessment, target, id, now, marker: hiddenMarker(id, 'issue'), writes: [] };
    const done = (issue) => ({
        plan,
        writes: writer.writes,
        issue: issue ? { number: issue.number, url: issue.htmlUrl } : undefined
    });
    // The plan names its issue by number; it is always the open or the last closed issue it was planned from.
    const planned = (number) => {
        const issue = [open, closed].find(i => i?.number === number);
        if (!issue)
            throw new Error(`The retraining plan names issue #${number}, which the monitor did not read.`);
        return issue;
    };
    switch (plan.action) {
        case 'nothing':
            return done(open);
        case 'open':
            return done(await openRetrainingIssue(writer, plan.state));
        case 'reopen':
            return done(await reopenRetrainingIssue(writer, planned(plan.issue), plan.state));
        case 'update':
            return done(await updateRetrainingIssue(writer, planned(plan.issue), plan));
        case 'record-healthy': {
            const issue = planned(plan.issue);
            // Keeps what the issue reports and only counts the healthy evaluation in its hidden state.
            const body = replaceHiddenState(issue.body, MONITOR_STATE_KIND, plan.state);
            const updated = await updateIssue({ ...issueRef(writer), issue, title: issue.title, body });
            writer.writes.push(`recorded a healthy evaluation on #${issue.number} (${plan.state.healthy} of ${assessment.retraining.recoverAfter})`);
            return done(updated);
        }
        case 'close': {
            const issue = planned(plan.issue);
            const healthy = (knownIssue(issue).memory?.healthy ?? 0) + 1;
            const comment = recoveryComment(plan.recovered, assessment.evaluation, healthy);
            await closeIssue({ ...issueRef(writer), issueNumber: issue.number, comment });
            writer.writes.push(`closed #${issue.number}`);
            return done(issue);
        }
    }
}
const issueRef = ({ target, marker }) => ({
    client: target.client,
    owner: target.owner,
    repo: target.repo,
    marker
});
/** The retraining issue's title and body for `state`. */
function issueContent({ assessment, target, id, now }, state) {
    const { retraining, evaluation, baseline } = assessment;
    return {
        title: retrainingIssueTitle(evaluation, retraining, id),
        body: retrainingIssueBody({
            id,
            evaluation,
            retraining,
            state,
            baseline,
            links: issueLinks(target.owner, target.repo, { ...target.links, baseline })
        })
    };
}
/** Creates the labels the issue carries when the repository lacks them. */
async function ensureIssueLabels(writer) {
    const created = await ensureLabels({ ...issueRef(writer), labels: writer.assessment.retraining.labels });
    if (created.length)
        writer.writes.push(`created labels ${created.join(', ')}`);
}
/** Opens the issue; of two evaluations that opened one at once, the oldest issue is kept and the later closes itself. */
async function openRetrainingIssue(writer, state) {
    const ref = issueRef(writer);
    await ensureIssueLabels(writer);
    const issue = await createIssue({
        ...ref,
        labels: writer.assessment.retraining.labels,
        author: writer.target.identity.login,
        ...issueContent(writer, state)
    });
    writer.writes.push(`opened #${issue.number}`);
    const openNow = await listIssuesByMarker({ ...ref, identity: writer.target.identity, state: 'open' });
    const oldest = openNow.reduce((a, b) => (b.number < a.number ? b : a), issue);
    if (oldest.number === issue.number)
        return issue;
    await commentOnIssue({ ...ref, issueNumber: issue.number, body: duplicateComment(oldest.number) });
    await closeIssue({ ...ref, issueNumber: issue.number });
    writer.writes.push(`closed #${issue.number} as a duplicate of #${oldest.number}`);
    return oldest;
}
/** Reopens the last closed issue with the new evaluation and a comment naming every breached condition. */
async function reopenRetrainingIssue(writer, issue, state) {
    const { evaluation, retraining } = writer.assessment;
    await ensureIssueLabels(writer);
    const updated = await updateIssue({
        ...issueRef(writer),
        issue,
        labels: retraining.labels,
        reopen: true,
        ...issueContent(writer, state)
    });
    const newly = evaluation.breaches.map(b => `${b.metric} ${b.condition}`);
    const body = retrainingUpdateComment({ newly, worse: [], eased: [], reopened: true }, evaluation, retraining);
    await commentOnIssue({ ...issueRef(writer), issueNumber: issue.number, body });
    writer.writes.push(`reopened #${issue.number}`);
    return updated;
}
/** Rewrites the open issue, and comments when a condition is new, worse or eased. */
async function updateRetrainingIssue(writer, issue, plan) {
    const { evaluation, retraining } = writer.assessment;
    const updated = await updateIssue({
        ...issueRef(writer),
        issue,
        labels: retraining.labels,
        ...issueContent(writer, plan.state)
    });
    writer.writes.push(`updated #${issue.number}`);
    if (plan.newly.length || plan.worse.length || plan.eased.length) {
        const body = retrainingUpdateComment(plan, evaluation, retraining);
        await commentOnIssue({ ...issueRef(writer), issueNumber: issue.number, body });
        writer.writes.push(`commented on #${issue.number}`);
    }
    return updated;
}
/**
 * Rewrites this id's Production line of the living docs on the default branch, in one commit, when its text changes
 * (so once per evaluation day at most). Never creates the page; returns what happened, in words. A failure here
 * (no contents: write, broken markers) is reported, not thrown: the retraining issue is what matters.
 */
async function recordProduction(target, options) {
    const { docsPath } = options;
    try {
        const result = await commitFilesToBranch({
            client: target.client,
            owner: target.owner,
            repo: target.repo,
            branch: options.branch,
            message: `Experiment Review: production status in ${docsPath} [skip ci]`,
            sleep: options.sleep,
            computeFiles: async (read) => {
                const page = await read(docsPath);
                if (page === undefined)
                    return undefined;
                const next = updateProductionLine(page, options.status, { id: options.id, file: docsPath });
                return next === page ? undefined : { [docsPath]: next };
            }
        });
        return result.commitSha
            ? {
                written: true,
                message: `the Production line of ${docsPath} was updated in ${result.commitSha.slice(0, 7)}`
            }
            : {
                written: false,
                message: `the Production line of ${docsPath} is up to date (or the page does not exist)`
            };
    }
    catch (e) {
        const message = e.message;
        const hint = /\b403\b/.test(message)
            ? ' The token cannot write contents: give the monitor job contents: write to keep the Production line, or ignore this.'
            : '';
        return {
            written: false,
            message: `the Production line of ${docsPath} was not written: ${message}${hint}`
        };
    }
}
/** The Production line's facts from an assessment and what the monitor did with the issue. */
function productionStatus(assessment, result, now) {
    const issue = result.issue;
    const open = issue ? result.plan.action !== 'close' : false;
    return {
        evaluatedAt: now.toISOString(),
        runs: assessment.comparison.experiments.flatMap(e => e.runs),
        breaches: assessment.evaluation.breaches.length,
        issue: issue ? { ...issue, open } : undefined
    };
}
/** The repository's default branch, from the event when it says, else from the API. */
async function defaultBranchOf(target, fromEvent) {
    if (fromEvent)
        return fromEvent;
    const { data } = await target.client.rest.repos.get({ owner: target.owner, repo: target.repo });
    return data.default_branch;
}
/** The plan in words, for the log, the job summary and the CLI. */
function describePlan(plan, breaches) {
    switch (plan.action) {
        case 'nothing':
            return plan.why === 'healthy'
                ? own `The production model meets every retraining condition; no issue is open, nothing to do.`
                : own `The production model still breaks ${breaches} retraining condition(s), as the open issue says; nothing changed, nothing written.`;
        case 'open':
            return own `The production model breaks ${breaches} retraining condition(s): opening a retraining issue.`;
        case 'reopen':
            return own `The production model breaks ${breaches} retraining condition(s) again: reopening issue #${plan.issue}, closed recently.`;
        case 'update': {
            const counts = [
                plan.newly.length ? own `${plan.newly.length} newly breached` : undefined,
                plan.worse.length ? own `${plan.worse.length} worse` : undefined,
                plan.eased.length ? own `${plan.eased.length} recovered` : undefined
            ].filter((part) => part !== undefined);
            return own `The retraining issue #${plan.issue} is updated: ${counts.length ? joinOwn(counts, own `, `) : own `its record was restored`}.`;
        }
        case 'record-healthy':
            return own `A healthy evaluation: issue #${plan.issue} stays open until ${plan.state.healthy} healthy evaluation(s) in a row reach the recover_after setting.`;
        case 'close':
            return own `The production model recovered: closing issue #${plan.issue}.`;
    }
}
/** The links of the issue: the living docs on the default branch, the run, the PR that promoted the baseline. */
function issueLinks(owner, repo, options) {
    const branch = options.defaultBranch ?? 'HEAD';
    const pr = options.baseline?.pr?.number;
    return {
        docs: githubUrl(options.serverUrl, owner, repo, 'blob', branch, ...options.docsPath.split('/')),
        run: checkedUrl(options.runUrl),
        baselinePr: Number.isInteger(pr)
            ? githubUrl(options.serverUrl, owner, repo, 'pull', pr)
            : undefined
    };
}
async function writeReport(config, env, comparison) {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const reportPath = reportPathFor(config, env);
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, renderJsonReport(comparison));
    return reportPath;
}
async function summarize(log, line, body) {
    await log.summary(stringify([paragraph(...line)]) + (body ? `\n${body}` : ''));
}
/** Runs monitor mode for a schedule or workflow_dispatch event. */
async function runMonitorMode(ctx) {
    const { config, log } = ctx;
    let assessment;
    try {
        assessment = await assessEvaluation(config);
    }
    catch (e) {
        if (e instanceof MonitorInputError || e instanceof BaselineError) {
            log.error(e.message, { title: 'Experiment Review: monitor' });
            await summarize(log, [
                text `Experiment Review could not judge the evaluation: `,
                untrusted(e.message, 2000)
            ]);
            return { failure: `Experiment Review: ${e.message}` };
        }
        throw e;
    }
    for (const w of assessment.warnings)
        log.warning(w, { title: 'Experiment Review: baseline' });
    const { owner, repo } = repositoryOf(ctx, 'monitor from a workflow');
    const client = await ctx.github(config.token);
    const identity = await resolveTokenIdentity({ client, configured: config.botLogin });
    const payload = ctx.payload;
    const defaultBranch = typeof payload.repository?.default_branch === 'string' ? payload.repository.default_branch : undefined;
    const links = {
        serverUrl: serverUrlOf(ctx.env),
        defaultBranch,
        docsPath: config.docsPath,
        runUrl: workflowRunUrl(ctx.env)
    };
    const reportPath = await writeReport(config, ctx.env, assessment.comparison);
    const result = await runMonitor(assessment, { client, owner, repo, identity, links }, config.id, ctx.now);
    const line = describePlan(result.plan, assessment.evaluation.breaches.length);
    log.notice(line);
    for (const w of result.writes)
        log.info(`Experiment Review ${w}.`);
    const docs = await recordProduction({ client, owner, repo }, {
        branch: await defaultBranchOf({ client, owner, repo }, defaultBranch),
        docsPath: config.docsPath,
        id: config.id,
        status: productionStatus(assessment, result, ctx.now),
        sleep: ctx.sleep
    });
    if (docs.written || !/was not written/.test(docs.message))
        log.info(`Experiment Review: ${docs.message}.`);
    else
        log.warning(`Experiment Review: ${docs.message}`);
    await summarize(log, [text(line)], assessment.evaluation.breaches.length
        ? retrainingIssueBody({
            id: config.id,
            evaluation: assessment.evaluation,
            retraining: assessment.retraining,
            state: { since: ctx.now.toISOString(), changed: ctx.now.toISOString(), reported: {}, healthy: 0 },
            baseline: assessment.baseline,
            evaluatedAt: ctx.now,
            links: issueLinks(owner, repo, { ...links, baseline: assessment.baseline })
        })
        : undefined);
    return {
        verdict: assessment.evaluation.breaches.length ? 'fail' : 'pass',
        reportPath,
        issueUrl: result.issue?.url,
        champion: assessment.comparison.champion?.name
    };
}

export { MonitorInputError, assessEvaluation, defaultBranchOf, describePlan, issueLinks, loadBaselineOfCheckout, planRetrainingIssue, productionStatus, recordProduction, runMonitor, runMonitorMode };
