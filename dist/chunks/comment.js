import { c as GITHUB_BODY_LIMIT } from './conventions.js';
import { l as learningCurve } from './chart.js';
import { w as shortSha, x as metricSentence, y as goalArrow, d as decimalsFor, z as metricIcon, f as fmtStat, i as fmtChange, j as fmtMeaning, A as fmtRules } from './text.js';
import { t as text, h as untrusted, e as untrustedCode, p as paragraph, i as strong, M as bulletList, o as own, H as root, a5 as marker, L as heading, W as table, b as verdictWords, u as unknownMetricText, v as violationMessage, m as missingEvidenceText, a as unreadableEvidenceText, X as details, x as hypothesisReason, A as notLikeForLikeText, z as warningMessage, k as link, a6 as small, g as githubUrl, V as statisticsSentence, T as unreadableLabel, U as readErrorsText, y as checklistDetail } from './findings.js';
import { s as stringify } from './markdown.js';
import { p as plotsBlocks } from './plots.js';
import { a as selectionBlocks, b as sweepBlocks } from './sweep.js';

// The `/experiments` slash commands: their exact grammar, as a pure parser. The report names a command (in a hint,
// the footer or the help text) only when its word is listed in SUPPORTED_COMMANDS, and a test checks every
// `/experiments` word in a rendered comment against this list.
//
// Grammar (only the comment's first line is read; leading and trailing blanks are ignored):
//
//   /experiments help
//   /experiments accept <metric> <reason…>     the reason is the rest of the line (required)
//   /experiments champion <run>
//   /experiments refresh
//
// `/experiments` and the command word are matched without regard to case; metric and run names are exact (case
// matters, as it does in the runs). A name holding blanks or quotes is written in double quotes, with `\"` and `\\`
// inside: `/experiments champion "resnet 50 (seed 2)"`. One command per comment: a comment whose first line is a
// command and whose later lines hold another `/experiments` line is refused as ambiguous. A first line that starts
// with `/experiments` but does not fit the grammar is answered with the help text; any other comment is not a command.
/** The `/experiments` command words this build's parser accepts, in the order the help text lists them. */
const SUPPORTED_COMMANDS = ['help', 'accept', 'champion', 'refresh'];
/** The longest metric or run name a command takes. */
const MAX_COMMAND_NAME_LENGTH = 200;
/** The longest reason an accept takes (it is kept in the comment and the living docs). */
const MAX_ACCEPT_REASON_LENGTH = 500;
const PREFIX = /^\/experiments(?=$|[ \t])/i;
// Control characters other than the tab are refused in names and reasons (they could disguise text).
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
/** The first line of a comment and the number of later lines that also start a command. */
function splitLines(body) {
    const lines = body.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
    const first = lines[0]?.trim() ?? '';
    const laterCommands = lines.slice(1).filter(l => PREFIX.test(l.trim())).length;
    return { first, laterCommands };
}
/** Reads one token: a double-quoted string (with `\"` and `\\`) or a run of non-blank characters. */
function readToken(text) {
    const s = text.replace(/^[ \t]+/, '');
    if (!s)
        return undefined;
    if (s[0] !== '"') {
        const end = s.search(/[ \t]/);
        return end < 0 ? { token: s, rest: '' } : { token: s.slice(0, end), rest: s.slice(end) };
    }
    let token = '';
    for (let i = 1; i < s.length; i++) {
        const c = s[i];
        if (c === '\\' && (s[i + 1] === '"' || s[i + 1] === '\\')) {
            token += s[++i];
        }
        else if (c === '"') {
            return { token, rest: s.slice(i + 1) };
        }
        else
            token += c;
    }
    return 'unclosed';
}
/** The reason of an accept: the rest of the line; a reason written wholly in double quotes loses them. */
function readReason(rest) {
    const trimmed = rest.trim();
    const quoted = readToken(trimmed);
    if (trimmed.startsWith('"') && typeof quoted === 'object' && !quoted.rest.trim())
        return quoted.token.trim();
    return trimmed;
}
const clean = (value) => value.replace(CONTROL, ' ');
/** Parses a comment body into the command it asks for (see the grammar at the top of this file). */
function parseCommand(body) {
    const { first, laterCommands } = splitLines(body);
    const prefix = PREFIX.exec(first);
    if (!prefix)
        return { kind: 'none' };
    if (laterCommands)
        return { kind: 'invalid', problem: { kind: 'several-commands', lines: laterCommands + 1 } };
    const afterPrefix = first.slice(prefix[0].length);
    const wordToken = readToken(afterPrefix);
    if (!wordToken || wordToken === 'unclosed')
        return { kind: 'invalid', problem: { kind: 'no-word' } };
    const word = wordToken.token.toLowerCase();
    const rest = wordToken.rest;
    if (!SUPPORTED_COMMANDS.includes(word))
        return { kind: 'invalid', problem: { kind: 'unknown-word', word: wordToken.token.slice(0, 40) } };
    const command = word;
    const tooLong = (argument, value, limit) => value.length > limit
        ? {
            kind: 'invalid',
            problem: { kind: 'too-long', word: command, argument, length: value.length, limit }
        }
        : undefined;
    if (command === 'help' || command === 'refresh') {
        if (rest.trim())
            return { kind: 'invalid', problem: { kind: 'extra-arguments', word: command } };
        return { kind: command };
    }
    const name = readToken(rest);
    if (name === 'unclosed')
        return { kind: 'invalid', problem: { kind: 'unclosed-quote', word: command } };
    const argument = command === 'accept' ? 'metric' : 'run';
    if (!name || !name.token.trim())
        return { kind: 'invalid', problem: { kind: 'missing-argument', word: command, argument } };
    const value = clean(name.token);
    const long = tooLong(argument, value, MAX_COMMAND_NAME_LENGTH);
    if (long)
        return long;
    if (command === 'champion') {
        if (name.rest.trim())
            return { kind: 'invalid', problem: { kind: 'extra-arguments', word: command } };
        return { kind: 'champion', run: value };
    }
    const reason = clean(readReason(name.rest));
    if (!reason)
        return { kind: 'invalid', problem: { kind: 'missing-argument', word: command, argument: 'reason' } };
    return tooLong('reason', reason, MAX_ACCEPT_REASON_LENGTH) ?? { kind: 'accept', metric: value, reason };
}

