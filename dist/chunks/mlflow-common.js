import { a2 as makeRun, a0 as listExperimentNames, a3 as emptyMetadata } from './findings.js';
import { experimentMatcher } from './experiment-match.js';

// What the MLflow file store and the MLflow SQLite store share: run status codes and how MLflow's params and
// tags map onto a Run. The rule for a metric's latest value (step, then timestamp, then value) is HistoryBuilder's
// `mlflow` rule (history.ts).
/** The most runs read from a store named by a tracking URI when every commit is taken (`--commit any`). */
const MAX_RUNS_ANY_COMMIT = 1000;
/** MLflow's run statuses by name (SQLite, MLflow 2+) and by number (old meta.yaml files). */
const STATUS_BY_NAME = {
    RUNNING: 'running',
    SCHEDULED: 'running',
    FINISHED: 'finished',
    FAILED: 'failed',
    KILLED: 'killed'
};
const STATUS_BY_NUMBER = {
    1: 'RUNNING',
    2: 'SCHEDULED',
    3: 'FINISHED',
    4: 'FAILED',
    5: 'KILLED'
};
/** Maps an MLflow status (`FINISHED`, or 1..5 as old meta.yaml files write it) to a RunStatus; undefined when unknown. */
function mlflowStatus(raw) {
    if (typeof raw === 'number')
        return STATUS_BY_NAME[STATUS_BY_NUMBER[raw] ?? ''];
    if (typeof raw === 'string') {
        const text = raw.trim().toUpperCase();
        if (/^\d+$/.test(text))
            return STATUS_BY_NAME[STATUS_BY_NUMBER[Number(text)] ?? ''];
        return STATUS_BY_NAME[text];
    }
    return undefined;
}
/** What a tag or param concerns besides being shown as a tag. */
const TAGS_TO_ENVIRONMENT = {
    'mlflow.source.name': 'source',
    'mlflow.source.type': 'sourceType',
    'mlflow.source.git.branch': 'gitBranch',
    'mlflow.source.git.repoURL': 'gitRepo',
    'mlflow.autologging': 'autologging'
};
/** The longest `key=value` tag copied into metadata.tags; longer tags (model histories, JSON) are left out. */
const MAX_TAG_TEXT = 120;
/** Builds a Run from an MLflow run record: name, status, git commit, author, notes, parent, tags, data version. */
function buildMlflowRun(record) {
    const { tags, params } = record;
    const meta = emptyMetadata();
    const status = mlflowStatus(record.status);
    let unknownStatus;
    if (status)
        meta.status = status;
    else if (record.status !== undefined && record.status !== null)
        unknownStatus = String(record.status);
    const text = (value) => value !== undefined && value.trim() !== '' ? value.trim() : undefined;
    meta.gitCommit = text(tags.get('mlflow.source.git.commit'));
    meta.author = text(tags.get('mlflow.user')) ?? text(record.user);
    meta.notes = text(tags.get('mlflow.note.content'));
    const parent = text(tags.get('mlflow.parentRunId'));
    if (parent)
        meta.parentId = record.parentIdFor(parent);
    meta.hypothesis = text(params.get('hypothesis')) ?? text(tags.get('hypothesis'));
    meta.successCriteria = text(params.get('success_criteria')) ?? text(tags.get('success_criteria'));
    meta.group = text(tags.get('group'));
    const seedText = text(params.get('seed')) ?? text(tags.get('seed'));
    if (seedText !== undefined && /^-?\d+(\.0+)?$/.test(seedText) && Number.isSafeInteger(Number(seedText)))
        meta.seed = Number(seedText);
    const started = typeof record.startTime === 'number' ? record.startTime : Number(record.startTime);
    if (record.startTime !== null &&
        record.startTime !== undefined &&
        Number.isFinite(started) &&
        started > 0) {
        const date = new Date(started);
        if (!Number.isNaN(date.getTime()))
            meta.startedAt = date.toISOString();
    }
    for (const [tag, envKey] of Object.entries(TAGS_TO_ENVIRONMENT)) {
        const value = text(tags.get(tag));
        if (value !== undefined && value.length <= 500)
            meta.environment[envKey] = value;
    }
    if (record.experimentName !== undefined) {
        meta.experiment = record.experimentName;
        meta.tags.push(`experiment=${record.experimentName}`);
    }
    for (const [key, value] of [...tags.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (key.startsWith('mlflow.') || key === 'group' || key === 'hypothesis' || key === 'success_criteria')
            continue;
        const tag = `${key}=${value}`;
        if (tag.length <= MAX_TAG_TEXT && !/[\r\n]/.test(tag))
            meta.tags.push(tag);
    }
    if (record.datasets.length) {
        const label = (d) => (d.digest ? `${d.name}@${d.digest}` : d.name);
        const isEval = (d) => /^(eval|evaluation|validation|valid|val|test|testing)$/i.test(d.context ?? '');
        const train = record.datasets.filter(d => !isEval(d));
        const evals = record.datasets.filter(isEval);
        const all = [...new Set((train.length ? train : record.datasets).map(label))].sort();
        meta.dataVersion = all.join(', ');
        if (evals.length)
            meta.evalSet = [...new Set(evals.map(label))].sort().join(', ');
    }
    const name = text(tags.get('mlflow.runName')) ?? text(record.recordName) ?? record.runId;
    const runParams = {};
    for (const [key, value] of params)
        runParams[key] = value;
    const run = makeRun({
        id: record.id,
        name,
        source: record.source,
        path: record.path,
        params: runParams,
        metrics: record.metrics,
        metadata: meta
    });
    return { run, unknownStatus };
}
/**
 * Warns when experiments were selected and none of a store's experiments is among them, naming the store's
 * experiments so the selection can be corrected.
 */
function warnNoExperimentSelected(ctx, store, names) {
    const patterns = ctx.selection.experiments;
    if (!patterns.length || !names.length)
        return;
    const selected = experimentMatcher(ctx.selection);
    if (names.some(name => selected(name)))
        return;
    ctx.warn(store, `none of its experiments is selected by ${patterns.map(p => JSON.stringify(p)).join(', ')} (--experiment or select.experiments); its experiments are ${listExperimentNames(names)}`);
}

export { MAX_RUNS_ANY_COMMIT as M, buildMlflowRun as b, warnNoExperimentSelected as w };
