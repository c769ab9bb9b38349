import { a4 as isGated, c as goalOf } from './findings.js';

// The default primary metric when the rules file names none: the evaluation metric of quality that most runs
// report. Bookkeeping series (epoch, step, learning rate and `lr-*`, grad norm, runtime, throughput, FLOPs, memory,
// token and sample counts, timestamps) are never chosen; evaluation splits (`eval_`, `val_`, `valid`, `test_` …) come
// before unmarked ones, and those before training ones; within a split, quality measures (accuracy, F1, AUC, BLEU,
// WER …) come before error measures, losses and names that say nothing. Pure: names in, a name out.
/** Words that mark a series as bookkeeping wherever they appear in its name. */
const BOOKKEEPING_WORDS = new Set([
    'lr',
    'runtime',
    'timestamp',
    'elapsed',
    'flos',
    'flops',
    'memory',
    'mem',
    'throughput',
    'tokens',
    'len',
    'length',
    'momentum',
    'gpu',
    'cpu',
    'utilization',
    'util',
    'disk',
    'network'
]);
/** Pairs of words that mark bookkeeping when both appear (`learning_rate`, `grad_norm`, `samples_per_second`). */
const BOOKKEEPING_PAIRS = [
    ['learning', ['rate']],
    ['grad', ['norm']],
    ['gradient', ['norm']],
    ['weight', ['decay']],
    ['batch', ['size']],
    ['per', ['second', 'sec', 's']]
];
/** Words that make a series bookkeeping when its whole name is made of them (`epoch`, `trainer/global_step`). */
const COUNTER_WORDS = new Set([
    'epoch',
    'epochs',
    'step',
    'steps',
    'global',
    'iteration',
    'iterations',
    'iter',
    'it',
    'time',
    'stopped',
    'best',
    'num',
    'n',
    'total',
    'count',
    'samples',
    'examples',
    'batch',
    'trainer'
]);
/** Words of a name that say which split it was measured on. */
const SPLIT_WORDS = {
    eval: 'evaluation',
    evaluation: 'evaluation',
    val: 'evaluation',
    valid: 'evaluation',
    validation: 'evaluation',
    dev: 'evaluation',
    holdout: 'evaluation',
    test: 'test',
    testing: 'test',
    train: 'training',
    training: 'training',
    trn: 'training'
};
/** Words naming a measure of quality a team would rank on. */
const QUALITY_WORDS = new Set([
    'acc',
    'accuracy',
    'f1',
    'fbeta',
    'auc',
    'auroc',
    'roc',
    'ap',
    'map',
    'prauc',
    'bleu',
    'sacrebleu',
    'rouge',
    'rouge1',
    'rouge2',
    'rougel',
    'meteor',
    'chrf',
    'wer',
    'cer',
    'iou',
    'miou',
    'dice',
    'r2',
    'exact',
    'em',
    'mcc',
    'matthews',
    'kappa',
    'top1',
    'top5',
    'ndcg',
    'mrr',
    'spearman',
    'pearson'
]);
/** Words naming an error measure or a partial view of quality. */
const ERROR_WORDS = new Set([
    'precision',
    'prec',
    'recall',
    'sensitivity',
    'specificity',
    'mae',
    'mse',
    'rmse',
    'mape',
    'smape',
    'error',
    'err',
    'perplexity',
    'ppl',
    'nll',
    'score'
]);
/** The words of a metric name, lower case: split at separators and camelCase humps (`trainLoss` → train, loss). */
function metricNameWords(name) {
    return name
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
}
/**
 * True for a bookkeeping series: a counter (epoch, step, iteration), the learning rate or an `lr-*` schedule, grad
 * norm, runtime, throughput, FLOPs, memory, token or sample counts, timestamps, and tracker-internal series
 * (`_step`, `_runtime`, `system/…`, Lightning's `hp_metric` placeholder). Shown, never chosen as the primary metric.
 */
function isBookkeepingSeries(name) {
    if (name.startsWith('_') || /^system[/.]/i.test(name) || name.toLowerCase() === 'hp_metric')
        return true;
    const words = metricNameWords(name);
    if (!words.length)
        return false;
    if (words.some(w => BOOKKEEPING_WORDS.has(w)))
        return true;
    if (BOOKKEEPING_PAIRS.some(([a, bs]) => words.includes(a) && bs.some(b => words.includes(b))))
        return true;
    const rest = words.filter(w => !SPLIT_WORDS[w]);
    return rest.length > 0 && rest.every(w => COUNTER_WORDS.has(w));
}
/** The split a metric was measured on, from its name: evaluation (eval/val/valid/dev), test, training, or unmarked. */
function metricSplit(name) {
    for (const w of metricNameWords(name))
        if (SPLIT_WORDS[w])
            return SPLIT_WORDS[w];
    return 'unmarked';
}
/** What a metric measures, from its name: quality (accuracy, F1 …), error, loss, or other. */
function metricKind(name) {
    const words = metricNameWords(name);
    const has = (set) => words.some(w => set.has(w) || set.has(w.replace(/\d+$/, '')));
    if (has(QUALITY_WORDS))
        return 'quality';
    if (has(ERROR_WORDS))
        return 'error';
    if (words.includes('loss'))
        return 'loss';
    return 'other';
}
const SPLIT_RANK = { evaluation: 4, test: 3, unmarked: 2, training: 1 };
const KIND_RANK = { quality: 4, error: 3, loss: 2, other: 1 };
/**
 * How well a metric name suits the primary: the split first, then the kind, a per-step variant (`val_acc_step`)
 * just below its epoch or final one. Higher is better; bookkeeping series score 0.
 */
