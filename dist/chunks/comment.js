import { G as GITHUB_BODY_LIMIT } from './conventions.js';
import { m as marker, s as stringify, r as root, p as paragraph, t as text, h as heading, b as bulletList, u as untrusted, c as strong, a as untrustedCode, d as table, e as details, l as learningCurve, f as link, g as small } from './chart.js';
import { v as violationMessage, h as hypothesisReason, n as notLikeForLikeText, w as warningMessage, a as checklistDetail } from './findings.js';
import { s as shortSha, d as decimalsFor, g as goalArrow, m as metricIcon, a as fmtStat, b as fmtChange, i as metricSentence, c as fmtMeaning, e as fmtRules } from './detect.js';
import './baseline2.js';
import './_commonjsHelpers.js';
import 'node:path';
import 'node:process';
import 'node:url';
import './significance.js';
import 'node:fs/promises';
import 'node:fs';
import 'node:string_decoder';
import './mlflow-metrics-file.js';
import 'node:crypto';
import 'node:readline';
import 'node:os';
import 'node:worker_threads';
import 'node:module';

const BUDGETS = [
    { runs: 50, params: 60, warnings: 30, curves: 3, curvePoints: 40, checklists: 10 },
    { runs: 20, params: 30, warnings: 15, curves: 2, curvePoints: 20, checklists: 5 },
    { runs: 10, params: 15, warnings: 8, curves: 1, curvePoints: 12, checklists: 3 },
    { runs: 5, params: 8, warnings: 5, curves: 0, curvePoints: 0, checklists: 1 }
];
/** Renders the PR comment, folding more until it fits under GitHub's body limit (GITHUB_BODY_LIMIT). */
function renderComment(c, ctx = {}) {
    let body = '';
    for (const budget of BUDGETS) {
        body = stringify(root(commentTree(c, ctx, budget)));
        if (body.length < GITHUB_BODY_LIMIT - 1000)
            return body;
    }
    // The smallest budget still too long (thousands of metrics): keep the verdict and say where the rest is.
    return stringify(root([
        marker(c.id),
        ...verdictBlock(c),
        paragraph(text(`The full comparison (${c.metrics.length} metrics, ${c.experiments.length} runs) is too long for a comment; see the job summary and the JSON report.`))
    ]));
}
/** The comment's blocks with a given budget. */
function commentTree(c, ctx, budget = BUDGETS[0]) {
    return [
        marker(c.id),
        ...verdictBlock(c),
        ...championLine(c, ctx),
        ...metricsTable(c),
        ...inWords(c),
        ...hypotheses(c),
        ...notLikeForLike(c),
        ...acceptHint(c),
        ...whatChanged(c, budget),
        ...allRuns(c, budget),
        ...warnings(c, budget),
        ...curves(c, budget),
        ...checklists(c, budget),
        ...footer(c, ctx)
    ];
}
/** The verdict heading. */
function verdictBlock(c) {
    const id = c.id === 'default' ? '' : ` (${c.id})`;
    const broken = c.violations.filter(v => !v.accepted);
    const title = c.verdict === 'fail'
        ? `❌ Experiment review${id}: ${broken.length} rule${broken.length === 1 ? '' : 's'} broken`
        : c.verdict === 'no-baseline'
            ? `🆕 Experiment review${id}: no baseline yet`
            : `✅ Experiment review${id}: all rules met`;
    const blocks = [heading(2, text(title))];
    if (broken.length) {
        blocks.push(bulletList(broken.map(v => [untrusted(violationMessage(v), 200)])));
    }
    if (!c.champion) {
        blocks.push(paragraph(text('No finished run was found in this PR, so nothing was compared. Check the runs input and the warnings below.')));
    }
    return blocks;
}
function championLine(c, ctx) {
    if (!c.champion)
        return [];
    const total = c.experiments.length;
    const parts = [
        strong(untrustedCode(c.champion.name)),
        text(total > 1 ? ` is this PR's best run (of ${total})` : " is this PR's run"),
        ...(c.primary ? [text(' on '), strong(untrusted(c.primary))] : []),
        text(', ')
    ];
    if (c.baseline) {
        parts.push(text('compared with the baseline '), strong(untrustedCode(c.baseline.name)));
        const branch = ctx.baseBranch ?? 'main';
        parts.push(text(' from '), untrusted(branch));
        const sha = shortSha(c.baseline.commit ?? ctx.baseSha);
        if (sha)
            parts.push(text(' @ '), untrustedCode(sha));
        if (c.baseline.pr)
            parts.push(text(` (PR #${c.baseline.pr})`));
        parts.push(text('.'));
        const n = c.champion.metrics[c.primary ?? '']?.n ?? 1;
        if (n > 1 || c.baseline.samples > 1)
            parts.push(text(` ${n} sample${n === 1 ? '' : 's'} in this PR, ${c.baseline.samples} in the baseline.`));
    }
    else {
        parts.push(text('with no baseline to compare against yet: the first merge with runs sets it.'));
    }
    return [paragraph(...parts)];
}
function metricsTable(c) {
    if (!c.metrics.length)
        return [];
    const rows = c.metrics.map(m => {
        const d = decimalsFor(m.baseline?.value, m.current?.value);
        const name = [
            m.name === c.primary || m.broken ? strong(untrusted(m.name)) : untrusted(m.name),
            text(` ${goalArrow(m)}`)
        ];
        return [metricIcon(m), name, fmtStat(m.baseline, d), fmtStat(m.current, d), fmtChange(m), verdictCell(m)];
    });
    return [
        table(['center', null, 'right', 'right', 'right', null], ['', 'metric', 'baseline', 'this PR', 'change', 'verdict'], rows)
    ];
}
/** The tested metrics in words: "accuracy −0.80 pts (p = 0.41, within noise)". */
function inWords(c) {
    const tested = c.metrics.filter(m => m.significance && m.change !== undefined).slice(0, 6);
    if (!tested.length)
        return [];
    const sentences = tested.map(metricSentence).join('; ');
    return [paragraph(text('In words: '), untrusted(sentences, 1000), text('.'))];
}
const VERDICT_ICON = { supported: '✅', 'not supported': '❌', inconclusive: '❔' };
/** Each run's stated hypothesis and success criteria with the verdict, champion first. */
function hypotheses(c) {
    const stated = c.hypotheses.filter(h => h.hypothesis || h.criteria).slice(0, 5);
    return stated.map(h => paragraph(text(`${VERDICT_ICON[h.verdict]} `), strong(text('Hypothesis')), text(' of '), untrustedCode(h.run), text(': '), ...(h.hypothesis ? [untrusted(h.hypothesis, 300)] : []), ...(h.criteria
        ? [
            text(h.hypothesis ? ' (success: ' : 'success: '),
            untrusted(h.criteria, 200),
            text(h.hypothesis ? ')' : '')
        ]
        : []), text(' — '), strong(text(h.verdict)), text(': '), untrusted(hypothesisReason(h), 300)));
}
function verdictCell(m) {
    const meaning = fmtMeaning(m);
    const rules = fmtRules(m);
    return `${meaning}; ${rules}`;
}
function notLikeForLike(c) {
    if (!c.notLikeForLike.length)
        return [];
    return [
        paragraph(text('⚠️ '), strong(text('Not like for like:')), text(' '), untrusted(c.notLikeForLike.map(notLikeForLikeText).join('; '), 400), text('. The comparison mixes a model change with a change in what it was measured on.'))
    ];
}
function acceptHint(c) {
    const metrics = [...new Set(c.violations.filter(v => !v.accepted).map(v => v.metric))];
    if (!metrics.length)
        return [];
    const first = metrics[0];
    return [
        paragraph(text(`To accept ${metrics.length === 1 ? 'this regression' : 'a regression'}, a reviewer with write access comments `), untrustedCode(`/experiments accept ${first} <reason>`), text('.'))
    ];
}
function whatChanged(c, budget) {
    if (!c.baseline || (!c.params.length && !c.context.length))
        return [];
    const rows = [];
    for (const p of c.params.slice(0, budget.params)) {
        const suffix = p.kind === 'added' ? ' (added)' : p.kind === 'removed' ? ' (removed)' : '';
        rows.push([
            [untrusted(p.name)],
            p.kind === 'added' ? '—' : [untrusted(p.baseline)],
            p.kind === 'removed' ? '—' : [untrusted(p.current), text(suffix)]
        ]);
    }
    if (c.params.length > budget.params)
        rows.push([`… ${c.params.length - budget.params} more`, '', '']);
    for (const x of c.context) {
        const label = x.what === 'environment' ? `environment: ${x.key}` : x.what;
        const cell = (v) => v === undefined ? '—' : x.what === 'code commit' ? [untrustedCode(shortSha(v))] : [untrusted(v)];
        rows.push([[untrusted(label)], cell(x.baseline), cell(x.current)]);
    }
    const parts = [
        c.params.length ? `${c.params.length} parameter${c.params.length === 1 ? '' : 's'}` : '',
        ...[...new Set(c.context.map(x => x.what))]
    ].filter(Boolean);
    return details(`What changed: ${parts.join(', ')}`, [
        table([null, null, null], ['', 'baseline', 'this PR'], rows)
    ]);
}
function allRuns(c, budget) {
    if (c.experiments.length < 2)
        return [];
    const columns = runColumns(c);
    const shown = c.experiments.slice(0, budget.runs);
    const withTargets = Object.values(c.criteria).some(list => list.length > 0);
    const rows = shown.map((e, i) => [
        [untrustedCode(e.name), ...(i === 0 && e.name === c.champion?.name ? [text(' 🏆')] : [])],
        ...columns.map(m => cellValue(e, m)),
        ...(withTargets ? [targetsCell(c.criteria[e.name] ?? [])] : []),
        statusCell(e)
    ]);
    if (c.experiments.length > shown.length) {
        rows.push([
            `… ${c.experiments.length - shown.length} more runs in the JSON report`,
            ...columns.map(() => ''),
            ...(withTargets ? [''] : []),
            ''
        ]);
    }
    const header = [
        'run',
        ...columns.map(m => `${m.name} ${goalArrow(m)}`),
        ...(withTargets ? ['targets'] : []),
        'status'
    ];
    const align = [null, ...columns.map(() => 'right'), ...(withTargets ? [null] : []), null];
    return details(`All runs (${c.experiments.length}), best first`, [table(align, header, rows)]);
}
function runColumns(c) {
    const gated = c.metrics.filter(m => m.gated || m.name === c.primary);
    return (gated.length ? gated : c.metrics).slice(0, 4);
}
function cellValue(e, metric) {
    const stat = e.metrics[metric.name];
    if (!stat)
        return '—';
    return fmtStat(stat, decimalsFor(stat.value));
}
/** The rules file's absolute targets for one run: "✅ f1 ≥ 0.85 · ❌ latency_ms ≤ 50". */
function targetsCell(criteria) {
    if (!criteria.length)
        return '—';
    return [
        untrusted(criteria.map(x => `${x.met === undefined ? '➖' : x.met ? '✅' : '❌'} ${x.text}`).join(' · '), 400)
    ];
}
function statusCell(e) {
    const n = e.runs.length > 1 ? ` (${e.runs.length} runs)` : '';
    if (e.status === 'failed')
        return [text('❌ failed'), ...(e.statusReason ? [text(': '), untrusted(e.statusReason, 80)] : [])];
    if (e.status === 'running')
        return `⏳ still running${n}`;
    if (e.status === 'killed')
        return `⚠️ killed${n}`;
    return `✅${n}`;
}
function warnings(c, budget) {
    const items = c.warnings;
    if (!items.length)
        return [];
    const shown = items.slice(0, budget.warnings).map(w => [untrusted(warningMessage(w), 300)]);
    if (items.length > shown.length)
        shown.push([text(`… ${items.length - shown.length} more in the job summary`)]);
    const list = bulletList(shown);
    const title = `Warnings (${items.length})`;
    return items.length > 5 ? details(`⚠️ ${title}`, [list]) : [paragraph(text(`⚠️ ${title}`)), list];
}
function curves(c, budget) {
    const out = [];
    const preferred = [...c.curves].sort((a, b) => a.metric === c.primary ? -1 : b.metric === c.primary ? 1 : 0);
    for (const curve of preferred.slice(0, budget.curves)) {
        const blocks = learningCurve(curve, {
            baselineName: c.baseline?.name,
            currentName: c.champion?.name ?? 'this PR',
            maxPoints: budget.curvePoints
        });
        if (blocks.length)
            out.push(...details(`Learning curve: ${curve.metric}`, blocks));
    }
    return out;
}
function checklists(c, budget) {
    const lists = c.reproducibility.slice(0, budget.checklists);
    if (!lists.length)
        return [];
    const champion = lists[0];
    const ok = champion.items.filter(i => i.ok).length;
    const blocks = [];
    for (const list of lists) {
        if (lists.length > 1)
            blocks.push(paragraph(strong(untrustedCode(list.run))));
        blocks.push(bulletList(list.items.map(i => [text(i.ok ? '✅ ' : '⚠️ '), untrusted(checklistDetail(i), 160)])));
    }
    return details(`Reproducibility: ${ok} of ${champion.items.length}`, blocks);
}
function footer(c, ctx) {
    const parts = [text('Experiment Review')];
    if (ctx.headSha)
        parts.push(text(' · reviewed PR head '), untrustedCode(shortSha(ctx.headSha)));
    if (ctx.baseSha)
        parts.push(text(` against ${ctx.baseBranch ? '' : 'base '}`), ...(ctx.baseBranch ? [untrusted(ctx.baseBranch), text(' ')] : []), untrustedCode(shortSha(ctx.baseSha)));
    if (ctx.runUrl && /^https?:\/\/[^\s]+$/.test(ctx.runUrl))
        parts.push(text(' · '), link(ctx.runUrl, text('checks')));
    parts.push(text(' · '), ctx.defaultRules || !ctx.rulesFile
        ? text('default rules (no rules file)')
        : untrusted(`rules from ${ctx.rulesFile}`));
    parts.push(text(' · '), untrustedCode('/experiments help'), text(' lists the commands'));
    return small(parts);
}

export { commentTree, renderComment, verdictBlock };
