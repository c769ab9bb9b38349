import { i as isAssetsBranchName, b as isAssetPath } from './artifacts.js';
import { h as fmtNumber, m as fmtSigned } from './text.js';
import { L as heading, e as untrustedCode, t as text, p as paragraph, X as details, h as untrusted, o as own, W as table, a8 as image, g as githubUrl } from './findings.js';

// Confusion matrices as facts: counts of actual × predicted classes, per-class precision and recall, and their change
// against the baseline's matrix of the same name. Pure: data in, data out.
/** How many classes a matrix shows in full before the rest fold into "other". */
const MAX_SHOWN_CLASSES = 10;
/** Sorts class labels: numbers by value when every label is a number, else by text. */
function sortLabels(labels) {
    const list = [...new Set(labels)];
    const numeric = list.every(l => l.trim() !== '' && Number.isFinite(Number(l)));
    return numeric ? list.sort((a, b) => Number(a) - Number(b)) : list.sort();
}
/** A matrix from (actual, predicted, count) cells, as a W&B confusion table or counted sample pairs give them. */
function matrixFromCells(name, cells) {
    const list = [...cells];
    const classes = sortLabels(list.flatMap(c => [c.actual, c.predicted]));
    const index = new Map(classes.map((c, i) => [c, i]));
    const counts = classes.map(() => classes.map(() => 0));
    for (const c of list)
        counts[index.get(c.actual)][index.get(c.predicted)] += c.count;
    return { name, classes, counts };
}
/** A matrix from one (actual, predicted) pair per sample, as DVC's confusion template and dvclive write them. */
function matrixFromPairs(name, pairs) {
    const tally = new Map();
    for (const p of pairs) {
        const key = JSON.stringify([p.actual, p.predicted]);
        const cell = tally.get(key);
        if (cell)
            cell.count++;
        else
            tally.set(key, { actual: p.actual, predicted: p.predicted, count: 1 });
    }
    return matrixFromCells(name, tally.values());
}
/** Whether a value read back from a file is a matrix: string classes and square, finite, non-negative counts. */
function isConfusionMatrix(value) {
    const m = value;
    const n = Array.isArray(m?.classes) ? m.classes.length : -1;
    return (typeof m?.name === 'string' &&
        m.classes.every(c => typeof c === 'string') &&
        Array.isArray(m.counts) &&
        m.counts.length === n &&
        m.counts.every(row => Array.isArray(row) &&
            row.length === n &&
            row.every(x => typeof x === 'number' && Number.isFinite(x) && x >= 0)));
}
/** Per-class support, predictions, precision and recall of a matrix. */
function classScores(m) {
    return m.classes.map((label, i) => {
        const support = m.counts[i].reduce((s, n) => s + n, 0);
        const predicted = m.counts.reduce((s, row) => s + row[i], 0);
        const correct = m.counts[i][i];
        return {
            label,
            support,
            predicted,
            correct,
            ...(predicted > 0 ? { precision: correct / predicted } : {}),
            ...(support > 0 ? { recall: correct / support } : {})
        };
    });
}
/** The share of samples on the diagonal; undefined for an empty matrix. */
function accuracyOf(m) {
    const total = m.counts.flat().reduce((s, n) => s + n, 0);
    const trace = m.classes.reduce((s, _, i) => s + m.counts[i][i], 0);
    return total > 0 ? trace / total : undefined;
}
/** The count of `actual` predicted as `predicted`; 0 when either class is not in the matrix. */
function countOf(m, actual, predicted) {
    const a = m.classes.indexOf(actual);
    const p = m.classes.indexOf(predicted);
    return a < 0 || p < 0 ? 0 : m.counts[a][p];
}
/**
 * Compares a PR's matrix with the baseline's of the same name: per-class scores and changes, classes ordered by how
 * much they changed (|Δ recall| + |Δ precision|; by support without a baseline), the first `maxShown` shown.
 */
