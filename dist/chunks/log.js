import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFile, mkdir, open, rm, stat, rename, link, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { d as distExports } from './index2.js';
import { B as BUILTIN_FILES, p as parseJsonLenient, J as JsonSyntaxError, E as ExactNumber } from './detect.js';
import './_commonjsHelpers.js';
import 'process';
import 'buffer';
import 'node:fs';
import './findings.js';
import './conventions.js';
import './read-buffer.js';
import 'node:url';

// `experiment-review log`: records a run in the built-in format from any script, merging with what is there.
// Every call holds the run's lock file while it reads, merges and writes, and each file is replaced atomically
// (written to a temporary file, then renamed), so concurrent calls from parallel workers all land.
const execFileAsync = promisify(execFile);
/** The lock file of a run folder: present while a `log` call updates the run. */
const LOCK_FILE = '.experiment-review.lock';
/** How long a `log` call waits for another one's lock before it gives up. */
const LOCK_WAIT_MS = 30_000;
/** A lock older than this is left over from a crashed call (a call holds it for milliseconds). */
const STALE_LOCK_MS = 10 * 60_000;
/** A run name safe as a folder name: letters, digits, `.`, `_`, `-`; never `.` or `..`. */
function checkRunName(name) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name)) {
        throw new Error(`run name ${JSON.stringify(name)} is not allowed; use letters, digits, ".", "_" and "-" (at most 128, starting with a letter or digit)`);
    }
    return name;
}
/** Parses `k=v` into a typed value: numbers and true/false become numbers and booleans. */
function parseAssignment(text, what) {
    const eq = text.indexOf('=');
    if (eq <= 0)
        throw new Error(`--${what} ${JSON.stringify(text)}: expected key=value, e.g. --${what} ${what === 'param' ? 'lr=0.1' : 'accuracy=0.91'}`);
    const key = text.slice(0, eq).trim();
    const raw = text.slice(eq + 1).trim();
    if (what === 'metric') {
        const value = /^(nan|NaN)$/.test(raw)
            ? NaN
            : /^[+-]?(inf|Infinity)$/i.test(raw)
                ? raw.startsWith('-')
                    ? -Infinity
                    : Infinity
                : Number(raw);
        if (raw === '' || (Number.isNaN(value) && !/^nan$/i.test(raw)))
            throw new Error(`--metric ${key}=${JSON.stringify(raw)}: expected a number`);
        return [key, value];
    }
    if (raw === 'true' || raw === 'false')
        return [key, raw === 'true'];
    const n = Number(raw);
    return [key, raw !== '' && Number.isFinite(n) && String(n) === raw ? n : raw];
}
/** Reads a JSON object as the built-in reader does (NaN, Infinity and exact big numbers kept); {} when missing. */
async function readJsonObject(file) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return {};
        throw e;
    }
    if (text.trim() === '')
        return {};
    try {
        const { value } = parseJsonLenient(text);
        if (value && typeof value === 'object' && !Array.isArray(value))
            return value;
    }
    catch (e) {
        if (e instanceof JsonSyntaxError)
            throw new Error(`${file} is not valid JSON (line ${e.line}, column ${e.column}: ${e.message}); fix or remove it before logging to this run`);
        throw e;
    }
    throw new Error(`${file} does not hold a JSON object; fix or remove it before logging to this run`);
}
/**
 * JSON text that the built-in reader (and the next `log`) reads back unchanged: NaN and ±Infinity are written as
 * the bare words Python's json module writes, exact big numbers as their text; a string "NaN" stays a string.
 */
