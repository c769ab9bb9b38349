import { M as MAX_RUNS_ANY_COMMIT, b as buildMlflowRun } from './mlflow-common.js';
import { a0 as listExperimentNames } from './findings.js';
import { isGlob, experimentMatcher, unmatchedPatterns } from './experiment-match.js';
import { H as HistoryBuilder, m as metricFromColumns } from './history.js';
import { readFileSync } from 'node:fs';
import require$$2 from 'node:http';
import https from 'node:https';
import { a as plainJson, p as parseJsonLenient, r as redactTrackingUri, b as parseTrackingUri, T as TrackingUriError } from './detect.js';
import { readMlflowDatabase } from './mlflow-sqlite.js';
import { readMlflowStore } from './mlflow.js';
import './conventions.js';
import './index3.js';
import './_commonjsHelpers.js';
import 'node:fs/promises';
import 'node:path';
import './read-buffer.js';
import 'node:url';
import 'node:module';
import './mlflow-metrics-file.js';
import './read-pool.js';
import 'node:os';
import 'node:worker_threads';
import './structured.js';

// Calls to an MLflow tracking server's REST API (2.0), as MLflow's own clients make them: auth from
// MLFLOW_TRACKING_TOKEN (Bearer) or MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD (Basic),
// MLFLOW_TRACKING_INSECURE_TLS and MLFLOW_TRACKING_SERVER_CERT_PATH honoured, retries with backoff on 429, 5xx and
// dropped connections (MLFLOW_HTTP_REQUEST_MAX_RETRIES, MLFLOW_HTTP_REQUEST_TIMEOUT), and a total time budget.
// Errors name the server, the HTTP status and the variable to set; credentials never appear in a message.
/** A call to the server that failed for good: the message names the server, the status and what to do. */
class MlflowServerError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'MlflowServerError';
    }
}
/** The default total time budget of one server's calls. */
const DEFAULT_BUDGET_MS = 10 * 60 * 1000;
/** Creates the client of a tracking server; reads the auth and TLS variables once. */
function createMlflowHttpClient(target, options) {
    return new TrackingServerClient(target, options);
}
/** The Authorization header MLflow's variables (or the URI's user and password) give, and which of them gave it. */
function authorizationOf(target, env) {
    const token = env.MLFLOW_TRACKING_TOKEN?.trim();
    const username = env.MLFLOW_TRACKING_USERNAME ?? target.credentials?.username;
    const password = env.MLFLOW_TRACKING_PASSWORD ?? target.credentials?.password;
    const authorization = token
        ? `Bearer ${token}`
        : username !== undefined && username !== ''
            ? `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`
            : undefined;
    const authVia = token
        ? 'MLFLOW_TRACKING_TOKEN'
        : env.MLFLOW_TRACKING_USERNAME !== undefined
            ? 'MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD'
            : username
                ? 'the user and password in the tracking URI'
                : undefined;
    return { authorization, authVia };
}
/** The connection agent of a server: keep-alive, and for https the TLS variables (CA bundle, insecure). */
function agentOf(secure, env) {
    if (!secure)
        return new require$$2.Agent({ keepAlive: true, maxSockets: 8 });
    const insecure = /^(true|1|yes)$/i.test(env.MLFLOW_TRACKING_INSECURE_TLS?.trim() ?? '');
    const caPath = env.MLFLOW_TRACKING_SERVER_CERT_PATH?.trim();
    let ca;
    if (caPath) {
        try {
            ca = readFileSync(caPath);
        }
        catch (e) {
            throw new MlflowServerError(`MLFLOW_TRACKING_SERVER_CERT_PATH names ${JSON.stringify(caPath)}, which cannot be read (${e.code ?? String(e)}); set it to the server's CA bundle`);
        }
    }
    return new https.Agent({ keepAlive: true, maxSockets: 8, rejectUnauthorized: !insecure, ca });
}
/** The client of createMlflowHttpClient: requests with retries and backoff within the server's time budget. */
class TrackingServerClient {
    target;
    requests = 0;
    authorization;
    authVia;
    secure;
    agent;
    retries;
    timeoutMs;
    sleep;
    now;
    budgetMs;
    backoffMs;
    started;
    constructor(target, options) {
        this.target = target;
        const env = options.env;
        ({ authorization: this.authorization, authVia: this.authVia } = authorizationOf(target, env));
        this.secure = target.base.protocol === 'https:';
        this.agent = agentOf(this.secure, env);
        this.retries = nonNegativeInt(env.MLFLOW_HTTP_REQUEST_MAX_RETRIES, 7);
        this.timeoutMs = nonNegativeInt(env.MLFLOW_HTTP_REQUEST_TIMEOUT, 120) * 1000 || 120_000;
        this.sleep = options.sleep ?? ((ms) => new Promise(r => setTimeout(r, ms)));
        this.now = options.now ?? Date.now;
        this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
        this.backoffMs = options.backoffMs ?? 1000;
        this.started = this.now();
    }
    get(endpoint, query) {
        const url = new URL(`api/2.0/mlflow/${endpoint}`, this.target.base);
        for (const [k, v] of Object.entries(query))
            if (v !== undefined)
                url.searchParams.append(k, String(v));
        return this.call('GET', endpoint, url);
    }
    post(endpoint, body) {
        const url = new URL(`api/2.0/mlflow/${endpoint}`, this.target.base);
        return this.call('POST', endpoint, url, JSON.stringify(body));
    }
    /** One HTTP exchange: status, headers and body text; rejects on a network error. */
    exchange(method, url, body) {
        return new Promise((resolve, reject) => {
            const headers = {
                Accept: 'application/json',
                'User-Agent': 'experiment-review'
            };
            if (this.authorization)
                headers.Authorization = this.authorization;
            if (body !== undefined) {
                headers['Content-Type'] = 'application/json';
                headers['Content-Length'] = String(Buffer.byteLength(body));
            }
            const req = (this.secure ? https : require$$2).request(url, { method, headers, agent: this.agent, timeout: this.timeoutMs }, res => {
                const chunks = [];
                res.on('data', (c) => chunks.push(c));
                res.on('end', () => resolve({
                    status: res.statusCode ?? 0,
                    retryAfter: res.headers['retry-after'],
                    text: Buffer.concat(chunks).toString('utf8')
                }));
                res.on('error', reject);
            });
            req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
            req.on('error', reject);
            req.end(body);
        });
    }
    /** A request, retried on 429, 5xx and dropped connections until the retries or the time budget run out. */
    async call(method, endpoint, url, body) {
        const what = `${method} ${endpoint}`;
        for (let attempt = 0;; attempt++) {
            this.requests++;
            const outcome = await this.attempt(method, url, body, what);
            if ('value' in outcome)
                return outcome.value;
            const { failure, status, retryAfterMs } = outcome;
            const elapsed = this.now() - this.started;
            const wait = Math.min(60_000, retryAfterMs ?? this.backoffMs * 2 ** attempt * (0.5 + Math.random() / 2));
            if (attempt >= this.retries || elapsed + wait > this.budgetMs) {
                const why = attempt >= this.retries
                    ? `after ${attempt + 1} attempts (MLFLOW_HTTP_REQUEST_MAX_RETRIES=${this.retries})`
                    : `and the time budget of ${Math.round(this.budgetMs / 1000)} s for the server ran out after ${attempt + 1} attempts`;
                throw new MlflowServerError(`MLflow tracking server ${this.target.display} answered ${what} with ${failure} ${why}; the runs there were not read. Check that the server is up and retry the review`, status);
            }
            await this.sleep(wait);
        }
    }
    /** One attempt: the parsed answer, or why it may be retried; throws what retrying cannot mend. */
    async attempt(method, url, body, what) {
        const display = this.target.display;
        try {
            const res = await this.exchange(method, url, body);
            const status = res.status;
            if (status >= 200 && status < 300)
                return { value: parseBody(res.text, display, what) };
            if (status !== 429 && status < 500)
                throw this.finalError(status, res.text, what);
            return {
                failure: `HTTP ${status}${errorText(res.text)}`,
                status,
                retryAfterMs: retryAfterToMs(res.retryAfter, this.now())
            };
        }
        catch (e) {
            if (e instanceof MlflowServerError)
                throw e;
            const code = e.code;
            if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code))
                throw new MlflowServerError(`MLflow tracking server ${display}: the TLS certificate was not accepted (${code}); set MLFLOW_TRACKING_SERVER_CERT_PATH to its CA bundle, or MLFLOW_TRACKING_INSECURE_TLS=true to skip the check`);
            const failure = code ? `${code} (${e.message})` : e.message;
            if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ERR_INVALID_URL')
                throw new MlflowServerError(`MLflow tracking server ${display} could not be reached: ${failure}; check the tracking URI in the runs input`);
            return { failure };
        }
    }
    /** The error of a non-retryable status, with the variable to set. */
    finalError(status, text, what) {
        const detail = errorText(text);
        const where = `MLflow tracking server ${this.target.display} answered ${what} with HTTP ${status}${detail}`;
        const authVia = this.authVia;
        if (status === 401)
            return new MlflowServerError(authVia
                ? `${where}: the credentials in ${authVia} were refused; set a valid MLFLOW_TRACKING_TOKEN (or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD)`
                : `${where}: the server needs credentials; set MLFLOW_TRACKING_TOKEN (or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD) in the step's environment`, status);
        if (status === 403)
            return new MlflowServerError(`${where}: the user of ${authVia ?? 'these credentials'} may not read this; give it READ permission on the experiments`, status);
        if (status === 404 && !/RESOURCE_DOES_NOT_EXIST/.test(text))
            return new MlflowServerError(`${where}: is this an MLflow tracking server (2.0 or later)? Check the tracking URI, including any path prefix`, status);
        return new MlflowServerError(where, status);
    }
}
/** Parses a response body: JSON, with NaN and Infinity tokens accepted as some servers write them. */
function parseBody(text, display, what) {
    try {
        return JSON.parse(text);
    }
    catch {
        try {
            return plainJson(parseJsonLenient(text).value);
        }
        catch (e) {
            throw new MlflowServerError(`MLflow tracking server ${display} answered ${what} with a body that is not JSON (${e.message.slice(0, 200)}); is the tracking URI an MLflow server?`);
        }
    }
}
/** MLflow's error body (`{"error_code": …, "message": …}`) in short, or nothing. */
function errorText(text) {
    try {
        const body = JSON.parse(text);
        const code = typeof body.error_code === 'string' ? body.error_code : '';
        const message = typeof body.message === 'string' ? body.message.slice(0, 300) : '';
        return code || message ? ` (${[code, message].filter(Boolean).join(': ')})` : '';
    }
    catch {
        return '';
    }
}
/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
function retryAfterToMs(value, now) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
function nonNegativeInt(value, fallback) {
    const n = Number(value?.trim());
    return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** The most points one `metrics/get-history` page is asked for (MLflow's servers serve up to 25,000). */
const HISTORY_PAGE_SIZE = 25_000;
/** The most runs one `runs/search` page is asked for. */
const RUNS_PAGE_SIZE = 1000;
/** How many experiments one `runs/search` call names (MLflow accepts up to 100 experiment ids). */
const EXPERIMENTS_PER_SEARCH = 100;
/** How many metric histories are fetched at the same time. */
const HISTORY_CONCURRENCY = 8;
/** Reads the runs of the selected experiments and of the commit under review from a tracking server. */
async function readMlflowServer(target, ctx, options) {
    const report = (severity, message, run) => ctx.diagnostics.push({ severity, file: target.display, message, ...(run ? { run } : {}) });
    try {
        const client = createMlflowHttpClient(target, options);
        const experiments = await selectExperiments(client, target, ctx, report);
        if (!experiments.length)
            return [];
        if (!options.commit) {
            report('error', 'no commit was given to pick the runs of the review (the PR head in review, the pushed commit in promote, --commit SHA|HEAD|any on the command line); no runs were read');
            return [];
        }
        const records = await searchRuns(client, experiments, options.commit, report);
        const names = new Map(experiments.map(e => [e.id, e.name]));
        return await readRuns(client, target, records, names, report);
    }
    catch (e) {
        if (!(e instanceof MlflowServerError))
            throw e;
        report('error', e.message);
        return [];
    }
}
/** The experiments selected on the server; an error listing the server's experiments when none or some are missing. */
async function selectExperiments(client, target, ctx, report) {
    const patterns = ctx.selection.experiments;
    if (!patterns.length) {
        const all = await listExperiments(client);
        report('error', `a tracking server holds the runs of many projects: select the experiments to review with --experiment NAME (command line) or select.experiments in the rules file. Its experiments are ${listExperimentNames(all.map(e => e.name))}`);
        return [];
    }
    let found;
    let missing;
    if (patterns.some(isGlob)) {
        const all = await listExperiments(client);
        const selected = experimentMatcher(ctx.selection);
        found = all.filter(e => selected(e.name));
        missing = unmatchedPatterns(ctx.selection, all.map(e => e.name));
    }
    else {
        found = [];
        missing = [];
        for (const name of patterns) {
            const experiment = await getExperimentByName(client, name);
            if (experiment)
                found.push(experiment);
            else
                missing.push(name);
        }
    }
    if (missing.length) {
        const all = await listExperiments(client);
        report(found.length ? 'warning' : 'error', `has no active experiment matching ${missing.map(m => JSON.stringify(m)).join(', ')} (--experiment or select.experiments)${found.length ? '' : '; no runs were read'}. Its experiments are ${listExperimentNames(all.map(e => e.name))}`);
    }
    return found;
}
/** Every active experiment of the server, page by page. */
async function listExperiments(client) {
    const out = [];
    let pageToken;
    do {
        const body = asObject(await client.post('experiments/search', {
            max_results: 1000,
            view_type: 'ACTIVE_ONLY',
            ...(pageToken ? { page_token: pageToken } : {})
        }));
        for (const e of asArray(body.experiments)) {
            const experiment = toExperiment(e);
            if (experiment)
                out.push(experiment);
        }
        pageToken = textOf(body.next_page_token);
    } while (pageToken);
    return out;
}
/** One experiment by its exact name; undefined when the server has none (or only a deleted one). */
async function getExperimentByName(client, name) {
    try {
        const body = asObject(await client.get('experiments/get-by-name', { experiment_name: name }));
        const e = asObject(body.experiment);
        return e.lifecycle_stage === 'deleted' ? undefined : toExperiment(e);
    }
    catch (e) {
        if (e instanceof MlflowServerError && e.status === 404)
            return undefined;
        throw e;
    }
}
function toExperiment(value) {
    const e = asObject(value);
    const id = textOf(e.experiment_id);
    if (!id || e.lifecycle_stage === 'deleted')
        return undefined;
    return { id, name: textOf(e.name) ?? id };
}
/** The active runs of the experiments and the commit, newest first, every page followed (capped for `any`). */
async function searchRuns(client, experiments, commit, report) {
    // The commit is a hex string (checked where it is given), so it is safe inside the quotes of the filter.
    const filter = commit.kind === 'sha' ? `tags.\`mlflow.source.git.commit\` = '${commit.sha}'` : undefined;
    const runs = [];
    const cap = commit.kind === 'any' ? MAX_RUNS_ANY_COMMIT : Infinity;
    for (let i = 0; i < experiments.length && runs.length <= cap; i += EXPERIMENTS_PER_SEARCH) {
        let pageToken;
        do {
            const body = asObject(await client.post('runs/search', {
                experiment_ids: experiments.slice(i, i + EXPERIMENTS_PER_SEARCH).map(e => e.id),
                ...(filter ? { filter } : {}),
                run_view_type: 'ACTIVE_ONLY',
                max_results: Math.min(RUNS_PAGE_SIZE, cap === Infinity ? RUNS_PAGE_SIZE : cap + 1 - runs.length),
                order_by: ['attributes.start_time DESC'],
                ...(pageToken ? { page_token: pageToken } : {})
            }));
            for (const run of asArray(body.runs))
                runs.push(asObject(run));
            pageToken = textOf(body.next_page_token);
        } while (pageToken && runs.length <= cap);
    }
    if (runs.length > cap) {
        runs.length = cap;
        report('warning', `the selected experiments have more than ${cap} runs; with --commit any the ${cap} latest were read. Name a commit (--commit SHA or HEAD) or select fewer experiments`);
    }
    if (!runs.length)
        report('warning', commit.kind === 'sha'
            ? `has no active run of commit ${commit.sha.slice(0, 12)} (tag mlflow.source.git.commit) in ${listExperimentNames(experiments.map(e => e.name))}; were the runs logged with a git checkout of that commit?`
            : `has no active run in ${listExperimentNames(experiments.map(e => e.name))}`);
    return runs;
}
/** Turns the runs/search records into Runs, fetching each metric's history. */
async function readRuns(client, target, records, experimentNames, report) {
    const idOf = (runId) => `mlflow-server:${target.display}#${runId}`;
    const prepared = records.map(record => {
        const info = asObject(record.info);
        const data = asObject(record.data);
        const runId = textOf(info.run_id) ?? textOf(info.run_uuid) ?? '';
        const latest = new Map();
        for (const m of asArray(data.metrics)) {
            const metric = asObject(m);
            const key = textOf(metric.key);
            const value = numberOf(metric.value);
            if (key !== undefined && value !== undefined)
                latest.set(key, value);
        }
        return { record, info, data, runId, latest };
    });
    // Every (run, metric) history, a few requests at a time.
    const jobs = prepared.flatMap(p => [...p.latest.keys()].map(key => ({ p, key })));
    const histories = new Map();
    let next = 0;
    const worker = async () => {
        while (next < jobs.length) {
            const { p, key } = jobs[next++];
            const metric = await readHistory(client, p.runId, key);
            if (metric)
                histories.set(`${p.runId}\0${key}`, metric);
        }
    };
    await Promise.all(Array.from({ length: Math.min(HISTORY_CONCURRENCY, jobs.length) }, worker));
    const runs = [];
    for (const { info, data, record, runId, latest } of prepared) {
        if (!runId) {
            report('warning', 'a run in the runs/search answer has no run_id; it was skipped');
            continue;
        }
        const metrics = {};
        for (const [key, value] of latest) {
            // The latest value is MLflow's own answer (as latest_metrics in a SQLite store); the history is for the curve.
            const history = histories.get(`${runId}\0${key}`);
            metrics[key] = history ? { ...history, value } : { value };
        }
        const { run, unknownStatus } = buildMlflowRun({
            runId,
            id: idOf(runId),
            parentIdFor: idOf,
            path: target.display,
            source: 'mlflow-server',
            experimentName: experimentNames.get(textOf(info.experiment_id) ?? ''),
            recordName: textOf(info.run_name),
            status: info.status ?? 'RUNNING',
            startTime: numberOf(info.start_time),
            user: textOf(info.user_id),
            params: keyValues(data.params),
            tags: keyValues(data.tags),
            metrics,
            datasets: datasetsOf(asObject(record.inputs))
        });
        if (unknownStatus !== undefined)
            report('warning', `run status is ${JSON.stringify(unknownStatus)}; expected RUNNING, SCHEDULED, FINISHED, FAILED or KILLED. The run is shown as finished`, runId);
        runs.push(run);
    }
    return runs;
}
/** A metric's whole history, every page followed, thinned as the other readers thin it. */
async function readHistory(client, runId, key) {
    const history = new HistoryBuilder({ final: 'mlflow' });
    let pageToken;
    do {
        const body = asObject(await client.get('metrics/get-history', {
            run_id: runId,
            metric_key: key,
            max_results: HISTORY_PAGE_SIZE,
            page_token: pageToken
        }));
        for (const m of asArray(body.metrics)) {
            const point = pointOf(asObject(m));
            if (point)
                history.add(point.step, point.value, point.timestamp);
        }
        pageToken = textOf(body.next_page_token);
    } while (pageToken);
    const built = history.buildColumns();
    return built ? metricFromColumns(built) : undefined;
}
function pointOf(metric) {
    const value = numberOf(metric.value);
    if (value === undefined)
        return undefined;
    const step = numberOf(metric.step) ?? 0;
    const timestamp = numberOf(metric.timestamp);
    return timestamp === undefined ? { step, value } : { step, value, timestamp };
}
/** The dataset inputs of a run (`inputs.dataset_inputs`), with their `mlflow.data.context` tag. */
function datasetsOf(inputs) {
    const out = [];
    for (const i of asArray(inputs.dataset_inputs)) {
        const input = asObject(i);
        const dataset = asObject(input.dataset);
        const name = textOf(dataset.name);
        if (!name)
            continue;
        const context = keyValues(input.tags).get('mlflow.data.context');
        out.push({ name, digest: textOf(dataset.digest) ?? '', ...(context ? { context } : {}) });
    }
    return out;
}
/** `[{key, value}]` as a map (params, tags, input tags). */
function keyValues(list) {
    const out = new Map();
    for (const item of asArray(list)) {
        const { key, value } = asObject(item);
        if (typeof key === 'string' && key !== '')
            out.set(key, typeof value === 'string' ? value : String(value ?? ''));
    }
    return out;
}
/**
 * A proto3-JSON number: a JSON number, or a string for int64 ("1712345678901") and for doubles that JSON cannot
 * hold ("NaN", "Infinity", "-Infinity"). MLflow's ±DBL_MAX (how SQL stores keep infinities) reads as ±Infinity.
 */
function numberOf(value) {
    let n;
    if (typeof value === 'number')
        n = value;
    else if (typeof value === 'string' && value.trim() !== '')
        n = Number(value);
    else
        return undefined;
    if (Number.isNaN(n) && !(typeof value === 'number' || /^\s*NaN\s*$/.test(String(value))))
        return undefined;
    if (n === Number.MAX_VALUE)
        return Infinity;
    if (n === -Number.MAX_VALUE)
        return -Infinity;
    return n;
}
function textOf(value) {
    if (typeof value === 'string')
        return value === '' ? undefined : value;
    if (typeof value === 'number')
        return String(value);
    return undefined;
}
function asObject(value) {
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
function asArray(value) {
    return Array.isArray(value) ? value : [];
}

/** Reads the runs a tracking URI names; every problem is a diagnostic naming the URI (never its credentials). */
async function readTrackingUri(entry, ctx, options) {
    const shown = redactTrackingUri(entry);
    const fail = (message) => {
        ctx.diagnostics.push({ severity: 'error', file: shown, message });
        return [];
    };
    const commit = options.commit;
    if (commit?.kind === 'sha' && !/^[0-9a-f]{7,64}$/i.test(commit.sha))
        return fail(`the commit ${JSON.stringify(commit.sha.slice(0, 80))} is not a commit id; expected a hex sha, HEAD or any`);
    let uri;
    try {
        uri = parseTrackingUri(entry, ctx.workspace);
    }
    catch (e) {
        if (e instanceof TrackingUriError)
            return fail(e.message);
        throw e;
    }
    if (uri.kind === 'server')
        return readMlflowServer(uri, ctx, { ...options.http, env: options.env, commit });
    const where = uri.kind === 'sqlite' ? uri.file : uri.dir;
    if (!(await ctx.insideWorkspace(where)))
        return fail(`names ${where}, which is outside the workspace; use a store inside it (or run the command line with --workspace around it)`);
    const { existsSync } = await import('node:fs');
    if (!existsSync(where))
        return fail(`names ${ctx.rel(where)}, which does not exist; check the runs input`);
    if (uri.kind === 'sqlite')
        return readMlflowDatabase(uri.file, ctx, { commit });
    const runs = await readMlflowStore(uri.dir, ctx);
    if (commit?.kind === 'sha')
        return runs.filter(r => r.metadata.gitCommit === commit.sha);
    if (commit?.kind === 'any' && runs.length > MAX_RUNS_ANY_COMMIT) {
        ctx.diagnostics.push({
            severity: 'warning',
            file: shown,
            message: `has more than ${MAX_RUNS_ANY_COMMIT} runs in the selected experiments; with --commit any the ${MAX_RUNS_ANY_COMMIT} latest were read. Name a commit or select fewer experiments`
        });
        return [...runs]
            .sort((a, b) => (b.metadata.startedAt ?? '').localeCompare(a.metadata.startedAt ?? ''))
            .slice(0, MAX_RUNS_ANY_COMMIT);
    }
    return runs;
}

export { readTrackingUri };
