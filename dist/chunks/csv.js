import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { a1 as flattenParams, a2 as makeRun } from './findings.js';
import { H as HistoryBuilder, m as metricFromColumns } from './history.js';
import { t as claimCsv, L as LIGHTNING_METRICS_FILE } from './detect.js';
import { a as readYamlExact, i as isRecord, p as plainParams, d as describeValue, t as truncate } from './structured.js';
import './conventions.js';
import 'node:fs';
import 'node:fs/promises';
import './read-buffer.js';
import 'node:url';

// CSV training logs: Keras `CSVLogger` files (an `epoch` column) and Lightning `CSVLogger` folders
// (`metrics.csv` with `step`/`epoch` and sparse metric columns, `hparams.yaml` beside it). Files are
// streamed, never read whole. Also home of the small helpers the DVC and Hugging Face readers share:
// a streaming delimited-text parser, exact YAML/TOML reading, and number and metric flattening.
/** The file Lightning writes the hyperparameters to, beside metrics.csv. */
const LIGHTNING_HPARAMS_FILE = 'hparams.yaml';
/** The longest field the parser accepts before it gives up on a file (a quote that never closes). */
const MAX_FIELD_CHARS = 1024 * 1024;
/** The most columns a training log may have. */
const MAX_COLUMNS = 10_000;
/** Reads Keras and Lightning CSV training logs. */
const csvSource = {
    format: 'csv',
    claim: claimCsv,
    async read(claimPath, ctx, claim) {
        const run = await readCsvLogRun(claimPath, ctx, { byNameOnly: claim.byNameOnly === true });
        return run ? [run] : [];
    }
};
/**
 * Reads one CSV training log (and `hparams.yaml` beside a Lightning `metrics.csv`) into a run. A file claimed by
 * its name only (`byNameOnly`) is skipped quietly when it has no step or epoch column; otherwise that is an error.
 */
async function readCsvLogRun(file, ctx, options = {}) {
    const dir = path.dirname(file);
    const isLightning = path.basename(file).toLowerCase() === LIGHTNING_METRICS_FILE;
    const relDir = ctx.rel(dir);
    const name = isLightning
        ? relDir === '.'
            ? path.basename(ctx.workspace)
            : relDir
        : ctx.rel(file).replace(/\.(csv|log)$/i, '');
    const place = { run: name };
    const requireStep = isLightning || !options.byNameOnly;
    const log = await readSeriesTable(file, ctx, place, { requireStep, explicitName: !isLightning });
    if (!log)
        return undefined;
    const params = {};
    const { files } = await ctx.list(dir);
    if (isLightning && files.includes(LIGHTNING_HPARAMS_FILE)) {
        const hparamsFile = path.join(dir, LIGHTNING_HPARAMS_FILE);
        const raw = await readYamlExact(ctx, hparamsFile, place);
        if (raw !== undefined && raw !== null) {
            if (isRecord(raw))
                Object.assign(params, flattenParams(plainParams(raw)));
            else
                ctx.error(hparamsFile, `must hold a mapping of hyperparameters, found ${describeValue(raw)}; it was ignored`, place);
        }
    }
    return makeRun({
        id: `csv:${ctx.rel(file)}`,
        name,
        source: 'csv',
        path: ctx.rel(file),
        params,
        metrics: log.metrics
    });
}
/**
 * Streams a CSV or TSV file whose header has a `step` (or `epoch`) column and turns every other numeric
 * column into a metric with a history. Rows sharing a step are merged; the final value is the one at
 * the highest step that has a value. Undefined when the file is not such a table.
 */