/** Each command as the help text and the footer show it, with what it does. */
const COMMAND_USAGE = {
    help: { usage: '/experiments help', does: own `lists these commands.` },
    accept: {
        usage: '/experiments accept <metric> <reason>',
        does: own `accepts the named metric's broken rule for the PR's current head commit only (a new push needs a new acceptance); the gate turns green when nothing else is broken, and the reason is kept in the comment and, on merge, in the living docs.`
    },
    champion: {
        usage: '/experiments champion <run>',
        does: own `makes a finished run of this PR the one promoted on merge, instead of the best on the primary metric.`
    },
    refresh: {
        usage: '/experiments refresh',
        does: own `re-renders this comment from the last review, without re-reading runs.`
    }
};
/** The commands in inline code, for a sentence or the footer: `/experiments accept <metric> <reason>` · … */
function commandList(words = SUPPORTED_COMMANDS) {
    return words.flatMap((w, i) => [...(i ? [text ` · `] : []), untrustedCode(COMMAND_USAGE[w].usage)]);
}
/** The footer line of the sticky comment that names the commands and who may use them. */
function commandsFooter(permission, words = SUPPORTED_COMMANDS) {
    return [
        text `Commands (repository `,
        untrusted(permission, 20),
        text ` access or more): `,
        ...commandList(words)
    ];
}
/** What was wrong with a line that starts with `/experiments`, in words. */
function commandProblemText(problem) {
    switch (problem.kind) {
        case 'no-word':
            return '/experiments needs a command word.';
        case 'unknown-word':
            return `"${problem.word}" is not a command.`;
        case 'missing-argument':
            return `${problem.word} needs a ${problem.argument}.`;
        case 'extra-arguments':
            return `${problem.word} takes ${problem.word === 'champion' ? 'one run name (quote a name that holds blanks)' : 'nothing after it'}.`;
        case 'unclosed-quote':
            return `a quoted name after ${problem.word} has no closing quote.`;
        case 'too-long':
            return `the ${problem.argument} is ${problem.length} characters long; at most ${problem.limit} are kept.`;
        case 'several-commands':
            return `the comment holds ${problem.lines} lines that start with /experiments; write one command per comment, on its first line.`;
    }
}
/** The help text: what went wrong (for a line that was not understood), then every command and the grammar. */
function helpBlocks(permission, problem) {
    const blocks = [];
    if (problem)
        blocks.push(paragraph(strong(text `Not understood: `), untrusted(commandProblemText(problem), 300)));
    blocks.push(paragraph(text `Experiment Review commands, for people with `, untrusted(permission, 20), text ` access to the repository or more. Write one command on the first line of a new comment:`), bulletList(SUPPORTED_COMMANDS.map(w => [untrustedCode(COMMAND_USAGE[w].usage), text ` ${COMMAND_USAGE[w].does}`])), paragraph(text `Command words are read without regard to case; metric and run names are exact. Quote a name that holds blanks: `, untrustedCode('/experiments champion "resnet 50 seed 2"'), text `. A reason is the rest of the line (at most ${MAX_ACCEPT_REASON_LENGTH} characters).`));
    return blocks;
}
const names = (list) => list
    .slice(0, 10)
    .flatMap((n, i) => [...(i ? [text `, `] : []), untrustedCode(n)])
    .concat(list.length > 10 ? [text ` and ${list.length - 10} more`] : []);
