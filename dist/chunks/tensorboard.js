import { readSync } from 'node:fs';
import path from 'node:path';
import { a1 as flattenParams, a2 as makeRun } from './findings.js';
import { i as isRecord } from './structured.js';
import { M as MetricReadPool, R as READ_THREADS_ENV, r as readWorkerCount } from './read-pool.js';
import { S as ScalarSeries, E as EVENT_CHUNK, a as decodeEventRecords, f as findRecordStart, M as MAX_BAD_EVENTS_SHOWN } from './tensorboard-range.js';
import { j as claimTensorBoard, k as TENSORBOARD_EVENT_PREFIX } from './detect.js';
import './conventions.js';
import 'node:os';
import 'node:url';
import 'node:worker_threads';
import './crc.js';
import './history.js';
import 'node:fs/promises';
import './read-buffer.js';

// TensorBoard event files (`events.out.tfevents.*`): TFRecord framing (length, masked CRC-32C of the length,
// data, masked CRC-32C of the data) around `Event` protobufs. Scalars come from TF1 `simple_value` and TF2
// float tensors; images, histograms, text, graphs and hparams events are skipped. One run per folder: every
// event file in a folder merges into it; Lightning's `hparams.yaml` beside them gives the params.
// Files are read in chunks into one reused buffer and decoded from Buffer offsets, never read whole. A large file
// is read in two parts at once: a read worker decodes the second part while this thread decodes the first, and its
// series is appended after this thread's, so the run is the one a single read would make.
/** Event files at least this large are read in two parts at once (a worker's start costs about 30-50 ms). */
const SPLIT_MIN_BYTES = 16 * 1024 * 1024;
/** Where in a split file the worker's part starts (a little past the middle: the worker starts later). */
const SPLIT_AT = 0.5;
/** The bytes searched for a record to split at. */
const SPLIT_WINDOW = 256 * 1024;
const isEventFile = (f) => f.startsWith(TENSORBOARD_EVENT_PREFIX);
/** Reads every folder holding `events.out.tfevents.*` files as one run (not exclusive: sub-folders may be other runs). */
const tensorboardSource = {
    format: 'tensorboard',
    claim: claimTensorBoard,
    async read(claimPath, ctx) {
        const run = await readTensorBoardRun(claimPath, ctx);
        return run ? [run] : [];
    }
};
/** Reads one event folder into a run; undefined when it yields neither scalars nor hparams.yaml. */
async function readTensorBoardRun(dir, ctx, split = WORKER_SPLIT) {
    const { files } = await ctx.list(dir);
    const eventFiles = files.filter(isEventFile);
    const name = ctx.rel(dir);
    const place = { run: name };
    const series = new ScalarSeries();
    let readable = 0;
    for (const file of eventFiles) {
        if (await readEventFile(path.join(dir, file), name, series, ctx, split))
            readable++;
    }
    let params = {};
    const hasHparams = files.includes('hparams.yaml');
    if (hasHparams) {
        const file = path.join(dir, 'hparams.yaml');
        const raw = await ctx.readYaml(file, place);
        if (isRecord(raw))
            params = flattenParams(dropPrivate(raw));
        else if (raw !== undefined && raw !== null)
            ctx.error(file, 'must be a YAML mapping of hyperparameters', place);
    }
    const metrics = {};
    for (const [tag, metric] of series.metrics())
        metrics[tag] = metric;
    if (!Object.keys(metrics).length) {
        if (!readable)
            return undefined;
        if (!hasHparams) {
            ctx.warn(dir, 'event files hold no scalar values (only graphs, hparams, text or other summaries); no run was made from this folder', place);
            return undefined;
        }
        ctx.warn(dir, 'event files hold no scalar values; the run has only the hyperparameters of hparams.yaml', place);
    }
    return makeRun({ id: `tensorboard:${name}`, name, source: 'tensorboard', path: name, params, metrics });
}
/** Drops keys starting with `_` below the top level: private attributes of pickled Python objects in hparams.yaml. */
function dropPrivate(value, depth = 0) {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
        if (depth > 0 && k.startsWith('_'))
            continue;
        out[k] = isRecord(v) && depth < 32 ? dropPrivate(v, depth + 1) : v;
    }
    return out;
}
/**
 * Whether to read a large event file with a worker (1) or alone (0): with one only when READ_THREADS_ENV asks for
 * threads. Measured on a 2-core VM, a worker made the read slower even with both cores idle (its start, its own
 * compiling, and first writes to fresh memory that do not speed up on two threads), so it is not the default.
 */
