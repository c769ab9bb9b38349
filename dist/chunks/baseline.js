import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { B as BaselineError, p as parseBaseline, c as championOfId, r as recordFromExperiment } from './baseline2.js';
import { p as primaryMetric, c as chooseChampion, r as rankExperiments } from './champion.js';
import { k as groupRuns } from './text.js';
import { f as formatDiagnostic } from './findings.js';
import { c as collectRuns } from './detect.js';
import './conventions.js';
import 'node:fs';
import './read-buffer.js';
import 'node:url';

// The baseline a review compares with, read from disk or git: a baseline file, a folder of runs (their champion
// becomes the baseline) or `REF:PATH` in the checkout's git history. The only I/O behind the baseline types.
const execFileAsync = promisify(execFile);
/** Reads a file as it is in a git commit of the checkout; undefined when the path is not in that commit. */
async function readFileAtGitRef(workspace, ref, file) {
    checkRevision(ref);
    const normalized = gitPath(file);
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
 * Loads a baseline from a spec: a baseline.json path; runs (a folder of runs, an MLflow SQLite store or another
 * runs file), whose champion becomes the baseline; or `REF:PATH` read from git without a checkout (e.g.
 * `origin/main:.experiments/baseline.json`, or `main:experiments`, a folder of runs in that commit). A spec named
 * explicitly must exist (BaselineError naming what was looked for); a default one may be missing (no baseline).
 */
async function loadBaselineSpec(workspace, spec, rules, options = {}) {
    const { id = 'default', required = true } = options;
    const abs = path.resolve(workspace, spec);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isDirectory())
        return championOfRuns(workspace, abs, spec, rules, required);
    if (info?.isFile()) {
        const bytes = await readFile(abs);
        if (looksLikeBaselineJson(bytes))
            return fromBaselineText(bytes.toString('utf8'), spec, id);
        return championOfRuns(workspace, abs, spec, rules, required);
    }
    const colon = spec.indexOf(':');
    if (colon > 0 && !info)
        return loadBaselineAtGitRef(workspace, spec.slice(0, colon), spec.slice(colon + 1), rules, {
            id,
            required
        });
    if (!required)
        return { from: spec, diagnostics: [] };
    throw new BaselineError(spec, `the baseline named does not exist: there is no file or folder ${abs}${colon > 0 ? '' : ' (for a file in git, give REF:PATH, e.g. origin/main:.experiments/baseline.json)'}; check the path`);
}
/** Whether file content is JSON (a baseline file) rather than a store of runs: its first non-blank byte is `{`. */
function looksLikeBaselineJson(bytes) {
    const text = bytes
        .subarray(0, 64)
        .toString('utf8')
        .replace(/^\ufeff/, '');
    return text.trimStart().startsWith('{');
}
function fromBaselineText(text, from, id) {
    const file = parseBaseline(text, from);
    return { record: championOfId(file, id, from), file, from, diagnostics: [] };
}
/**
 * The champion of the runs at `abs` (a folder, or a store such as an MLflow SQLite file) as the baseline; named
 * explicitly and holding no finished run, it is an error. Diagnostics of a folder are named under `shownAs`, those of
 * a store file by `shownFile`.
 */
async function championOfRuns(workspace, abs, shownAs, rules, required, shownFile = file => file) {
    const folder = (await stat(abs)).isDirectory();
    const collection = folder
        ? await collectRuns({ workspace: abs, selection: rules.select })
        : await collectRuns({ workspace, patterns: [abs], selection: rules.select });
    const experiments = groupRuns(collection.runs, rules);
    const primary = primaryMetric(rules, experiments);
    const { champion } = chooseChampion(rankExperiments(experiments, primary, rules), primary);
    const diagnostics = collection.diagnostics.map(d => ({
        ...d,
        file: folder ? path.posix.join(shownAs, d.file) : shownFile(d.file)
    }));
    if (!champion && required) {
        const problems = diagnostics
            .filter(d => d.severity === 'error')
            .slice(0, 3)
            .map(formatDiagnostic);
        throw new BaselineError(shownAs, `is not a baseline file and holds no finished run to use as the baseline${problems.length ? ` (${problems.join('; ')})` : ''}; give a baseline.json, a folder of runs or a runs store such as an MLflow SQLite file`);
    }
    return { record: champion ? recordFromExperiment(champion) : undefined, from: shownAs, diagnostics };
}
/**
 * Reads `REF:PATH` from the checkout's git history without checking it out: a baseline file, or a folder of runs
 * (or a runs file such as an MLflow SQLite store) extracted to a temporary folder and read like one on disk.
 */
