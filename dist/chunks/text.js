import { O as trusted, P as neutralize, Q as thresholdText, R as significanceWords, B as checkNote, C as checkText, S as labelP, f as formatDiagnostic, T as unreadableLabel, U as readErrorsText, q as paramText } from './findings.js';

const MINUS = '−';
/** The fewest significant digits a number is ever shown with, in every surface. */
const MIN_SIGNIFICANT_DIGITS = 3;
/** The most decimal places a number is written with before it switches to exponent notation. */
const MAX_DECIMALS = 6;
/** Decimal places a value needs to show `digits` significant digits (3: 0.00025 → 6, 0.9 → 3, 12.5 → 1, 123456 → 0). */
function decimalsToKeepDigits(abs, digits = MIN_SIGNIFICANT_DIGITS) {
    return Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
}
/**
 * Decimal places for a column of values, from their magnitude (4 below 1, 3 below 10, 1 below 1000, else 0), and
 * more when a small value needs them to keep three significant digits (up to six places).
 */
function decimalsFor(...values) {
    const finite = values.filter((v) => v !== undefined && Number.isFinite(v)).map(Math.abs);
    const largest = finite.length ? Math.max(...finite) : 0;
    const byMagnitude = largest >= 1000 ? 0 : largest >= 10 ? 1 : largest >= 1 ? 3 : 4;
    const needed = finite.filter(v => v > 0).map(v => Math.min(MAX_DECIMALS, decimalsToKeepDigits(v)));
    return Math.max(byMagnitude, ...needed);
}
/**
 * A number with a proper minus sign; NaN and infinities spelled out. `decimals` is a minimum (so a column lines up);
 * a value that would keep fewer than `minSignificant` significant digits gets more places (0.00025 → 0.000250), or
 * exponent notation beyond six places or from 1e9 up (2.50e-7, 1.23e+12).
 */
function fmtNumber(value, decimals, minSignificant = MIN_SIGNIFICANT_DIGITS) {
    if (Number.isNaN(value))
        return trusted('NaN');
    if (value === Infinity)
        return trusted('∞');
    if (value === -Infinity)
        return trusted(`${MINUS}∞`);
    const abs = Math.abs(value);
    let s;
    if (abs === 0)
        s = value.toFixed(decimals);
    else {
        const needed = Math.max(decimals, decimalsToKeepDigits(abs, minSignificant));
        s =
            abs >= 1e9 || needed > MAX_DECIMALS
                ? value.toExponential(MIN_SIGNIFICANT_DIGITS - 1)
                : value.toFixed(needed);
    }
    return trusted(s.replace(/^-/, MINUS));
}
/**
 * A signed difference: +1.00 or −1.00, at the decimals of the values it is the difference of (a change is as precise
 * as its values), never rounded to zero: a change too small for those decimals gets its first digit.
 */