function eventFileWorkers(env = process.env) {
    return env[READ_THREADS_ENV]?.trim() ? Math.min(1, readWorkerCount(env)) : 0;
}
/** The reader's split: one read worker, for files from SPLIT_MIN_BYTES, when asked for and the bundle has one. */
const WORKER_SPLIT = {
    minBytes: SPLIT_MIN_BYTES,
    start: () => MetricReadPool.start(eventFileWorkers())
};
/**
 * Starts reading the second part of a large file; undefined when it is not split (no reader, the default, or no
 * record start found). The reader is asked for first, so that a file read alone is never searched for a split.
 */
async function startSecondPart(file, split) {
    if (file.size < split.minBytes)
        return undefined;
    const reader = split.start();
    if (!reader)
        return undefined;
    const from = Math.floor(file.size * SPLIT_AT);
    const window = Buffer.allocUnsafe(Math.max(0, Math.min(SPLIT_WINDOW, file.size - from)));
    const found = findRecordStart(window, 0, readSync(file.fd, window, 0, window.length, from));
    if (found < 0 || from + found === 0) {
        await reader.close();
        return undefined;
    }
    const at = from + found;
    return { at, reader, result: reader.readEvents(file.fd, at).catch((e) => e) };
}
/**
 * Reads the part of a split file from `second.at` into `series`: the worker's series, appended, or on this thread
 * (with a warning saying why) when the worker failed. Returns the scan of the whole file, as one scan would end.
 */
async function readSecondPart(file, second, first, series, report) {
    const { onBadEvent } = report;
    const done = await second.result;
    let rest;
    if (!(done instanceof Error)) {
        series.append(done.series);
        for (const bad of done.badEvents)
            onBadEvent(bad);
        rest = done.scan;
    }
    else {
        report.warn(`a read worker could not decode the part from byte ${second.at} (${done.message}); it was read on the main thread`);
        const chunks = file.chunks(second.at, EVENT_CHUNK);
        rest = await decodeEventRecords(chunks, series, onBadEvent, { offset: second.at });
    }
    return { ...rest, records: first.records + rest.records, bytes: second.at + rest.bytes };
}
/**
 * Streams one event file into `series` (a large one in two parts at once, see `split`); returns true when it was
 * event data (whatever it held).
 */
async function readEventFile(file, run, series, ctx, split = WORKER_SPLIT) {
    const place = { run };
    let badEvents = 0;
    const onBadEvent = ({ offset, message }) => {
        if (badEvents++ < MAX_BAD_EVENTS_SHOWN)
            ctx.error(file, `record at byte ${offset} is not a valid Event protobuf (${message}); it was skipped`, place);
    };
    let opened;
    let second;
    let scan;
    try {
        opened = await ctx.openFile(file, place);
        if (!opened)
            return false;
        second = await startSecondPart(opened, split);
        const chunks = opened.chunks(0, EVENT_CHUNK);
        scan = await decodeEventRecords(chunks, series, onBadEvent, { stopAt: second?.at });
        if (second && scan.stoppedAt !== undefined) {
            const warn = (message) => ctx.warn(file, message, place);
            scan = await readSecondPart(opened, second, scan, series, { onBadEvent, warn });
        }
    }
    catch (e) {
        ctx.error(file, `cannot be read: ${e.message}`, place);
        return false;
    }
    finally {
        // The worker reads through this file's descriptor: stopped before it is closed.
        await second?.reader.close();
        await opened?.close();
    }
    if (scan.lfsPointer) {
        ctx.error(file, 'is a Git LFS pointer, not event data; run git lfs pull (or check out with LFS) to fetch the real file', { run });
        return false;
    }
    if (scan.error && scan.records === 0) {
        ctx.error(file, `is not a TensorBoard event file: ${scan.error.message}. It was skipped`, { run });
        return false;
    }
    if (scan.error) {
        ctx.error(file, `${scan.error.message}. The ${scan.records} whole records before it were read`, { run });
    }
    else if (scan.truncatedAt !== undefined) {
        if (scan.records === 0) {
            ctx.error(file, `is not a TensorBoard event file (no whole TFRecord in its ${scan.bytes} bytes); it was skipped`, { run });
            return false;
        }
        ctx.warn(file, `ends inside a record at byte ${scan.truncatedAt} (a writer that was stopped or is still writing); the ${scan.records} whole records before it were read`, { run });
    }
    return true;
}

export { SPLIT_MIN_BYTES, eventFileWorkers, readEventFile, readTensorBoardRun, tensorboardSource };
