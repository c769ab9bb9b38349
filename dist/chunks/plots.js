import { t as thin } from './baseline2.js';
import { d as decimalsFor, h as fmtNumber, m as fmtSigned } from './text.js';
import { o as own, t as text, e as untrustedCode, p as paragraph, _ as table, S as trusted, a8 as codeBlock, P as heading, $ as details, h as untrusted, a9 as image, g as githubUrl } from './findings.js';
import { b as isAssetsBranchName, i as isAssetPath } from './artifacts.js';
import { b as countOf, i as isConfusionMatrix, c as compareConfusion } from './confusion.js';

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
        const title = `${mermaidLabel(curve.metric)} — ${group.map(s => `${s.role}: ${mermaidLabel(s.name)}`).join(', ')}`;
        return xyChart({
            title,
            xLabel: options.xLabel ?? 'step',
            x: xs,
            yLabel: curve.metric,
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
    const decimals = decimalsFor(...values.flat().filter((v) => v !== undefined));
    const rows = series.map((s, i) => [
        [untrustedCode(s.name)],
        ...values[i].map(v => (v === undefined ? [] : fmtNumber(v, decimals)))
    ]);
    return [
        ...charts,
        paragraph(...caption),
        table([null, ...steps.map(() => 'right')], [trusted(options.xLabel ?? 'step'), ...steps.map(s => mermaidNumber(s))], rows)
    ];
}
function finite(points) {
    return (points ?? [])
        .filter(p => Number.isFinite(p.value) && Number.isFinite(p.step))
        .sort((a, b) => a.step - b.step);
}

/** How many confusion matrices are shown; the rest are folded. */
const MATRICES_OPEN = 1;
/** The plots section of the comment; empty when the champion produced no images and no confusion data. */
function plotsBlocks(view, maxMatrices = 3) {
    if (!view || (!view.images.length && !view.confusion.length && !view.refused.length))
        return [];
    const out = [heading(3, text `Plots of `, untrustedCode(view.run, 60))];
    out.push(...imageBlocks(view));
    view.confusion.slice(0, maxMatrices).forEach((m, i) => {
        const title = [text `Confusion matrix `, untrustedCode(m.name, 80), ...accuracyWords(m)];
        const blocks = confusionBlocks(m);
        out.push(...(i < MATRICES_OPEN ? [paragraph(...title), ...blocks] : details(title, blocks)));
    });
    if (view.confusion.length > maxMatrices)
        out.push(paragraph(text `… ${view.confusion.length - maxMatrices} more confusion matrices in the JSON report.`));
    if (view.refused.length)
        out.push(...details(own `Images left out (${view.refused.length})`, [
            paragraph(...view.refused.flatMap((r, i) => [...(i ? [text ` · `] : []), untrusted(r, 300)]))
        ]));
    return out;
}
function imageBlocks(view) {
    const out = [];
    if (view.notShown && view.images.length) {
        out.push(paragraph(text `Images not shown: `, untrusted(view.notShown, 400), text ` They are: `, ...view.images.flatMap((im, i) => [...(i ? [text `, `] : []), untrustedCode(im.name, 80)])));
    }
    else if (view.images.length || view.baselineOnly.length) {
        const withBaseline = [...view.images, ...view.baselineOnly].some(im => im.baselineUrl);
        const picture = (url, alt) => (url ? image(url, alt) : text `—`);
        const rows = [...view.images, ...view.baselineOnly].map(im => withBaseline
            ? [
                untrustedCode(im.name, 80),
                picture(im.baselineUrl, `baseline ${im.name}`),
                picture(im.url, im.name)
            ]
            : [untrustedCode(im.name, 80), picture(im.url, im.name)]);
        const header = withBaseline
            ? [own `image`, own `baseline`, own `this PR`]
            : [own `image`, own `this PR`];
        out.push(table(withBaseline ? [null, 'center', 'center'] : [null, 'center'], header, rows));
    }
    if (view.imagesOverCap)
        out.push(paragraph(text `${view.imagesOverCap} more image${view.imagesOverCap === 1 ? own `` : own `s`} not shown (artifacts.max_count in the rules file picks how many, artifacts.images which).`));
    return out;
}
function accuracyWords(m) {
    if (m.accuracy === undefined)
        return [];
    const now = fmtNumber(m.accuracy, 3);
    if (m.baselineAccuracy === undefined)
        return [text ` · accuracy ${now}`];
    return [
        text ` · accuracy ${now} (baseline ${fmtNumber(m.baselineAccuracy, 3)}, ${fmtSigned(m.accuracy - m.baselineAccuracy, 3)})`
    ];
}
const score = (value) => (value === undefined ? own `—` : fmtNumber(value, 3));
const change = (value, present) => value === undefined ? (present ? own `new` : own `—`) : fmtSigned(value, 3);
/** The matrix (rows actual, columns predicted) with recall and precision per class and their changes. */
function confusionBlocks(m) {
    const folded = m.classes.length - m.shown.length;
    const byLabel = new Map(m.classes.map(c => [c.label, c]));
    const withBaseline = !!m.baseline;
    const header = [
        own `actual ╲ predicted`,
        ...m.shown.map(label => untrustedCode(label, 40)),
        ...(folded ? [own `other ${folded}`] : []),
        own `recall`,
        ...(withBaseline ? [own `Δ recall`] : []),
        own `precision`,
        ...(withBaseline ? [own `Δ precision`] : [])
    ];
    const rows = m.shown.map(label => {
        const c = byLabel.get(label);
        const counts = m.shown.map(p => own `${countOf(m.current, label, p)}`);
        const other = m.current.classes
            .filter(p => !m.shown.includes(p))
            .reduce((s, p) => s + countOf(m.current, label, p), 0);
        return [
            untrustedCode(label, 40),
            ...counts,
            ...(folded ? [own `${other}`] : []),
            score(c.current?.recall),
            ...(withBaseline ? [change(c.recallChange, !!c.current && !c.baseline)] : []),
            score(c.current?.precision),
            ...(withBaseline ? [change(c.precisionChange, !!c.current && !c.baseline)] : [])
        ];
    });
    const blocks = [
        table(['left', ...header.slice(1).map(() => 'right')], header, rows)
    ];
    if (folded)
        blocks.push(paragraph(text `${folded} of ${m.classes.length} classes folded into "other": ${withBaseline ? own `the ones whose recall and precision changed least` : own `the ones with the fewest samples`}.`));
    return blocks;
}
/**
 * The URL of an image a baseline recorded, under the repository's web page (`…/OWNER/REPO/raw/BRANCH/PATH`);
 * undefined unless the branch and the path are as promote writes them.
 */
function recordedImageUrl(repositoryUrl, branch, file) {
    if (!repositoryUrl || !isAssetsBranchName(branch) || !isAssetPath(file))
        return undefined;
    return githubUrl(repositoryUrl, 'raw', ...branch.split('/'), ...file.split('/'));
}
/** The champion's recorded plots in the living docs: its images and its confusion matrices (folded). */
function recordedPlotsBlocks(plots, repositoryUrl) {
    if (!plots || !Array.isArray(plots.images) || !Array.isArray(plots.confusion))
        return [];
    const images = plots.images.flatMap(im => {
        const url = recordedImageUrl(repositoryUrl, plots.branch, im?.path);
        return url ? [[untrustedCode(im.name, 80), image(url, im.name)]] : [];
    });
    const out = [];
    if (images.length)
        out.push(table([null, 'center'], [own `image`, own `champion`], images));
    for (const m of plots.confusion.slice(0, 3)) {
        if (!isConfusionMatrix(m))
            continue;
        out.push(...details([text `Confusion matrix `, untrustedCode(m.name, 80)], confusionBlocks(compareConfusion(m))));
    }
    return out;
}

export { CHART_PALETTE as C, learningCurve as l, mermaidLabel as m, plotsBlocks as p, recordedPlotsBlocks as r, xyChart as x };
