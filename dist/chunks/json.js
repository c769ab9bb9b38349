import { q as paramText, r as overfittingText, w as clauseReason, x as hypothesisReason, v as violationMessage, y as checklistDetail, z as warningMessage, A as notLikeForLikeText, B as checkNote, C as checkText, D as noVarianceText, E as untestedText } from './findings.js';
import './conventions.js';

/** The JSON report's schema name and version. */
const REPORT_SCHEMA = { schema: 'experiment-review/report', version: 1 };
/** NaN and ±Infinity as the strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers). */
const nonFiniteAsText = (_k, v) => typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
/** JSON with NaN and ±Infinity written as the strings "NaN", "Infinity", "-Infinity". */
function toJson(value) {
    return `${JSON.stringify(value, nonFiniteAsText, 2)}\n`;
}
/** The JSON report of a comparison: its facts, with the words of the comment beside them. */
function renderJsonReport(c) {
    return toJson({ ...REPORT_SCHEMA, ...withWords(c) });
}
/** The comparison with each finding's words added: message, text, note, detail, reason. */
function withWords(c) {
    return {
        ...c,
        metrics: c.metrics.map(m => ({
            ...m,
            significance: m.significance && {
                ...m.significance,
                ...(m.significance.state === 'inconclusive' || m.significance.state === 'uncomputable'
                    ? { inconclusive: untestedText(m.significance) }
                    : {}),
                ...(m.significance.state === 'exact' ? { reason: noVarianceText(!!m.significance.significant) } : {})
            },
            checks: m.checks.map(check => {
                const note = checkNote(check, m.significance);
                return { ...check, text: checkText(check, m), ...(note ? { note } : {}) };
            })
        })),
        notLikeForLike: c.notLikeForLike.map(notLikeForLikeText),
        warnings: c.warnings.map(w => ({ ...w, message: warningMessage(w) })),
        reproducibility: c.reproducibility.map(r => ({
            ...r,
            items: r.items.map(i => ({ ...i, detail: checklistDetail(i) }))
        })),
        violations: c.violations.map(v => ({ ...v, message: violationMessage(v) })),
        hypotheses: c.hypotheses.map(h => ({
            ...h,
            reason: hypothesisReason(h),
            clauses: h.clauses.map(clause => ({ ...clause, reason: clauseReason(clause) }))
        })),
        overfitting: c.overfitting.map(o => ({ ...o, message: overfittingText(o) }))
    };
}
/** A CSV cell: quoted when needed, and a leading = + - @ neutralised so spreadsheets never run it as a formula. */
function csvCell(value) {
    let s = value === undefined || value === null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s))
        s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** Runs as CSV: one row per run, a column per metric (final value) and per param (`param.` prefix). */
function runsToCsv(runs) {
    const metrics = [...new Set(runs.flatMap(r => Object.keys(r.metrics)))].sort();
    const params = [...new Set(runs.flatMap(r => Object.keys(r.params)))].sort();
    const header = [
        'run',
        'format',
        'path',
        'status',
        'git_commit',
        'data_version',
        'group',
        ...metrics,
        ...params.map(p => `param.${p}`)
    ];
    const rows = runs.map(r => [
        r.name,
        r.source,
        r.path,
        r.metadata.status,
        r.metadata.gitCommit,
        r.metadata.dataVersion,
        r.metadata.group,
        ...metrics.map(m => (r.metrics[m] ? (r.metrics[m].exact ?? String(r.metrics[m].value)) : '')),
        ...params.map(p => (p in r.params ? paramText(r.params[p]) : ''))
    ]);
    return `${[header, ...rows].map(row => row.map(csvCell).join(',')).join('\n')}\n`;
}
/** The run export's schema name and version. */
const RUNS_SCHEMA = { schema: 'experiment-review/runs', version: 1 };
/** Runs as JSON for export, in one string (runsJsonChunks for a store of any size). */
function runsToJson(runs) {
    return toJson({ ...RUNS_SCHEMA, runs });
}
/**
 * The text of runsToJson in pieces: the opening, then one piece per run, then the closing. A large store's export
 * is over the longest string V8 can make (about 512 MiB), so it is written piece by piece, never joined.
 */
function* runsJsonChunks(runs) {
    if (!runs.length) {
        yield runsToJson(runs);
        return;
    }
    // `{ "schema": …, "version": 1, "runs": [] }` as toJson lays it out, cut between the brackets.
    const frame = JSON.stringify({ ...RUNS_SCHEMA, runs: [] }, null, 2);
    const at = frame.lastIndexOf('[]') + 1;
    yield frame.slice(0, at);
    // Each run as an array element: two levels deep (JSON strings hold no raw newline, so every line is indented).
    for (let i = 0; i < runs.length; i++)
        yield `${i ? ',' : ''}\n    ${JSON.stringify(runs[i], nonFiniteAsText, 2).replace(/\n/g, '\n    ')}`;
    yield `\n  ${frame.slice(at)}\n`;
}

export { REPORT_SCHEMA, csvCell, renderJsonReport, runsJsonChunks, runsToCsv, runsToJson, toJson };