function compareConfusion(current, baseline, maxShown = MAX_SHOWN_CLASSES) {
    const now = new Map(classScores(current).map(s => [s.label, s]));
    const before = new Map(baseline ? classScores(baseline).map(s => [s.label, s]) : []);
    const labels = sortLabels([...now.keys(), ...before.keys()]);
    const diff = (a, b) => (a !== undefined && b !== undefined ? a - b : undefined);
    const classes = labels.map(label => {
        const c = now.get(label);
        const b = before.get(label);
        return {
            label,
            ...(c ? { current: c } : {}),
            ...(b ? { baseline: b } : {}),
            ...(baseline ? { precisionChange: diff(c?.precision, b?.precision) } : {}),
            ...(baseline ? { recallChange: diff(c?.recall, b?.recall) } : {})
        };
    });
    const weight = (x) => baseline ? Math.abs(x.recallChange ?? 1) + Math.abs(x.precisionChange ?? 1) : (x.current?.support ?? 0);
    const order = [...classes].sort((a, b) => weight(b) - weight(a));
    // The shown classes keep the label order (a matrix reads best with rows and columns in the same order).
    const picked = new Set(order.slice(0, Math.max(1, maxShown)).map(x => x.label));
    const accuracy = accuracyOf(current);
    const baselineAccuracy = baseline ? accuracyOf(baseline) : undefined;
    return {
        name: current.name,
        current,
        ...(baseline ? { baseline } : {}),
        classes: order,
        shown: labels.filter(l => picked.has(l)),
        ...(accuracy !== undefined ? { accuracy } : {}),
        ...(baselineAccuracy !== undefined ? { baselineAccuracy } : {})
    };
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
        out.push(paragraph(text `… and ${view.confusion.length - maxMatrices} more confusion matrices, not shown (the first ${maxMatrices} by name are).`));
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
/** The part of a compared matrix the comment shows. */
function confusionView(m) {
    const byLabel = new Map(m.classes.map(c => [c.label, c]));
    const folded = m.current.classes.filter(p => !m.shown.includes(p));
    return {
        name: m.name,
        rows: m.shown.map(label => byLabel.get(label)),
        counts: m.shown.map(a => m.shown.map(p => countOf(m.current, a, p))),
        other: m.shown.map(a => folded.reduce((sum, p) => sum + countOf(m.current, a, p), 0)),
        classCount: m.classes.length,
        withBaseline: !!m.baseline,
        ...(m.accuracy !== undefined ? { accuracy: m.accuracy } : {}),
        ...(m.baselineAccuracy !== undefined ? { baselineAccuracy: m.baselineAccuracy } : {})
    };
}
/** The matrix (rows actual, columns predicted) with recall and precision per class and their changes. */
function confusionBlocks(m) {
    const folded = m.classCount - m.rows.length;
    const { withBaseline } = m;
    const header = [
        own `actual ╲ predicted`,
        ...m.rows.map(c => untrustedCode(c.label, 40)),
        ...(folded ? [own `other ${folded}`] : []),
        own `recall`,
        ...(withBaseline ? [own `Δ recall`] : []),
        own `precision`,
        ...(withBaseline ? [own `Δ precision`] : [])
    ];
    const rows = m.rows.map((c, i) => {
        const isNew = !!c.current && !c.baseline;
        return [
            untrustedCode(c.label, 40),
            ...m.counts[i].map(n => own `${n}`),
            ...(folded ? [own `${m.other[i]}`] : []),
            score(c.current?.recall),
            ...(withBaseline ? [change(c.recallChange, isNew)] : []),
            score(c.current?.precision),
            ...(withBaseline ? [change(c.precisionChange, isNew)] : [])
        ];
    });
    const blocks = [
        table(['left', ...header.slice(1).map(() => 'right')], header, rows)
    ];
    if (folded)
        blocks.push(paragraph(text `${folded} of ${m.classCount} classes folded into "other": ${withBaseline ? own `the ones whose recall and precision changed least` : own `the ones with the fewest samples`}.`));
    return blocks;
}
/**
 * The URL of an image on an assets branch, under the repository's web page (`…/OWNER/REPO/raw/BRANCH/PATH`);
 * undefined unless the branch and the path are as promote writes them (they may come from a baseline file).
 */
function assetsBranchImageUrl(repositoryUrl, branch, file) {
    if (!repositoryUrl || !isAssetsBranchName(branch) || !isAssetPath(file))
        return undefined;
    return githubUrl(repositoryUrl, 'raw', ...branch.split('/'), ...file.split('/'));
}
/** The champion's recorded plots in the living docs: its images and its confusion matrices (folded). */
function recordedPlotsBlocks(plots, repositoryUrl) {
    if (!plots || !Array.isArray(plots.images) || !Array.isArray(plots.confusion))
        return [];
    const images = plots.images.flatMap(im => {
        const url = assetsBranchImageUrl(repositoryUrl, plots.branch, im?.path);
        return url ? [[untrustedCode(im.name, 80), image(url, im.name)]] : [];
    });
    const out = [];
    if (images.length)
        out.push(table([null, 'center'], [own `image`, own `champion`], images));
    for (const m of plots.confusion.slice(0, 3)) {
        if (!isConfusionMatrix(m))
            continue;
        out.push(...details([text `Confusion matrix `, untrustedCode(m.name, 80)], confusionBlocks(confusionView(compareConfusion(m)))));
    }
    return out;
}

export { matrixFromCells as a, compareConfusion as b, confusionView as c, assetsBranchImageUrl as d, isConfusionMatrix as i, matrixFromPairs as m, plotsBlocks as p, recordedPlotsBlocks as r };