function fmtSigned(value, decimals, minSignificant = 1) {
    const s = fmtNumber(value, decimals, minSignificant);
    return value > 0 ? trusted(`+${s}`) : s;
}
/** The exact text of a number a double could not hold, as read from a run file (digits only, else made inert). */
function exactText(exact) {
    return trusted(/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(exact) ? exact : neutralize(exact, 40));
}
/** A metric value: mean ± sd when there are samples, the exact text when a double could not hold it. */
function fmtStat(stat, decimals) {
    if (!stat)
        return trusted('—');
    if (stat.exact)
        return exactText(stat.exact);
    const base = fmtNumber(stat.value, decimals);
    // The spread is shown at the value's decimals (one significant digit at least): it qualifies the value.
    return stat.n > 1 && stat.sd !== undefined ? trusted(`${base} ± ${fmtNumber(stat.sd, decimals, 1)}`) : base;
}
/** True when a change reads best in percentage points (a maximised fraction such as accuracy). */
function inPoints(m) {
    const values = [m.baseline?.value, m.current?.value].filter((v) => v !== undefined);
    return m.goal === 'maximize' && values.length > 0 && values.every(v => v >= 0 && v <= 1);
}
/** The change of a metric: "−3.00 pts (−3.3%)" or "+0.010 (+3.3%)" (relative part optional); "new" or "vanished". */
function fmtChange(m, withRelative = true) {
    if (m.status === 'added')
        return trusted('new');
    if (m.status === 'removed')
        return trusted('vanished');
    if (m.change === undefined)
        return trusted('not comparable');
    const decimals = decimalsFor(m.baseline?.value, m.current?.value);
    const absolute = inPoints(m) ? `${fmtSigned(m.change * 100, 2)} pts` : fmtSigned(m.change, decimals);
    if (!withRelative)
        return trusted(absolute);
    const relative = m.relativeChange !== undefined && Number.isFinite(m.relativeChange)
        ? ` (${fmtSigned(m.relativeChange * 100, 1, 2)}%)`
        : '';
    return trusted(`${absolute}${relative}`);
}
/** The arrow of a metric's goal: ↑ maximize, ↓ minimize. */
function goalArrow(m) {
    return trusted(m.goal === 'maximize' ? '↑' : '↓');
}
/** What the numbers mean, in words: "significant drop (p = 0.004)", "within noise (p = 0.41)", "better". */
function fmtMeaning(m) {
    return trusted(meaningWords(m));
}
function meaningWords(m) {
    const s = m.significance;
    if (m.status === 'added')
        return 'new metric';
    if (m.status === 'removed')
        return 'no longer reported';
    if (m.status === 'not-comparable')
        return 'not comparable (not a finite number)';
    if (m.status === 'unchanged')
        return 'unchanged';
    const worse = m.status === 'regressed';
    const moved = worse ? (m.goal === 'maximize' ? 'drop' : 'rise') : 'improvement';
    const direction = worse ? 'worse' : 'better';
    switch (s?.state) {
        case 'significant':
            return `significant ${moved} (${labelP(s)})`;
        case 'within-noise':
            return `within noise (${labelP(s)})`;
        case 'uncomputable':
            return `${direction}; the p-value could not be computed`;
        case 'exact':
            return `${direction} (no variance: an exact difference)`;
        case 'inconclusive':
            return `${direction}; inconclusive: too few samples to test (${s.n.baseline} vs ${s.n.current})`;
        default:
            return `${direction} (single runs: no noise estimate)`;
    }
}
/**
 * The rule status of a metric in words: "rule: drop ≤ 1% broken", "rule: ≤ 50 met", "not gated", and who accepted a
 * regression and why. A plain string: it carries a login and a reason, so markdown takes it through `untrusted`.
 */
function fmtRules(m) {
    if (!m.checks.length)
        return m.gated ? 'gated' : 'not gated';
    return m.checks
        .map(c => {
        const note = checkNote(c, m.significance);
        const state = c.passed
            ? note
                ? `met (${note})`
                : 'met'
            : 'inconclusive' in c && c.inconclusive
                ? 'broken (inconclusive: too few samples to rule out noise)'
                : note
                    ? `broken (${note})`
                    : 'broken';
        return `rule: ${checkText(c, m)} ${state}`;
    })
        .concat(m.accepted ? [`accepted by ${m.accepted.by}: ${m.accepted.reason}`] : [])
        .join('; ');
}
/** A one-line sentence for a metric: "accuracy −0.80 pts (p = 0.41, within noise)". */
function metricSentence(m) {
    return `${m.name} ${fmtChange(m, false)}${m.significance ? ` (${significanceWords(m.significance)})` : ''}`;
}
/** The status icon of a metric row. */
function metricIcon(m) {
    return trusted(m.broken ? '❌' : m.accepted ? '⚠️' : !m.gated ? '➖' : '✅');
}
/** A short commit sha. */
function shortSha(sha) {
    return sha ? sha.slice(0, 7) : undefined;
}
/** A rules threshold as own text: `1%` or `0.01`. */
function fmtThreshold(t) {
    return trusted(thresholdText(t));
}

