import { t as thin } from './baseline2.js';
import { d as decimalsFor, h as fmtNumber } from './text.js';
import { o as own, p as paragraph, t as text, e as untrustedCode, W as table, O as trusted, a9 as codeBlock } from './findings.js';

/** Grey for the baseline, blue for this PR (GitHub's palette), so two lines are easy to tell apart. */
const CHART_PALETTE = { baseline: '#8c959f', current: '#0969da' };
/** A name or label made safe inside Mermaid's quoted strings: letters, digits and a few marks only. */
function mermaidLabel(value, max = 40) {
    const s = value.replace(/[^A-Za-z0-9 _.\-/]/g, '_').slice(0, max);
    return trusted(s || '_');
}
/** A number as Mermaid accepts it: finite, plain notation. */
function mermaidNumber(v) {
    return trusted(Number.isFinite(v) ? String(+v.toPrecision(6)) : '0');
}
/** A Mermaid `xychart-beta` block: x values (numbers, or labels we made), one line per series, colours set. */
function xyChart(chart) {
    const all = chart.lines.flat().filter(Number.isFinite);
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1;
    // Text labels are ours (PR numbers, short commits); '#' is kept for "#12".
    const x = chart.x.map(v => typeof v === 'number' ? mermaidNumber(v) : `"${v.replace(/[^A-Za-z0-9 _.\-/#]/g, '_').slice(0, 20)}"`);
    const colors = chart.colors.filter(c => /^#[0-9a-f]{6}$/i.test(c));
    return codeBlock('mermaid', trusted([
        `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${colors.join(', ')}"}}}}%%`,
        'xychart-beta',
        `  title "${chart.title.replace(/[^A-Za-z0-9 _.\-/#:,—()]/g, '_').slice(0, 120)}"`,
        `  x-axis "${mermaidLabel(chart.xLabel)}" [${x.join(', ')}]`,
        `  y-axis "${mermaidLabel(chart.yLabel)}" ${mermaidNumber(lo - pad)} --> ${mermaidNumber(hi + pad)}`,
        ...chart.lines.map(l => `  line [${l.map(mermaidNumber).join(', ')}]`)
    ].join('\n')));
}
/**
 * The value of a series at a step it covers: the last point at or before the step. Undefined before the series'
 * first step and after its last one (a series ends where its data ends).
 */
function valueAt(series, step) {
    if (!series.length || step < series[0].step || step > series[series.length - 1].step)
        return undefined;
    let value;
    for (const p of series) {
        if (p.step > step)
            break;
        value = p.value;
    }
    return value;
}
/** At most `max` steps from the sorted union, always keeping each series' first and last step. */
function chartSteps(series, max) {
    const union = [...new Set(series.flatMap(s => s.map(p => p.step)))].sort((a, b) => a - b);
    const ends = new Set(series.flatMap(s => [s[0].step, s[s.length - 1].step]));
    if (union.length <= max)
        return union;
    const kept = new Set([...ends, ...thin(union, Math.max(2, max - ends.size))]);
    return [...kept].sort((a, b) => a - b).slice(0, Math.max(max, ends.size));
}
/** A step range in words: "steps 1–500 (500 points)". */
function coverage(points) {
    const first = mermaidNumber(points[0].step);
    const last = mermaidNumber(points[points.length - 1].step);
    return own `steps ${first}–${last} (${points.length} point${points.length === 1 ? own `` : own `s`})`;
}
/** One curve as a chart and a table; the series are named in the title since Mermaid draws no legend. */
function learningCurve(curve, options) {
    const series = [
        {
            name: options.baselineName ?? 'baseline',
            points: finite(curve.baseline),
            color: CHART_PALETTE.baseline,
            role: own `grey`
        },
        {
            name: options.currentName,
            points: finite(curve.current),
            color: CHART_PALETTE.current,
            role: own `blue`
        }
    ].filter(s => s.points.length > 1);
    if (!series.length || options.maxPoints < 2)
        return [];
    const steps = chartSteps(series.map(s => s.points), options.maxPoints);
    const values = series.map(s => steps.map(step => valueAt(s.points, step)));
    const xLabel = options.xLabel ?? 'step';
    return [
        ...curveCharts(curve.metric, xLabel, series, steps, values),
        paragraph(...seriesCaption(series)),
        curveTable(xLabel, series, steps, values)
    ];
}
/** The charts of a curve: one of every series that starts at the first step, one each for those starting later. */
function curveCharts(metric, xLabel, series, steps, values) {
    // Mermaid draws a line from the first x value on: a series that starts later than the axis gets its own chart.
    const startsAtAxis = values.map(v => v[0] !== undefined);
    const drawn = series.map((s, i) => ({ ...s, values: values[i] })).filter((_, i) => startsAtAxis[i]);
    const charts = [];
    const chartOf = (group, xs) => {
        // A line stops at its last covered step: the values after it are left out, not carried flat.
        const lines = group.map(s => {
            const last = s.values.findLastIndex(v => v !== undefined);
            return s.values.slice(0, last + 1).map(v => v);
        });
        const title = `${mermaidLabel(metric)} — ${group.map(s => `${s.role}: ${mermaidLabel(s.name)}`).join(', ')}`;
        return xyChart({
            title,
            xLabel,
            x: xs,
            yLabel: metric,
            lines,
            colors: group.map(s => s.color)
        });
    };
    if (drawn.length)
        charts.push(chartOf(drawn, steps));
    series.forEach((s, i) => {
        if (startsAtAxis[i])
            return;
        const covered = steps.filter(step => valueAt(s.points, step) !== undefined);
        charts.push(chartOf([{ ...s, values: covered.map(step => valueAt(s.points, step)) }], covered));
    });
    return charts;
}
/** "Series: grey `a` steps 1–500 (500 points); blue `b` …", and whether the two overlap or end apart. */
function seriesCaption(series) {
    const ranges = series.map(s => ({ first: s.points[0].step, last: s.points[s.points.length - 1].step }));
    const caption = [text `Series: `];
    series.forEach((s, i) => {
        caption.push(...(i ? [text `; `] : []), text `${s.role} `, untrustedCode(s.name), text ` ${coverage(s.points)}`);
    });
    caption.push(text `.`);
    if (ranges.length === 2 && (ranges[0].last < ranges[1].first || ranges[1].last < ranges[0].first))
        caption.push(text ` The two series do not overlap: no step has a value on both sides, so they cannot be compared.`);
    else if (ranges.length === 2 && ranges[0].last !== ranges[1].last)
        caption.push(text ` Each line ends at its own last step.`);
    return caption;
}
/** The curve's values as a table: one row per series, one column per charted step. */
function curveTable(xLabel, series, steps, values) {
    const decimals = decimalsFor(...values.flat().filter((v) => v !== undefined));
    const rows = series.map((s, i) => [
        [untrustedCode(s.name)],
        ...values[i].map(v => (v === undefined ? [] : fmtNumber(v, decimals)))
    ]);
    return table([null, ...steps.map(() => 'right')], [trusted(xLabel), ...steps.map(s => mermaidNumber(s))], rows);
}
function finite(points) {
    return (points ?? [])
        .filter(p => Number.isFinite(p.value) && Number.isFinite(p.step))
        .sort((a, b) => a.step - b.step);
}

export { CHART_PALETTE as C, learningCurve as l, mermaidLabel as m, xyChart as x };