async function loadBaselineAtGitRef(workspace, ref, file, rules, options = {}) {
    const { id = 'default', required = true } = options;
    const spec = `${ref}:${file}`;
    const normalized = gitPath(file);
    const kind = await gitObjectKind(workspace, ref, normalized);
    if (kind === undefined) {
        if (!required)
            return { from: spec, diagnostics: [] };
        throw new BaselineError(spec, `the baseline named does not exist: git has no "${normalized}" at ${ref} in ${workspace}; check the path (git ls-tree --name-only ${ref} lists what is there)`);
    }
    if (kind === 'blob') {
        const bytes = await gitBlob(workspace, `${ref}:${normalized}`);
        if (looksLikeBaselineJson(bytes))
            return fromBaselineText(bytes.toString('utf8'), spec, id);
    }
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'experiment-review-baseline-'));
    try {
        await extractFromGit(workspace, ref, normalized, scratch);
        const extracted = path.join(scratch, ...normalized.split('/'));
        const shown = (f) => f
            .split(scratch.split(path.sep).join('/'))
            .join(ref + ':')
            .replace(':/', ':');
        return await championOfRuns(scratch, extracted, spec, rules, required, shown);
    }
    finally {
        await rm(scratch, { recursive: true, force: true });
    }
}
/** A path as git names it in a tree: forward slashes, no leading `./`. */
function gitPath(file) {
    return path.posix.normalize(file.split(path.sep).join('/')).replace(/^\.\//, '').replace(/\/$/, '');
}
/** What `REF:PATH` is in git: a file (blob), a folder (tree), or undefined when the path is not in that commit. */
async function gitObjectKind(workspace, ref, file) {
    checkRevision(ref);
    try {
        await execFileAsync('git', ['-C', workspace, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    }
    catch {
        throw new Error(`git has no revision "${ref}" in ${workspace}; fetch it first (e.g. git fetch origin main) or use another ref`);
    }
    try {
        const { stdout } = await execFileAsync('git', ['-C', workspace, 'cat-file', '-t', `${ref}:${file}`]);
        const type = stdout.trim();
        return type === 'blob' || type === 'tree' ? type : undefined;
    }
    catch {
        return undefined;
    }
}
async function gitBlob(workspace, object) {
    const { stdout } = await execFileAsync('git', ['-C', workspace, 'cat-file', 'blob', object], {
        maxBuffer: 1024 * 1024 * 1024,
        encoding: 'buffer'
    });
    return stdout;
}
/** Writes `PATH` of `REF` (a file or a whole folder) under `into`, keeping its path, with `git archive` and tar. */
async function extractFromGit(workspace, ref, file, into) {
    const archive = path.join(into, '.baseline.tar');
    await execFileAsync('git', [
        '-C',
        workspace,
        'archive',
        '--format=tar',
        `--output=${archive}`,
        ref,
        '--',
        file
    ]);
    try {
        await execFileAsync('tar', ['-xf', archive, '-C', into]);
    }
    finally {
        await rm(archive, { force: true });
    }
}
function checkRevision(ref) {
    if (!/^[\w./@^~{}-]+$/.test(ref) || ref.startsWith('-'))
        throw new Error(`"${ref}" is not a git revision name; use a branch, tag or commit`);
}

export { hasGitCommit, loadBaselineAtGitRef, loadBaselineSpec, readFileAtGitRef };
