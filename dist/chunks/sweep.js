import { d as decimalsFor, h as fmtNumber, m as fmtSigned, n as numberOf } from './text.js';
import { p as paragraph, t as text, N as code, o as own, X as details, e as untrustedCode, i as strong, h as untrusted, W as table, L as heading, q as paramText } from './findings.js';

/** Parameter tables the job summary holds at most (all of them in the JSON report). */
const SUMMARY_PARAMETERS = 200;
/** Rows per parameter table in the job summary. */
const SUMMARY_LEVELS = 50;
/** Names listed in a sentence before "and N more". */
const NAMES_LISTED = 5;
/** Differences from the champion named in one cell before "and N more". */
const DIFFERENCES_LISTED = 4;
/** The comment's sweep part: parameter effects (the top ones shown, more folded) and the champion's neighbourhood. */
function sweepBlocks(c, budget) {
    const sweep = c.sweep;
    if (!sweep)
        return [];
    const shown = sweep.effects.slice(0, budget.parameters);
    const folded = sweep.effects.slice(budget.parameters, budget.parameters + budget.foldedParameters);
    const rest = sweep.effects.length - shown.length - folded.length;
    const blocks = [
        effectsIntro(sweep),
        ...shown.flatMap(e => effectBlocks(sweep, e, budget.levels))
    ];
    if (folded.length || rest > 0 || sweep.identifiers.length || sweep.constant.length) {
        blocks.push(...details(sweep.effects.length > shown.length
            ? own `Other parameters (${sweep.effects.length - shown.length} more that vary)`
            : own `Parameters left out`, [
            ...folded.flatMap(e => effectBlocks(sweep, e, budget.levels)),
            ...(rest > 0
                ? [paragraph(text `… and ${rest} more parameters in the job summary and the JSON report.`)]
                : []),
            ...leftOutParameters(sweep)
        ]));
    }
    return [...blocks, ...neighbourhoodBlocks(sweep, budget)];
}
/** The job summary's sweep part: every parameter's table (up to SUMMARY_PARAMETERS), unfolded. */
function sweepSummaryBlocks(c) {
    const sweep = c.sweep;
    if (!sweep)
        return [];
    const listed = sweep.effects.slice(0, SUMMARY_PARAMETERS);
    return [
        heading(3, text `Parameter effects: every parameter that varies (${sweep.effects.length})`),
        effectsIntro(sweep),
        ...listed.flatMap(e => effectBlocks(sweep, e, SUMMARY_LEVELS)),
        ...(sweep.effects.length > listed.length
            ? [paragraph(text `… and ${sweep.effects.length - listed.length} more parameters in the JSON report.`)]
            : []),
        ...leftOutParameters(sweep)
    ];
}
function effectsIntro(sweep) {
    const left = sweep.leftOut ? text ` (${sweep.leftOut} left out: failed, or no value of it)` : text ``;
    return paragraph(strong(text `Parameter effects`), text ` on `, strong(untrusted(sweep.primary)), text ` over ${sweep.configurations} configurations`, left, text `: for each value, the number of ${unitOf(sweep)}, the mean and the best. The parameters whose values explain the most of its variance come first.`);
}
/** "runs" when every configuration is one run, "configurations" when some are repeats. */
function unitOf(sweep) {
    return sweep.runs === sweep.configurations ? own `runs` : own `configurations`;
}
/** One parameter: a line saying how much it matters, and its table of values. */
function effectBlocks(sweep, effect, maxLevels) {
    const d = decimalsFor(...effect.levels.flatMap(l => [l.mean, l.best]));
    const share = effect.varianceShare === undefined
        ? text `: no value repeats, so its share of the variance is not estimated; means differ by up to ${fmtNumber(effect.spread, d)}`
        : text `: its values explain ${Math.round(effect.varianceShare * 100)}% of the variance; means differ by up to ${fmtNumber(effect.spread, d)}`;
    const binned = effect.binned
        ? text ` (${effect.distinct} values in ${effect.levels.length} ranges of about equal counts)`
        : text ``;
    const levels = effect.levels.slice(0, maxLevels);
    const rows = levels.map(l => levelRow(l, d));
    if (effect.levels.length > levels.length)
        rows.push([own `… ${effect.levels.length - levels.length} more values in the JSON report`]);
    return [
        paragraph(strong(untrustedCode(effect.name)), share, binned, text `.`),
        table([null, 'right', 'right', 'right', null], [
            [untrusted(effect.name)],
            unitOf(sweep),
            [text `mean `, untrusted(sweep.primary)],
            [text `best `, untrusted(sweep.primary)],
            own `best run`
        ], rows)
    ];
}
function levelRow(l, d) {
    const label = l.level.kind === 'unset'
        ? own `not set`
        : l.level.kind === 'range'
            ? own `${fmtNumber(l.level.low, 0)} – ${fmtNumber(l.level.high, 0)}`
            : [paramValue(l.level.value, true)];
    return [label, own `${l.count}`, fmtNumber(l.mean, d), fmtNumber(l.best, d), [untrustedCode(l.bestRun)]];
}
/** The parameters left out of the effects: identifiers and those with one value. */
function leftOutParameters(sweep) {
    const parts = [];
    if (sweep.identifiers.length)
        parts.push(text `Left out as identifiers (seeds, folds, run ids, text that differs in every run): `, ...nameList(sweep.identifiers), text `.`);
    if (sweep.constant.length)
        parts.push(text `${parts.length ? own ` ` : own ``}${sweep.constant.length} parameters have the same value in every configuration.`);
    return parts.length ? [paragraph(...parts)] : [];
}
/** The best configurations with the parameters in which each differs from the champion; the rest folded. */
function neighbourhoodBlocks(sweep, budget) {
    const list = sweep.neighbourhood;
    const d = decimalsFor(...list.map(n => n.value));
    const header = [
        own `#`,
        own `run`,
        [untrusted(sweep.primary)],
        own `vs champion`,
        own `differs from the champion in`
    ];
    const align = ['right', null, 'right', 'right', null];
    const shown = list.slice(0, budget.neighbours);
    // The champion is always among the rows shown, even when a reviewer picked one further down.
    const champion = list.find(n => n.champion);
    if (champion && !shown.includes(champion))
        shown.push(champion);
    const folded = list.filter(n => !shown.includes(n)).slice(0, budget.foldedNeighbours);
    const blocks = [
        paragraph(strong(text `The champion's neighbourhood`), text `: the best configurations on `, untrusted(sweep.primary), text ` and the parameters in which each differs from the champion.`),
        table(align, header, shown.map(n => neighbourRow(n, d)))
    ];
    if (folded.length)
        blocks.push(...details(own `The next ${folded.length} best configurations`, [
            table(align, header, folded.map(n => neighbourRow(n, d)))
        ]));
    return blocks;
}
function neighbourRow(n, d) {
    const shown = n.differences.slice(0, DIFFERENCES_LISTED);
    const differences = shown.flatMap((x, i) => [
        ...(i ? [text `, `] : []),
        untrustedCode(x.name),
        text ` `,
        paramValue(x.value),
        text ` (`,
        paramValue(x.champion),
        text `)`
    ]);
    if (n.differences.length > shown.length)
        differences.push(text ` and ${n.differences.length - shown.length} more`);
    return [
        own `${n.rank}`,
        [untrustedCode(n.name), ...(n.champion ? [text ` 🏆`] : [])],
        fmtNumber(n.value, d),
        n.champion ? own `—` : fmtSigned(n.difference, d),
        n.champion ? own `the champion` : n.differences.length ? differences : own `no varying parameter`
    ];
}
/**
 * What was selected in shared stores and what that left out; without a selection, when the runs come from several
 * experiments (MLflow experiments, W&B projects), that they are ranked together and how to review one.
 */
