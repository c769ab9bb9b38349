import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

// A small pool of read workers (worker_threads) for stores with many metric files, and for the second part of a
// large TensorBoard event file: the main thread walks folders and builds runs (or reads the first part of the file)
// while the workers read and parse. Started only when a store is large enough to repay the start
// of a thread, and only from the built bundle (where the worker script sits beside this module); elsewhere (tests
// on the sources) everything is read on the main thread, with the same results.
/** The environment variable that sets the number of read workers (0 reads everything on the main thread). */
const READ_THREADS_ENV = 'EXPERIMENT_REVIEW_READ_THREADS';
/** The most workers started, whatever the machine. */
const MAX_WORKERS = 4;
/** The number of workers to start: the environment's choice, else one per core (at most MAX_WORKERS), 0 on one core. */
function readWorkerCount(env = process.env) {
    const given = env[READ_THREADS_ENV];
    if (given !== undefined && given.trim() !== '') {
        const n = Number(given);
        if (!Number.isInteger(n) || n < 0)
            throw new Error(`${READ_THREADS_ENV}=${JSON.stringify(given)}: expected a whole number of threads ≥ 0`);
        return Math.min(n, 16);
    }
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    return cores > 1 ? Math.min(cores, MAX_WORKERS) : 0;
}
/** The worker script's URL when it is there to run (the built bundle); undefined when running from sources. */
function workerScript() {
    const url = new URL('./metric-worker.js', import.meta.url);
    if (existsSync(fileURLToPath(url)))
        return url;
    // From TypeScript sources (tests, tsx) there is no compiled worker; a bundle without one is a build mistake.
    if (import.meta.url.endsWith('.ts'))
        return undefined;
    throw new Error(`the read worker ${fileURLToPath(url)} is missing; rebuild the bundle (npm run build)`);
}
/** Workers that read and parse MLflow metric files and parts of event files; see the file comment. */
class MetricReadPool {
    workers;
    busy;
    pending = new Map();
    nextId = 0;
    failure;
    closed = false;
    constructor(script, count) {
        this.workers = Array.from({ length: count }, () => {
            const worker = new Worker(script);
            worker.on('message', (reply) => this.settle(reply));
            worker.on('error', e => this.fail(e));
            worker.on('exit', code => {
                if (code !== 0 && !this.closed)
                    this.fail(new Error(`a read worker stopped with exit code ${code}`));
            });
            // An idle pool never keeps the process alive; a busy worker does (see read()).
            worker.unref();
            return worker;
        });
        this.busy = this.workers.map(() => 0);
    }
    /** A pool when the store is worth it and workers can run here; undefined means read on the main thread. */
    static start(count = readWorkerCount()) {
        if (count < 1)
            return undefined;
        const script = workerScript();
        return script ? new MetricReadPool(script, count) : undefined;
    }
    /** Reads and parses whole metric files (absolute paths); undefined for a file the caller must read itself. */
    async read(files, maxBytes) {
        const task = { kind: 'metrics', id: this.nextId++, files, maxBytes };
        return (await this.request(task, files.length)).files;
    }
    /**
     * Decodes the open event file `fd` from the record at byte `start` to its end (tensorboard-range.ts); rejects when
     * the worker could not (the caller then reads that part itself).
     */
    async readEvents(fd, start) {
        const task = { kind: 'events', id: this.nextId++, fd, start };
        const reply = await this.request(task, 1);
        if ('error' in reply)
            throw new Error(reply.error);
        return reply.result;
    }
    /** Sends a task to the least busy worker (`weight`: how much work it is) and waits for its reply. */
    request(task, weight) {
        if (this.failure)
            return Promise.reject(this.failure);
        let worker = 0;
        for (let i = 1; i < this.busy.length; i++)
            if (this.busy[i] < this.busy[worker])
                worker = i;
        if (this.busy[worker] === 0)
            this.workers[worker].ref();
        this.busy[worker] += weight;
        const done = () => {
            this.busy[worker] -= weight;
            if (this.busy[worker] === 0)
                this.workers[worker].unref();
        };
        return new Promise((resolve, reject) => {
            this.pending.set(task.id, { resolve, reject });
            this.workers[worker].postMessage(task);
        }).finally(done);
    }
    /** Stops the workers. */
    async close() {
        this.closed = true;
        await Promise.all(this.workers.map(w => w.terminate()));
    }
    settle(reply) {
        const task = this.pending.get(reply.id);
        if (!task)
            return;
        this.pending.delete(reply.id);
        task.resolve(reply);
    }
    fail(e) {
        this.failure ??= e;
        for (const task of this.pending.values())
            task.reject(e);
        this.pending.clear();
    }
}

export { MetricReadPool as M, READ_THREADS_ENV as R, readWorkerCount as r };