/** The reply to a refused command: one short paragraph saying why and what to do. */
function refusalBlocks(refusal) {
    const p = (...children) => [paragraph(text `Not done: `, ...children)];
    switch (refusal.kind) {
        case 'permission':
            return p(untrustedCode(refusal.login), text ` has `, refusal.has === 'none' ? text `no` : untrusted(refusal.has, 20), text ` access to this repository; these commands need `, untrusted(refusal.needs, 20), text ` access or more (commands.permission in the rules file).`);
        case 'permission-unreadable':
            return p(text `the repository permission of `, untrustedCode(refusal.login), text ` could not be read, so the command is refused (it needs `, untrusted(refusal.needs, 20), text ` access or more). The job's log says why; try again later.`);
        case 'closed':
            return p(refusal.merged
                ? text `this pull request is merged; its decisions were taken by the promotion and can no longer change.`
                : text `this pull request is closed; reopen it to change its review.`);
        case 'no-review':
            return p(text `this pull request has no experiment review yet; wait for the review job to post it.`);
        case 'no-snapshot':
            return p(text `the review comment holds no last review this version can read (the review was too large to keep, or was posted by an older version); push or re-run the review job.`);
        case 'stale':
            return p(text `the review shows head `, untrustedCode(shortSha(refusal.reviewed)), text `, but the pull request is now at `, untrustedCode(shortSha(refusal.head)), text `; wait for the review of the new head, then decide on what it shows.`);
        case 'not-regressed':
            return p(untrustedCode(refusal.metric), text ` has no broken rule at head `, untrustedCode(shortSha(refusal.head)), ...(refusal.regressed.length
                ? [text `; the broken ones are `, ...names(refusal.regressed), text `.`]
                : [text `; no rule is broken, so there is nothing to accept.`]));
        case 'unknown-run':
            return p(untrustedCode(refusal.run), text ` is not a run of this pull request`, ...(refusal.finished.length
                ? [text `; its finished runs are `, ...names(refusal.finished), text `.`]
                : [text `; none of its runs finished.`]));
        case 'run-not-finished':
            return p(untrustedCode(refusal.run), text ` is `, untrusted(refusal.status, 20), text `, not finished; only a finished run can be promoted.`);
    }
}
/** The reply when an accept was recorded but GitHub refused the gate's update (the status or the re-run). */
function gateNotUpdatedBlocks(message) {
    return [
        paragraph(text `The acceptance is recorded in the review comment, but the gate could not be updated: `, untrusted(message, 600), text ` Re-run the failed review jobs by hand, or grant the permission named above to the command job.`)
    ];
}
/** A reply comment to a command: the reply marker first (so no command ever reads it as one), then the blocks. */
function renderReply(id, blocks) {
    return stringify(root([marker(id, 'reply'), ...blocks]));
}
const day = (iso) => iso.slice(0, 10);
/**
 * The comment's section of reviewers' decisions: acceptances that cover the reviewed head, those made on earlier
 * heads (which no longer count), and the champion pick. Empty when there is none.
 */