function selectionBlocks(c) {
    const s = c.selection;
    if (!s)
        return [];
    const { experiments, tags = [], groups = [] } = s.selected;
    const selective = experiments.length + tags.length + groups.length > 0;
    if (!selective) {
        if (s.experiments.length < 2)
            return [];
        return [
            paragraph(text `⚠️ These runs come from ${s.experiments.length} experiments (`, ...nameList(s.experiments), text `) and are ranked together. To review one, name it in `, code `select.experiments`, text ` of the rules file.`)
        ];
    }
    const parts = [text `Selected`];
    const add = (label, patterns) => {
        if (!patterns.length)
            return;
        parts.push(text `${parts.length > 1 ? own `;` : own ``} ${label} `, ...nameList(patterns));
    };
    add(own `experiments`, experiments);
    add(own `tags`, tags);
    add(own `groups`, groups);
    parts.push(text `. `);
    if (s.experiments.length)
        parts.push(text `Reviewed: runs of `, ...nameList(s.experiments), text `. `);
    if (s.leftOut) {
        parts.push(text `Left out: ${s.leftOut} runs`);
        if (s.leftOutExperiments.length)
            parts.push(text ` (of `, ...nameList(s.leftOutExperiments), text `)`);
        parts.push(text `.`);
    }
    else
        parts.push(text `No run was left out.`);
    return [paragraph(...parts)];
}
/**
 * A parameter value: a number (or numeric text, as MLflow logs it) written by us with at most 4 significant digits;
 * other values as untrusted text, or inline code in a table's first column; "not set" when absent.
 */
function paramValue(value, asCode = false) {
    if (value === undefined || value === null)
        return text `not set`;
    const n = numberOf(value);
    if (n !== undefined)
        return text `${Number(n.toPrecision(4))}`;
    return asCode ? untrustedCode(paramText(value), 60) : untrusted(paramText(value), 40);
}
/** Names as inline code, comma-separated, the first NAMES_LISTED and then how many more. */
function nameList(names) {
    const out = [];
    names
        .slice(0, NAMES_LISTED)
        .forEach((name, i) => out.push(...(i ? [text `, `] : []), untrustedCode(name, 80)));
    if (names.length > NAMES_LISTED)
        out.push(text ` and ${names.length - NAMES_LISTED} more`);
    return out;
}

export { selectionBlocks as a, sweepBlocks as b, sweepSummaryBlocks as s };
