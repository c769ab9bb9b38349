import { realpath, lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { a as DEFAULT_ARTIFACT_RULES, I as IMAGE_EXTENSIONS, b as isAssetPath, i as isAssetsBranchName, c as assetPath } from './artifacts.js';
import { m as matrixFromPairs, a as matrixFromCells, i as isConfusionMatrix, c as confusionView, b as compareConfusion, d as assetsBranchImageUrl } from './plots.js';
import { k as groupRuns } from './text.js';
import { f as formatDiagnostic, $ as relativeUrl, g as githubUrl } from './findings.js';
import { GitHubApiError, isGitHubRequestError, explainGitHubError } from './client.js';
import { createHash } from 'node:crypto';
import { p as picomatch } from './index3.js';
import { d as distExports } from './index2.js';
import { S as SKIPPED_FOLDERS, p as parseJsonLenient, D as DVC_YAML, f as filesAndFolders } from './detect.js';
import { i as isRecord } from './structured.js';
import { n as nestedDvcliveYamls } from './dvc-yaml.js';
import './conventions.js';
import './_commonjsHelpers.js';
import 'process';
import 'buffer';
import 'node:fs';
import './read-buffer.js';
import 'node:url';

// Images hosted in the repository itself: blobs committed to a dedicated branch (experiment-review/assets by default)
// through the Git Data API, one commit per review, at content-addressed paths, so a rerun with the same images
// writes nothing. The branch starts as a commit of its own (no parent: it never carries the default branch's files)
// and only ever moves forward; it is never force-pushed, and the default branch is never written.
/** Whether a GitHub error says the ref moved under us or already exists (a concurrent upload won the race). */
function lostRace(error) {
    if (!isGitHubRequestError(error) || error.status !== 422)
        return false;
    const data = error.response?.data;
    return /not a fast.?forward|already exists/i.test(data?.message ?? error.message);
}
/** The paths of the tree of `commitSha` (recursive), or undefined when GitHub truncated the listing. */
async function pathsAt(ref, commitSha) {
    const { client, owner, repo } = ref;
    const { data: commit } = await client.rest.git.getCommit({ owner, repo, commit_sha: commitSha });
    const { data: tree } = await client.rest.git.getTree({
        owner,
        repo,
        tree_sha: commit.tree.sha,
        recursive: 'true'
    });
    if (tree.truncated)
        return undefined;
    return { paths: new Set(tree.tree.filter(e => e.type === 'blob').map(e => e.path)), tree: commit.tree.sha };
}
/** Whether `path` exists at `commitSha` (used when a tree is too large to list). */
async function existsAt(ref, commitSha, path) {
    try {
        await ref.client.rest.repos.getContent({ owner: ref.owner, repo: ref.repo, path, ref: commitSha });
        return true;
    }
    catch (error) {
        if (isGitHubRequestError(error) && error.status === 404)
            return false;
        throw error;
    }
}
/**
 * Commits the files that are not on `branch` yet in one commit; creates the branch (a commit without parent) when
 * it does not exist. Never force-pushes: a branch moved by a concurrent upload is re-read and the commit redone.
 * Throws a GitHubApiError saying what failed and which permission is needed (contents: write).
 */
async function uploadAssets(options) {
    const { client, owner, repo, branch, files, message } = options;
    const where = `${owner}/${repo}@${branch}`;
    if (options.defaultBranch && branch === options.defaultBranch) {
        throw new GitHubApiError(`The assets branch ${branch} is the default branch of ${owner}/${repo}; images are never committed there.`, undefined, `uploading images to ${where}`, 'Set assets-branch to a branch of its own (the default is experiment-review/assets).');
    }
    const unique = [...new Map(files.map(f => [f.path, f])).values()];
    const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    for (let attempt = 1;; attempt++) {
        try {
            let head;
            try {
                const { data } = await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
                head = data.object.sha;
            }
            catch (error) {
                if (!isGitHubRequestError(error) || error.status !== 404)
                    throw error;
            }
            const listing = head ? await pathsAt(options, head) : { paths: new Set(), tree: undefined };
            const missing = [];
            for (const f of unique) {
                const there = listing ? listing.paths.has(f.path) : await existsAt(options, head, f.path);
                if (!there)
                    missing.push(f);
            }
            if (!missing.length)
                return { written: [], created: false };
            const entries = [];
            for (const f of missing) {
                const { data: blob } = await client.rest.git.createBlob({
                    owner,
                    repo,
                    content: f.content.toString('base64'),
                    encoding: 'base64'
                });
                entries.push({ path: f.path, mode: '100644', type: 'blob', sha: blob.sha });
            }
            const baseTree = head
                ? (listing?.tree ??
                    (await client.rest.git.getCommit({ owner, repo, commit_sha: head })).data.tree.sha)
                : undefined;
            const { data: tree } = await client.rest.git.createTree({
                owner,
                repo,
                tree: entries,
                ...(baseTree ? { base_tree: baseTree } : {})
            });
            const { data: commit } = await client.rest.git.createCommit({
                owner,
                repo,
                message,
                tree: tree.sha,
                parents: head ? [head] : []
            });
            if (head)
                await client.rest.git.updateRef({
                    owner,
                    repo,
                    ref: `heads/${branch}`,
                    sha: commit.sha,
                    force: false
                });
            else
                await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.sha });
            return { commitSha: commit.sha, written: missing.map(f => f.path), created: !head };
        }
        catch (error) {
            if (lostRace(error) && attempt < maxAttempts)
                continue;
            throw explainGitHubError(error, `uploading images to ${where}`, 'contents: write');
        }
    }
}

