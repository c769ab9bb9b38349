import { H as thresholdText } from './findings.js';
import { d as decimalsFor, f as fmtStat, h as fmtNumber, a as fmtChange, b as fmtMeaning } from './detect.js';
import { s as stringify, d as trustedHtml, a as untrustedCode, t as text, r as root, p as paragraph, b as bulletList, h as heading, c as strong, n as neutralize, e as table, f as details, l as link, u as untrusted } from './mdast.js';
import { p as plain, d as columns } from './text.js';

const PREFIX = '<!-- experiment-review:state:';
/** A hidden block holding `value` as JSON under `kind` (letters, digits, `-` and `_`). */
function hiddenState(kind, value) {
    const encoded = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    return trustedHtml(`${PREFIX}${kind.replace(/[^A-Za-z0-9_-]/g, '-')}:${encoded} -->`);
}
/** The JSON value of the first hidden block of `kind` in a body, or undefined when there is none or it is unreadable. */
function readHiddenState(body, kind) {
    const prefix = `${PREFIX}${kind}:`;
    const start = body.indexOf(prefix);
    if (start < 0)
        return undefined;
    const match = /^([A-Za-z0-9_-]{1,60000}) -->/.exec(body.slice(start + prefix.length));
    if (!match)
        return undefined;
    try {
        return JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** The body with its hidden block of `kind` replaced by `value` (added at the top when it has none); nothing else changes. */
function replaceHiddenState(body, kind, value) {
    const block = stringify([hiddenState(kind, value)]).trimEnd();
    const pattern = new RegExp(`${PREFIX}${kind}:[A-Za-z0-9_-]* -->`);
    return pattern.test(body) ? body.replace(pattern, () => block) : `${block}\n${body}`;
}

/** The hidden-state kind of the retraining issue. */
const MONITOR_STATE_KIND = 'monitor';
function valueText(m, value) {
    return fmtNumber(value, decimalsFor(m.baseline?.value, m.current?.value, value));
}
/** A breached condition in words: "below 0.85", "above 0.3", "drop > 1%", "rise > 10 ms". */
function conditionText(b, retraining) {
    const c = retraining.when[b.metric] ?? {};
    switch (b.condition) {
        case 'below':
            return `below ${c.below}`;
        case 'above':
            return `above ${c.above}`;
        case 'max_drop':
            return `drop > ${c.maxDrop ? thresholdText(c.maxDrop) : '?'}`;
        case 'max_rise':
            return `rise > ${c.maxRise ? thresholdText(c.maxRise) : '?'}`;
    }
}
/** The issue title: the first breached metric with its numbers and conditions, and how many more metrics. */
function retrainingIssueTitle(evaluation, retraining, id) {
    const scope = id === 'default' ? '' : ` [${id}]`;
    const metrics = [...new Set(evaluation.breaches.map(b => b.metric))];
    if (!metrics.length)
        return `Retraining${scope}: the production model is healthy`;
    const first = evaluation.breaches.filter(b => b.metric === metrics[0]);
    const { comparison, value, baseline } = first[0];
    const conditions = first.map(b => conditionText(b, retraining)).join(' and ');
    const base = baseline !== undefined ? ` (baseline ${valueText(comparison, baseline)})` : '';
    const more = metrics.length > 1 ? `, and ${metrics.length - 1} more metric${metrics.length > 2 ? 's' : ''}` : '';
    return `Retraining needed${scope}: ${neutralize(metrics[0], 60)} ${valueText(comparison, value)}, ${conditions}${base}${more}`;
}
function day(iso) {
    return iso.slice(0, 10);
}
function breachTable(evaluation, retraining) {
    const rows = evaluation.breaches.map(b => {
        const d = decimalsFor(b.comparison.baseline?.value, b.comparison.current?.value);
        return [
            [untrustedCode(b.metric, 60)],
            [text(conditionText(b, retraining))],
            [text(fmtStat(b.comparison.current, d))],
            [text(fmtStat(b.comparison.baseline, d))],
            [text(b.comparison.baseline ? fmtChange(b.comparison) : '—')],
            [text(b.comparison.significance ? fmtMeaning(b.comparison) : '—')]
        ];
    });
    return [
        table(['left', 'left', 'right', 'right', 'right', 'left'], ['Metric', 'Breached', 'Evaluation', 'Baseline', 'Change', 'Significance'].map(h => [text(h)]), rows)
    ];
}
function monitoredTable(evaluation, retraining) {
    const rows = evaluation.monitored.map(m => {
        const d = decimalsFor(m.baseline?.value, m.current?.value);
        const breached = evaluation.breaches.filter(b => b.metric === m.name);
        return [
            [untrustedCode(m.name, 60)],
            [text(fmtStat(m.current, d))],
            [text(fmtStat(m.baseline, d))],
            [
                text(breached.length ? `❌ ${breached.map(b => conditionText(b, retraining)).join(', ')}` : '✅ healthy')
            ]
        ];
    });
    return details(`Every monitored metric (${rows.length})`, [
        table(['left', 'right', 'right', 'left'], ['Metric', 'Evaluation', 'Baseline', 'State'].map(h => [text(h)]), rows)
    ]);
}
function baselineLine(baseline, links) {
    if (!baseline)
        return [paragraph(text('There is no baseline on the default branch yet.'))];
    const parts = [text('Baseline: '), untrustedCode(baseline.name, 80)];
    if (baseline.pr) {
        const pr = text(`#${baseline.pr.number}`);
        parts.push(text(', promoted by '), links.baselinePr ? link(links.baselinePr, pr) : pr);
        if (baseline.pr.title)
            parts.push(text(' ('), untrusted(baseline.pr.title, 100), text(')'));
    }
    if (baseline.date)
        parts.push(text(` on ${day(baseline.date)}`));
    parts.push(text('.'));
    return [paragraph(...parts)];
}
function linkLine(links) {
    const items = [];
    if (links.docs)
        items.push([link(links.docs, text('The living experiment docs'))]);
    if (links.run)
        items.push([link(links.run, text('The evaluation run'))]);
    return items.length ? [bulletList(items)] : [];
}
/** The issue body: state block, what degraded, since when, the baseline and links (the marker is added on write). */
function retrainingIssueBody(content) {
    const { evaluation, retraining, state } = content;
    const count = evaluation.breaches.length;
    return stringify(root([
        hiddenState(MONITOR_STATE_KIND, state),
        heading(3, text(`🔻 The production model breaks ${count} retraining condition${count === 1 ? '' : 's'}` +
            (content.id === 'default' ? '' : ` (${content.id})`))),
        paragraph(strong(text(`Since ${day(state.since)}`)), text(` (first breach). These values are from the evaluation of ${day(state.changed)}; the issue is updated when another condition breaks or a value gets worse by more than ${thresholdText(retraining.tolerance)}.`)),
        ...breachTable(evaluation, retraining),
        ...monitoredTable(evaluation, retraining),
        ...baselineLine(content.baseline, content.links),
        ...linkLine(content.links),
        paragraph(text(retraining.recoverAfter === 1
            ? 'The issue closes itself after the next healthy evaluation.'
            : `The issue closes itself after ${retraining.recoverAfter} healthy evaluations in a row.`))
    ]));
}
function keyWords(key, evaluation, retraining) {
    const b = evaluation.breaches.find(x => `${x.metric} ${x.condition}` === key);
    if (b)
        return [
            untrustedCode(b.metric, 60),
            text(` ${valueText(b.comparison, b.value)}, ${conditionText(b, retraining)}`)
        ];
    const space = key.lastIndexOf(' ');
    const metric = key.slice(0, space);
    const condition = key.slice(space + 1);
    const m = evaluation.monitored.find(x => x.name === metric);
    const now = m?.current ? ` is ${valueText(m, m.current.value)}` : '';
    return [
        untrustedCode(metric, 60),
        text(`${now}, no longer ${conditionText({ metric, condition }, retraining)}`)
    ];
}
/** The comment that says what changed since the issue last reported (new, worse, eased conditions). */
function retrainingUpdateComment(change, evaluation, retraining) {
    const items = [
        ...change.newly.map(k => [text('Newly breached: '), ...keyWords(k, evaluation, retraining)]),
        ...change.worse.map(k => [text('Worse: '), ...keyWords(k, evaluation, retraining)]),
        ...change.eased.map(k => [text('Recovered: '), ...keyWords(k, evaluation, retraining)])
    ];
    const lead = change.reopened
        ? 'The production model degraded again, soon after this issue was closed; it is reopened.'
        : 'The latest evaluation changed what this issue reports:';
    return stringify(root([paragraph(text(lead)), ...(items.length ? [bulletList(items)] : [])]));
}
/** The closing comment: which conditions recovered, and after how many healthy evaluations. */
function recoveryComment(recovered, evaluation, healthyRuns) {
    const metrics = [...new Set(recovered.map(key => key.slice(0, key.lastIndexOf(' '))))];
    const items = metrics.map(metric => {
        const m = evaluation.monitored.find(x => x.name === metric);
        return [
            untrustedCode(metric, 60),
            text(m?.current ? ` is ${valueText(m, m.current.value)} again` : ' recovered')
        ];
    });
    const after = healthyRuns === 1 ? 'The latest evaluation' : `The last ${healthyRuns} evaluations in a row`;
    return stringify(root([
        paragraph(text(`✅ Recovered. ${after} met every retraining condition, so this issue is closed.`)),
        ...(items.length ? [bulletList(items)] : [])
    ]));
}
/** The comment on a duplicate opened by a racing evaluation, before it is closed. */
function duplicateComment(kept) {
    return stringify(root([
        paragraph(text(`Two evaluations ran at once and both opened an issue; #${kept} is kept and this one is closed.`))
    ]));
}
/** The evaluation as terminal text: every monitored metric with its value, the baseline's, and what it breaks. */
function monitorText(evaluation, retraining) {
    const rows = evaluation.monitored.map(m => {
        const d = decimalsFor(m.baseline?.value, m.current?.value);
        const breached = evaluation.breaches.filter(b => b.metric === m.name);
        return [
            plain(m.name, 60),
            fmtStat(m.current, d),
            fmtStat(m.baseline, d),
            breached.length ? `BREACHED: ${breached.map(b => conditionText(b, retraining)).join(', ')}` : 'healthy'
        ];
    });
    return columns([['metric', 'evaluation', 'baseline', 'state'], ...rows], ['left', 'right', 'right', 'left']);
}

export { MONITOR_STATE_KIND as M, replaceHiddenState as a, retrainingUpdateComment as b, readHiddenState as c, duplicateComment as d, retrainingIssueBody as e, retrainingIssueTitle as f, monitorText as m, recoveryComment as r };
