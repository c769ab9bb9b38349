import path from 'node:path';
import { a2 as makeRun, a1 as flattenParams } from './findings.js';
import { a as plainJson, p as parseJsonLenient, E as ExactNumber, g as claimWandb, W as WANDB_RUN_DIR, h as isWandbRunLog } from './detect.js';
import { i as isRecord } from './structured.js';
import { createInterface } from 'node:readline';
import { m as metricFromColumns, H as HistoryBuilder } from './history.js';
import { c as crc32, P as ProtoReader, a as ProtoError } from './crc.js';
import './conventions.js';
import 'node:fs';
import 'node:fs/promises';
import './read-buffer.js';
import 'node:url';

// W&B metric series: the history rows of the run log or of wandb-history.jsonl (pre-0.10 layout) become one
// series per numeric key, sorted by step; the same walk over nested values finds the summary's numbers.
/** Collects metric series: typed columns per key, in the order logged. */
class SeriesBuilder {
    series = new Map();
    get size() {
        return this.series.size;
    }
    /** Adds one history row: `_step` (else `fallbackStep`) is its step, `_timestamp` its time; other `_` keys are not metrics. */
    addRow(row, fallbackStep) {
        const step = typeof row._step === 'number' && Number.isFinite(row._step) ? row._step : fallbackStep;
        const ts = typeof row._timestamp === 'number' && Number.isFinite(row._timestamp)
            ? Math.round(row._timestamp * 1000)
            : undefined;
        numericLeaves(row, '', (key, value) => {
            let points = this.series.get(key);
            // Sorted by step (stable, so repeated steps keep their order); the last value is the highest step's last.
            if (!points)
                this.series.set(key, (points = new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'keep' })));
            points.add(step, value, ts);
        });
    }
    /** Each series: its last value (highest step, last written) and its history, sorted by step and thinned. */
    entries() {
        const out = [];
        for (const [k, points] of this.series) {
            const built = points.buildColumns();
            if (built)
                out.push([k, metricFromColumns(built)]);
        }
        return out;
    }
}
/** Calls `emit` for each numeric leaf; keys starting with `_` and objects with a `_type` (media, tables, graphs) are skipped. */
function numericLeaves(obj, prefix, emit, depth = 0) {
    if (depth > 16)
        return;
    for (const key of Object.keys(obj)) {
        if (key.startsWith('_'))
            continue;
        const value = obj[key];
        const name = prefix ? `${prefix}/${key}` : key;
        if (typeof value === 'number')
            emit(name, value);
        else if (value instanceof ExactNumber)
            emit(name, value.value);
        else if (isRecord(value) && !('_type' in value))
            numericLeaves(value, name, emit, depth + 1);
    }
}
/** Streams wandb-history.jsonl (pre-0.10 layout) line by line into `series`. */
async function readHistoryJsonl(file, run, series, ctx) {
    const stream = await ctx.openStream(file, { run });
    if (!stream)
        return;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let line = 0;
    let rows = 0;
    let lastBad;
    for await (const textLine of lines) {
        line++;
        if (lastBad) {
            ctx.error(file, `line is not a JSON object of history values: ${lastBad.message}; it was skipped`, {
                run,
                line: lastBad.line
            });
            lastBad = undefined;
        }
        if (!textLine.trim())
            continue;
        let row;
        try {
            row = JSON.parse(textLine);
        }
        catch {
            try {
                row = plainJson(parseJsonLenient(textLine).value);
            }
            catch (e) {
                lastBad = { line, message: e.message };
                continue;
            }
        }
        if (!isRecord(row)) {
            ctx.error(file, `line holds ${Array.isArray(row) ? 'a list' : typeof row}; expected a JSON object of history values. It was skipped`, { run, line });
            continue;
        }
        series.addRow(row, rows++);
    }
    // A bad last line is the normal end of a run killed while writing.
    if (lastBad)
        ctx.warn(file, `the last line is incomplete (${lastBad.message}); it was skipped`, {
            run,
            line: lastBad.line
        });
}