async function readSeriesTable(file, ctx, place, options) {
    const stream = await ctx.openStream(file, place);
    if (!stream)
        return undefined;
    const table = new SeriesTableReader(file, ctx, place);
    const ok = await parseDelimitedStream(stream, (fields, line) => table.record(fields, line), ctx, file, place, path.extname(file).toLowerCase() === '.tsv' ? '\t' : undefined);
    if (!ok)
        return undefined;
    const header = table.header;
    if (!header) {
        ctx.error(file, 'is empty; expected a header row with a step or epoch column', place);
        return undefined;
    }
    if (table.notTable) {
        if (options.requireStep) {
            const what = options.explicitName ? 'a training log' : 'a metrics table';
            ctx.warn(file, `has no "step" or "epoch" column in its header (${truncate(header.join(', '), 120)}), so it is not ${what}; it was skipped`, place);
        }
        return undefined;
    }
    table.reportBadValues(header);
    return { stepColumn: table.stepColumn, metrics: table.metrics(header, options.metricName) };
}
/** The state of one per-step table while its records stream in: the header's columns, the series, the bad cells. */
class SeriesTableReader {
    file;
    ctx;
    place;
    header;
    stepColumn = '';
    /** The header has no step or epoch column: the file is not a per-step table. */
    notTable = false;
    stepIndex = -1;
    timeIndex = -1;
    skipIndexes = new Set();
    /** One series per column; a later row with the same step replaces the earlier one's value. */
    series = new Map();
    badValue = new Map();
    raggedReported = false;
    badStepReported = 0;
    constructor(file, ctx, place) {
        this.file = file;
        this.ctx = ctx;
        this.place = place;
    }
    /** Takes one record (the header first); false stops the stream (the file is not a per-step table). */
    record(fields, line) {
        const header = this.header;
        if (!header)
            return this.readHeader(fields, line);
        if (fields.length === header.length && fields.every((f, i) => f.trim() === header[i])) {
            this.ctx.warn(this.file, 'repeats its header here (two logs written into one file?); rows after it are merged by step', { ...this.place, line });
            return true;
        }
        if (fields.length > header.length && !this.raggedReported) {
            this.raggedReported = true;
            this.ctx.warn(this.file, `row has ${fields.length} fields but the header has ${header.length}; the extra fields were ignored`, { ...this.place, line });
        }
        const step = this.stepOf(fields, line);
        if (step !== undefined)
            this.addRow(header, fields, line, step);
        return true;
    }
    /** Reads the header: the step, time and skipped columns; false when it has no step or epoch column. */
    readHeader(fields, line) {
        const header = fields.map(f => f.trim());
        this.header = header;
        const lower = header.map(h => h.toLowerCase());
        let stepIndex = lower.indexOf('step');
        if (stepIndex < 0)
            stepIndex = lower.indexOf('epoch');
        if (stepIndex < 0) {
            this.notTable = true;
            return false;
        }
        this.stepIndex = stepIndex;
        this.stepColumn = header[stepIndex];
        this.timeIndex = lower.findIndex(h => h === 'timestamp' || h === 'wall_time');
        // With a `step` column, `epoch` is a progress counter, not a metric.
        this.skipIndexes = new Set([stepIndex, this.timeIndex, lower[stepIndex] === 'step' ? lower.indexOf('epoch') : -1].filter(i => i >= 0));
        this.skipUnusableColumns(header, line);
        return true;
    }
    /** Skips columns with no name or a name already used, each with a warning. */
    skipUnusableColumns(header, line) {
        const seen = new Map();
        header.forEach((h, i) => {
            if (this.skipIndexes.has(i))
                return;
            if (h === '') {
                this.ctx.warn(this.file, `column ${i + 1} has no name in the header; it was skipped`, {
                    ...this.place,
                    line,
                    column: i + 1
                });
                this.skipIndexes.add(i);
            }
            else if (seen.has(h)) {
                this.ctx.warn(this.file, `column "${h}" appears twice in the header (columns ${(seen.get(h) ?? 0) + 1} and ${i + 1}); the second one was skipped`, {
                    ...this.place,
                    key: h,
                    line
                });
                this.skipIndexes.add(i);
            }
            else
                seen.set(h, i);
        });
    }
    /** The row's step; undefined (reported for the first three) when it is not a finite number. */
    stepOf(fields, line) {
        const stepText = (fields[this.stepIndex] ?? '').trim();
        const step = parseNumberText(stepText);
        if (step !== undefined && Number.isFinite(step))
            return step;
        if (this.badStepReported++ < 3) {
            this.ctx.error(this.file, `${this.stepColumn} is ${JSON.stringify(truncate(stepText))}; expected a number. The row was skipped`, {
                ...this.place,
                key: this.stepColumn,
                line,
                column: this.stepIndex + 1
            });
        }
        return undefined;
    }
    /** Adds the row's numbers to their columns' series; other cells are counted as bad values. */
    addRow(header, fields, line, step) {
        const timeIndex = this.timeIndex;
        const timestamp = timeIndex >= 0 ? parseNumberText((fields[timeIndex] ?? '').trim()) : undefined;
        for (let i = 0; i < header.length && i < fields.length; i++) {
            if (this.skipIndexes.has(i))
                continue;
            const text = fields[i].trim();
            if (text === '')
                continue;
            const value = parseNumberText(text);
            if (value === undefined) {
                const bad = this.badValue.get(i);
                if (bad)
                    bad.count++;
                else
                    this.badValue.set(i, { line, text, count: 1 });
                continue;
            }
            let points = this.series.get(i);
            if (!points)
                this.series.set(i, (points = new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'same-step' })));
            points.add(step, value, timestamp !== undefined && Number.isFinite(timestamp) ? timestamp : undefined);
        }
    }
    /** Reports the cells that were not numbers: a column of text only as a warning, stray text as an error. */
    reportBadValues(header) {
        for (const [i, bad] of this.badValue) {
            const column = header[i];
            const where = { ...this.place, key: column, line: bad.line, column: i + 1 };
            if (!this.series.get(i)?.length) {
                // A column of text only (a note, a name) is not a metric: say so once, without alarm.
                this.ctx.warn(this.file, `column "${column}" holds text such as ${JSON.stringify(truncate(bad.text))}, not numbers; it is not compared`, where);
            }
            else {
                const more = bad.count > 1 ? ` (and ${bad.count - 1} more such cells)` : '';
                this.ctx.error(this.file, `column "${column}" holds ${JSON.stringify(truncate(bad.text))}, not a number${more}; those cells were skipped`, where);
            }
        }
    }
    /** One metric per value column that has numbers; `metricName` names the only one when there is one. */
    metrics(header, metricName) {
        const valueColumns = header.map((_, i) => i).filter(i => !this.skipIndexes.has(i));
        const metrics = {};
        for (const i of valueColumns) {
            const built = this.series.get(i)?.buildColumns();
            if (!built)
                continue;
            const name = metricName && valueColumns.length === 1 ? metricName : header[i];
            metrics[name] = metricFromColumns(built);
        }
        return metrics;
    }
}
/** Parses one CSV cell as a number: decimal and exponent notation, and Python's nan / inf / -inf. */
function parseNumberText(text) {
    if (text === '')
        return undefined;
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text))
        return Number(text);
    const lower = text.toLowerCase();
    if (lower === 'nan' || lower === '+nan' || lower === '-nan')
        return NaN;
    if (/^\+?inf(inity)?$/.test(lower))
        return Infinity;
    if (/^-inf(inity)?$/.test(lower))
        return -Infinity;
    return undefined;
}
/**
 * Streams delimited text (CSV by default; the delimiter is taken from the header when not given) and
 * calls `onRecord` for each non-empty record with its fields and the line it starts on. Quoted fields may
 * hold delimiters, doubled quotes and line breaks; `\n`, `\r\n`, `\r\r\n` and `\r` all end a record.
 * `onRecord` returns false to stop early. False (with a diagnostic) when the stream fails or is malformed.
 * Longer than 80 lines on purpose: the parser's state (field, record, quotes, line) lives in locals shared by its
 * parts (endField, endRecord, consume), which run once per character of the file.
 */