function decisionsBlocks(decisions, head) {
    if (!decisions.length)
        return [];
    const items = [];
    const latest = new Map();
    for (const d of decisions)
        latest.set(d.kind === 'accept' ? `accept:${d.head}:${d.metric}` : 'champion', d);
    for (const d of latest.values()) {
        const who = [untrusted(d.by, 40), text ` on `, untrusted(day(d.at), 10)];
        if (d.kind === 'accept') {
            const current = d.head === head;
            items.push([
                current ? text `✔️ ` : text `⏮️ `,
                untrustedCode(d.metric),
                text ` regression accepted by `,
                ...who,
                text ` for head `,
                untrustedCode(shortSha(d.head)),
                ...(current ? [] : [text ` (an earlier head: it does not cover this one)`]),
                text `: `,
                untrusted(d.reason, MAX_ACCEPT_REASON_LENGTH)
            ]);
        }
        else {
            items.push([text `🏆 `, untrustedCode(d.run), text ` picked as the champion by `, ...who]);
        }
    }
    return [paragraph(strong(text `Reviewer decisions`)), bulletList(items)];
}

/** Settings listed in the comment; the rest are counted. */
const RULE_CHANGES_SHOWN = 30;
function settingValue(value) {
    return untrustedCode(typeof value === 'string' ? value : JSON.stringify(value), 80);
}
/** The comment's section on a pull request that adds, changes or deletes the rules file. */
function rulesChangeBlocks(view) {
    if (view.kind === 'added')
        return [
            paragraph(text `This PR adds the rules file `, untrustedCode(view.file), text `; there is none at the base, so this review is judged by it.`)
        ];
    const base = view.baseSha
        ? [text ` at the base `, untrustedCode(shortSha(view.baseSha))]
        : [text ` at the base`];
    const blocks = [
        heading(3, text `⚠️ This PR ${view.kind === 'deleted' ? own `deletes` : own `changes`} the rules file`),
        paragraph(text `This review is judged by `, untrustedCode(view.file), ...base, view.kind === 'deleted'
            ? text `. Once the PR merges, reviews use the default rules (no rules file).`
            : text `. The proposed rules apply once the PR merges.`)
    ];
    const settings = view.settings ?? [];
    if (settings.length) {
        const shown = settings.slice(0, RULE_CHANGES_SHOWN);
        blocks.push(table(['left', 'left', 'left'], [own `Setting`, own `At the base`, own `This PR`], shown.map(s => [
            untrustedCode(s.path.join('.'), 120),
            s.before === undefined ? own `—` : settingValue(s.before),
            s.after === undefined ? own `—` : settingValue(s.after)
        ])));
        if (settings.length > shown.length)
            blocks.push(paragraph(text `… and ${settings.length - shown.length} more settings.`));
    }
    if (view.proposed)
        blocks.push(...proposedVerdict(view.proposed));
    return blocks;
}
function proposedVerdict(c) {
    const { sign, words } = verdictWords(c);
    const broken = c.violations.filter(v => !v.accepted);
    return [
        paragraph(strong(text `Under the proposed rules:`), text ` ${sign} ${words}.`),
        ...(broken.length || c.unknownMetrics
            ? [
                bulletList([
                    ...(c.unknownMetrics ?? []).map(u => [untrusted(unknownMetricText(u), 400)]),
                    ...broken.map(v => [untrusted(violationMessage(v), 200)])
                ])
            ]
            : [])
    ];
}