// The framing of a W&B run log (`run-<id>.wandb`, LevelDB's log format): a 7-byte header (":W&B", magic 0xBEE1,
// version 0), then 32 KiB blocks of records, each with a 7-byte header (CRC-32 of type and data, little-endian
// uint16 length, type FULL/FIRST/MIDDLE/LAST). Streamed block by block; every CRC is checked.
const BLOCK = 32768;
const HEADER = 7;
const FULL = 1;
const FIRST = 2;
const MIDDLE = 3;
const LAST = 4;
/**
 * Scans a W&B run log from a stream of chunks, calling `onRecord` with each whole record (a view valid only
 * during the call) and its byte offset. Checks every CRC; stops at the first corrupt byte.
 */
async function scanRunLog(chunks, onRecord) {
    const framer = new RunLogFramer(onRecord);
    let pending = Buffer.alloc(0);
    for await (const chunk of chunks) {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        let offset = 0;
        while (pending.length - offset >= BLOCK) {
            if (!framer.block(pending.subarray(offset, offset + BLOCK), false))
                return framer.result;
            offset += BLOCK;
            framer.blockStart += BLOCK;
        }
        pending = pending.subarray(offset);
    }
    framer.end(pending);
    return framer.result;
}
/** The state of one scan: where the current block starts and the parts of a record split over blocks. */
class RunLogFramer {
    onRecord;
    result = { records: 0, truncated: false };
    /** The byte offset of the block being parsed. */
    blockStart = 0;
    fragments;
    fragmentsOffset = 0;
    constructor(onRecord) {
        this.onRecord = onRecord;
    }
    /** Parses one block (full, or the last partial one when `final`). Returns false to stop scanning. */
    block(buf, final) {
        let pos = 0;
        if (this.blockStart === 0) {
            if (!this.header(buf))
                return false;
            pos = HEADER;
        }
        while (pos + HEADER <= buf.length) {
            const next = this.record(buf, pos, final);
            if (next === 'stop')
                return false;
            if (next === 'zero-fill')
                return !final;
            pos = next;
        }
        // Fewer than 7 bytes left: a trailer of zeros, or a record header cut short.
        if (final && (buf.subarray(pos).some(b => b !== 0) || this.fragments))
            this.result.truncated = true;
        return true;
    }
    /** Called after the last whole block with what is left of the stream. */
    end(rest) {
        if (rest.length || this.blockStart === 0)
            this.block(rest, true);
        else if (this.fragments)
            this.result.truncated = true;
    }
    /** Checks the file header; false (with the result's error or truncation set) when it is not a W&B log. */
    header(buf) {
        if (buf.length < HEADER) {
            if (buf.length === 0)
                this.result.error = { offset: 0, message: 'is empty; a W&B run log starts with a 7-byte header' };
            else
                this.result.truncated = true;
            return false;
        }
        if (buf.toString('latin1', 0, 4) !== ':W&B' || buf.readUInt16LE(4) !== 0xbee1 || buf[6] !== 0) {
            this.fail(0, `is not a W&B run log: it starts with ${JSON.stringify(buf.toString('latin1', 0, 7))}, expected ":W&B" and the magic 0xBEE1, version 0`);
            return false;
        }
        return true;
    }
    /** Reads the record whose header is at `pos`: checks it, passes whole records on, keeps split parts. */
    record(buf, pos, final) {
        const at = this.blockStart + pos;
        const crc = buf.readUInt32LE(pos);
        const len = buf.readUInt16LE(pos + 4);
        const type = buf[pos + 6];
        if (type === 0 && len === 0 && crc === 0) {
            // Zero fill: preallocated space or the end of what was written.
            if (final)
                this.result.truncated = buf.subarray(pos).some(b => b !== 0) || this.fragments !== undefined;
            return 'zero-fill';
        }
        const end = pos + HEADER + len;
        if (end > buf.length) {
            if (!final)
                return this.fail(at, `record of ${len} bytes at byte ${at} runs past the end of its 32 KiB block; the log is corrupt from there`);
            this.result.truncated = true;
            return 'stop';
        }
        if (type < FULL || type > LAST)
            return this.fail(at, `record at byte ${at} has type ${type}; expected 1 to 4 (FULL, FIRST, MIDDLE, LAST). The log is corrupt from there`);
        const computed = crc32(buf, pos + 6, end);
        if (computed !== crc)
            return this.fail(at, `record at byte ${at} fails its CRC-32 check (stored 0x${crc.toString(16)}, computed 0x${computed.toString(16)}); the log is corrupt from there`);
        return this.assemble(buf.subarray(pos + HEADER, end), type, at) ? end : 'stop';
    }
    /** Passes a FULL record on, or collects FIRST/MIDDLE/LAST parts until the record is whole. */
    assemble(data, type, at) {
        if (type === FULL || type === FIRST) {
            if (this.fragments) {
                this.fail(at, `record at byte ${at} starts a new record while the one begun at byte ${this.fragmentsOffset} has no LAST part`);
                return false;
            }
            if (type === FULL) {
                this.result.records++;
                this.onRecord(data, at);
            }
            else {
                this.fragments = [Buffer.from(data)];
                this.fragmentsOffset = at;
            }
            return true;
        }
        if (!this.fragments) {
            this.fail(at, `record at byte ${at} is a ${type === MIDDLE ? 'MIDDLE' : 'LAST'} part with no FIRST part before it`);
            return false;
        }
        this.fragments.push(Buffer.from(data));
        if (type === LAST) {
            const whole = Buffer.concat(this.fragments);
            this.fragments = undefined;
            this.result.records++;
            this.onRecord(whole, this.fragmentsOffset);
        }
        return true;
    }
    /** Records why the scan stops at byte `offset`. */
    fail(offset, message) {
        this.result.error = { offset, message };
        return 'stop';
    }
}

