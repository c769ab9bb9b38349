import path from 'node:path';
import { E as ExactNumber, m as loadYaml, n as numberFromJson } from './detect.js';

// Structured files shared by the readers: YAML and TOML with exact big integers, JSON/YAML/TOML by extension,
// metric flattening, and small helpers for messages.
/**
 * Reads YAML like ctx.readYaml but keeps integers a double cannot hold as ExactNumber, and dates as text.
 * Unknown tags such as `!!python/object` resolve as plain data. Undefined (with a diagnostic) on error.
 */
async function readYamlExact(ctx, file, place) {
    const text = await ctx.readText(file, place);
    if (text === undefined)
        return undefined;
    const { parseDocument } = await loadYaml();
    const doc = parseDocument(text, {
        prettyErrors: false,
        uniqueKeys: false,
        strict: false,
        intAsBigInt: true
    });
    const problem = doc.errors[0];
    if (problem) {
        const at = lineColumn(text, problem.pos?.[0] ?? 0);
        const message = problem.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
        ctx.error(file, `is not valid YAML: ${message} at line ${at.line}, column ${at.column}`, {
            ...place,
            ...at
        });
        return undefined;
    }
    try {
        return normalizeParsed(doc.toJS({ maxAliasCount: 1000 }));
    }
    catch (e) {
        ctx.error(file, `cannot be used: ${e.message}`, place);
        return undefined;
    }
}
/** Reads a TOML file; integers a double cannot hold become ExactNumber. Undefined (with a diagnostic) on error. */
async function readTomlExact(ctx, file, place) {
    const text = await ctx.readText(file, place);
    if (text === undefined)
        return undefined;
    const { parse: parseToml, TomlError } = await import('./dist.js');
    try {
        return normalizeParsed(parseToml(text, { integersAsBigInt: 'asNeeded' }));
    }
    catch (e) {
        if (e instanceof TomlError) {
            ctx.error(file, `is not valid TOML: ${e.message.split('\n')[0]}`, {
                ...place,
                line: e.line,
                column: e.column
            });
            return undefined;
        }
        ctx.error(file, `cannot be used: ${e.message}`, place);
        return undefined;
    }
}
/** Reads a JSON, YAML or TOML file by its extension (JSON first, then YAML, for other names). */
async function readStructured(ctx, file, place) {
    const ext = path.extname(file).toLowerCase();
    if (ext === '.json')
        return ctx.readJson(file, place);
    if (ext === '.yaml' || ext === '.yml')
        return readYamlExact(ctx, file, place);
    if (ext === '.toml')
        return readTomlExact(ctx, file, place);
    return readYamlExact(ctx, file, place);
}
/** Turns bigints into numbers (or ExactNumber when a double cannot hold them) and dates into ISO text. */
function normalizeParsed(value, depth = 0) {
    if (typeof value === 'bigint') {
        const n = Number(value);
        return Number.isSafeInteger(n) || BigInt(n) === value ? n : new ExactNumber(n, value.toString());
    }
    if (value instanceof Date)
        return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
    if (value instanceof ExactNumber || value === null || typeof value !== 'object' || depth > 64)
        return value;
    if (Array.isArray(value))
        return value.map(v => normalizeParsed(v, depth + 1));
    if (value instanceof Map) {
        const out = {};
        for (const [k, v] of value)
            out[String(k)] = normalizeParsed(v, depth + 1);
        return out;
    }
    if (value instanceof Set)
        return [...value].map(v => normalizeParsed(v, depth + 1));
    const out = {};
    for (const [k, v] of Object.entries(value))
        out[k] = normalizeParsed(v, depth + 1);
    return out;
}
/** Replaces ExactNumber values by their exact text so flattenParams keeps every digit. */
function plainParams(value, depth = 0) {
    if (value instanceof ExactNumber)
        return value.text;
    if (value === null || typeof value !== 'object' || depth > 64)
        return value;
    if (Array.isArray(value))
        return value.map(v => plainParams(v, depth + 1));
    const out = {};
    for (const [k, v] of Object.entries(value))
        out[k] = plainParams(v, depth + 1);
    return out;
}
/** Turns a parsed number (plain, ExactNumber) into a metric; undefined for anything else. */
function metricFromValue(value) {
    const n = numberFromJson(value);
    if (!n)
        return undefined;
    return n.exact ? { value: n.value, exact: n.exact } : { value: n.value };
}
/**
 * Flattens nested numbers into dotted metric names (`{a: {b: 1}}` → `a.b`). Keys that hold text,
 * booleans, lists or null are collected in `skipped` for one diagnostic.
 */
function flattenMetrics(value, prefix, out, skipped, depth = 0) {
    for (const [key, v] of Object.entries(value)) {
        const name = prefix ? `${prefix}.${key}` : key;
        const metric = metricFromValue(v);
        if (metric)
            out[name] = metric;
        else if (isRecord(v) && depth < 32)
            flattenMetrics(v, name, out, skipped, depth + 1);
        else
            skipped.push(name);
    }
}
/** True for a plain parsed object (not a list, not an ExactNumber). */
function isRecord(value) {
    return (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof ExactNumber));
}
/** Describes a parsed value for an error message, shortened. */
function describeValue(value) {
    if (value === null || value === undefined)
        return String(value);
    if (value instanceof ExactNumber)
        return value.text;
    if (Array.isArray(value))
        return `a list (${truncate(safeJson(value) ?? '')})`;
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return `the text ${JSON.stringify(truncate(value))}`;
    return `${typeof value} ${String(value)}`;
}
/** The 1-based line and column of a character offset in text. */
function lineColumn(text, offset) {
    const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
    const lastBreak = before.lastIndexOf('\n');
    return { line: before.split('\n').length, column: before.length - lastBreak };
}
/** Shortens text for a message. */
function truncate(text, max = 60) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
function safeJson(value) {
    try {
        return JSON.stringify(value, (_k, v) => typeof v === 'bigint' ? String(v) : v instanceof ExactNumber ? v.text : v);
    }
    catch {
        return undefined;
    }
}

export { readYamlExact as a, describeValue as d, flattenMetrics as f, isRecord as i, plainParams as p, readStructured as r, truncate as t };
