import path from 'node:path';
import { a2 as makeRun, a1 as flattenParams, a3 as emptyMetadata } from './findings.js';
import { H as HistoryBuilder, m as metricFromColumns } from './history.js';
import { u as claimHuggingFace, v as TRAINER_CHECKPOINT, w as TRAINER_STATE, n as numberFromJson } from './detect.js';
import { i as isRecord, d as describeValue, p as plainParams, t as truncate } from './structured.js';
import './conventions.js';
import 'node:fs';
import 'node:fs/promises';
import './read-buffer.js';
import 'node:url';

// Hugging Face Trainer output folders: `trainer_state.json` (log_history → train and eval metric
// histories), the final numbers in `all_results.json` / `{train,eval,test,predict}_results.json`, and
// params from `config.json`, `adapter_config.json`, `training_args.json` and the trainer state. An output
// folder with `checkpoint-N/` sub-folders is one run whose history comes from the latest checkpoint.
/** Result files with final numbers, read in this order; later files override earlier ones. */
const RESULT_FILES = [
    'train_results.json',
    'eval_results.json',
    'test_results.json',
    'predict_results.json',
    'all_results.json'
];
/** Log keys that are the x axis or progress, not metrics. */
const NOT_METRICS = new Set(['step', 'epoch']);
/** Trainer state fields kept as params (how the run was configured and how far it got). */
const STATE_PARAMS = [
    'global_step',
    'epoch',
    'max_steps',
    'num_train_epochs',
    'train_batch_size',
    'logging_steps',
    'eval_steps',
    'save_steps'
];
/** Reads Hugging Face Trainer output folders. */
const huggingfaceSource = {
    format: 'huggingface',
    claim: claimHuggingFace,
    async read(dir, ctx) {
        const run = await readTrainerOutput(dir, ctx);
        return run ? [run] : [];
    }
};
/** Reads one Trainer output folder (or one checkpoint folder) into a run; undefined when it holds none. */
async function readTrainerOutput(dir, ctx) {
    const rel = ctx.rel(dir);
    const name = rel === '.' ? path.basename(ctx.workspace) : rel;
    const place = { run: name };
    const { files, dirs } = await ctx.list(dir);
    const checkpoints = dirs
        .map(d => ({ d, step: Number(TRAINER_CHECKPOINT.exec(d)?.[1]) }))
        .filter(c => Number.isFinite(c.step))
        .sort((a, b) => b.step - a.step); // numeric: checkpoint-1200 after checkpoint-500
    const notes = [];
    const top = files.includes(TRAINER_STATE)
        ? await readState(path.join(dir, TRAINER_STATE), ctx, place)
        : undefined;
    const latest = await latestCheckpointState(dir, checkpoints, ctx, place);
    if (checkpoints.length && !latest && !top && !files.some(f => RESULT_FILES.includes(f))) {
        ctx.warn(dir, `has ${checkpoints.length} checkpoint-N folders but none holds a readable ${TRAINER_STATE}; no run was read from it`, place);
        return undefined;
    }
    const chosen = top && (!latest || top.globalStep >= latest.globalStep) ? top : latest;
    if (chosen && chosen !== top)
        notes.push(`history from ${ctx.rel(chosen.dir)} (step ${chosen.globalStep})`);
    const metrics = {};
    const params = {};
    const metadata = emptyMetadata();
    const finals = {};
    if (chosen)
        readLogHistory(chosen, ctx, place, metrics, finals);
    if (chosen)
        readStateFields(chosen, params, metrics, notes);
    const sawResults = await readResultFiles(dir, files, ctx, place, params, finals);
    for (const [key, final] of Object.entries(finals)) {
        const existing = metrics[key];
        metrics[key] = existing?.history ? { ...final, history: existing.history } : final;
    }
    // Params: the model's config, a PEFT adapter's config and the training arguments, when saved as JSON.
    const paramDirs = [{ dir, files }, ...(chosen && chosen.dir !== dir ? [{ dir: chosen.dir }] : [])];
    await readParamsFile(paramDirs, 'training_args.json', '', ctx, place, params);
    await readParamsFile(paramDirs, 'config.json', 'model', ctx, place, params);
    await readParamsFile(paramDirs, 'adapter_config.json', 'adapter', ctx, place, params);
    if (chosen && !sawResults)
        markUnfinished(chosen, metadata);
    if (notes.length)
        metadata.notes = notes.join('; ');
    if (!Object.keys(metrics).length && !Object.keys(params).length) {
        ctx.warn(dir, 'holds no metrics or params that could be read; no run was made from it', place);
        return undefined;
    }
    return makeRun({
        id: `huggingface:${rel}`,
        name,
        source: 'huggingface',
        path: rel,
        params,
        metrics,
        metadata
    });
}
/** The trainer state of the latest checkpoint that has a readable one (checkpoints sorted latest first). */
async function latestCheckpointState(dir, checkpoints, ctx, place) {
    for (const c of checkpoints) {
        const cdir = path.join(dir, c.d);
        const { files: cfiles } = await ctx.list(cdir);
        if (!cfiles.includes(TRAINER_STATE))
            continue;
        const state = await readState(path.join(cdir, TRAINER_STATE), ctx, place);
        if (state)
            return state;
        ctx.warn(path.join(cdir, TRAINER_STATE), 'could not be used; the history is taken from an earlier checkpoint', place);
    }
    return undefined;
}
/** Reads the result files (all_results.json …) into `finals` (and `epoch` into params); true when one was read. */
async function readResultFiles(dir, files, ctx, place, params, finals) {
    let sawResults = false;
    for (const resultFile of RESULT_FILES) {
        if (!files.includes(resultFile))
            continue;
        const file = path.join(dir, resultFile);
        const raw = await ctx.readJson(file, place);
        if (raw === undefined)
            continue;
        if (!isRecord(raw)) {
            ctx.error(file, `must hold a JSON object of metric names to numbers, found ${describeValue(raw)}; it was skipped`, place);
            continue;
        }
        sawResults = true;
        const skipped = [];
        for (const [key, value] of Object.entries(raw)) {
            const n = numberFromJson(value);
            if (!n)
                skipped.push(key);
            else if (key === 'epoch')
                params.epoch = n.exact ?? n.value;
            else
                finals[key] = n.exact ? { value: n.value, exact: n.exact } : { value: n.value };
        }
        if (skipped.length)
            ctx.warn(file, `holds values that are not numbers, which are not compared: ${truncate(skipped.join(', '), 200)}`, { ...place, key: skipped[0] });
    }
    return sawResults;
}
/**
 * Reads a JSON config file from the first of `dirs` that has it, flattened under `prefix`, into `params` (a key
 * already there is kept). A folder's `files` are listed when not given.
 */
