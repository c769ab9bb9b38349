import { r as labelP, f as checkNote, i as checkText, t as significanceWords } from './findings.js';

/** An empty metadata record with the defaults every source starts from. */
function emptyMetadata() {
    return { tags: [], status: 'finished', environment: {} };
}
/** Builds a run with empty params, metrics and metadata filled in. */
function makeRun(fields) {
    return {
        params: {},
        metrics: {},
        ...fields,
        metadata: { ...emptyMetadata(), ...(fields.metadata ?? {}) }
    };
}
/** A diagnostic's location as `file:line:column (run, key)` for logs and messages. */
function formatDiagnostic(d) {
    const where = [d.file, d.line, d.line !== undefined ? d.column : undefined]
        .filter(x => x !== undefined)
        .join(':');
    const context = [d.run && `run ${JSON.stringify(d.run)}`, d.key && `key ${JSON.stringify(d.key)}`]
        .filter(Boolean)
        .join(', ');
    return `${where}${context ? ` (${context})` : ''}: ${d.message}`;
}
/** Flattens nested objects into dotted keys (`{a: {b: 1}}` → `{'a.b': 1}`); arrays become JSON text. */
function flattenParams(value, prefix = '', out = {}, depth = 0) {
    if (value === null || typeof value !== 'object') {
        if (prefix)
            out[prefix] = toParamValue(value);
        return out;
    }
    if (Array.isArray(value) || depth > 32) {
        if (prefix)
            out[prefix] = safeJson(value);
        return out;
    }
    for (const [k, v] of Object.entries(value)) {
        flattenParams(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
    }
    return out;
}
/** Turns any logged value into a ParamValue without losing its text. */
function toParamValue(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'string' || typeof value === 'boolean')
        return value;
    if (typeof value === 'number')
        return value;
    if (typeof value === 'bigint')
        return value.toString();
    return safeJson(value);
}
/** The canonical text of a param value, used to tell whether two values differ. */
function paramText(value) {
    if (value === undefined)
        return '';
    if (value === null)
        return 'null';
    return String(value);
}
function safeJson(value) {
    try {
        return JSON.stringify(value) ?? String(value);
    }
    catch {
        return String(value);
    }
}

const MINUS = '−';
/** Decimal places for a metric, from the magnitude of its values. */
function decimalsFor(...values) {
    const finite = values.filter((v) => v !== undefined && Number.isFinite(v)).map(Math.abs);
    const largest = finite.length ? Math.max(...finite) : 0;
    if (largest >= 1000)
        return 0;
    if (largest >= 10)
        return 1;
    if (largest >= 1)
        return 3;
    return 4;
}
/** A number with a proper minus sign; NaN and infinities spelled out. */
function fmtNumber(value, decimals) {
    if (Number.isNaN(value))
        return 'NaN';
    if (value === Infinity)
        return '∞';
    if (value === -Infinity)
        return `${MINUS}∞`;
    const abs = Math.abs(value);
    const s = abs !== 0 && (abs >= 1e9 || abs < 10 ** -decimals / 2) ? value.toExponential(3) : value.toFixed(decimals);
    return s.replace(/^-/, MINUS);
}
/** A signed number: +1.00 or −1.00. */
function fmtSigned(value, decimals) {
    const s = fmtNumber(value, decimals);
    return value > 0 ? `+${s}` : s;
}
/** A metric value: mean ± sd when there are samples, the exact text when a double could not hold it. */
function fmtStat(stat, decimals) {
    if (!stat)
        return '—';
    if (stat.exact)
        return stat.exact;
    const base = fmtNumber(stat.value, decimals);
    return stat.n > 1 && stat.sd !== undefined ? `${base} ± ${fmtNumber(stat.sd, decimals)}` : base;
}
/** True when a change reads best in percentage points (a maximised fraction such as accuracy). */
function inPoints(m) {
    const values = [m.baseline?.value, m.current?.value].filter((v) => v !== undefined);
    return m.goal === 'maximize' && values.length > 0 && values.every(v => v >= 0 && v <= 1);
}
/** The change of a metric: "−3.00 pts (−3.3%)" or "+0.010 (+3.3%)" (relative part optional); "new" or "vanished". */
function fmtChange(m, withRelative = true) {
    if (m.status === 'added')
        return 'new';
    if (m.status === 'removed')
        return 'vanished';
    if (m.change === undefined)
        return 'not comparable';
    const decimals = decimalsFor(m.baseline?.value, m.current?.value);
    const absolute = inPoints(m) ? `${fmtSigned(m.change * 100, 2)} pts` : fmtSigned(m.change, decimals);
    if (!withRelative)
        return absolute;
    const relative = m.relativeChange !== undefined && Number.isFinite(m.relativeChange)
        ? ` (${fmtSigned(m.relativeChange * 100, 1)}%)`
        : '';
    return `${absolute}${relative}`;
}
/** The arrow of a metric's goal: ↑ maximize, ↓ minimize. */
function goalArrow(m) {
    return m.goal === 'maximize' ? '↑' : '↓';
}
/** What the numbers mean, in words: "significant drop (p = 0.004)", "within noise (p = 0.41)", "better". */
function fmtMeaning(m) {
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
/** The rule status of a metric in words: "rule: drop ≤ 1% broken", "rule: ≤ 50 met", "not gated". */
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
        .join('; ');
}
/** A one-line sentence for a metric: "accuracy −0.80 pts (p = 0.41, within noise)". */
function metricSentence(m) {
    return `${m.name} ${fmtChange(m, false)}${m.significance ? ` (${significanceWords(m.significance)})` : ''}`;
}
/** The status icon of a metric row. */
function metricIcon(m) {
    if (m.broken)
        return '❌';
    if (m.accepted)
        return '⚠️';
    if (!m.gated)
        return '➖';
    return '✅';
}
/** A short commit sha. */
function shortSha(sha) {
    return sha ? sha.slice(0, 7) : undefined;
}

export { fmtStat as a, fmtChange as b, fmtMeaning as c, decimalsFor as d, fmtRules as e, formatDiagnostic as f, goalArrow as g, flattenParams as h, emptyMetadata as i, fmtNumber as j, metricIcon as k, metricSentence as l, makeRun as m, fmtSigned as n, paramText as p, shortSha as s };