// Terminal escape sequences and other control characters from untrusted text must never reach the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Untrusted text made safe for a terminal line: control, escape and direction characters replaced. */
function plain(value, max = 80) {
    // `::` is broken so no workflow command (::error::, ::add-mask::) can start from untrusted text in a runner log.
    const s = String(value ?? '')
        .replace(/\r\n?|\n/g, ' ⏎ ')
        .replace(UNSAFE, '�')
        .replace(/::/g, ':\u200c:');
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
/** Lays out rows as aligned columns (the first row is the header). */
function columns(rows, align = []) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map(r => [...(r[i] ?? '')].length)));
    const line = (r) => r
        .map((c, i) => {
        const pad = ' '.repeat(widths[i] - [...c].length);
        return align[i] === 'right' ? pad + c : c + pad;
    })
        .join('  ')
        .trimEnd();
    return [line(rows[0]), widths.map(w => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
/** A list of runs as terminal text. */
function renderRunList(runs) {
    if (!runs.length)
        return 'No runs found.\n';
    const rows = [['run', 'format', 'status', 'metrics', 'params', 'path']];
    for (const r of runs)
        rows.push([
            plain(r.name, 40),
            r.source,
            r.readErrors?.length ? `⚠ ${unreadableLabel(r.readErrors)}` : r.metadata.status,
            String(Object.keys(r.metrics).length),
            String(Object.keys(r.params).length),
            plain(r.path, 60)
        ]);
    const damaged = runs.filter(r => r.readErrors?.length);
    const notes = damaged.map(r => `⚠ ${plain(r.name, 40)}: ${plain(readErrorsText(r.readErrors ?? []), 300)}`);
    return `${[columns(rows), ...(notes.length ? ['', ...notes] : [])].join('\n')}\n`;
}
/** One run in detail as terminal text. */
function renderRun(run) {
    const out = [
        `${plain(run.name, 100)}  (${run.source}, ${plain(run.path, 100)})`,
        run.readErrors?.length
            ? `status: ⚠ ${unreadableLabel(run.readErrors)} (what was read says ${run.metadata.status})`
            : `status: ${run.metadata.status}${run.metadata.statusReason ? ` (${plain(run.metadata.statusReason)})` : ''}`,
        ...(run.readErrors ?? []).map(d => `  ⚠ ${plain(formatDiagnostic({ ...d, run: undefined }), 300)}`)
    ];
    const m = run.metadata;
    for (const [label, value] of [
        ['commit', m.gitCommit],
        ['data', m.dataVersion],
        ['group', m.group],
        ['author', m.author],
        ['description', m.description],
        ['hypothesis', m.hypothesis]
    ]) {
        if (value)
            out.push(`${label}: ${plain(value, 120)}`);
    }
    if (m.tags.length)
        out.push(`tags: ${m.tags.map(t => plain(t, 40)).join(', ')}`);
    const metrics = Object.entries(run.metrics);
    if (metrics.length) {
        const rows = [['metric', 'value', 'history']];
        for (const [k, v] of metrics)
            rows.push([
                plain(k, 50),
                v.exact ?? fmtStat({ value: v.value, samples: [v.value], n: 1 }, decimalsFor(v.value)),
                historyText(v)
            ]);
        out.push('', columns(rows, ['left', 'right', 'left']));
    }
    const params = Object.entries(run.params);
    if (params.length) {
        const rows = [['param', 'value']];
        for (const [k, v] of params)
            rows.push([plain(k, 50), plain(paramText(v), 60)]);
        out.push('', columns(rows));
    }
    const env = Object.entries(m.environment);
    if (env.length)
        out.push('', ...env.map(([k, v]) => `env ${plain(k, 30)}: ${plain(v, 80)}`));
    return `${out.join('\n')}\n`;
}
/** A history's length: "1,001 points (500 kept)" when the reader thinned it, "120 points" when it kept all. */
function historyText(metric) {
    if (!metric.history)
        return '';
    const kept = metric.history.length;
    const full = Math.max(metric.historyPoints ?? kept, kept);
    const count = (n) => n.toLocaleString('en-US');
    return full > kept
        ? `${count(full)} point${full === 1 ? '' : 's'} (${count(kept)} kept)`
        : `${count(full)} point${full === 1 ? '' : 's'}`;
}
/** Diagnostics as terminal lines for stderr. */
function renderDiagnostics(diagnostics) {
    return diagnostics
        .map(d => `${d.severity}: ${plain(formatDiagnostic(d), 400)}`)
        .join('\n');
}

export { renderRunList as a, renderRun as b, columns as c, decimalsFor as d, fmtThreshold as e, fmtStat as f, fmtNumber as g, fmtChange as h, fmtMeaning as i, fmtSigned as j, goalArrow as k, fmtRules as l, metricSentence as m, metricIcon as n, plain as p, renderDiagnostics as r, shortSha as s };
