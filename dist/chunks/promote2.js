import { execFile } from 'node:child_process';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { f as formatDiagnostic } from './findings.js';
import { a as planPromotion, p as promotionPaths } from './promotion.js';
import { c as collectRuns } from './detect.js';
import './conventions.js';
import './baseline2.js';
import './text.js';
import './champion.js';
import './docs.js';
import './chart.js';
import './markdown.js';
import './_commonjsHelpers.js';
import 'node:process';
import 'node:url';
import './plots.js';
import './artifacts.js';
import 'node:fs';
import './read-buffer.js';

// `experiment-review promote` on a local checkout: the same promotion as on merge, written to the working tree
// and committed with git (the baseline file and the docs page only).
const execFileAsync = promisify(execFile);
/** Promotes the runs of a local checkout: rewrites the baseline and the docs page and commits both with git. */
async function promoteLocal(options) {
    const { workspace, baselinePath, docsPath } = options;
    const commitFiles = options.commit !== false;
    const findHead = () => git(workspace, ['rev-parse', '--verify', 'HEAD^{commit}'], 'find the commit to promote');
    // Without a commit the files are only written; the checkout's HEAD, when there is one, still names the runs.
    const head = commitFiles ? await findHead() : await findHead().catch(() => undefined);
    const collection = await collectRuns({
        workspace,
        patterns: options.runs,
        selection: options.rules.select,
        commit: options.runsOf ?? (head ? { kind: 'sha', sha: head } : undefined)
    });
    const warnings = collection.diagnostics.map(formatDiagnostic);
    const input = {
        id: options.id ?? 'default',
        rules: options.rules,
        baselinePath,
        docsPath,
        runs: collection.runs,
        pr: options.pr,
        decisions: options.decisions,
        commit: head ?? 'uncommitted',
        date: options.now.toISOString()
    };
    const baseline = await readOptional(workspace, baselinePath);
    const legacy = promotionPaths(input).legacyBaseline;
    const current = {
        baseline,
        docs: await readOptional(workspace, docsPath),
        legacyBaseline: baseline === undefined && legacy ? await readOptional(workspace, legacy) : undefined
    };
    const plan = planPromotion(current, input);
    warnings.push(...plan.warnings);
    if (plan.skipped)
        return { skipped: plan.skipped, champion: plan.champion, written: [], warnings };
    const written = Object.keys(plan.files);
    if (!written.length)
        return {
            skipped: 'the baseline and the docs page already say this; nothing to commit',
            champion: plan.champion,
            written,
            warnings
        };
    for (const [rel, text] of Object.entries(plan.files)) {
        const abs = path.resolve(workspace, rel);
        await mkdir(path.dirname(abs), { recursive: true });
        await writeFile(abs, text);
    }
    if (!commitFiles)
        return { champion: plan.champion, written, message: plan.message, warnings };
    await git(workspace, ['add', '--', ...written], `stage ${written.join(' and ')}`);
    await git(workspace, ['commit', '--quiet', '-m', plan.message, '--', ...written], `commit ${written.join(' and ')}`);
    const commitSha = await git(workspace, ['rev-parse', 'HEAD'], 'read the new commit');
    return { commitSha, champion: plan.champion, written, message: plan.message, warnings };
}
/** A file of the working tree, or undefined when it does not exist. */
async function readOptional(workspace, rel) {
    try {
        return await readFile(path.resolve(workspace, rel), 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw new Error(`${rel}: cannot be read (${e.code ?? String(e)}); check the path and its permissions`);
    }
}
/** Runs git in the workspace; a failure says what was being done and git's own words. */
async function git(workspace, args, what) {
    try {
        const { stdout } = await execFileAsync('git', ['-C', workspace, ...args], {
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024
        });
        return stdout.trim();
    }
    catch (e) {
        const stderr = String(e.stderr ?? e.message).trim();
        throw new Error(`git could not ${what} in ${workspace}: ${stderr.split('\n').slice(0, 3).join(' ')}. ` +
            'Run promote inside a git checkout with at least one commit and a user.name/user.email configured, or pass --no-commit to only write the files.');
    }
}

export { promoteLocal };