/** Streams and decodes a run log into `series` and the returned contents; reports corruption. */
async function readRunLog(file, run, series, ctx) {
    const stream = await ctx.openStream(file, { run });
    if (!stream)
        return undefined;
    const contents = {
        records: 0,
        rows: 0,
        history: series,
        summary: Object.create(null),
        config: Object.create(null),
        run: { tags: [] },
        environment: {},
        truncated: false,
        failed: false
    };
    const reader = new ProtoReader(Buffer.alloc(0));
    let problems = 0;
    let scan;
    try {
        scan = await scanRunLog(stream, (data, offset) => {
            try {
                decodeRecord(reader.reset(data, 0, data.length), contents);
            }
            catch (e) {
                if (!(e instanceof ProtoError))
                    throw e;
                if (problems++ < 5)
                    ctx.error(file, `record at byte ${offset} is not a valid W&B Record (${e.message}); it was skipped`, { run });
            }
        });
    }
    catch (e) {
        ctx.error(file, `cannot be read: ${e.message}`, { run });
        contents.failed = true;
        return contents;
    }
    finally {
        stream.destroy?.();
    }
    contents.records = scan.records;
    contents.truncated = scan.truncated;
    if (scan.error) {
        contents.failed = true;
        ctx.error(file, `${scan.error.message}. ${scan.records} whole records before it were read; wandb-summary.json and config.yaml are used where present`, { run });
    }
    return contents;
}
/** Decodes one Record, keeping history, summary, config, run, exit and environment (metadata) records. */
function decodeRecord(r, c) {
    while (r.next()) {
        const field = r.field;
        if (r.wire !== 2 || ![2, 3, 5, 17, 18, 26].includes(field)) {
            r.skip();
            continue;
        }
        const end = r.bytes();
        const start = r.start;
        const sub = new ProtoReader(r.buf, start, end);
        if (field === 2)
            decodeHistory(sub, c);
        else if (field === 3)
            decodeUpdates(sub, c.summary);
        else if (field === 5)
            decodeUpdates(sub, c.config);
        else if (field === 17)
            decodeRunRecord(sub, c);
        else if (field === 18)
            decodeExit(sub, c);
        else
            decodeEnvironment(sub, c);
    }
}
/** Reads a HistoryItem/SummaryItem/ConfigItem: key (1) or nested_key (2, repeated), value_json (16). */
function decodeItem(r) {
    let key;
    const nested = [];
    let json;
    while (r.next()) {
        if (r.field === 1 && r.wire === 2)
            key = r.string();
        else if (r.field === 2 && r.wire === 2)
            nested.push(r.string());
        else if (r.field === 16 && r.wire === 2)
            json = r.string();
        else
            r.skip();
    }
    const keys = nested.length ? nested : key !== undefined ? [key] : [];
    if (!keys.length)
        return undefined;
    return { keys, value: json === undefined ? undefined : parseValueJson(json) };
}
function subReader(r) {
    const end = r.bytes();
    return new ProtoReader(r.buf, r.start, end);
}
function decodeHistory(r, c) {
    const row = Object.create(null);
    let stepNum;
    while (r.next()) {
        if (r.field === 1 && r.wire === 2) {
            const item = decodeItem(subReader(r));
            if (item && item.value !== undefined)
                setPath(row, item.keys, item.value);
        }
        else if (r.field === 2 && r.wire === 2) {
            const s = subReader(r);
            stepNum = 0;
            while (s.next()) {
                if (s.field === 1 && s.wire === 0)
                    stepNum = s.int64();
                else
                    s.skip();
            }
        }
        else
            r.skip();
    }
    c.history.addRow(row, stepNum ?? c.rows);
    c.rows++;
}
/** Applies a SummaryRecord or ConfigRecord: update (1) and remove (2) items. */
function decodeUpdates(r, target) {
    while (r.next()) {
        if ((r.field === 1 || r.field === 2) && r.wire === 2) {
            const remove = r.field === 2;
            const item = decodeItem(subReader(r));
            if (!item)
                continue;
            if (remove)
                deletePath(target, item.keys);
            else if (item.value !== undefined)
                setPath(target, item.keys, item.value);
        }
        else
            r.skip();
    }
}
function decodeTimestamp(r) {
    let seconds = 0;
    let nanos = 0;
    while (r.next()) {
        if (r.field === 1 && r.wire === 0)
            seconds = r.int64();
        else if (r.field === 2 && r.wire === 0)
            nanos = r.int64();
        else
            r.skip();
    }
    const ms = seconds * 1000 + Math.floor(nanos / 1e6);
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) || seconds <= 0 ? undefined : date.toISOString();
}
function decodeGit(r) {
    const git = {};
    while (r.next()) {
        if (r.field === 1 && r.wire === 2)
            git.remote = r.string();
        else if (r.field === 2 && r.wire === 2)
            git.commit = r.string();
        else
            r.skip();
    }
    return git;
}
/** RunRecord: run_id 1, entity 2, project 3, config 4, summary 5, run_group 6, display_name 8, notes 9, tags 10, host 13, start_time 17, telemetry 19, git 21. */
function decodeRunRecord(r, c) {
    const run = c.run;
    while (r.next()) {
        const f = r.field;
        if (r.wire !== 2) {
            r.skip();
            continue;
        }
        if (f === 1)
            run.id = r.string() || run.id;
        else if (f === 2)
            run.entity = r.string() || run.entity;
        else if (f === 3)
            run.project = r.string() || run.project;
        else if (f === 4)
            decodeUpdates(subReader(r), c.config);
        else if (f === 5)
            decodeUpdates(subReader(r), c.summary);
        else if (f === 6)
            run.group = r.string() || run.group;
        else if (f === 8)
            run.name = r.string() || run.name;
        else if (f === 9)
            run.notes = r.string() || run.notes;
        else if (f === 10) {
            const tag = r.string();
            if (!run.tags.includes(tag))
                run.tags.push(tag);
        }
        else if (f === 13)
            run.host = r.string() || run.host;
        else if (f === 17)
            run.startedAt = decodeTimestamp(subReader(r)) ?? run.startedAt;
        else if (f === 19) {
            const t = subReader(r);
            while (t.next()) {
                if (t.field === 4 && t.wire === 2)
                    run.python = t.string() || run.python;
                else
                    t.skip();
            }
        }
        else if (f === 21)
            run.gitCommit = decodeGit(subReader(r)).commit || run.gitCommit;
        else
            r.skip();
    }
}
/** RunExitRecord: exit_code 1, runtime 2. */
function decodeExit(r, c) {
    const exit = { code: 0, runtime: 0 };
    while (r.next()) {
        if (r.field === 1 && r.wire === 0)
            exit.code = r.int64();
        else if (r.field === 2 && r.wire === 0)
            exit.runtime = r.int64();
        else
            r.skip();
    }
    c.exit = exit;
}
/** The environment (metadata) record of wandb ≥ 0.19: os 1, python 2, started_at 3, git 9, host 12. */
function decodeEnvironment(r, c) {
    const env = c.environment;
    while (r.next()) {
        const f = r.field;
        if (r.wire !== 2)
            r.skip();
        else if (f === 1)
            env.os = r.string() || env.os;
        else if (f === 2)
            env.python = r.string() || env.python;
        else if (f === 3)
            env.startedAt = decodeTimestamp(subReader(r)) ?? env.startedAt;
        else if (f === 9)
            env.gitCommit = decodeGit(subReader(r)).commit || env.gitCommit;
        else if (f === 12)
            env.host = r.string() || env.host;
        else
            r.skip();
    }
}
/** Parses an item's value_json: fast for plain numbers, lenient (NaN, Infinity) otherwise; undefined when it does not parse. */
function parseValueJson(text) {
    const n = text.length < 32 && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
    if (n !== undefined)
        return n;
    try {
        return plainJson(parseJsonLenient(text).value);
    }
    catch {
        return undefined;
    }
}
/** Sets a value at a nested path, creating null-prototype objects (untrusted keys such as `__proto__` stay data). */
function setPath(target, keys, value) {
    let obj = target;
    for (let i = 0; i < keys.length - 1; i++) {
        const next = obj[keys[i]];
        if (isRecord(next))
            obj = next;
        else {
            const created = Object.create(null);
            obj[keys[i]] = created;
            obj = created;
        }
    }
    obj[keys[keys.length - 1]] = value;
}
function deletePath(target, keys) {
    let obj = target;
    for (let i = 0; i < keys.length - 1; i++)
        obj = isRecord(obj) ? obj[keys[i]] : undefined;
    if (isRecord(obj))
        delete obj[keys[keys.length - 1]];
}

