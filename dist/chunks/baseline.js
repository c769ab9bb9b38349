import { execFile } from 'node:child_process';
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { g as groupRuns, r as recordFromExperiment, p as parseBaseline, B as BaselineError } from './baseline2.js';
import { p as primaryMetric, c as chooseChampion, r as rankExperiments } from './champion.js';
import { h as collectRuns } from './detect.js';
import './conventions.js';
import './significance.js';
import './_commonjsHelpers.js';
import 'node:fs';
import 'node:string_decoder';
import './mlflow-metrics-file.js';
import 'node:crypto';
import 'node:readline';
import 'node:os';
import 'node:url';
import 'node:worker_threads';
import 'node:module';

// The baseline a review compares with, read from disk or git: a baseline file, a folder of runs (their champion
// becomes the baseline) or `REF:PATH` in the checkout's git history. The only I/O behind the baseline types.
const execFileAsync = promisify(execFile);
/** Reads a file as it is in a git commit of the checkout; undefined when the path is not in that commit. */
async function readFileAtGitRef(workspace, ref, file) {
    if (!/^[\w./@^~{}-]+$/.test(ref) || ref.startsWith('-'))
        throw new Error(`"${ref}" is not a git revision name; use a branch, tag or commit`);
    const normalized = path.posix.normalize(file.split(path.sep).join('/')).replace(/^\.\//, '');
    try {
        const { stdout } = await execFileAsync('git', ['-C', workspace, 'show', `${ref}:${normalized}`], {
            maxBuffer: 256 * 1024 * 1024,
            encoding: 'utf8'
        });
        return stdout;
    }
    catch (e) {
        const message = String(e.stderr ?? e);
        if (/does not exist|exists on disk, but not in|path .* does not exist/i.test(message))
            return undefined;
        if (/invalid object name|unknown revision|bad revision|not a valid object name/i.test(message)) {
            throw new Error(`git has no revision "${ref}" in ${workspace}; fetch it first (e.g. git fetch origin main) or use another ref`);
        }
        throw new Error(`git show ${ref}:${normalized} failed: ${message.trim().split('\n')[0]}`);
    }
}
/** True when the checkout has a commit (so the baseline can be read locally instead of through the API). */
async function hasGitCommit(workspace, sha) {
    try {
        await execFileAsync('git', ['-C', workspace, 'cat-file', '-e', `${sha}^{commit}`]);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Loads a baseline from a spec: a baseline.json path, a folder of runs (their champion becomes the baseline),
 * or `REF:PATH` read from git (e.g. `origin/main:.experiments/baseline.json`). A missing file means no baseline.
 */
async function loadBaselineSpec(workspace, spec, rules, id = 'default') {
    const abs = path.resolve(workspace, spec);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isDirectory()) {
        const collection = await collectRuns({ workspace: abs });
        const experiments = groupRuns(collection.runs, rules);
        const primary = primaryMetric(rules, experiments);
        const { champion } = chooseChampion(rankExperiments(experiments, primary, rules), primary);
        return {
            record: champion ? recordFromExperiment(champion) : undefined,
            from: spec,
            diagnostics: collection.diagnostics.map(d => ({ ...d, file: path.join(spec, d.file) }))
        };
    }
    if (info?.isFile()) {
        const file = parseBaseline(await readFile(abs, 'utf8'), spec);
        return { record: pickId(file, id, spec), file, from: spec, diagnostics: [] };
    }
    const colon = spec.indexOf(':');
    if (colon > 0 && !info) {
        const ref = spec.slice(0, colon);
        const file = spec.slice(colon + 1);
        const text = await readFileAtGitRef(workspace, ref, file);
        if (text === undefined)
            return { from: spec, diagnostics: [] };
        const parsed = parseBaseline(text, spec);
        return { record: pickId(parsed, id, spec), file: parsed, from: spec, diagnostics: [] };
    }
    return { from: spec, diagnostics: [] };
}
function pickId(file, id, where) {
    if (file.id && file.id !== id) {
        throw new BaselineError(where, `belongs to review id "${file.id}", not "${id}"; give each id its own baseline file`);
    }
    return file.champion;
}

export { hasGitCommit, loadBaselineSpec, readFileAtGitRef };
