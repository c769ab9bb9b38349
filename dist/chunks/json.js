import { r as paramText, w as overfittingText, x as clauseReason, y as hypothesisReason, v as violationMessage, z as checklistDetail, A as warningMessage, B as notLikeForLikeText, C as checkNote, D as checkText, E as noVarianceText, F as untestedText } from './findings.js';
import './conventions.js';
import './_commonjsHelpers.js';
import 'node:path';
import 'node:process';
import 'node:url';

/** The JSON report's schema name and version. */
const REPORT_SCHEMA = { schema: 'experiment-review/report', version: 1 };
/** JSON with NaN and ±Infinity written as the strings "NaN", "Infinity", "-Infinity". */
function toJson(value) {
    return `${JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
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
/** Runs as JSON for export. */
function runsToJson(runs) {
    return toJson({ schema: 'experiment-review/runs', version: 1, runs });
}

export { REPORT_SCHEMA, csvCell, renderJsonReport, runsToCsv, runsToJson, toJson };