// Weights & Biases local run folders: `wandb/run-*`, `wandb/offline-run-*` and the pre-0.10 layout (files
// directly in the run folder). Reads wandb-summary.json, config.yaml, wandb-metadata.json, requirements.txt,
// wandb-history.jsonl, and the binary run log `run-<id>.wandb` (LevelDB-style log of protobuf Records), which is
// all an offline run may leave. The log is streamed block by block, never read whole (wandb-log.ts frames it,
// wandb-records.ts decodes its records, wandb-history.ts builds the metric series).
/** Reads W&B run folders: a `wandb` directory (every run in it) or one run folder given explicitly. */
const wandbSource = {
    format: 'wandb',
    claim: claimWandb,
    async read(claimPath, ctx) {
        if (WANDB_RUN_DIR.test(path.basename(claimPath)) && path.basename(claimPath) !== 'wandb') {
            const run = await readWandbRun(claimPath, ctx);
            return run ? [run] : [];
        }
        // `latest-run` and other symbolic links to run folders are not listed (ctx.list leaves out linked folders),
        // so a run is read once; `debug.log`, `settings` and the like are files and ignored here.
        const { dirs } = await ctx.list(claimPath);
        const runs = [];
        for (const dir of dirs.filter(d => WANDB_RUN_DIR.test(d))) {
            const run = await readWandbRun(path.join(claimPath, dir), ctx);
            if (run)
                runs.push(run);
        }
        return runs;
    }
};
/** Reads one run folder (any layout); undefined with a warning when it holds nothing a run is made of. */
async function readWandbRun(dir, ctx) {
    const folder = path.basename(dir);
    const runId = WANDB_RUN_DIR.exec(folder)?.[1] ?? folder;
    const place = { run: folder };
    const files = await findRunFiles(dir, ctx);
    if (!files.log && !files.summary && !files.config && !files.metadata && !files.history) {
        ctx.warn(dir, `W&B run folder has no run-${runId}.wandb, wandb-summary.json, config.yaml, wandb-metadata.json or wandb-history.jsonl; it was skipped`, place);
        return undefined;
    }
    const series = new SeriesBuilder();
    const log = files.log ? await readRunLog(files.log, folder, series, ctx) : undefined;
    const summary = await readSummary(files.summary, log, place, ctx);
    if (files.history && !series.size)
        await readHistoryJsonl(files.history, folder, series, ctx);
    const metrics = {};
    for (const [key, { value: last, history }] of series.entries()) {
        const value = summary.get(key) ?? last;
        metrics[key] = { value, history };
    }
    for (const [key, value] of summary)
        if (!metrics[key])
            metrics[key] = { value };
    const params = await readParams(files.config, log, place, ctx);
    const facts = { environment: {}, tags: [], status: 'finished' };
    if (files.metadata)
        await readMetadataFile(files.metadata, files.legacy, facts, place, ctx);
    if (log)
        applyLogFacts(log, folder, facts);
    if (files.requirements)
        await readRequirements(files.requirements, folder, facts.environment, ctx);
    if (files.description) {
        const description = (await ctx.readText(files.description, place))?.trim();
        if (description)
            facts.description = description;
    }
    const { status, statusReason, ...metadata } = facts;
    return makeRun({
        id: `wandb:${ctx.rel(dir)}`,
        name: log?.run.name || runId,
        source: 'wandb',
        path: ctx.rel(dir),
        params,
        metrics,
        metadata: { ...metadata, status, ...(statusReason ? { statusReason } : {}) }
    });
}
/** Finds the run files of a folder in either layout. */
async function findRunFiles(dir, ctx) {
    const top = await ctx.list(dir);
    const sub = top.dirs.includes('files') ? await ctx.list(path.join(dir, 'files')) : { files: []};
    const find = (name) => sub.files.includes(name)
        ? path.join(dir, 'files', name)
        : top.files.includes(name)
            ? path.join(dir, name)
            : undefined;
    const logFile = top.files.find(isWandbRunLog);
    return {
        legacy: !top.dirs.includes('files'),
        log: logFile ? path.join(dir, logFile) : undefined,
        summary: find('wandb-summary.json'),
        config: find('config.yaml'),
        metadata: find('wandb-metadata.json'),
        requirements: find('requirements.txt'),
        history: find('wandb-history.jsonl'),
        description: find('description.md')
    };
}
/** The summary's numbers: the log's, overridden by wandb-summary.json (which may only hold `_wandb.runtime`). */
async function readSummary(file, log, place, ctx) {
    const summary = new Map();
    if (log)
        numericLeaves(log.summary, '', (k, v) => summary.set(k, v));
    if (file) {
        const raw = await ctx.readJson(file, place);
        if (raw !== undefined) {
            if (isRecord(raw))
                numericLeaves(plainJson(raw), '', (k, v) => summary.set(k, v));
            else
                ctx.error(file, `must hold a JSON object of summary values, found ${typeof raw}`, place);
        }
    }
    return summary;
}
/** The run's params: config.yaml when present, otherwise what the log recorded. */
async function readParams(file, log, place, ctx) {
    if (file) {
        const raw = await ctx.readYaml(file, place);
        if (isRecord(raw))
            return flattenParams(unwrapConfig(raw));
        if (raw !== undefined && raw !== null)
            ctx.error(file, 'must be a YAML mapping of config keys to {value: …}', place);
        return {};
    }
    if (!log)
        return {};
    const config = { ...log.config };
    delete config._wandb;
    return flattenParams(config);
}
/** Reads wandb-metadata.json: git commit, environment, start time, and the status of the pre-0.10 layout. */
async function readMetadataFile(file, legacy, facts, place, ctx) {
    const raw = await ctx.readJson(file, place);
    if (!isRecord(raw)) {
        if (raw !== undefined)
            ctx.error(file, 'must hold a JSON object (os, python, host, git …)', place);
        return;
    }
    const m = plainJson(raw);
    const git = isRecord(m.git) ? m.git : {};
    facts.gitCommit = text(git.commit);
    for (const key of ['python', 'host', 'os', 'gpu', 'cuda'])
        setEnv(facts.environment, key, text(m[key]));
    facts.startedAt = isoTime(text(m.startedAt));
    // Only the pre-0.10 layout updates state and exitcode at the end; later versions leave "running".
    const exitcode = typeof m.exitcode === 'number' ? m.exitcode : undefined;
    if (exitcode !== undefined) {
        facts.status = exitcode === 0 ? 'finished' : 'failed';
        if (exitcode !== 0)
            facts.statusReason = `exit code ${exitcode}`;
    }
    else if (legacy && m.state === 'running') {
        facts.status = 'running';
        facts.statusReason = 'wandb-metadata.json says "running" and records no exit code';
    }
}
/** Adds what the run log knows (metadata wins where both have a value) and the status from its exit record. */
function applyLogFacts(log, folder, facts) {
    const env = log.environment;
    facts.gitCommit ??= env.gitCommit ?? log.run.gitCommit;
    setEnv(facts.environment, 'python', env.python ?? log.run.python);
    setEnv(facts.environment, 'host', env.host ?? log.run.host);
    setEnv(facts.environment, 'os', env.os);
    facts.startedAt ??= log.run.startedAt ?? env.startedAt;
    if (log.run.group)
        facts.group = log.run.group;
    if (log.run.project)
        facts.experiment = log.run.project;
    if (log.run.notes)
        facts.notes = log.run.notes;
    if (log.run.tags.length)
        facts.tags = log.run.tags;
    if (log.run.entity && log.run.project && log.run.id && !folder.startsWith('offline-')) {
        facts.url = `https://wandb.ai/${encodeURIComponent(log.run.entity)}/${encodeURIComponent(log.run.project)}/runs/${encodeURIComponent(log.run.id)}`;
    }
    if (log.exit) {
        facts.status = log.exit.code === 0 ? 'finished' : 'failed';
        facts.statusReason = log.exit.code === 0 ? undefined : `exit code ${log.exit.code}`;
    }
    else if (!log.failed) {
        facts.status = log.truncated ? 'killed' : 'running';
        facts.statusReason = log.truncated
            ? 'the run log ends in the middle of a record and has no exit record (the process was killed)'
            : 'the run log has no exit record (still running, or stopped without finishing)';
    }
}
/** Drops `_wandb` and `wandb_version`, and unwraps `{desc: null, value: …}` entries of a config.yaml. */
function unwrapConfig(raw) {
    const out = {};
    for (const [key, value] of Object.entries(raw)) {
        if (key === '_wandb' || key === 'wandb_version')
            continue;
        const wrapped = isRecord(value) && 'value' in value && Object.keys(value).every(k => k === 'value' || k === 'desc');
        out[key] = wrapped ? value.value : value;
    }
    return out;
}
function text(value) {
    return typeof value === 'string' && value.trim()
        ? value.trim()
        : typeof value === 'number'
            ? String(value)
            : undefined;
}
function setEnv(env, key, value) {
    if (value === undefined || env[key] !== undefined)
        return;
    env[key] = key === 'python' ? value.replace(/^CPython /, '') : value;
}
/** W&B writes local times without a zone but means UTC; adds the `Z`. */
function isoTime(value) {
    if (!value)
        return undefined;
    return /^\d{4}-\d\d-\d\dT[\d:.]+$/.test(value) ? `${value}Z` : value;
}
/** Reads requirements.txt into `packages.<name>` = version (or the requirement text) in the environment. */
async function readRequirements(file, run, env, ctx) {
    const content = await ctx.readText(file, { run });
    if (content === undefined)
        return;
    for (const raw of content.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith('-'))
            continue;
        const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:(===?|~=|>=|<=|@)\s*(.+))?$/.exec(line);
        if (!m)
            continue;
        env[`packages.${m[1].toLowerCase()}`] = m[3]?.trim() ?? '';
    }
}

export { readWandbRun, wandbSource };
