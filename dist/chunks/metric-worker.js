import { openSync, constants, fstatSync, readFileSync, closeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { p as parseMetricBytes } from './mlflow-metrics-file.js';

// A read worker (worker_threads): reads and parses MLflow metric files off the main thread, so a large file store
// uses every core. Files that need the guarded path (a symbolic link, not a regular file, too large to read whole,
// any error) come back as not read, and the main thread reads them itself with the usual diagnostics.
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
        return info.isFile() && info.size <= maxBytes ? readFileSync(fd) : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        closeSync(fd);
    }
}
parentPort?.on('message', (task) => {
    const files = [];
    const transfer = [];
    for (const file of task.files) {
        const bytes = readRegularFile(file, task.maxBytes);
        const parsed = bytes && parseMetricBytes(bytes);
        if (parsed?.columns) {
            const { steps, values, times } = parsed.columns;
            transfer.push(steps.buffer, values.buffer, times.buffer);
        }
        files.push(parsed);
    }
    parentPort?.postMessage({ id: task.id, files }, transfer);
});
