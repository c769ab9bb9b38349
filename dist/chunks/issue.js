import { d as decimalsFor, p as plain, f as fmtStat, e as columns, g as fmtThreshold, h as fmtNumber, i as fmtChange, j as fmtMeaning } from './text.js';
import { h as hiddenState } from './hidden-state.js';
import { o as own, e as untrustedCode, t as text, H as root, p as paragraph, M as bulletList, P as neutralize, L as heading, h as untrusted, i as strong, W as table, n as joinOwn, X as details, k as link } from './findings.js';
import { s as stringify } from './markdown.js';

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
            return own `below ${c.below ?? NaN}`;
        case 'above':
            return own `above ${c.above ?? NaN}`;
        case 'max_drop':
            return own `drop > ${c.maxDrop ? fmtThreshold(c.maxDrop) : own `?`}`;
        case 'max_rise':
            return own `rise > ${c.maxRise ? fmtThreshold(c.maxRise) : own `?`}`;
    }
}
/** The issue title: the first breached metric with its numbers and conditions, and how many more metrics. */
function retrainingIssueTitle(evaluation, retraining, id) {
    const scope = id === 'default' ? '' : ` [${neutralize(id, 60)}]`;
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
/** The date of an ISO time the project wrote (the evaluation's clock, the kept state): untrusted text otherwise. */
function day(iso) {
    return untrusted(iso.slice(0, 10), 10);
}
function breachTable(evaluation, retraining) {
    const rows = evaluation.breaches.map(b => {
        const d = decimalsFor(b.comparison.baseline?.value, b.comparison.current?.value);
        return [
            [untrustedCode(b.metric, 60)],
            conditionText(b, retraining),
            fmtStat(b.comparison.current, d),
            fmtStat(b.comparison.baseline, d),
            b.comparison.baseline ? fmtChange(b.comparison) : own `—`,
            b.comparison.significance ? fmtMeaning(b.comparison) : own `—`
        ];
    });
    return [
        table(['left', 'left', 'right', 'right', 'right', 'left'], [own `Metric`, own `Breached`, own `Evaluation`, own `Baseline`, own `Change`, own `Significance`], rows)
    ];
}
function monitoredTable(evaluation, retraining) {
    const rows = evaluation.monitored.map(m => {
        const d = decimalsFor(m.baseline?.value, m.current?.value);
        const breached = evaluation.breaches.filter(b => b.metric === m.name);
        return [
            [untrustedCode(m.name, 60)],
            fmtStat(m.current, d),
            fmtStat(m.baseline, d),
            breached.length
                ? own `❌ ${joinOwn(breached.map(b => conditionText(b, retraining)), own `, `)}`
                : own `✅ healthy`
        ];
    });
    return details(own `Every monitored metric (${rows.length})`, [
        table(['left', 'right', 'right', 'left'], [own `Metric`, own `Evaluation`, own `Baseline`, own `State`], rows)
    ]);
}
function baselineLine(baseline, links) {
    if (!baseline)
        return [paragraph(text `There is no baseline on the default branch yet.`)];
    const parts = [text `Baseline: `, untrustedCode(baseline.name, 80)];
    if (baseline.pr && Number.isInteger(baseline.pr.number)) {
        const pr = text `PR #${baseline.pr.number}`;
        parts.push(text `, promoted by `, links.baselinePr ? link(links.baselinePr, pr) : pr);
        if (baseline.pr.title)
            parts.push(text ` (`, untrusted(baseline.pr.title, 100), text `)`);
    }
    if (baseline.date)
        parts.push(text ` on `, day(baseline.date));
    parts.push(text `.`);
    return [paragraph(...parts)];
}
function linkLine(links) {
    const items = [];
    if (links.docs)
        items.push([link(links.docs, text `The living experiment docs`)]);
    if (links.run)
        items.push([link(links.run, text `The evaluation run`)]);
    return items.length ? [bulletList(items)] : [];
}
/** The issue body: state block, what degraded, since when, the baseline and links (the marker is added on write). */
function retrainingIssueBody(content) {
    return stringify(retrainingIssueTree(content));
}
/** The issue body as the tree that `retrainingIssueBody` stringifies. */
function retrainingIssueTree(content) {
    const { evaluation, retraining, state } = content;
    const count = evaluation.breaches.length;
    return root([
        hiddenState(MONITOR_STATE_KIND, state),
        heading(3, text `🔻 The production model breaks ${count} retraining condition${count === 1 ? own `` : own `s`}`, ...(content.id === 'default' ? [] : [text ` (`, untrusted(content.id, 60), text `)`])),
        paragraph(strong(text `Since `, day(state.since)), text ` (first breach). These values are from the evaluation of `, day(state.changed), text `; the issue is updated when another condition breaks or a value gets worse by more than ${fmtThreshold(retraining.tolerance)}.`),
        ...breachTable(evaluation, retraining),
        ...monitoredTable(evaluation, retraining),
        ...baselineLine(content.baseline, content.links),
        ...linkLine(content.links),
        paragraph(retraining.recoverAfter === 1
            ? text `The issue closes itself after the next healthy evaluation.`
            : text `The issue closes itself after ${retraining.recoverAfter} healthy evaluations in a row.`)
    ]);
}
function keyWords(key, evaluation, retraining) {
    const b = evaluation.breaches.find(x => `${x.metric} ${x.condition}` === key);
    if (b)
        return [
            untrustedCode(b.metric, 60),
            text ` ${valueText(b.comparison, b.value)}, ${conditionText(b, retraining)}`
        ];
    const space = key.lastIndexOf(' ');
    const metric = key.slice(0, space);
    const condition = key.slice(space + 1);
    const m = evaluation.monitored.find(x => x.name === metric);
    const now = m?.current ? own ` is ${valueText(m, m.current.value)}` : own ``;
    return [
        untrustedCode(metric, 60),
        text `${now}, no longer ${conditionText({ metric, condition }, retraining)}`
    ];
}
/** The comment that says what changed since the issue last reported (new, worse, eased conditions). */
function retrainingUpdateComment(change, evaluation, retraining) {
    return stringify(retrainingUpdateTree(change, evaluation, retraining));
}
/** The update comment as the tree that `retrainingUpdateComment` stringifies. */
function retrainingUpdateTree(change, evaluation, retraining) {
    const items = [
        ...change.newly.map(k => [text `Newly breached: `, ...keyWords(k, evaluation, retraining)]),
        ...change.worse.map(k => [text `Worse: `, ...keyWords(k, evaluation, retraining)]),
        ...change.eased.map(k => [text `Recovered: `, ...keyWords(k, evaluation, retraining)])
    ];
    const lead = change.reopened
        ? text `The production model degraded again, soon after this issue was closed; it is reopened.`
        : text `The latest evaluation changed what this issue reports:`;
    return root([paragraph(lead), ...(items.length ? [bulletList(items)] : [])]);
}
/** The closing comment: which conditions recovered, and after how many healthy evaluations. */
function recoveryComment(recovered, evaluation, healthyRuns) {
    return stringify(recoveryTree(recovered, evaluation, healthyRuns));
}
/** The closing comment as the tree that `recoveryComment` stringifies. */
function recoveryTree(recovered, evaluation, healthyRuns) {
    const metrics = [...new Set(recovered.map(key => key.slice(0, key.lastIndexOf(' '))))];
    const items = metrics.map(metric => {
        const m = evaluation.monitored.find(x => x.name === metric);
        return [
            untrustedCode(metric, 60),
            m?.current ? text ` is ${valueText(m, m.current.value)} again` : text ` recovered`
        ];
    });
    const after = healthyRuns === 1 ? own `The latest evaluation` : own `The last ${healthyRuns} evaluations in a row`;
    return root([
        paragraph(text `✅ Recovered. ${after} met every retraining condition, so this issue is closed.`),
        ...(items.length ? [bulletList(items)] : [])
    ]);
}
/** The comment on a duplicate opened by a racing evaluation, before it is closed. */
function duplicateComment(kept) {
    return stringify(root([
        paragraph(text `Two evaluations ran at once and both opened an issue; #${kept} is kept and this one is closed.`)
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

export { MONITOR_STATE_KIND as M, retrainingUpdateComment as a, retrainingIssueBody as b, retrainingIssueTitle as c, duplicateComment as d, monitorText as m, recoveryComment as r };