async function readParamsFile(dirs, fileName, prefix, ctx, place, params) {
    for (const d of dirs) {
        const present = d.files ?? (await ctx.list(d.dir)).files;
        if (!present.includes(fileName))
            continue;
        const file = path.join(d.dir, fileName);
        const raw = await ctx.readJson(file, place);
        if (raw === undefined)
            return;
        if (!isRecord(raw)) {
            ctx.error(file, `must hold a JSON object, found ${describeValue(raw)}; it was skipped`, place);
            return;
        }
        const { id2label, label2id: _label2id, ...rest } = raw;
        if (isRecord(id2label))
            rest.num_labels = Object.keys(id2label).length;
        for (const [k, v] of Object.entries(flattenParams(plainParams(rest), prefix)))
            if (!(k in params))
                params[k] = v;
        return;
    }
}
/** Marks a run still running when its latest state stops short of max_steps and training was not told to stop. */
function markUnfinished(chosen, metadata) {
    const maxSteps = numberFromJson(chosen.state.max_steps)?.value;
    const control = isRecord(chosen.state.stateful_callbacks) && isRecord(chosen.state.stateful_callbacks.TrainerControl)
        ? chosen.state.stateful_callbacks.TrainerControl.args
        : undefined;
    const stopped = isRecord(control) && control.should_training_stop === true;
    if (maxSteps !== undefined && maxSteps > 0 && chosen.globalStep < maxSteps && !stopped) {
        metadata.status = 'running';
        metadata.statusReason = `the latest ${TRAINER_STATE} is at step ${chosen.globalStep} of ${maxSteps} and no train_results.json was written: training had not finished`;
    }
}
/** Reads and checks one trainer_state.json; undefined (with a diagnostic) when it cannot be used. */
async function readState(file, ctx, place) {
    const raw = await ctx.readJson(file, place);
    if (raw === undefined)
        return undefined;
    if (!isRecord(raw)) {
        ctx.error(file, `must hold a JSON object (the Trainer's state), found ${describeValue(raw)}`, place);
        return undefined;
    }
    const step = numberFromJson(raw.global_step);
    return { file, dir: path.dirname(file), state: raw, globalStep: step?.value ?? 0 };
}
/**
 * Turns log_history into histories: every numeric key but step and epoch is a series (`loss` is named
 * `train_loss`; `eval_*` entries give the eval series). The end-of-training summary entry (with
 * `train_runtime`) gives final values only. Entries sharing a step: the last one wins.
 */
