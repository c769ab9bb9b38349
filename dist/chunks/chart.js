import { t as thin } from './baseline2.js';
import { d as decimalsFor, h as fmtNumber } from './detect.js';
import { a as untrustedCode, e as table, S as codeBlock } from './mdast.js';

/** Grey for the baseline, blue for this PR (GitHub's palette), so two lines are easy to tell apart. */
const CHART_PALETTE = { baseline: '#8c959f', current: '#0969da' };
/** A name or label made safe inside Mermaid's quoted strings: letters, digits and a few marks only. */
function mermaidLabel(value, max = 40) {
    const s = value.replace(/[^A-Za-z0-9 _.\-/]/g, '_').slice(0, max);
    return s || '_';
}
/** A number as Mermaid accepts it: finite, plain notation. */
function mermaidNumber(v) {
    return Number.isFinite(v) ? String(+v.toPrecision(6)) : '0';
}
/** A Mermaid `xychart-beta` block: x values (numbers, or labels we made), one line per series, colours set. */
function xyChart(chart) {
    const all = chart.lines.flat().filter(Number.isFinite);
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1;
    // Text labels are ours (PR numbers, short commits); '#' is kept for "#12".
    const x = chart.x.map(v => typeof v === 'number' ? mermaidNumber(v) : `"${v.replace(/[^A-Za-z0-9 _.\-/#]/g, '_').slice(0, 20)}"`);
    return codeBlock('mermaid', [
        `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${chart.colors.join(', ')}"}}}}%%`,
        'xychart-beta',
        `  title "${chart.title.replace(/[^A-Za-z0-9 _.\-/#:,—]/g, '_').slice(0, 120)}"`,
        `  x-axis "${mermaidLabel(chart.xLabel)}" [${x.join(', ')}]`,
        `  y-axis "${mermaidLabel(chart.yLabel)}" ${mermaidNumber(lo - pad)} --> ${mermaidNumber(hi + pad)}`,
        ...chart.lines.map(l => `  line [${l.map(mermaidNumber).join(', ')}]`)
    ].join('\n'));
}
/** The value of a series at a step: the last point at or before it (the first point before the series starts). */
function valueAt(series, step) {
    let value;
    for (const p of series) {
        if (p.step > step)
            break;
        value = p.value;
    }
    return value ?? series[0]?.value;
}
/** One curve as a chart and a table; the series are named in the title since Mermaid draws no legend. */
function learningCurve(curve, options) {
    const series = [
        {
            name: options.baselineName ?? 'baseline',
            points: finite(curve.baseline),
            color: CHART_PALETTE.baseline,
            role: 'grey'
        },
        { name: options.currentName, points: finite(curve.current), color: CHART_PALETTE.current, role: 'blue' }
    ].filter(s => s.points.length > 1);
    if (!series.length || options.maxPoints < 2)
        return [];
    const steps = thin([...new Set(series.flatMap(s => s.points.map(p => p.step)))].sort((a, b) => a - b), options.maxPoints);
    const lines = series.map(s => steps.map(step => valueAt(s.points, step)));
    const all = lines.flat();
    const title = `${mermaidLabel(curve.metric)} — ${series.map(s => `${s.role}: ${mermaidLabel(s.name)}`).join(', ')}`;
    const chart = xyChart({
        title,
        xLabel: options.xLabel ?? 'step',
        x: steps,
        yLabel: curve.metric,
        lines,
        colors: series.map(s => s.color)
    });
    const decimals = decimalsFor(...all);
    const rows = series.map((s, i) => [
        [untrustedCode(s.name)],
        ...lines[i].map(v => fmtNumber(v, decimals))
    ]);
    return [
        chart,
        table([null, ...steps.map(() => 'right')], [options.xLabel ?? 'step', ...steps.map(s => mermaidNumber(s))], rows)
    ];
}
function finite(points) {
    return (points ?? []).filter(p => Number.isFinite(p.value) && Number.isFinite(p.step));
}

export { CHART_PALETTE as C, learningCurve as l, mermaidLabel as m, xyChart as x };