// What a run produced besides numbers: the images in its folder (built-in runs, MLflow artifacts, W&B media, DVC
// image plots and dvclive plots) and its confusion data (DVC `template: confusion` plots, W&B confusion tables).
// Image bytes are checked by their signature; a file whose content is not the image its name says is refused and
// named. Files are read only inside the workspace and never through a symbolic link.
/** The most files looked at in one run folder; a larger folder is searched only this far (with a warning). */
const MAX_FILES_PER_RUN = 5000;
/** The largest confusion data file read (a DVC confusion plot holds one row per sample). */
const MAX_CONFUSION_FILE_BYTES = 64 * 1024 * 1024;
const MAX_DEPTH = 8;
/**
 * Where each format keeps its images, inside the run folder: anywhere in a built-in run's folder. A DVC project's
 * are the image plots its dvc.yaml names and dvclive's `plots/images/` (see readDvcPlots), never the whole project.
 */
const IMAGE_ROOTS = {
    builtin: ['.'],
    mlflow: ['artifacts'],
    wandb: ['files/media/images']
};
/** The kind of image whose signature `bytes` start with; undefined when it is none of PNG, JPEG, GIF, SVG. */
function imageKindOf(bytes) {
    if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
        return 'png';
    if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
        return 'jpeg';
    const head = bytes.subarray(0, 6).toString('latin1');
    if (head === 'GIF87a' || head === 'GIF89a')
        return 'gif';
    // SVG is text: an optional BOM, XML declaration, comments or doctype, then the <svg element; never binary.
    const start = bytes.subarray(0, 4096);
    if (start.includes(0))
        return undefined;
    const textStart = start.toString('utf8').replace(/^\ufeff/, '');
    if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(textStart))
        return 'svg';
    return undefined;
}
const KIND_WORDS = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', svg: 'SVG' };
/** Files below `dir` (relative, `/`-separated), not through symbolic links nor into skipped folders. */
async function listFiles(dir, limit) {
    const files = [];
    const queue = [{ abs: dir, rel: '', depth: 0 }];
    while (queue.length) {
        const { abs, rel, depth } = queue.shift();
        let entries;
        try {
            entries = await readdir(abs, { withFileTypes: true });
        }
        catch {
            continue;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const e of entries) {
            const childRel = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory()) {
                if (!SKIPPED_FOLDERS.has(e.name) && depth < MAX_DEPTH)
                    queue.push({ abs: path.join(abs, e.name), rel: childRel, depth: depth + 1 });
            }
            else if (e.isFile()) {
                if (files.length >= limit)
                    return { files, cut: true };
                files.push(childRel);
            }
        }
    }
    return { files, cut: false };
}
/** Whether `file` lies inside `root` (both absolute). */
function inside(root, file) {
    const rel = path.relative(root, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
/**
 * Whether `file` may be read for the run: it lies inside the run folder, and so does the file it really is (no
 * folder on the way is a link out). A missing file passes (the caller reports or skips it).
 */
async function readableInside(folder, file) {
    if (!inside(folder.dir, file))
        return false;
    const realFile = await realpath(file).catch(() => undefined);
    return realFile === undefined || inside(folder.real, realFile);
}
/** The images and confusion data of one run, read from its folder. */
async function collectRunArtifacts(run, options) {
    const workspace = path.resolve(options.workspace);
    const rules = options.rules ?? DEFAULT_ARTIFACT_RULES;
    const dir = path.resolve(workspace, run.path);
    const out = { images: [], confusion: [], diagnostics: [], imagesOverCap: 0 };
    const rel = (abs) => path.relative(workspace, abs).split(path.sep).join('/');
    const report = (severity, abs, message, key) => out.diagnostics.push({ severity, file: rel(abs), run: run.name, message, ...(key ? { key } : {}) });
    if (!inside(workspace, dir) || !(await isFolder(dir)))
        return out;
    const folder = { dir, real: await realpath(dir) };
    const dvcPlots = run.source === 'dvc' ? await readDvcPlots(dir, report) : { images: [], imageRoots: [], confusion: [] };
    const roots = [...(IMAGE_ROOTS[run.source] ?? []), ...dvcPlots.imageRoots];
    if (roots.length || dvcPlots.images.length) {
        const files = new Set(dvcPlots.images);
        for (const root of roots) {
            const listed = await listFiles(path.join(dir, ...root.split('/').filter(r => r !== '.')), MAX_FILES_PER_RUN);
            if (listed.cut)
                report('warning', path.join(dir, root), `has more than ${MAX_FILES_PER_RUN} files; images were looked for among the first`);
            for (const f of listed.files)
                files.add(root === '.' ? f : `${root}/${f}`);
        }
        const matches = rules.images.length ? picomatch(rules.images, { dot: true }) : undefined;
        const candidates = [...files]
            .sort()
            .filter(f => IMAGE_EXTENSIONS[path.extname(f).toLowerCase()] !== undefined)
            .filter(f => (matches ? matches(f) : true));
        await pickImages(folder, candidates, rules, out, report, rel);
    }
    for (const plot of dvcPlots.confusion) {
        const matrix = await readConfusionPlot(folder, plot, report);
        if (matrix)
            out.confusion.push(matrix);
    }
    if (run.source === 'wandb')
        out.confusion.push(...(await readWandbTables(path.join(dir, 'files', 'media', 'table'), report)));
    if (run.source === 'mlflow')
        out.confusion.push(...(await readWandbTables(path.join(dir, 'artifacts'), report)));
    return out;
}
async function isFolder(p) {
    try {
        return (await lstat(p)).isDirectory();
    }
    catch {
        return false;
    }
}
/** Reads the candidates in name order until `maxCount` images pass their checks; the others are counted. */
async function pickImages(folder, candidates, rules, out, report, rel) {
    for (const name of candidates) {
        const abs = path.resolve(folder.dir, ...name.split('/'));
        if (!(await readableInside(folder, abs)))
            continue;
        if (out.images.length >= rules.maxCount) {
            out.imagesOverCap++;
            continue;
        }
        const info = await lstat(abs).catch(() => undefined);
        if (!info?.isFile())
            continue;
        if (info.size > rules.maxBytes) {
            report('warning', abs, `is ${formatBytes(info.size)}, over the ${formatBytes(rules.maxBytes)} an image may take (artifacts.max_size); it is not shown`);
            continue;
        }
        const bytes = await readFile(abs);
        const expected = IMAGE_EXTENSIONS[path.extname(name).toLowerCase()];
        const kind = imageKindOf(bytes);
        if (kind !== expected) {
            report('warning', abs, `is named as a ${KIND_WORDS[expected]} image but its content is ${kind ? `a ${KIND_WORDS[kind]} image` : `not one (its first bytes are ${bytes.subarray(0, 8).toString('hex') || 'none'})`}; it was refused`);
            continue;
        }
        out.images.push({
            name,
            file: rel(abs),
            kind,
            bytes: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex')
        });
    }
}
/** Bytes as "1 MB", "300 KB" or "12 bytes". */
function formatBytes(n) {
    if (n >= 1024 * 1024)
        return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
    if (n >= 1024)
        return `${+(n / 1024).toFixed(1)} KB`;
    return `${n} bytes`;
}
const CONFUSION_TEMPLATES = new Set(['confusion', 'confusion_normalized']);
/**
 * The dvc.yaml files of a DVC run, relative to the run folder and parsed: its own and the dvclive ones below it that
 * the DVC reader merges into it (nestedDvcliveYamls). A file that is not a YAML mapping is left out (the DVC reader
 * reports it).
 */
async function dvcYamls(dir) {
    const parsed = new Map();
    const parse = async (file) => {
        if (!parsed.has(file)) {
            let raw;
            try {
                raw = distExports.parse(await readFile(file, 'utf8'), { maxAliasCount: 100 });
            }
            catch {
                raw = undefined; // missing, unreadable or not YAML: the DVC reader reports it
            }
            parsed.set(file, raw);
        }
        return parsed.get(file);
    };
    // Listed as the DVC reader's read context lists them, so both find the same dvc.yaml files.
    const list = async (folder) => filesAndFolders(folder, await readdir(folder, { withFileTypes: true }).catch(() => []));
    const hasStages = async (file) => {
        const raw = await parse(file);
        return isRecord(raw) && isRecord(raw.stages);
    };
    const files = [path.join(dir, DVC_YAML), ...(await nestedDvcliveYamls(dir, list, hasStages))];
    const out = [];
    for (const abs of files) {
        const raw = await parse(abs);
        if (isRecord(raw))
            out.push({ rel: path.relative(dir, abs).split(path.sep).join('/'), abs, raw });
    }
    return out;
}
/**
 * The image plots and confusion plots named in the run folder's dvc.yaml and in dvclive's dvc.yaml files below it
 * (`plots:` at the top level and in stages, as paths, `{path: {template, x, y}}` or
 * `{id: {template, x, y: {file: field}}}`), and dvclive's image folders (`plots/images/` beside each dvc.yaml, or in
 * a dvclive folder of its own).
 */
async function readDvcPlots(dir, report) {
    const found = { images: [], confusion: [] };
    const yamls = await dvcYamls(dir);
    for (const { rel, abs, raw } of yamls) {
        const base = path.posix.dirname(rel);
        const lists = [{ list: raw.plots, wdir: base }];
        for (const stage of Object.values(isRecord(raw.stages) ? raw.stages : {})) {
            if (!isRecord(stage))
                continue;
            const body = isRecord(stage.do) ? stage.do : stage;
            const wdir = typeof stage.wdir === 'string' ? path.posix.join(base, stage.wdir) : base;
            lists.push({ list: body.plots, wdir });
        }
        for (const { list, wdir } of lists)
            addDvcPlots(list, wdir, found, abs, report);
    }
    const unique = (xs, key) => xs.filter((x, i) => xs.findIndex(y => key(y) === key(x)) === i);
    const bases = yamls.length ? yamls.map(y => path.posix.dirname(y.rel)) : ['.'];
    return {
        images: unique(found.images, x => x),
        imageRoots: unique(bases.map(b => (b === '.' ? 'plots/images' : `${b}/plots/images`)), x => x),
        confusion: unique(found.confusion, x => x.file)
    };
}
/** Adds the entries of one `plots` list. */
function addDvcPlots(list, wdir, found, yamlFile, report) {
    if (!Array.isArray(list))
        return;
    const at = (p) => path.posix.normalize(path.posix.join(wdir, p)).replace(/^\.\//, '');
    const isImage = (p) => IMAGE_EXTENSIONS[path.posix.extname(p).toLowerCase()] !== undefined;
    for (const entry of list) {
        if (typeof entry === 'string') {
            if (isImage(entry))
                found.images.push(at(entry));
            continue;
        }
        if (!isRecord(entry) || Object.keys(entry).length !== 1)
            continue;
        const [id, config] = Object.entries(entry)[0];
        if (isImage(id))
            found.images.push(at(id));
        if (!isRecord(config) || !CONFUSION_TEMPLATES.has(String(config.template)))
            continue;
        const x = config.x;
        const y = config.y;
        const files = isRecord(y) ? Object.entries(y) : [[id, y]];
        for (const [file, field] of files) {
            const actual = typeof x === 'string' ? x : isRecord(x) ? x[file] : undefined;
            const predicted = Array.isArray(field) ? field[0] : field;
            if (typeof actual !== 'string' || typeof predicted !== 'string') {
                report('warning', yamlFile, `confusion plot ${JSON.stringify(id)} (${JSON.stringify(file)}) names no x and y field of one class each (found x ${JSON.stringify(actual ?? null)}, y ${JSON.stringify(predicted ?? null)}); expected e.g. x: actual, y: predicted. It was skipped`, 'plots');
                continue;
            }
            if (file.includes('${'))
                continue;
            found.confusion.push({ file: at(file), actual, predicted });
        }
    }
}
/** Reads a file of the run folder, at most `max` bytes, never through a symbolic link; undefined when absent. */
async function readRunFile(folder, rel, max, report) {
    const abs = path.resolve(folder.dir, ...rel.split('/'));
    if (!(await readableInside(folder, abs)))
        return undefined;
    const info = await lstat(abs).catch(() => undefined);
    if (!info) {
        report('warning', abs, 'is named as a confusion plot in dvc.yaml but does not exist; it was skipped');
        return undefined;
    }
    if (!info.isFile())
        return undefined;
    if (info.size > max) {
        report('warning', abs, `is ${formatBytes(info.size)}, over the ${formatBytes(max)} read for a confusion plot; it was skipped`);
        return undefined;
    }
    return readFile(abs, 'utf8');
}
/** The rows of a DVC plot file: JSON (a list, or an object holding one), YAML, CSV or TSV with a header. */
function plotRows(text, file) {
    const ext = path.extname(file).toLowerCase();
    if (ext === '.csv' || ext === '.tsv')
        return delimitedRows(text, ext === '.tsv' ? '\t' : ',');
    const value = ext === '.yaml' || ext === '.yml' ? distExports.parse(text) : parseJsonLenient(text).value;
    const list = Array.isArray(value)
        ? value
        : isRecord(value)
            ? Object.values(value).find(v => Array.isArray(v) && v.some(isRecord))
            : undefined;
    if (!Array.isArray(list))
        throw new Error('holds no list of rows');
    return list.filter(isRecord);
}
/**
 * Rows of a CSV or TSV plot file with a header line. Hand-written because these files hold two columns of class
 * labels as DVC's own writers emit them (quotes only around labels with the delimiter or a quote); the project's
 * CSV metrics reader is built for numeric histories.
 */
function delimitedRows(text, delimiter) {
    const lines = text
        .replace(/^\ufeff/, '')
        .split(/\r\n?|\n/)
        .filter(l => l.trim() !== '');
    const split = (line) => {
        const cells = [];
        let cell = '';
        let quoted = false;
        for (let i = 0; i < line.length; i++) {
            const ch = line[i];
            if (quoted) {
                if (ch === '"' && line[i + 1] === '"') {
                    cell += '"';
                    i++;
                }
                else if (ch === '"')
                    quoted = false;
                else
                    cell += ch;
            }
            else if (ch === '"' && cell === '')
                quoted = true;
            else if (ch === delimiter) {
                cells.push(cell);
                cell = '';
            }
            else
                cell += ch;
        }
        cells.push(cell);
        return cells;
    };
    const [header, ...rest] = lines.map(split);
    if (!header)
        return [];
    return rest.map(cells => Object.fromEntries(header.map((h, i) => [h.trim(), cells[i]])));
}
/** A class label from a plot cell: strings as they are, numbers and booleans as text. */
function labelOf(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
/** A DVC confusion plot as a matrix: one row per sample, the actual class in `x`, the predicted in `y`. */
async function readConfusionPlot(folder, plot, report) {
    const abs = path.resolve(folder.dir, ...plot.file.split('/'));
    const text = await readRunFile(folder, plot.file, MAX_CONFUSION_FILE_BYTES, report);
    if (text === undefined)
        return undefined;
    let rows;
    try {
        rows = plotRows(text, plot.file);
    }
    catch (error) {
        report('warning', abs, `is not a readable confusion plot: ${error.message.split('\n')[0]}; it was skipped`);
        return undefined;
    }
    const pairs = [];
    let bad = 0;
    for (const row of rows) {
        const actual = labelOf(row[plot.actual]);
        const predicted = labelOf(row[plot.predicted]);
        if (actual === undefined || predicted === undefined)
            bad++;
        else
            pairs.push({ actual, predicted });
    }
    if (bad)
        report('warning', abs, `${bad} of ${rows.length} rows have no class in the fields ${JSON.stringify(plot.actual)} and ${JSON.stringify(plot.predicted)} that dvc.yaml names; they were left out of the confusion matrix`, plot.actual);
    if (!pairs.length)
        return undefined;
    return matrixFromPairs(plot.file, pairs);
}
/** The column names of a W&B confusion table, lower-cased: wandb.plot.confusion_matrix writes these. */
const WANDB_CONFUSION_COLUMNS = ['actual', 'predicted', 'npredictions'];
/** W&B confusion tables (`media/table/*.table.json` with columns Actual, Predicted, nPredictions) below `dir`. */
async function readWandbTables(dir, report) {
    const out = [];
    if (!(await isFolder(dir)))
        return out;
    const { files } = await listFiles(dir, MAX_FILES_PER_RUN);
    for (const rel of files.filter(f => f.endsWith('.table.json') || f.endsWith('.json'))) {
        const abs = path.join(dir, ...rel.split('/'));
        const info = await lstat(abs).catch(() => undefined);
        if (!info?.isFile() || info.size > MAX_CONFUSION_FILE_BYTES)
            continue;
        let value;
        try {
            value = parseJsonLenient(await readFile(abs, 'utf8')).value;
        }
        catch {
            if (rel.endsWith('.table.json'))
                report('warning', abs, 'is not valid JSON; the table was skipped');
            continue;
        }
        if (!isRecord(value) || !Array.isArray(value.columns) || !Array.isArray(value.data))
            continue;
        const columns = value.columns.map(c => String(c).toLowerCase());
        const at = WANDB_CONFUSION_COLUMNS.map(c => columns.indexOf(c));
        if (at.some(i => i < 0))
            continue;
        const cells = [];
        for (const row of value.data) {
            if (!Array.isArray(row))
                continue;
            const actual = labelOf(row[at[0]]);
            const predicted = labelOf(row[at[1]]);
            const count = Number(row[at[2]]);
            if (actual !== undefined && predicted !== undefined && Number.isFinite(count) && count >= 0)
                cells.push({ actual, predicted, count });
        }
        if (cells.length)
            out.push(matrixFromCells(tableName(rel), cells));
    }
    return out;
}
/** A W&B table's name without the hash W&B appends: `media/table/conf_mat_table_1_a775e4b6.table.json` → `conf_mat_table_1`. */
function tableName(rel) {
    return path.posix.basename(rel).replace(/(_[0-9a-f]{16,})?\.table\.json$|\.json$/, '');
}

// The champion's plots for a review: its images and confusion matrices found in its run folder, the images hosted
// on the assets branch (the action, `review --repo`) or linked by path (the CLI's markdown), and the baseline's
// recorded plots beside them. Images are never evidence: a failure here is said and the review goes on.
/** The run of a collection the champion was read from (its first run). */
function championRun(comparison, collection) {
    const champion = comparison.champion;
    if (!champion)
        return undefined;
    return collection.runs.find(r => champion.paths.includes(r.path) && r.source === champion.source);
}
/** The champion's artifacts, read from its run folder under the rules' `artifacts`. */
async function championArtifacts(comparison, collection, workspace, rules) {
    const run = championRun(comparison, collection);
    if (!run)
        return undefined;
    const artifacts = await collectRunArtifacts(run, {
        workspace,
        rules: rules.artifacts ?? DEFAULT_ARTIFACT_RULES
    });
    return { run, artifacts };
}
/** The URL of an image on the host's assets branch (GITHUB_SERVER_URL/OWNER/REPO/raw/BRANCH/PATH). */
function branchImageUrl(host, file) {
    return assetsBranchImageUrl(githubUrl(host.serverUrl, host.owner, host.repo), host.branch, file);
}
function imageUrl(host, image) {
    if (!host)
        return undefined;
    if (host.kind === 'branch')
        return branchImageUrl(host, assetPath(image));
    const rel = path.relative(host.from, path.resolve(host.workspace, image.file));
    return relativeUrl(rel.split(path.sep));
}
/** The view of the champion's plots: images with their URLs beside the baseline's, confusion against the baseline's. */
function plotsView(input) {
    const { artifacts, baseline, host } = input;
    const recorded = new Map((baseline?.images ?? [])
        .filter(i => isAssetPath(i?.path) && typeof i.name === 'string')
        .map(i => [i.name, i]));
    // The baseline's images are on the branch its promote committed them to (the review's own, unless recorded).
    const recordedHost = host?.kind === 'branch' && isAssetsBranchName(baseline?.branch)
        ? { ...host, branch: baseline.branch }
        : host;
    const baselineUrl = (name) => {
        const r = recorded.get(name);
        return r && recordedHost?.kind === 'branch' ? branchImageUrl(recordedHost, r.path) : undefined;
    };
    const images = artifacts.images.map(im => {
        const url = input.notShown ? undefined : imageUrl(host, im);
        const before = baselineUrl(im.name);
        return {
            name: im.name,
            kind: im.kind,
            ...(url ? { url } : {}),
            ...(before ? { baselineUrl: before } : {})
        };
    });
    const names = new Set(artifacts.images.map(i => i.name));
    const baselineOnly = [...recorded.values()]
        .filter(r => !names.has(r.name))
        .flatMap(r => {
        const url = baselineUrl(r.name);
        return url ? [{ name: r.name, kind: r.kind, baselineUrl: url }] : [];
    });
    const baselineMatrices = new Map((baseline?.confusion ?? []).filter(isConfusionMatrix).map(m => [m.name, m]));
    return {
        run: input.run.name,
        images,
        baselineOnly,
        confusion: artifacts.confusion.map(m => confusionView(compareConfusion(m, baselineMatrices.get(m.name)))),
        imagesOverCap: artifacts.imagesOverCap,
        refused: artifacts.diagnostics.map(formatDiagnostic),
        ...(input.notShown && artifacts.images.length ? { notShown: input.notShown } : {})
    };
}
/**
 * Commits the images to the assets branch (only those not there yet). A refusal (403: a fork's read-only token, a
 * job without contents: write) or any other failure is returned as why the images are not shown, never thrown.
 */
async function hostImages(ref, images, workspace, message, explainRefusal) {
    if (!images.length)
        return { written: [] };
    try {
        const files = await Promise.all(images.map(async (im) => ({
            path: assetPath(im),
            content: await readFile(path.resolve(workspace, im.file))
        })));
        const result = await uploadAssets({ ...ref, files, message });
        return { written: result.written, ...(result.commitSha ? { commitSha: result.commitSha } : {}) };
    }
    catch (error) {
        if (error instanceof GitHubApiError && error.status === 403)
            return { written: [], notShown: explainRefusal(error) };
        return { written: [], notShown: `uploading them to ${ref.branch} failed: ${error.message}` };
    }
}
/** What a baseline records of its champion's plots: images by their path on the assets branch, the matrices. */
function recordedPlots(run, artifacts, branch) {
    const images = branch ? artifacts.images : [];
    if (!images.length && !artifacts.confusion.length)
        return undefined;
    return {
        run: run.name,
        ...(images.length ? { branch } : {}),
        images: images.map(im => ({ name: im.name, path: assetPath(im), kind: im.kind })),
        confusion: artifacts.confusion
    };
}
/**
 * The plots promote records with a new champion (experiment `name` of `runs`): its images committed to the assets
 * branch (when that fails, the matrices are recorded without them and `warnings` says why), and its matrices.
 */
async function promotedPlots(input) {
    const experiment = groupRuns(input.runs, input.rules).find(e => e.name === input.champion);
    const run = experiment?.runs[0];
    if (!run)
        return undefined;
    const artifacts = await collectRunArtifacts(run, {
        workspace: input.workspace,
        rules: input.rules.artifacts ?? DEFAULT_ARTIFACT_RULES
    });
    input.warnings.push(...artifacts.diagnostics.map(formatDiagnostic));
    let branch = input.branch;
    if (branch && artifacts.images.length) {
        const hosted = await hostImages({ ...input.ref, branch, defaultBranch: input.defaultBranch }, artifacts.images, input.workspace, `Experiment Review: images of the champion ${input.champion.replace(/[^\w.-]/g, '-').slice(0, 60)}`, error => `${error.message} The champion's images are recorded without them; give the promote job contents: write.`);
        if (hosted.notShown) {
            input.warnings.push(`The champion's images were not committed to ${branch}: ${hosted.notShown}`);
            branch = undefined;
        }
    }
    return recordedPlots(run, artifacts, branch);
}
/** The baseline's recorded plots, when it has any. */
function baselinePlots(record) {
    const plots = record?.plots;
    return plots && Array.isArray(plots.images) && Array.isArray(plots.confusion) ? plots : undefined;
}
/** Why images were not uploaded when GitHub refused the write (403), for a fork's PR and for the repository's own. */
function refusedUploadText(branch, fromFork) {
    return fromFork
        ? `the token of a pull request from a fork is read-only, so they were not uploaded to ${branch}; the rest of the review is complete.`
        : `the job's token may not write to the repository (GitHub answered 403), so they were not uploaded to ${branch}. Add contents: write to the review job's permissions to show them, or set assets-branch: none.`;
}
/**
 * The plots of a review: the champion's artifacts, its images hosted on the assets branch (unless assets-branch is
 * none or the review is stale), and the baseline's recorded plots. Undefined when the champion produced none.
 */
async function reviewPlots(request, comparison, collection, rules, baseline) {
    const { config, log, pr } = request;
    const found = await championArtifacts(comparison, collection, config.workspace, rules);
    const recorded = baselinePlots(baseline);
    if (!found)
        return undefined;
    const { run, artifacts } = found;
    if (!artifacts.images.length && !artifacts.confusion.length && !artifacts.diagnostics.length && !recorded)
        return undefined;
    for (const d of artifacts.diagnostics)
        log.warning(formatDiagnostic(d));
    const branch = config.assetsBranch;
    let notShown;
    if (!branch)
        notShown = 'image hosting is off (assets-branch: none).';
    else if (request.stale)
        notShown = `the review is stale (${request.stale}).`;
    else if (artifacts.images.length) {
        const hosted = await hostImages({
            client: await request.client(),
            owner: request.owner,
            repo: request.repo,
            branch,
            defaultBranch: pr.baseRef
        }, artifacts.images, config.workspace, `Experiment Review: images of pull request #${pr.number} (${config.id})`, () => refusedUploadText(branch, pr.fromFork));
        notShown = hosted.notShown;
        if (notShown)
            log.warning(`Experiment Review: images not shown: ${notShown}`);
        else
            log.info(hosted.written.length
                ? `Images: ${hosted.written.length} of ${artifacts.images.length} committed to ${branch} (${hosted.commitSha})`
                : `Images: all ${artifacts.images.length} already on ${branch}; nothing written`);
    }
    const host = branch
        ? {
            kind: 'branch',
            serverUrl: request.serverUrl ?? 'https://github.com',
            owner: request.owner,
            repo: request.repo,
            branch
        }
        : undefined;
    return plotsView({ run, artifacts, baseline: recorded, host, notShown });
}
/**
 * The champion's plots for the CLI's markdown: images linked by their path relative to `cwd` (nothing uploaded),
 * confusion matrices against the baseline's recorded ones; with the problems met, as lines for stderr.
 */
async function localPlots(comparison, collection, workspace, cwd, rules, baseline) {
    const found = await championArtifacts(comparison, collection, workspace, rules);
    if (!found)
        return undefined;
    const { run, artifacts } = found;
    const host = { kind: 'relative', from: cwd, workspace };
    const view = plotsView({ run, artifacts, baseline: baselinePlots(baseline), host });
    return { view, diagnostics: artifacts.diagnostics.map(formatDiagnostic) };
}

export { baselinePlots, championArtifacts, championRun, hostImages, localPlots, plotsView, promotedPlots, recordedPlots, reviewPlots };