function jsonWithNonFinite(value) {
    const nonce = randomUUID();
    const text = JSON.stringify(value, (_key, v) => {
        if (typeof v === 'number' && !Number.isFinite(v))
            return `${nonce}:${String(v)}`;
        if (v instanceof ExactNumber)
            return `${nonce}:${v.text}`;
        return v;
    }, 2);
    return `${text.replace(new RegExp(`"${nonce}:([^"]*)"`, 'g'), '$1')}\n`;
}
/** Writes a file by renaming a temporary one into place, so a crash never leaves half a file. */
async function writeAtomic(file, text) {
    const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
    try {
        await writeFile(tmp, text);
        await rename(tmp, file);
    }
    catch (e) {
        await rm(tmp, { force: true });
        throw e;
    }
}
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** The lock file as read when it was left by a call that is gone (its process no longer runs here, or it is very old); undefined otherwise. */
async function staleLock(lock) {
    const [text, info] = await Promise.all([
        readFile(lock, 'utf8').catch(() => ''),
        stat(lock).catch(() => undefined)
    ]);
    if (!info)
        return undefined;
    if (Date.now() - info.mtimeMs > STALE_LOCK_MS)
        return { info, text };
    const [host, pid] = text.trim().split(' ');
    if (host !== os.hostname() || !/^\d+$/.test(pid ?? ''))
        return undefined;
    try {
        process.kill(Number(pid), 0);
        return undefined;
    }
    catch (e) {
        return e.code === 'ESRCH' ? { info, text } : undefined;
    }
}
/** True when `file` is still the lock file once seen (inode numbers are reused, so its time and text count too; not its ctime, which a rename changes). */
async function isSameLock(file, seen) {
    const [info, text] = await Promise.all([stat(file), readFile(file, 'utf8')]);
    const was = seen.info;
    return info.dev === was.dev && info.ino === was.ino && info.mtimeMs === was.mtimeMs && text === seen.text;
}
/**
 * Removes a lock judged stale, but only if it is still that file: when another call took the stale lock over and
 * created its own in between, the new lock is moved back in place instead of being deleted.
 */
