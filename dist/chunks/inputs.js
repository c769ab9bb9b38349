import path from 'node:path';
import { D as DEFAULT_ASSETS_BRANCH, i as isAssetsBranchName } from './artifacts.js';
import { a as DEFAULT_DOCS_PATH, d as defaultBaselinePath, b as DEFAULT_RULES_PATH } from './conventions.js';

// The action's inputs as a typed config. Every input is validated here; messages name the input and the value.
/** The modes of PRODUCT.md. */
const MODES = ['auto', 'review', 'promote', 'monitor', 'command'];
/** The values of the rules-from input. */
const RULES_FROM = ['base', 'head'];
/** A bad input value: names the input, the value, and what was expected. */
class InputError extends Error {
    constructor(input, value, expected) {
        super(`input "${input}" is ${JSON.stringify(value)}; expected ${expected}`);
        this.name = 'InputError';
    }
}
function bool(name, value, fallback) {
    const v = value.trim().toLowerCase();
    if (v === '')
        return fallback;
    if (['true', 'yes', 'on', '1'].includes(v))
        return true;
    if (['false', 'no', 'off', '0'].includes(v))
        return false;
    throw new InputError(name, value, 'true or false');
}
function relativePath(name, value, fallback) {
    const v = value.trim() || fallback;
    if (path.isAbsolute(v) || v.split(/[\\/]/).includes('..'))
        throw new InputError(name, value, 'a path inside the repository, without ".."');
    return v;
}
function promoteVia(value) {
    const v = value.trim() || 'push';
    if (v !== 'push' && v !== 'pull-request')
        throw new InputError('promote-via', value, 'push or pull-request');
    return v;
}
/** The assets-branch input: a branch name git accepts (`none` turns hosting off), never one starting with `-`. */
function assetsBranch(value) {
    const v = value.trim() || DEFAULT_ASSETS_BRANCH;
    if (v === 'none')
        return undefined;
    const bad = !isAssetsBranchName(v) || /\.lock(\/|$)/.test(v) || ['main', 'master', 'HEAD'].includes(v);
    if (bad)
        throw new InputError('assets-branch', value, 'a branch name of its own for the images (letters, digits, ".", "_", "-", "/"; not main, master or HEAD), or none');
    return v;
}
function rulesFrom(value) {
    const v = value.trim() || 'base';
    if (!RULES_FROM.includes(v))
        throw new InputError('rules-from', value, 'base or head');
    return v;
}
/** Reads the config from an input getter (core.getInput) and the environment. */
function readActionConfig(getInput, env) {
    const mode = (getInput('mode').trim() || 'auto');
    if (!MODES.includes(mode))
        throw new InputError('mode', mode, MODES.join(', '));
    const id = getInput('id').trim() || 'default';
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id))
        throw new InputError('id', id, 'letters, digits, ".", "_" or "-" (at most 64)');
    return {
        workspace: path.resolve(env.GITHUB_WORKSPACE || process.cwd()),
        runs: getInput('runs')
            .split(/\r?\n/)
            .map(s => s.trim())
            .filter(Boolean),
        configFile: relativePath('config', getInput('config'), DEFAULT_RULES_PATH),
        rulesFrom: rulesFrom(getInput('rules-from')),
        baselinePath: relativePath('baseline', getInput('baseline'), defaultBaselinePath(id)),
        baselineNamed: getInput('baseline').trim() !== '',
        docsPath: relativePath('docs', getInput('docs'), DEFAULT_DOCS_PATH),
        token: getInput('github-token').trim() || env.GITHUB_TOKEN || '',
        mode,
        comment: bool('comment', getInput('comment'), true),
        failOnRegression: bool('fail-on-regression', getInput('fail-on-regression'), true),
        id,
        botLogin: getInput('bot-login').trim() || undefined,
        promoteVia: promoteVia(getInput('promote-via')),
        assetsBranch: assetsBranch(getInput('assets-branch'))
    };
}
/** Picks the mode from the event: pull_request/workflow_run → review, push → promote, schedule → monitor … */
function modeForEvent(eventName, configured) {
    if (configured !== 'auto')
        return configured;
    switch (eventName) {
        case 'pull_request':
        case 'pull_request_target':
        case 'workflow_run':
            return 'review';
        case 'push':
            return 'promote';
        case 'schedule':
        case 'workflow_dispatch':
            return 'monitor';
        case 'issue_comment':
            return 'command';
        default:
            return undefined;
    }
}

export { RULES_FROM as R, assetsBranch as a, modeForEvent as m, readActionConfig as r };
