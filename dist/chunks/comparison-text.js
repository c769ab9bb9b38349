import { n as numberOf } from './parameter-effects.js';
import { m as missingEvidenceText, J as unknownMetricsTitle, K as unreadableEvidenceTitle, u as unknownMetricText, a as unreadableEvidenceText, v as violationMessage, _ as statisticsSentence, A as notLikeForLikeText, q as paramText, T as unreadableLabel, z as warningMessage } from './findings.js';
import { p as plain, f as fmtStat, d as decimalsFor, c as columns, k as goalArrow, h as fmtChange, i as fmtMeaning, l as fmtRules, g as fmtNumber, j as fmtSigned } from './text.js';
import './experiment.js';
import './conventions.js';

/** The comparison as terminal text. */
function renderText(c, rulesFile) {
    const out = [];
    const broken = c.violations.filter(v => !v.accepted);
    out.push(c.missingEvidence
        ? `FAIL: ${plain(missingEvidenceText(c.missingEvidence), 2000)}`
        : c.unknownMetrics
            ? `FAIL: ${unknownMetricsTitle(c.unknownMetrics)}`
            : c.unreadableEvidence
                ? `FAIL: ${unreadableEvidenceTitle(c.unreadableEvidence)}`
                : c.verdict === 'fail'
                    ? `FAIL: ${broken.length} rule${broken.length === 1 ? '' : 's'} broken`
                    : c.verdict === 'no-baseline'
                        ? 'NO BASELINE: nothing to compare against yet'
                        : 'PASS: all rules met');
    for (const u of c.unknownMetrics ?? [])
        out.push(`  ✗ ${plain(unknownMetricText(u, rulesFile), 400)}`);
    for (const u of c.unreadableEvidence ?? [])
        out.push(`  ✗ ${plain(unreadableEvidenceText(u, rulesFile), 1200)}`);
    for (const v of broken)
        out.push(`  ✗ ${plain(violationMessage(v), 200)}`);
    if (c.champion) {
        out.push('', `Champion: ${plain(c.champion.name)}${c.primary ? ` (best ${plain(c.primary)} of ${c.experiments.length})` : ''}${c.baseline ? `  vs baseline ${plain(c.baseline.name)}` : ''}`);
    }
    out.push(...selectionText(c));
    const bookkeeping = c.metrics.filter(m => c.otherSeries.includes(m.name));
    const ranked = c.metrics.filter(m => !c.otherSeries.includes(m.name));
    if (ranked.length) {
        out.push('', metricsText(ranked));
        if (c.metrics.some(m => m.significance?.tested) || c.gate.family)
            out.push(statisticsSentence(c));
    }
    if (bookkeeping.length)
        out.push('', 'Other series (bookkeeping, never ranked on):', metricsText(bookkeeping));
    if (c.notLikeForLike.length)
        out.push('', `Not like for like: ${plain(c.notLikeForLike.map(notLikeForLikeText).join('; '), 300)}`);
    if (c.params.length) {
        out.push('', 'Parameters changed:');
        for (const p of c.params)
            out.push(`  ${plain(p.name, 40)}: ${p.kind === 'added' ? '—' : plain(paramText(p.baseline), 30)} → ${p.kind === 'removed' ? '—' : plain(paramText(p.current), 30)}`);
    }
    if (c.experiments.length > 1) {
        const primary = c.primary;
        const rows = [['run', primary ? plain(primary, 30) : '', 'status']];
        for (const e of c.experiments) {
            const stat = primary ? e.metrics[primary] : undefined;
            rows.push([
                plain(e.name, 40),
                stat ? fmtStat(stat, decimalsFor(stat.value)) : '—',
                e.unreadable
                    ? `⚠ ${unreadableLabel(e.unreadable.flatMap(u => u.errors))}`
                    : e.status + (e.runs.length > 1 ? ` (${e.runs.length} runs)` : '')
            ]);
        }
        out.push('', `All runs (${c.experiments.length}), best first:`, columns(rows, ['left', 'right', 'left']));
    }
    out.push(...sweepText(c));
    if (c.warnings.length) {
        out.push('', `Warnings (${c.warnings.length}):`);
        for (const w of c.warnings)
            out.push(`  ! ${plain(warningMessage(w), 200)}`);
    }
    return `${out.join('\n')}\n`;
}
/** A table of metrics against the baseline: status, metric, baseline, this, change and verdict. */
function metricsText(metrics) {
    const rows = [['', 'metric', 'baseline', 'this', 'change', 'verdict']];
    for (const m of metrics) {
        const d = decimalsFor(m.baseline?.value, m.current?.value);
        rows.push([
            m.broken ? '✗' : m.accepted ? '!' : m.gated ? '✓' : '·',
            `${plain(m.name, 40)} ${goalArrow(m)}`,
            fmtStat(m.baseline, d),
            fmtStat(m.current, d),
            fmtChange(m),
            `${fmtMeaning(m)}; ${plain(fmtRules(m), 300)}`
        ]);
    }
    return columns(rows, ['left', 'left', 'right', 'right', 'right', 'left']);
}
/** Parameters and neighbours a terminal shows; the JSON report (--format json) has all of them. */
const TEXT_PARAMETERS = 3;
const TEXT_NEIGHBOURS = 10;
/** The sweep as terminal text: the parameters that matter most with their values, and the champion's neighbours. */
function sweepText(c) {
    const sweep = c.sweep;
    if (!sweep)
        return [];
    const primary = plain(sweep.primary, 40);
    const out = [
        '',
        `Parameter effects on ${primary} (${sweep.configurations} configurations), the parameters that explain the most of its variance first:`
    ];
    for (const effect of sweep.effects.slice(0, TEXT_PARAMETERS)) {
        const d = decimalsFor(...effect.levels.flatMap(l => [l.mean, l.best]));
        const share = effect.varianceShare === undefined
            ? 'share not estimated'
            : `${Math.round(effect.varianceShare * 100)}% of the variance`;
        out.push(`  ${plain(effect.name, 60)} (${share})`);
        const rows = [['value', 'count', `mean`, `best`, 'best run']];
        for (const l of effect.levels) {
            const value = l.level.kind === 'unset'
                ? 'not set'
                : l.level.kind === 'range'
                    ? `${fmtNumber(l.level.low, 0)} – ${fmtNumber(l.level.high, 0)}`
                    : paramShown(l.level.value);
            rows.push([value, String(l.count), fmtNumber(l.mean, d), fmtNumber(l.best, d), plain(l.bestRun, 40)]);
        }
        out.push(indent(columns(rows, ['left', 'right', 'right', 'right', 'left']), 4));
    }
    if (sweep.effects.length > TEXT_PARAMETERS)
        out.push(`  … ${sweep.effects.length - TEXT_PARAMETERS} more parameters in the JSON report (--format json)`);
    const d = decimalsFor(...sweep.neighbourhood.map(n => n.value));
    const rows = [['#', 'run', primary, 'vs champion', 'differs from the champion in']];
    for (const n of sweep.neighbourhood.slice(0, TEXT_NEIGHBOURS)) {
        rows.push([
            String(n.rank),
            plain(n.name, 40),
            fmtNumber(n.value, d),
            n.champion ? 'champion' : fmtSigned(n.difference, d),
            n.differences
                .map(x => `${plain(x.name, 30)} ${paramShown(x.value)} (${paramShown(x.champion)})`)
                .join(', ')
        ]);
    }
    out.push('', "The champion's neighbourhood:", indent(columns(rows, ['right', 'left', 'right', 'right', 'left']), 2));
    return out;
}
/** What the selection kept and left out, or that runs of several experiments are ranked together. */
function selectionText(c) {
    const s = c.selection;
    if (!s)
        return [];
    const names = (list) => plain(list.join(', '), 200);
    const { experiments, tags = [], groups = [] } = s.selected;
    if (!experiments.length && !tags.length && !groups.length) {
        return s.experiments.length > 1
            ? [
                `The runs come from ${s.experiments.length} experiments (${names(s.experiments)}), ranked together; --experiment NAME reviews one.`
            ]
            : [];
    }
    const selected = [
        experiments.length ? `experiments ${names(experiments)}` : '',
        tags.length ? `tags ${names(tags)}` : '',
        groups.length ? `groups ${names(groups)}` : ''
    ].filter(Boolean);
    const left = s.leftOut
        ? `left out ${s.leftOut} runs${s.leftOutExperiments.length ? ` (of ${names(s.leftOutExperiments)})` : ''}`
        : 'no run left out';
    return [`Selected ${selected.join('; ')}: ${left}.`];
}
/** A parameter value: numbers (and numeric text) at 4 significant digits, other values made inert. */
function paramShown(value) {
    if (value === undefined || value === null)
        return 'not set';
    const n = numberOf(value);
    return n !== undefined ? String(Number(n.toPrecision(4))) : plain(paramText(value), 30);
}
function indent(block, spaces) {
    return block.replace(/^/gm, ' '.repeat(spaces));
}

export { renderText };