async function removeStaleLock(lock, judged) {
    const moved = `${lock}.${process.pid}.${randomUUID()}.stale`;
    try {
        await rename(lock, moved);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return;
        throw e;
    }
    try {
        if (!(await isSameLock(moved, judged)))
            await link(moved, lock).catch(() => undefined);
    }
    finally {
        await rm(moved, { force: true });
    }
}
/** Runs `update` while holding the run folder's lock file (created exclusively; waits for other holders). */
async function withRunLock(dir, update, waitMs = LOCK_WAIT_MS) {
    const lock = path.join(dir, LOCK_FILE);
    const deadline = Date.now() + waitMs;
    for (let attempt = 0;; attempt++) {
        try {
            const handle = await open(lock, 'wx');
            await handle.writeFile(`${os.hostname()} ${process.pid}\n`);
            await handle.close();
            break;
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
            const stale = await staleLock(lock);
            if (stale) {
                await removeStaleLock(lock, stale);
                continue;
            }
            if (Date.now() > deadline) {
                const holder = (await readFile(lock, 'utf8').catch(() => '')).trim();
                throw new Error(`${lock} has been held by another log call (${holder || 'unknown'}) for more than ${waitMs / 1000} s; if no log call is running, delete the file`);
            }
            await sleep(Math.min(5 * 2 ** Math.min(attempt, 5), 100) + Math.random() * 10);
        }
    }
    try {
        return await update();
    }
    finally {
        await rm(lock, { force: true });
    }
}
/** Records params, metrics (appending a history point when a step is given), tags, a note and a status. */
async function logRun(experimentsDir, entry) {
    const dir = path.join(experimentsDir, checkRunName(entry.run));
    await mkdir(dir, { recursive: true });
    await withRunLock(dir, () => writeRun(dir, entry));
    return dir;
}
async function writeRun(dir, entry) {
    if (Object.keys(entry.params).length) {
        const file = path.join(dir, BUILTIN_FILES.params);
        const params = { ...(await readJsonObject(file)), ...entry.params };
        await writeAtomic(file, jsonWithNonFinite(params));
    }
    if (Object.keys(entry.metrics).length) {
        const file = path.join(dir, BUILTIN_FILES.metrics);
        const metrics = await readJsonObject(file);
        for (const [key, value] of Object.entries(entry.metrics)) {
            const old = metrics[key];
            if (entry.step === undefined) {
                metrics[key] = old && typeof old === 'object' && 'history' in old ? { ...old, value } : value;
                continue;
            }
            const history = old && typeof old === 'object' && Array.isArray(old.history)
                ? [...old.history]
                : [];
            const at = history.findIndex(p => p.step === entry.step);
            if (at >= 0)
                history[at] = { step: entry.step, value };
            else
                history.push({ step: entry.step, value });
            history.sort((a, b) => a.step - b.step);
            metrics[key] = { value: history[history.length - 1].value, history };
        }
        await writeAtomic(file, jsonWithNonFinite(metrics));
    }
    const file = path.join(dir, BUILTIN_FILES.metadata);
    let meta = {};
    try {
        const parsed = distExports.parse(await readFile(file, 'utf8'));
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
            meta = parsed;
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw new Error(`${file} is not valid YAML (${e.message}); fix it before logging to this run`);
    }
    const before = JSON.stringify(meta);
    if (entry.tags.length)
        meta.tags = [...new Set([...(Array.isArray(meta.tags) ? meta.tags : []), ...entry.tags])];
    if (entry.note !== undefined)
        meta.notes = entry.note;
    if (entry.status)
        meta.status = entry.status;
    if (entry.group !== undefined)
        meta.group = entry.group;
    if (entry.seed !== undefined)
        meta.seed = entry.seed;
    if (entry.dataVersion !== undefined)
        meta.data_version = entry.dataVersion;
    if (entry.evalSet !== undefined)
        meta.eval_set = entry.evalSet;
    if (entry.capture) {
        if (entry.capture.gitCommit && meta.git_commit === undefined)
            meta.git_commit = entry.capture.gitCommit;
        if (meta.environment === undefined && Object.keys(entry.capture.environment).length)
            meta.environment = entry.capture.environment;
    }
    if (!meta.name)
        meta.name = entry.run;
    if (JSON.stringify(meta) !== before)
        await writeAtomic(file, distExports.stringify(meta));
}
/** True when the run already records its commit and environment, so nothing needs capturing again. */
async function runHasContext(experimentsDir, run) {
    try {
        const meta = distExports.parse(await readFile(path.join(experimentsDir, checkRunName(run), BUILTIN_FILES.metadata), 'utf8'));
        return !!meta && meta.git_commit !== undefined && meta.environment !== undefined;
    }
    catch {
        return false;
    }
}
async function run(command, args, cwd, timeout) {
    try {
        const { stdout } = await execFileAsync(command, args, {
            cwd,
            timeout,
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024
        });
        return stdout;
    }
    catch {
        return undefined;
    }
}
const digest = (text) => `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
/**
 * The git commit of the workspace and the environment a run is logged from: the OS, the Python version (the
 * active virtualenv's or python3 on PATH), and sha256 digests of `pip freeze`, requirements.txt and
 * package-lock.json where present. Anything not available is left out.
 */
async function captureContext(workspace, env) {
    const environment = {
        os: `${os.platform()} ${os.release()} ${os.arch()}`
    };
    const commit = (await run('git', ['-C', workspace, 'rev-parse', 'HEAD'], workspace, 10_000))?.trim();
    const python = env.VIRTUAL_ENV ? path.join(env.VIRTUAL_ENV, 'bin', 'python') : 'python3';
    const version = (await run(python, ['-c', 'import platform; print(platform.python_version())'], workspace, 10_000))?.trim();
    if (version) {
        environment.python = version;
        const frozen = await run(python, ['-m', 'pip', 'freeze', '--all'], workspace, 60_000);
        if (frozen?.trim())
            environment.pip_freeze = digest(frozen);
    }
    for (const [key, name] of [
        ['requirements_txt', 'requirements.txt'],
        ['package_lock', 'package-lock.json']
    ]) {
        const bytes = await readFile(path.join(workspace, name)).catch(() => undefined);
        if (bytes)
            environment[key] = digest(bytes);
    }
    return { gitCommit: commit && /^[0-9a-f]{40,64}$/.test(commit) ? commit : undefined, environment };
}

export { LOCK_FILE, captureContext, checkRunName, jsonWithNonFinite, logRun, parseAssignment, removeStaleLock, runHasContext, withRunLock };
