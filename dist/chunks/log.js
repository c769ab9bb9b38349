import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { d as distExports } from './index2.js';
import { L as BUILTIN_FILES } from './detect.js';
import './_commonjsHelpers.js';
import 'process';
import 'buffer';
import './conventions.js';
import 'node:process';
import 'node:url';
import 'node:fs';
import 'node:crypto';
import 'node:string_decoder';
import 'node:readline';
import 'node:module';

// `experiment-review log`: records a run in the built-in format from any script, merging with what is there.
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
async function readJsonObject(file) {
    try {
        const value = JSON.parse(await readFile(file, 'utf8'));
        if (value && typeof value === 'object' && !Array.isArray(value))
            return value;
        throw new Error(`${file} does not hold a JSON object; fix or remove it before logging to this run`);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return {};
        if (e instanceof SyntaxError)
            throw new Error(`${file} is not valid JSON (${e.message}); fix or remove it before logging to this run`);
        throw e;
    }
}
/** Writes a file by renaming a temporary one into place, so a crash never leaves half a file. */
async function writeAtomic(file, text) {
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, text);
    await rename(tmp, file);
}
const numberReplacer = (_k, v) => typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
/** Records params, metrics (appending a history point when a step is given), tags, a note and a status. */
async function logRun(experimentsDir, entry) {
    const dir = path.join(experimentsDir, checkRunName(entry.run));
    await mkdir(dir, { recursive: true });
    if (Object.keys(entry.params).length) {
        const file = path.join(dir, BUILTIN_FILES.params);
        const params = { ...(await readJsonObject(file)), ...entry.params };
        await writeAtomic(file, `${JSON.stringify(params, null, 2)}\n`);
    }
    if (Object.keys(entry.metrics).length) {
        const file = path.join(dir, BUILTIN_FILES.metrics);
        const metrics = await readJsonObject(file);
        for (const [key, value] of Object.entries(entry.metrics)) {
            if (entry.step === undefined) {
                const old = metrics[key];
                metrics[key] = old && typeof old === 'object' && 'history' in old ? { ...old, value } : value;
                continue;
            }
            const old = metrics[key];
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
        await writeAtomic(file, `${JSON.stringify(metrics, numberReplacer, 2).replace(/"(NaN|-?Infinity)"/g, '$1')}\n`);
    }
    if (entry.tags.length || entry.note !== undefined || entry.status) {
        const file = path.join(dir, BUILTIN_FILES.metadata);
        let meta = {};
        try {
            meta = distExports.parse(await readFile(file, 'utf8')) ?? {};
        }
        catch (e) {
            if (e.code !== 'ENOENT')
                throw new Error(`${file} is not valid YAML (${e.message}); fix it before logging to this run`);
        }
        if (entry.tags.length)
            meta.tags = [...new Set([...(Array.isArray(meta.tags) ? meta.tags : []), ...entry.tags])];
        if (entry.note !== undefined)
            meta.notes = entry.note;
        if (entry.status)
            meta.status = entry.status;
        if (!meta.name)
            meta.name = entry.run;
        await writeAtomic(file, distExports.stringify(meta));
    }
    return dir;
}

export { checkRunName, logRun, parseAssignment };