function readLogHistory(chosen, ctx, place, metrics, finals) {
    const log = chosen.state.log_history;
    if (log === undefined)
        return;
    if (!Array.isArray(log)) {
        ctx.error(chosen.file, `"log_history" is ${describeValue(log)}; expected a list of logged entries. It was skipped`, { ...place, key: 'log_history' });
        return;
    }
    // One series per key; an entry with the same step replaces the earlier one. Exact texts by point index.
    const series = new Map();
    const badKeys = new Map();
    let badEntries = 0;
    log.forEach((entry, index) => {
        const step = isRecord(entry) ? numberFromJson(entry.step) : undefined;
        if (!isRecord(entry) || !step || !Number.isFinite(step.value)) {
            if (badEntries++ === 0) {
                ctx.warn(chosen.file, `log_history[${index}] is ${isRecord(entry) ? 'an entry without a numeric "step"' : describeValue(entry)}; such entries were skipped`, {
                    ...place,
                    key: `log_history[${index}]`
                });
            }
            return;
        }
        const summary = 'train_runtime' in entry || ('train_loss' in entry && !('loss' in entry));
        for (const [key, value] of Object.entries(entry)) {
            if (NOT_METRICS.has(key))
                continue;
            const n = numberFromJson(value);
            if (!n) {
                if (value !== null && !badKeys.has(key))
                    badKeys.set(key, index);
                continue;
            }
            if (summary) {
                finals[key] = n.exact ? { value: n.value, exact: n.exact } : { value: n.value };
                continue;
            }
            const name = key === 'loss' ? 'train_loss' : key;
            let entry = series.get(name);
            if (!entry)
                series.set(name, (entry = {
                    points: new HistoryBuilder({ final: 'max-step', byTimestamp: false, repeats: 'same-step' })
                }));
            if (n.exact)
                (entry.exact ??= new Map()).set(entry.points.length, n.exact);
            entry.points.add(step.value, n.value);
        }
    });
    for (const [key, index] of badKeys) {
        ctx.warn(chosen.file, `log_history[${index}].${key} is not a number; values of "${key}" are not compared`, { ...place, key });
    }
    for (const [name, { points, exact }] of series) {
        const built = points.buildColumns();
        if (!built)
            continue;
        const metric = metricFromColumns(built);
        const finalExact = exact?.get(built.finalIndex);
        if (finalExact)
            metric.exact = finalExact;
        metrics[name] = metric;
    }
}
/** Keeps the trainer state's configuration as params, its totals as metrics, and the best checkpoint as a note. */
function readStateFields(chosen, params, metrics, notes) {
    const { state } = chosen;
    for (const key of STATE_PARAMS) {
        const n = numberFromJson(state[key]);
        if (n)
            params[key] = n.exact ?? n.value;
    }
    for (const key of ['total_flos', 'num_input_tokens_seen']) {
        const n = numberFromJson(state[key]);
        if (n && n.value !== 0 && !metrics[key])
            metrics[key] = n.exact ? { value: n.value, exact: n.exact } : { value: n.value };
    }
    if (typeof state.trial_name === 'string')
        params.trial_name = state.trial_name;
    if (isRecord(state.trial_params))
        Object.assign(params, flattenParams(plainParams(state.trial_params), 'trial'));
    const best = numberFromJson(state.best_metric);
    if (best) {
        const bestStep = numberFromJson(state.best_global_step);
        const where = typeof state.best_model_checkpoint === 'string'
            ? ` (${truncate(state.best_model_checkpoint, 120)})`
            : '';
        notes.push(`best_metric ${best.exact ?? best.value}${bestStep ? ` at step ${bestStep.exact ?? bestStep.value}` : ''}${where}`);
    }
    else if (typeof state.best_model_checkpoint === 'string') {
        notes.push(`best model checkpoint ${truncate(state.best_model_checkpoint, 120)}`);
    }
}

export { RESULT_FILES, huggingfaceSource, readTrainerOutput };