// eslint-disable-next-line max-lines-per-function -- the parser's state is shared by its per-character parts (see above)
async function parseDelimitedStream(stream, onRecord, ctx, file, place, delimiter) {
    const decoder = new StringDecoder('utf8');
    let sep = delimiter;
    let carry = '';
    let first = true;
    let fields = [];
    let field = '';
    let quoted = false;
    let inQuotes = false;
    let line = 1;
    let recordLine = 1;
    let stopped = false;
    let failure;
    const endField = () => {
        fields.push(field);
        field = '';
        quoted = false;
        if (fields.length > MAX_COLUMNS)
            failure = `has more than ${MAX_COLUMNS} columns in one row`;
    };
    const endRecord = () => {
        if (fields.length === 0 && field === '' && !quoted)
            return;
        endField();
        if (failure)
            return;
        const record = fields;
        fields = [];
        if (!onRecord(record, recordLine))
            stopped = true;
    };
    /** Processes text; keeps back a trailing `\r` or `"` whose meaning depends on the next character. */
    const consume = (text, final) => {
        if (sep === undefined) {
            const end = text.search(/[\r\n]/);
            if (end < 0 && !final && text.length < 65536)
                return text;
            const head = end < 0 ? text : text.slice(0, end);
            const counts = [',', '\t', ';'].map(d => [d, head.split(d).length - 1]);
            sep = counts.reduce((best, c) => (c[1] > best[1] ? c : best), [',', 0])[0];
            if (counts.every(c => c[1] === 0))
                sep = ',';
        }
        let i = 0;
        for (; i < text.length && !stopped && !failure; i++) {
            const c = text[i];
            if (inQuotes) {
                if (c === '"') {
                    if (i + 1 >= text.length && !final)
                        return text.slice(i);
                    if (text[i + 1] === '"') {
                        field += '"';
                        i++;
                    }
                    else
                        inQuotes = false;
                }
                else {
                    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n' && text[i + 1] !== '\r'))
                        line++;
                    field += c;
                    if (field.length > MAX_FIELD_CHARS)
                        failure = `has a quoted field longer than ${MAX_FIELD_CHARS} characters (a quote that never closes?)`;
                }
                continue;
            }
            if (c === '\r' || c === '\n') {
                if (c === '\r' && i + 1 >= text.length && !final)
                    return text.slice(i);
                if (c === '\n' || (text[i + 1] !== '\n' && text[i + 1] !== '\r'))
                    line++;
                endRecord();
                recordLine = line;
                continue;
            }
            if (c === sep) {
                endField();
                continue;
            }
            if (c === '"' && field === '' && !quoted) {
                inQuotes = true;
                quoted = true;
                continue;
            }
            field += c;
            if (field.length > MAX_FIELD_CHARS)
                failure = `has a field longer than ${MAX_FIELD_CHARS} characters`;
        }
        return '';
    };
    try {
        for await (const chunk of stream) {
            let text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
            if (first && text.length > 0) {
                if (text.charCodeAt(0) === 0xfeff)
                    text = text.slice(1);
                first = false;
                if (text.slice(0, 8192).includes('\0')) {
                    ctx.error(file, 'is binary data (it contains NUL bytes), not a text table; it was skipped', place);
                    destroy(stream);
                    return false;
                }
            }
            carry = consume(text, false);
            if (stopped || failure)
                break;
        }
        if (!stopped && !failure) {
            consume(carry + decoder.end(), true);
            if (inQuotes && !failure)
                failure = 'ends inside a quoted field (the file is cut short?)';
            if (!failure)
                endRecord();
        }
    }
    catch (e) {
        ctx.error(file, `could not be read to the end: ${e.message}`, { ...place, line });
        destroy(stream);
        return false;
    }
    destroy(stream);
    if (failure) {
        ctx.error(file, `${failure}; it was skipped`, { ...place, line: recordLine });
        return false;
    }
    return true;
}
function destroy(stream) {
    const s = stream;
    s.destroy?.();
}

export { LIGHTNING_HPARAMS_FILE, csvSource, parseDelimitedStream, parseNumberText, readCsvLogRun, readSeriesTable };