const BUDGETS = [
    {
        runs: 50,
        params: 60,
        warnings: 30,
        curves: 3,
        curvePoints: 40,
        checklists: 10,
        sweep: { parameters: 3, foldedParameters: 20, levels: 12, neighbours: 5, foldedNeighbours: 20 }
    },
    {
        runs: 20,
        params: 30,
        warnings: 15,
        curves: 2,
        curvePoints: 20,
        checklists: 5,
        sweep: { parameters: 3, foldedParameters: 10, levels: 10, neighbours: 5, foldedNeighbours: 10 }
    },
    {
        runs: 10,
        params: 15,
        warnings: 8,
        curves: 1,
        curvePoints: 12,
        checklists: 3,
        sweep: { parameters: 2, foldedParameters: 5, levels: 8, neighbours: 5, foldedNeighbours: 5 }
    },
    {
        runs: 5,
        params: 8,
        warnings: 5,
        curves: 0,
        curvePoints: 0,
        checklists: 1,
        sweep: { parameters: 1, foldedParameters: 0, levels: 6, neighbours: 3, foldedNeighbours: 0 }
    }
];
/** Renders the PR comment, folding more until it fits under GitHub's body limit (GITHUB_BODY_LIMIT). */
function renderComment(c, ctx = {}, extras = {}) {
    return buildComment(c, ctx, extras).markdown;
}
/** The PR comment as the tree that was stringified and its markdown: the largest budget that fits the limit. */
function buildComment(c, ctx = {}, extras = {}) {
    const state = extras.state ?? [];
    const stateLength = state.reduce((n, block) => n + block.value.length + 2, 0);
    for (const budget of BUDGETS) {
        const tree = root([...commentTree(c, ctx, budget, extras), ...state]);
        const markdown = stringify(tree);
        if (markdown.length < GITHUB_BODY_LIMIT - 1000)
            return { tree, markdown };
    }
    // The smallest budget still too long (thousands of metrics): keep the verdict and say where the rest is.
    const tree = root([
        marker(c.id),
        ...verdictBlock(c, ctx.rulesFile),
        ...(ctx.rulesChange ? rulesChangeBlocks(ctx.rulesChange) : []),
        paragraph(text `The full comparison (${c.metrics.length} metrics, ${c.experiments.length} runs) is too long for a comment; see the job summary and the JSON report.`),
        ...(extras.decisions ?? []),
        ...(stateLength < GITHUB_BODY_LIMIT / 2 ? state : [])
    ]);
    return { tree, markdown: stringify(tree) };
}
/** The comment's blocks with a given budget. */
function commentTree(c, ctx, budget = BUDGETS[0], extras = {}) {
    return [
        marker(c.id),
        ...verdictBlock(c, ctx.rulesFile),
        ...(ctx.rulesChange ? rulesChangeBlocks(ctx.rulesChange) : []),
        ...championLine(c, ctx),
        ...selectionBlocks(c),
        ...metricsTable(c),
        ...inWords(c),
        ...hypotheses(c),
        ...notLikeForLike(c),
        ...acceptHint(c, ctx),
        ...(extras.decisions ?? []),
        ...sweepBlocks(c, budget.sweep),
        ...whatChanged(c, budget),
        ...allRuns(c, budget),
        ...warnings(c, budget),
        ...curves(c, budget),
        ...plotsBlocks(ctx.plots, budget.curves),
        ...checklists(c, budget, ctx),
        ...footer(ctx, extras.commandPermission)
    ];
}
/** The verdict heading. */
function verdictBlock(c, rulesFile) {
    const id = c.id === 'default' ? [] : [text ` (`, untrusted(c.id, 60), text `)`];
    const broken = c.violations.filter(v => !v.accepted);
    const { sign, words } = verdictWords(c);
    const blocks = [heading(2, text `${sign} Experiment review`, ...id, text `: ${words}`)];
    if (c.missingEvidence)
        blocks.push(paragraph(untrusted(missingEvidenceText(c.missingEvidence), 2000)));
    if (c.unknownMetrics)
        blocks.push(bulletList(c.unknownMetrics.map(u => [untrusted(unknownMetricText(u, rulesFile), 400)])));
    if (c.unreadableEvidence)
        blocks.push(bulletList(c.unreadableEvidence.map(u => [untrusted(unreadableEvidenceText(u, rulesFile), 1200)])));
    if (broken.length) {
        blocks.push(bulletList(broken.map(v => [untrusted(violationMessage(v), 200)])));
    }
    if (!c.champion && !c.missingEvidence?.noRuns) {
        blocks.push(paragraph(text `No finished run was found in this PR, so nothing was compared. Check the runs input and the warnings below.`));
    }
    return blocks;
}
function championLine(c, ctx) {
    if (!c.champion)
        return [];
    const total = c.experiments.length;
    const parts = [
        strong(untrustedCode(c.champion.name)),
        total > 1 ? text ` is this PR's best run (of ${total})` : text ` is this PR's run`,
        ...(c.primary ? [text ` on `, strong(untrusted(c.primary))] : []),
        text `, `
    ];
    if (c.baseline) {
        parts.push(text `compared with the baseline `, strong(untrustedCode(c.baseline.name)));
        const branch = ctx.baseBranch ?? 'main';
        parts.push(text ` from `, untrusted(branch));
        const sha = c.baseline.commit ?? ctx.baseSha;
        if (sha)
            parts.push(text ` @ `, commitRef(sha, ctx));
        if (c.baseline.pr)
            parts.push(text ` (`, prRef(c.baseline.pr, ctx), text `)`);
        parts.push(text `.`);
        const n = c.champion.metrics[c.primary ?? '']?.n ?? 1;
        if (n > 1 || c.baseline.samples > 1)
            parts.push(text ` ${n} sample${n === 1 ? own `` : own `s`} in this PR, ${c.baseline.samples} in the baseline.`);
    }
    else {
        parts.push(text `with no baseline to compare against yet: the first merge with runs sets it.`);
    }
    return [paragraph(...parts)];
}
function metricsTable(c) {
    if (!c.metrics.length)
        return [];
    const other = new Set(c.otherSeries);
    const main = c.metrics.filter(m => !other.has(m.name));
    const bookkeeping = c.metrics.filter(m => other.has(m.name));
    return [
        ...(main.length ? [metricTable(c, main)] : []),
        ...statisticsNote(c),
        ...(bookkeeping.length
            ? details(own `Other series (${bookkeeping.length}): epoch, step, learning rate, runtime and other bookkeeping, never ranked on`, [metricTable(c, bookkeeping)])
            : [])
    ];
}
/** The metrics table: metric, baseline, this PR, change and verdict. */
function metricTable(c, metrics) {
    const rows = metrics.map(m => {
        const d = decimalsFor(m.baseline?.value, m.current?.value);
        const name = [
            m.name === c.primary || m.broken ? strong(untrusted(m.name)) : untrusted(m.name),
            text ` ${goalArrow(m)}`
        ];
        return [metricIcon(m), name, fmtStat(m.baseline, d), fmtStat(m.current, d), fmtChange(m), verdictCell(m)];
    });
    return table(['center', null, 'right', 'right', 'right', null], [own ``, own `metric`, own `baseline`, own `this PR`, own `change`, own `verdict`], rows);
}
/** What the p-values are: two-sided labels, the gate's one-sided adjusted question, the best-of-k selection. */
function statisticsNote(c) {
    const tested = c.metrics.some(m => m.significance?.tested);
    if (!tested && !c.gate.family)
        return [];
    return small([text(statisticsSentence(c))]);
}
/** The tested metrics in words: "accuracy −0.80 pts (p = 0.41, within noise)". */
function inWords(c) {
    const tested = c.metrics.filter(m => m.significance && m.change !== undefined).slice(0, 6);
    if (!tested.length)
        return [];
    const sentences = tested.map(metricSentence).join('; ');
    return [paragraph(text `In words: `, untrusted(sentences, 1000), text `.`)];
}
const VERDICT_ICON = { supported: own `✅`, 'not supported': own `❌`, inconclusive: own `❔` };
const VERDICT_WORDS = {
    supported: own `supported`,
    'not supported': own `not supported`,
    inconclusive: own `inconclusive`
};
/** Each run's stated hypothesis and success criteria with the verdict, champion first. */
function hypotheses(c) {
    const stated = c.hypotheses.filter(h => h.hypothesis || h.criteria).slice(0, 5);
    return stated.map(h => paragraph(text `${VERDICT_ICON[h.verdict]} `, strong(text `Hypothesis`), text ` of `, untrustedCode(h.run), text `: `, ...(h.hypothesis ? [untrusted(h.hypothesis, 300)] : []), ...(h.criteria
        ? [
            h.hypothesis ? text ` (success: ` : text `success: `,
            untrusted(h.criteria, 200),
            ...(h.hypothesis ? [text `)`] : [])
        ]
        : []), text ` — `, strong(text `${VERDICT_WORDS[h.verdict]}`), text `: `, untrusted(hypothesisReason(h), 300)));
}
/** What a change means and the rules' state; the rules part names who accepted a regression and why (untrusted). */
function verdictCell(m) {
    return [text `${fmtMeaning(m)}; `, untrusted(fmtRules(m), 600)];
}
function notLikeForLike(c) {
    if (!c.notLikeForLike.length)
        return [];
    return [
        paragraph(text `⚠️ `, strong(text `Not like for like:`), text ` `, untrusted(c.notLikeForLike.map(notLikeForLikeText).join('; '), 400), text `. The comparison mixes a model change with a change in what it was measured on.`)
    ];
}
/** How to accept a broken rule, only when this build's command parser accepts `/experiments accept`. */
function acceptHint(c, ctx) {
    if (!(ctx.commands ?? SUPPORTED_COMMANDS).includes('accept'))
        return [];
    const metrics = [...new Set(c.violations.filter(v => !v.accepted).map(v => v.metric))];
    if (!metrics.length)
        return [];
    const first = metrics[0];
    return [
        paragraph(text `To accept ${metrics.length === 1 ? own `this regression` : own `a regression`}, a reviewer with write access comments `, untrustedCode(`/experiments accept ${first} <reason>`), text `.`)
    ];
}
function whatChanged(c, budget) {
    if (!c.baseline || (!c.params.length && !c.context.length))
        return [];
    const rows = [];
    for (const p of c.params.slice(0, budget.params)) {
        const suffix = p.kind === 'added' ? [text ` (added)`] : p.kind === 'removed' ? [text ` (removed)`] : [];
        rows.push([
            [untrusted(p.name)],
            p.kind === 'added' ? own `—` : [untrusted(p.baseline)],
            p.kind === 'removed' ? own `—` : [untrusted(p.current), ...suffix]
        ]);
    }
    if (c.params.length > budget.params)
        rows.push([own `… ${c.params.length - budget.params} more`]);
    for (const x of c.context) {
        const label = x.what === 'environment' ? `environment: ${x.key}` : x.what;
        const cell = (v) => v === undefined ? own `—` : x.what === 'code commit' ? [untrustedCode(shortSha(v))] : [untrusted(v)];
        rows.push([[untrusted(label)], cell(x.baseline), cell(x.current)]);
    }
    const parts = [
        ...(c.params.length ? [text `${c.params.length} parameter${c.params.length === 1 ? own `` : own `s`}`] : []),
        ...[...new Set(c.context.map(x => x.what))].map(what => untrusted(what))
    ].flatMap((part, i) => (i ? [text `, `, part] : [part]));
    return details([text `What changed: `, ...parts], [table([null, null, null], [own ``, own `baseline`, own `this PR`], rows)]);
}
function allRuns(c, budget) {
    if (c.experiments.length < 2)
        return [];
    const columns = runColumns(c);
    const shown = c.experiments.slice(0, budget.runs);
    const withTargets = Object.values(c.criteria).some(list => list.length > 0);
    const rows = shown.map((e, i) => [
        [untrustedCode(e.name), ...(i === 0 && e.name === c.champion?.name ? [text ` 🏆`] : [])],
        ...columns.map(m => cellValue(e, m)),
        ...(withTargets ? [targetsCell(c.criteria[e.name] ?? [])] : []),
        statusCell(e)
    ]);
    if (c.experiments.length > shown.length) {
        rows.push([own `… ${c.experiments.length - shown.length} more runs in the JSON report`]);
    }
    const header = [
        own `run`,
        ...columns.map(m => [untrusted(m.name), text ` ${goalArrow(m)}`]),
        ...(withTargets ? [own `targets`] : []),
        own `status`
    ];
    const align = [null, ...columns.map(() => 'right'), ...(withTargets ? [null] : []), null];
    return details(own `All runs (${c.experiments.length}), best first`, [table(align, header, rows)]);
}
function runColumns(c) {
    const gated = c.metrics.filter(m => m.gated || m.name === c.primary);
    return (gated.length ? gated : c.metrics).slice(0, 4);
}
function cellValue(e, metric) {
    const stat = e.metrics[metric.name];
    if (!stat)
        return own `—`;
    return fmtStat(stat, decimalsFor(stat.value));
}
/** The rules file's absolute targets for one run: "✅ f1 ≥ 0.85 · ❌ latency_ms ≤ 50". */
function targetsCell(criteria) {
    if (!criteria.length)
        return own `—`;
    return [
        untrusted(criteria.map(x => `${x.met === undefined ? '➖' : x.met ? '✅' : '❌'} ${x.text}`).join(' · '), 400)
    ];
}
function statusCell(e) {
    const n = e.runs.length > 1 ? own ` (${e.runs.length} runs)` : own ``;
    if (e.unreadable) {
        const [first] = e.unreadable;
        const which = e.runs.length > 1 ? `${first.run}: ` : '';
        const more = e.unreadable.length > 1 ? ` (and ${e.unreadable.length - 1} more runs)` : '';
        return [
            text `⚠️ ${unreadableLabel(e.unreadable.flatMap(u => u.errors))}: `,
            untrusted(`${which}${readErrorsText(first.errors)}${more}`, 160)
        ];
    }
    if (e.status === 'failed')
        return [text `❌ failed`, ...(e.statusReason ? [text `: `, untrusted(e.statusReason, 80)] : [])];
    if (e.status === 'running')
        return own `⏳ still running${n}`;
    if (e.status === 'killed')
        return own `⚠️ killed${n}`;
    return own `✅${n}`;
}
function warnings(c, budget) {
    const items = c.warnings;
    if (!items.length)
        return [];
    const shown = items.slice(0, budget.warnings).map(w => [untrusted(warningMessage(w), 300)]);
    if (items.length > shown.length)
        shown.push([text `… ${items.length - shown.length} more in the job summary`]);
    const list = bulletList(shown);
    const title = own `⚠️ Warnings (${items.length})`;
    return items.length > 5 ? details(title, [list]) : [paragraph(text(title)), list];
}
function curves(c, budget) {
    const out = [];
    // The primary first, bookkeeping series (learning rate, epoch …) last: the few charts shown are the telling ones.
    const rank = (metric) => (metric === c.primary ? 0 : c.otherSeries.includes(metric) ? 2 : 1);
    const preferred = [...c.curves].sort((a, b) => rank(a.metric) - rank(b.metric));
    for (const curve of preferred.slice(0, budget.curves)) {
        const blocks = learningCurve(curve, {
            baselineName: c.baseline?.name,
            currentName: c.champion?.name ?? 'this PR',
            maxPoints: budget.curvePoints
        });
        if (blocks.length)
            out.push(...details([text `Learning curve: `, untrusted(curve.metric)], blocks));
    }
    return out;
}
function checklists(c, budget, ctx) {
    const lists = c.reproducibility.slice(0, budget.checklists);
    if (!lists.length)
        return [];
    const champion = lists[0];
    const ok = champion.items.filter(i => i.ok).length;
    const blocks = [];
    for (const list of lists) {
        if (lists.length > 1)
            blocks.push(paragraph(strong(untrustedCode(list.run))));
        blocks.push(bulletList(list.items.map(i => [i.ok ? text `✅ ` : text `⚠️ `, ...checklistWords(i, ctx)])));
    }
    return details(own `Reproducibility: ${ok} of ${champion.items.length}`, blocks);
}
/** A checklist item in words; a recorded data version as code, a code commit short and linked to its page. */
function checklistWords(item, ctx) {
    if (item.check === 'code commit' && item.value)
        return [text `code commit `, commitRef(item.value, ctx)];
    if (item.check === 'data version' && item.value)
        return [text `data version `, untrustedCode(item.value)];
    return [untrusted(checklistDetail(item), 160)];
}
/** A commit as inline code, linked to the commit page when the sha is hex and the repository URL is known. */
function commitRef(sha, ctx) {
    const short = untrustedCode(shortSha(sha));
    const url = /^[0-9a-f]{7,40}$/i.test(sha) ? githubUrl(ctx.repositoryUrl, 'commit', sha) : undefined;
    return url ? link(url, short) : short;
}
/** "PR #12", linked to the pull request when the repository URL is known. */
function prRef(pr, ctx) {
    const url = Number.isInteger(pr) && pr > 0 ? githubUrl(ctx.repositoryUrl, 'pull', pr) : undefined;
    return url ? link(url, text `PR #${pr}`) : text `PR ${Number.isInteger(pr) ? own `${pr}` : own `?`}`;
}
/** The small print: what was reviewed against what, the checks, the rules used, and the commands (when there are any). */
function footer(ctx, commandPermission) {
    const parts = [text `Experiment Review`];
    if (ctx.headSha)
        parts.push(text ` · reviewed PR head `, commitRef(ctx.headSha, ctx));
    if (ctx.baseSha)
        parts.push(ctx.baseBranch ? text ` against ` : text ` against base `, ...(ctx.baseBranch ? [untrusted(ctx.baseBranch), text ` `] : []), commitRef(ctx.baseSha, ctx));
    if (ctx.runUrl)
        parts.push(text ` · `, link(ctx.runUrl, text `checks`));
    parts.push(text ` · `, ctx.defaultRules || !ctx.rulesFile
        ? text `default rules (no rules file)`
        : untrusted(`rules from ${ctx.rulesFile}`));
    const commands = ctx.commands ?? SUPPORTED_COMMANDS;
    if (commandPermission && commands.length)
        parts.push(text ` · `, ...commandsFooter(commandPermission, commands));
    else if (commands.includes('help'))
        parts.push(text ` · `, untrustedCode('/experiments help'), text ` lists the commands`);
    return small(parts);
}

var comment = /*#__PURE__*/Object.freeze({
    __proto__: null,
    buildComment: buildComment,
    commentTree: commentTree,
    renderComment: renderComment,
    verdictBlock: verdictBlock
});

export { renderReply as a, buildComment as b, comment as c, decisionsBlocks as d, gateNotUpdatedBlocks as g, helpBlocks as h, parseCommand as p, refusalBlocks as r };