function primarySuitability(name) {
    if (isBookkeepingSeries(name))
        return 0;
    const words = metricNameWords(name);
    const perStep = words.length > 1 && words[words.length - 1] === 'step' ? 0.5 : 0;
    return SPLIT_RANK[metricSplit(name)] * 10 + KIND_RANK[metricKind(name)] * 2 - perStep;
}
/**
 * The default primary metric of experiments that each report some metrics: among the series that are not
 * bookkeeping and that at least half as many experiments report as the most widely reported one, the most
 * suitable (see primarySuitability); ties go to the more widely reported, then the shorter, then the first by name.
 * Undefined when every series is bookkeeping.
 */
function defaultPrimaryMetric(experiments) {
    const counts = new Map();
    for (const e of experiments)
        for (const m of Object.keys(e.metrics))
            counts.set(m, (counts.get(m) ?? 0) + 1);
    for (const m of [...counts.keys()])
        if (isBookkeepingSeries(m))
            counts.delete(m);
    const most = Math.max(0, ...counts.values());
    const candidates = [...counts].filter(([, n]) => n * 2 >= most);
    candidates.sort(([a, na], [b, nb]) => primarySuitability(b) - primarySuitability(a) ||
        nb - na ||
        a.length - b.length ||
        (a < b ? -1 : a > b ? 1 : 0));
    return candidates[0]?.[0];
}

/**
 * The primary metric: the rules file's, else the first gated metric, else the evaluation metric of quality that
 * most runs report (bookkeeping series such as epoch or the learning rate are never chosen; see primary.ts).
 */
function primaryMetric(rules, experiments) {
    if (rules.primary)
        return rules.primary;
    const gated = Object.entries(rules.metrics).find(([, r]) => isGated(r))?.[0];
    if (gated)
        return gated;
    return defaultPrimaryMetric(experiments);
}
/** Sorts experiments best first on the primary metric: failed last, missing or non-finite values after the rest. */
function rankExperiments(experiments, primary, rules) {
    const sign = primary && goalOf(primary, rules).goal === 'minimize' ? 1 : -1;
    const score = (e) => {
        const v = primary ? e.metrics[primary]?.value : undefined;
        return v === undefined || Number.isNaN(v) ? undefined : v;
    };
    return [...experiments].sort((a, b) => {
        const fa = a.status === 'failed' ? 1 : 0;
        const fb = b.status === 'failed' ? 1 : 0;
        if (fa !== fb)
            return fa - fb;
        const sa = score(a);
        const sb = score(b);
        if (sa === undefined || sb === undefined)
            return (sa === undefined ? 1 : 0) - (sb === undefined ? 1 : 0);
        if (sa === sb)
            return 0;
        return sign * (sa - sb) < 0 ? -1 : 1;
    });
}
/** Picks the champion: a reviewer's pick (`/experiments champion`) when valid, else the best on the primary. */
function chooseChampion(ranked, primary, pick) {
    const eligible = ranked.filter(e => e.status !== 'failed');
    if (pick) {
        const picked = ranked.find(e => e.name === pick.name || e.runs.some(r => r.name === pick.name));
        if (picked && picked.status !== 'failed') {
            return {
                champion: picked,
                reason: `Picked by ${pick.by ? `@${pick.by}` : 'a reviewer'} with /experiments champion.`
            };
        }
        const problem = picked
            ? `the picked champion "${pick.name}" failed and cannot be promoted`
            : `the picked champion "${pick.name}" is not among this PR's runs`;
        const fallback = eligible[0];
        return {
            champion: fallback,
            problem,
            reason: fallback ? bestReason(fallback, primary, ranked.length) : 'No run finished.'
        };
    }
    const champion = eligible[0];
    return { champion, reason: champion ? bestReason(champion, primary, ranked.length) : 'No run finished.' };
}
function bestReason(champion, primary, total) {
    return primary && champion.metrics[primary]
        ? `Best ${primary} of ${total} run${total === 1 ? '' : 's'}.`
        : `The only finished run${primary ? ` (no run reported ${primary})` : ''}.`;
}

export { chooseChampion as c, isBookkeepingSeries as i, primaryMetric as p, rankExperiments as r };
