import { openSync, constants, fstatSync, closeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { p as packedBytes, a as packSeries, C as ColumnSlabs } from './history.js';
import { p as parseMetricBytes } from './mlflow-metrics-file.js';
import { R as ReadBuffer } from './read-buffer.js';
import { d as decodeEventRange } from './tensorboard-range.js';
import './crc.js';

// A read worker (worker_threads): reads and parses MLflow metric files off the main thread, so a large file store
// uses every core, and decodes the second part of a large TensorBoard event file while the main thread decodes the
// first (tensorboard-range.ts). Files that need the guarded path (a symbolic link, not a regular file, too large to read whole,
// any error) come back as not read, and the main thread reads them itself with the usual diagnostics.
/**
 * The worker's read buffer, reused for every file (each is parsed before the next is read): a buffer per file would
 * leave tens of megabytes of read files waiting for the garbage collector.
 */
const readBuffer = new ReadBuffer();
/** Reads one file whole when it is a regular file (not a link) under `maxBytes`: one open, one fstat. */
function readRegularFile(file, maxBytes) {
    let fd;
    try {
        fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    }
    catch {
        return undefined;
    }
    try {
        const info = fstatSync(fd);
        return info.isFile() && info.size <= maxBytes ? readBuffer.read(fd, info.size) : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        closeSync(fd);
    }
}
/** Decodes part of an event file; a failure (a read error) is answered, for the main thread to read the part itself. */
async function readEvents(task) {
    try {
        const { result, transfer } = await decodeEventRange(task.fd, task.start);
        parentPort?.postMessage({ id: task.id, result }, transfer);
    }
    catch (e) {
        parentPort?.postMessage({ id: task.id, error: e.message });
    }
}
parentPort?.on('message', (task) => {
    if (task.kind === 'events') {
        void readEvents(task);
        return;
    }
    const files = [];
    let size = 0;
    for (const file of task.files) {
        const bytes = readRegularFile(file, task.maxBytes);
        const parsed = bytes && parseMetricBytes(bytes);
        const c = parsed?.columns;
        if (c && !('count' in c))
            size += 8 * c.values.length + packedBytes(c.steps) + packedBytes(c.times);
        files.push(parsed);
    }
    // Each series packed as the run keeps it, into one buffer handed over whole: the main thread keeps it as it comes.
    const memory = new ColumnSlabs(Math.max(8, size), true);
    for (const parsed of files) {
        if (parsed?.columns && !('count' in parsed.columns))
            parsed.columns = packSeries(parsed.columns, memory);
    }
    parentPort?.postMessage({ id: task.id, files }, memory.buffers);
});
