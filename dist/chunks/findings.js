import { h as hiddenMarker } from './conventions.js';

/**
 * Whether a run's unreadable parts may have held `metric`: the run does not report it, and a whole file of the run
 * (or that metric's key) could not be read. A run that reports the metric has its evidence for it.
 */
function mayHaveHeld(run, metric) {
    if (!run.readErrors?.length || Object.hasOwn(run.metrics, metric))
        return false;
    return run.readErrors.some(d => d.key === undefined || d.key === metric);
}
/** An empty metadata record with the defaults every source starts from. */
function emptyMetadata() {
    return { tags: [], status: 'finished', environment: {} };
}
/** Builds a run with empty params, metrics and metadata filled in. */
function makeRun(fields) {
    return {
        params: {},
        metrics: {},
        ...fields,
        metadata: { ...emptyMetadata(), ...(fields.metadata ?? {}) }
    };
}
/** A diagnostic's location as `file:line:column (run, key)` for logs and messages. */
function formatDiagnostic(d) {
    const where = [d.file, d.line, d.line !== undefined ? d.column : undefined]
        .filter(x => x !== undefined)
        .join(':');
    const context = [d.run && `run ${JSON.stringify(d.run)}`, d.key && `key ${JSON.stringify(d.key)}`]
        .filter(Boolean)
        .join(', ');
    return `${where}${context ? ` (${context})` : ''}: ${d.message}`;
}
/** Flattens nested objects into dotted keys (`{a: {b: 1}}` → `{'a.b': 1}`); arrays become JSON text. */
function flattenParams(value, prefix = '', out = {}, depth = 0) {
    if (value === null || typeof value !== 'object') {
        if (prefix)
            out[prefix] = toParamValue(value);
        return out;
    }
    if (Array.isArray(value) || depth > 32) {
        if (prefix)
            out[prefix] = safeJson(value);
        return out;
    }
    for (const [k, v] of Object.entries(value)) {
        flattenParams(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
    }
    return out;
}
/** Turns any logged value into a ParamValue without losing its text. */
function toParamValue(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'string' || typeof value === 'boolean')
        return value;
    if (typeof value === 'number')
        return value;
    if (typeof value === 'bigint')
        return value.toString();
    return safeJson(value);
}
/** The canonical text of a param value, used to tell whether two values differ. */
function paramText(value) {
    if (value === undefined)
        return '';
    if (value === null)
        return 'null';
    return String(value);
}
function safeJson(value) {
    try {
        return JSON.stringify(value) ?? String(value);
    }
    catch {
        return String(value);
    }
}

/** The longest untrusted string shown in full; longer ones are cut with an ellipsis. */
const MAX_UNTRUSTED_LENGTH = 120;
const ZWNJ = '\u200c';
// Bidirectional overrides and isolates, zero-width and other format characters that can disguise text.
const INVISIBLE = /[\u200b\u200d-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/**
 * Makes untrusted text inert for GitHub markdown: one line, no control or direction-override characters,
 * and @mentions, #references (and GH-12), bare URLs, e-mail autolinks and HTML comment openers broken with a zero-width
 * non-joiner. Markdown syntax itself (`<`, `|`, `[`, `*` …) is escaped by remark-stringify because the result
 * only ever enters the tree as a text or inline-code node.
 */
function neutralize(value, maxLength = MAX_UNTRUSTED_LENGTH) {
    let s = String(value ?? '');
    s = s.replace(/\r\n?|\n/g, ' ⏎ ').replace(/\t/g, ' ');
    s = s.replace(INVISIBLE, '�').replace(CONTROL, '�');
    if (s.length > maxLength)
        s = `${s.slice(0, maxLength - 1)}…`;
    return s
        .replace(/@/g, `@${ZWNJ}`)
        .replace(/#(?=\w)/g, `#${ZWNJ}`)
        .replace(/\b(GH)-(?=\d)/gi, `$1${ZWNJ}-`)
        .replace(/:\/\//g, `:${ZWNJ}//`)
        .replace(/\bwww\./gi, m => `${m.slice(0, 3)}${ZWNJ}.`)
        .replace(/<!/g, `<${ZWNJ}!`)
        .replace(/::/g, `:${ZWNJ}:`);
}
/** Own text from a template literal: `` own`${n} runs` ``; only numbers and own text may be interpolated. */
function own(strings, ...parts) {
    return strings.reduce((out, s, i) => out + s + (i < parts.length ? String(parts[i]) : ''), '');
}
/** Own text parts joined with a separator of ours: `joinOwn([own`a`, own`b`], own`, `)`. */
function joinOwn(parts, separator) {
    return parts.reduce((out, p, i) => (i ? own `${out}${separator}${p}` : p), own ``);
}
/**
 * Declares a string the project composed from its own words and numbers as `Own`. Only the formatting modules
 * (report/format.ts, report/chart.ts) may call it (the lint enforces this); everything else uses `own` or `text`.
 */
function trusted(value) {
    return value;
}
/** Untrusted text as a text node: the only way text from run outputs, PRs or comments enters a tree. */
function untrusted(value, maxLength) {
    return { type: 'text', value: neutralize(value, maxLength) };
}
/** Untrusted text as inline code (run names, commits, values): neutralised like `untrusted`; `""` when empty. */
function untrustedCode(value, maxLength) {
    // Markdown has no empty code span (`` renders as two backticks): an empty value is shown as an empty string.
    return { type: 'inlineCode', value: neutralize(value, maxLength) || '""' };
}
/** Own text as a text node: `` text`In words: ` `` or `text(ownValue)`; a plain string does not compile. */
function text(strings, ...parts) {
    return { type: 'text', value: typeof strings === 'string' ? strings : own(strings, ...parts) };
}
/** Own text as inline code: `` code`experiment-review` ``. */
function code(strings, ...parts) {
    return { type: 'inlineCode', value: typeof strings === 'string' ? strings : own(strings, ...parts) };
}
/** Bold. */
function strong(...children) {
    return { type: 'strong', children };
}
/** A link to a URL we built ourselves (never one taken from input). */
function link(url, ...children) {
    return { type: 'link', url, children };
}
/** A name made of letters, digits, `.`, `_`, `-` and `:` only (others become `-`): safe in a marker or an id. */
function safeName(value) {
    return value.replace(/[^A-Za-z0-9._:-]/g, '-');
}
const SAFE_URL = /^https?:\/\/[^\s<>()[\]"'`\\]+$/;
/**
 * A GitHub web URL built from the server's web root (GITHUB_SERVER_URL, trusted runner configuration) and path
 * segments, each percent-encoded: `githubUrl('https://github.com', 'acme', 'models', 'pull', 7)`. Undefined when the
 * root is not an http(s) URL.
 */
function githubUrl(serverUrl, ...segments) {
    const root = (serverUrl ?? '').replace(/\/+$/, '');
    if (!SAFE_URL.test(root))
        return undefined;
    return [root, ...segments.map(s => encodeURIComponent(String(s)))].join('/');
}
/** A URL GitHub gave us (e.g. a comment's html_url) checked to be a plain http(s) URL; undefined otherwise. */
function checkedUrl(value) {
    return value && SAFE_URL.test(value) ? value : undefined;
}
/**
 * A relative URL (an image beside the current folder) from path segments, each percent-encoded; `..` is kept as
 * a segment so a link can climb out of the current folder, and nothing else can form a scheme or a query.
 */
function relativeUrl(segments) {
    return segments.map(s => (s === '..' ? s : encodeURIComponent(s))).join('/');
}
/** An image from a URL we built ourselves; its alt text is untrusted (a file name) and neutralised. */
function image(url, alt) {
    return { type: 'image', url, alt: neutralize(alt, 80) };
}
/** A paragraph. */
function paragraph(...children) {
    return { type: 'paragraph', children };
}
/** A heading. */
function heading(depth, ...children) {
    return { type: 'heading', depth, children };
}
/** A bullet list of paragraphs. */
function bulletList(items) {
    return {
        type: 'list',
        ordered: false,
        spread: false,
        children: items.map((children) => ({
            type: 'listItem',
            // Stryker disable next-line BooleanLiteral: an item holds one paragraph, and an item's spread only puts blank lines between its own children
            spread: false,
            children: [paragraph(...children)]
        }))
    };
}
/** A GFM table; every row has as many cells as the header. */
function table(align, header, rows) {
    const cell = (c) => ({
        type: 'tableCell',
        children: c === undefined ? [] : typeof c === 'string' ? (c ? [text(c)] : []) : Array.isArray(c) ? c : [c]
    });
    const row = (cells) => ({
        type: 'tableRow',
        children: header.map((_, i) => cell(cells[i]))
    });
    return { type: 'table', align, children: [row(header), ...rows.map(row)] };
}
/** A fenced code block (e.g. a Mermaid chart) whose content we built from sanitised parts. */
function codeBlock(lang, value) {
    return { type: 'code', lang, value };
}
/** Raw HTML we wrote ourselves (markers, details tags). Only this module and the docs markers build it. */
function trustedHtml(value) {
    return { type: 'html', value };
}
/** Escapes text for the inside of an HTML element we write (e.g. a <summary>): entities only. */
function escapeHtml(value) {
    return value.replace(/[&<>"']/g, c => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}
/** The HTML of a summary line; text nodes are already own or neutralised, so only HTML entities remain to escape. */
function summaryHtml(summary) {
    const nodes = typeof summary === 'string' ? [text(summary)] : summary;
    const html = (n) => {
        if (n.type === 'inlineCode')
            return `<code>${escapeHtml(n.value)}</code>`;
        if (n.type === 'text')
            return escapeHtml(n.value);
        if (n.type === 'link' && SAFE_URL.test(n.url))
            return `<a href="${escapeHtml(n.url)}">${n.children.map(html).join('')}</a>`;
        throw new Error(`a summary line cannot hold a ${n.type} node`);
    };
    return nodes.map(html).join('').replace(/\r?\n/g, ' ');
}
/** A folded section: `<details><summary>…</summary>` around block content. */
function details(summary, children, open = false) {
    return [
        trustedHtml(own `<details${open ? own ` open` : own ``}><summary>${trusted(summaryHtml(summary))}</summary>`),
        ...children,
        trustedHtml(own `</details>`)
    ];
}
/** The hidden marker of the PR comment of a review id (see hiddenMarker) as a node. */
function marker(id, kind = 'comment') {
    return trustedHtml(trusted(hiddenMarker(id, kind)));
}
/** A root node. */
function root(children) {
    return { type: 'root', children };
}
/** Small print (`<sub>`) around phrasing content. */
function small(children) {
    return [
        {
            type: 'paragraph',
            children: [
                trustedHtml(own `<sub>`),
                ...children,
                trustedHtml(own `</sub>`)
            ]
        }
    ];
}

// Which runs of a shared tracker store a review looks at: the experiments selected by `--experiment` (CLI) or
// `select.experiments` (rules file), the tags and groups of `select`, and the commit under review for stores named
// by a tracking URI. Pure data and naming; the sources match it where they read (sources/experiment-match.ts: an
// MLflow server filters on the server, a file store skips folders, tags and groups are matched on the runs read).
/** True when the selection names anything (experiments, tags or groups). */
function isSelective(selection) {
    return !!(selection.experiments.length || selection.tags?.length || selection.groups?.length);
}
/** The selection of nothing in particular: every experiment. */
function selectAll() {
    return { experiments: [] };
}
/** A short list of experiment names for a message: sorted, at most `max` shown, the rest counted. */
function listExperimentNames(names, max = 20) {
    const sorted = [...new Set(names)].sort();
    if (!sorted.length)
        return '(none)';
    const shown = sorted.slice(0, max).map(n => JSON.stringify(n));
    return sorted.length > max ? `${shown.join(', ')} and ${sorted.length - max} more` : shown.join(', ');
}
/**
 * The experiment a run is selected by: its store's experiment or project (MLflow, W&B), else the folder of a
 * TensorBoard or CSV run (`runs/exp1` for `runs/exp1/version_0`); undefined for formats without experiments
 * (built-in, DVC, Hugging Face), which `experiments` does not filter.
 */
function experimentOf(run) {
    if (run.metadata.experiment !== undefined)
        return run.metadata.experiment;
    if (run.source !== 'tensorboard' && run.source !== 'csv')
        return undefined;
    const cut = run.path.lastIndexOf('/');
    return cut > 0 ? run.path.slice(0, cut) : '.';
}

/** The retraining defaults for the parts of the section a rules file leaves out. */
const RETRAINING_DEFAULTS = {
    labels: ['retraining'],
    recoverAfter: 1,
    reopenWithinDays: 7,
    tolerance: { amount: 0.01, relative: true }
};
/** Repository permission levels, weakest first. */
const PERMISSION_LEVELS = ['read', 'triage', 'write', 'maintain', 'admin'];
/** Rules when there is no rules file. */
function defaultRules() {
    return {
        metrics: {},
        significance: { alpha: 0.05, adjust: 'holm' },
        commands: { permission: 'write' },
        grouping: { patterns: ['-seed<N>', '-fold<N>'] },
        select: selectAll()
    };
}
const MINIMIZE_WORDS = [
    'loss',
    'error',
    'err',
    'latency',
    'time',
    'duration',
    'size',
    'rmse',
    'mse',
    'mae',
    'mape',
    'perplexity',
    'ppl',
    'wer',
    'cer',
    'memory',
    'runtime'
];
/** The goal of a metric: its rule's, else guessed from its name (loss, error, latency … → minimize). */
function goalOf(metric, rules) {
    const rule = rules.metrics[metric];
    if (rule?.goal)
        return { goal: rule.goal, from: 'rule' };
    // Stryker disable next-line Regex: without the +, a run of separators gives empty words, which match no word either
    const words = metric.toLowerCase().split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])/);
    return { goal: words.some(w => MINIMIZE_WORDS.includes(w)) ? 'minimize' : 'maximize', from: 'name' };
}
/** True when a metric's rule can fail the gate. */
function isGated(rule) {
    return (!!rule &&
        (rule.min !== undefined ||
            rule.max !== undefined ||
            !!rule.maxDrop ||
            !!rule.maxRise ||
            rule.required === true));
}
/** A threshold as text: `1%` or `0.01`. */
function thresholdText(t) {
    return t.relative ? `${+(t.amount * 100).toPrecision(6)}%` : String(t.amount);
}

/** A p-value as a reader writes it: "p = 0.41", "p = 0.003", "p < 0.001". */
function pPhrase(p) {
    return p !== undefined && p < 0.001 ? 'p < 0.001' : `p = ${fmtP(p)}`;
}
/** The name of a test as the report says it. */
function methodName(method) {
    switch (method) {
        case 'welch':
            return "Welch's t-test";
        case 'paired':
            return 'paired t-test over matched seeds';
        case 'prediction':
            return 'prediction interval of one run';
        case 'corrected-paired':
            return 'Nadeau–Bengio corrected t-test over folds';
    }
}
/** The test behind a significance result, with why runs were not paired: "Welch's t-test; seeds do not match". */
function testName(s) {
    const method = s.test?.method ?? s.method;
    const name = method ? methodName(method) : 'no test';
    if (s.fallback === 'keys-differ')
        return `${name}; the seeds do not match, so runs are not paired`;
    if (s.fallback === 'folds-unmatched')
        return `${name}; the fold indices do not match, so folds are not paired and not corrected for shared training data`;
    return name;
}
/** The label's p in words: "p = 0.003, two-sided, paired t-test" (with the best-of-k adjustment when made). */
function labelP(s) {
    const adjusted = s.bestOf ? `, ×${s.bestOf} for the best of ${s.bestOf}` : '';
    return `${pPhrase(s.pLabel)}, two-sided${adjusted}, ${testName(s)}`;
}
/** The significance of a change in words, e.g. "p = 0.41, two-sided, within noise" or "single runs, no noise estimate". */
function significanceWords(s) {
    if (!s)
        return 'single runs, no noise estimate';
    const selected = s.bestOf ? ` ×${s.bestOf} for the best of ${s.bestOf}` : '';
    switch (s.state) {
        case 'significant':
            return `${pPhrase(s.pLabel)} two-sided${selected}, significant`;
        case 'within-noise':
            return `${pPhrase(s.pLabel)} two-sided${selected}, within noise`;
        case 'exact':
            return s.significant ? 'no variance, exact difference' : 'no variance, no difference';
        case 'inconclusive':
            return 'inconclusive: too few samples to test';
        case 'uncomputable':
            return 'the p-value could not be computed';
    }
}
/** Why too few samples allow no test: "too few samples to test (1 baseline, 3 in this PR; at least 2 a side)". */
function tooFewSamplesText(n, nonFinite) {
    const left = nonFinite[0] + nonFinite[1];
    const after = left ? ` after leaving out ${left} non-finite` : '';
    return `too few samples to test (${n[0]} baseline, ${n[1]} in this PR${after}; at least 2 a side)`;
}
/** Why no test was needed when neither side varies. */
function noVarianceText(differ) {
    return differ
        ? 'no variance on either side, so no test applies; the difference is exact'
        : 'both sides are the same constant: no variance, no difference';
}
/** Why a significance result has no p: the inconclusive or exact reason in words; undefined when tested. */
function untestedText(s) {
    if (s.state === 'uncomputable')
        return 'the p-value could not be computed (values beyond the range of a double)';
    if (s.state === 'inconclusive')
        return tooFewSamplesText([s.n.baseline, s.n.current], [s.excluded.baseline, s.excluded.current]);
    if (s.state === 'exact')
        return noVarianceText(!!s.significant);
    return undefined;
}
/** A value as the rule messages show it: the exact text, else 4 significant digits; "missing" when absent. */
function ruleValue(v) {
    return v ? (v.exact ?? String(+v.value.toPrecision(4))) : 'missing';
}
/** A value in full: the exact text, else the number as JavaScript writes it; "missing" when absent. */
function rawValue(v) {
    return v ? (v.exact ?? String(v.value)) : 'missing';
}
/** The rule as a reader would say it, e.g. "≥ 0.85", "drop ≤ 1%", "missing: the metric vanished from this PR". */
function checkText(c, values) {
    switch (c.rule) {
        case 'min':
            return `≥ ${c.limit}`;
        case 'max':
            return `≤ ${c.limit}`;
        case 'diverged':
            return `${c.nonFinite} of ${c.samples} samples are not finite (NaN or infinite): the seeds diverged${c.runs.length ? ` (${c.runs.join(', ')})` : ''}`;
        case 'required':
            return c.missing === 'vanished'
                ? 'missing: the metric vanished from this PR'
                : 'missing: a required metric was not reported';
        case 'max_drop':
        case 'max_rise': {
            const text = `${c.rule === 'max_drop' ? 'drop' : 'rise'} ≤ ${thresholdText(c.threshold)}`;
            return c.outcome === 'not-comparable'
                ? `${text} (not comparable: ${rawValue(values.baseline)} → ${rawValue(values.current)})`
                : text;
        }
    }
}
/** The gate's p of a drop or rise check: "one-sided p = 0.003, Holm-adjusted for 4 gated metrics". */
function gateP(c) {
    const p = c.pAdjusted ?? c.pOneSided;
    const how = c.adjustment ? `, Holm-adjusted for ${c.adjustment.family} gated metrics` : '';
    return `one-sided ${pPhrase(p)}${how}`;
}
/** The confidence bound of a move in words: "drop ≥ 0.012 at 95% confidence". */
function boundText(c) {
    if (!c.bound)
        return undefined;
    const what = c.rule === 'max_drop' ? 'drop' : 'rise';
    return `${what} ≥ ${String(+c.bound.value.toPrecision(4)).replace(/^-/, '−')} at ${+(c.bound.level * 100).toPrecision(4)}% confidence`;
}
/** Why a drop or rise check came out as it did, when there is more to say than met or broken. */
function checkNote(c, significance) {
    if (c.rule !== 'max_drop' && c.rule !== 'max_rise')
        return undefined;
    const bound = boundText(c);
    const withBound = bound ? `; ${bound}` : '';
    switch (c.outcome) {
        case 'significant':
            return `significant (${gateP(c)} < ${c.alpha}${withBound})`;
        case 'within-noise':
            return `beyond the limit but within noise (${gateP(c)} ≥ ${c.alpha}${withBound})`;
        case 'noise-not-required':
            return `within noise (${gateP(c)}), but the rule does not require significance`;
        case 'exact':
            return 'no variance on either side: the difference is exact';
        case 'inconclusive':
            return `inconclusive: ${significance ? untestedText(significance) : 'too few samples to test'}; the raw change decides`;
        case 'untested':
            return 'one run a side: no noise estimate; the raw change decides';
        case 'uncomputable':
            return 'the p-value could not be computed, so the gate fails closed';
        default:
            return undefined;
    }
}
function fmtP(p) {
    if (p === undefined)
        return '—';
    if (p < 0.001)
        return '< 0.001';
    return String(+p.toPrecision(2));
}

/** The verdict in a few words and its sign: ❌ "2 rules broken", ✅ "all rules met", 🆕 "no baseline yet" … */
function verdictWords(c) {
    const broken = c.violations.filter(v => !v.accepted).length;
    if (c.missingEvidence)
        return { sign: own `❌`, words: missingEvidenceTitle(c.missingEvidence) };
    if (c.unknownMetrics)
        return { sign: own `❌`, words: unknownMetricsTitle(c.unknownMetrics) };
    if (c.unreadableEvidence)
        return { sign: own `❌`, words: unreadableEvidenceTitle(c.unreadableEvidence) };
    if (c.verdict === 'fail')
        return { sign: own `❌`, words: own `${broken} rule${broken === 1 ? own `` : own `s`} broken` };
    if (c.verdict === 'no-baseline')
        return { sign: own `🆕`, words: own `no baseline yet` };
    return { sign: own `✅`, words: own `all rules met` };
}
/** A broken rule in words: what the value was, against what limit. */
function violationMessage(v) {
    if (v.rule === 'overfitting')
        return overfittingText(v.gap);
    const c = v.check;
    const text = checkText(c, v);
    switch (c.rule) {
        case 'min':
            return `${v.metric} is ${ruleValue(v.current)}, below the floor ${c.limit}`;
        case 'max':
            return `${v.metric} is ${ruleValue(v.current)}, above the ceiling ${c.limit}`;
        case 'max_drop':
        case 'max_rise': {
            const how = {
                significant: ` (${gateP(c)}, significant)`,
                'noise-not-required': ` (within noise, ${gateP(c)}; the rule does not require significance)`,
                inconclusive: ' (too few samples to rule out noise)',
                untested: ' (one run a side: no noise estimate)',
                uncomputable: ' (the p-value could not be computed: the gate fails closed)',
                exact: ' (no variance: the difference is exact)'
            }[c.outcome] ?? '';
            return `${v.metric} went from ${ruleValue(v.baseline)} to ${ruleValue(v.current)}, beyond the allowed ${text}${how}`;
        }
        case 'required':
            return `${v.metric} is ${text}`;
        case 'diverged':
            return `${v.metric}: ${text}`;
    }
}
/** A train/validation gap in words: "overfitting: train_accuracy − val_accuracy gap is 0.08, over the allowed 0.05". */
function overfittingText(o) {
    const [first, second] = o.goal === 'maximize' ? [o.train, o.val] : [o.val, o.train];
    return `overfitting: ${first} − ${second} gap is ${+o.gap.toPrecision(4)}, ${o.exceeded ? 'over' : 'within'} the allowed ${o.maxGap}`;
}
/** A warning in words. */
function warningMessage(w) {
    switch (w.kind) {
        case 'champion-pick':
            return w.problem;
        case 'overfitting':
            return overfittingText(w.gap);
        case 'mixed-repeats': {
            const list = w.params.slice(0, 5).join(', ') + (w.params.length > 5 ? ', …' : '');
            return `the ${w.runs} runs of ${w.run} differ in ${list}, so they are not plain repeats of one configuration`;
        }
        case 'non-finite-sample': {
            const where = w.baseline ? `the baseline ${w.run}` : w.run;
            const runs = w.runs?.length ? ` (${w.runs.join(', ')})` : '';
            return `${w.metric}: ${w.nonFinite} of ${w.samples} samples of ${where} are not finite (NaN or infinite)${runs} and are left out of the mean and the test`;
        }
        case 'failed-run':
            return `run ${w.run} failed${w.reason ? `: ${w.reason}` : ''}`;
        case 'vanished-metric':
            return `${w.metric} is in the baseline but no longer reported`;
        case 'not-comparable':
            return `${w.metric} is not a finite number on one side (${rawValue(w.baseline)} → ${rawValue(w.current)}); it is shown, not compared`;
        case 'rounded':
            return `${w.metric} is ${w.exact}, which is compared as ${w.value} (a double cannot hold it exactly)`;
        case 'unreadable':
        case 'read-warning':
            return `${w.file}: ${w.message}`;
    }
}
/** A reproducibility checklist item in words: "data version v3", "no code commit recorded". */
function checklistDetail(item) {
    switch (item.check) {
        case 'hyperparameters':
            return item.count > 0 ? `hyperparameters logged (${item.count})` : 'no hyperparameters logged';
        case 'data version':
            return item.value ? `data version ${item.value}` : 'no data version recorded';
        case 'code commit':
            return item.value ? `code commit ${item.value}` : 'no code commit recorded';
        case 'environment':
            return item.keys.length
                ? `environment captured (${item.keys.slice(0, 3).join(', ')}${item.keys.length > 3 ? ', …' : ''})`
                : 'environment not captured: no Python version or package list in the run';
        case 'baseline':
            return item.ok ? 'baseline present' : 'no baseline on the default branch yet';
    }
}
/** Why a comparison is not like for like, in words: "the data version changed (v1 → v2)". */
function notLikeForLikeText(n) {
    if (n.what === 'metric set') {
        const parts = [
            n.removed.length ? `${n.removed.join(', ')} no longer reported` : '',
            n.added.length ? `${n.added.join(', ')} new` : ''
        ].filter(Boolean);
        return `the metric set changed (${parts.join('; ')})`;
    }
    return `the ${n.what} changed (${n.baseline ?? 'none'} → ${n.current ?? 'none'})`;
}
/** What was seen for one clause: "f1 0.871 meets ≥ 0.85", "f1 +0.012 vs baseline (0.8 → 0.812), needed +0.01". */
function clauseReason(c) {
    const f = c.finding;
    const metric = c.metric ?? '';
    const shown = fmt(c.value ?? NaN);
    switch (f.kind) {
        case 'unparsed':
            return f.reason;
        case 'not-reported':
            return `${metric} was not reported`;
        case 'not-finite':
            return `${metric} is ${shown}, not a finite number`;
        case 'absolute': {
            const sign = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' }[f.op];
            const of = f.n > 1 ? ` (mean of ${f.n})` : '';
            return `${metric} ${shown}${of} ${f.met ? 'meets' : 'misses'} ${sign} ${f.limit}`;
        }
        case 'no-baseline':
            return `no baseline to compare ${metric} with`;
        case 'baseline-missing':
            return `the baseline has no ${metric} to compare with`;
        case 'not-comparable':
            return `${metric} is not comparable (${fmt(c.baseline ?? NaN)} → ${shown})`;
        case 'relative': {
            const needed = f.amount === 0
                ? f.up
                    ? 'needed a rise'
                    : 'needed a fall'
                : `needed ${signed(f.target)}${f.unit === 'percent' ? ` (${f.amount}%)` : ''}`;
            const seen = `${metric} ${signed(f.difference)} vs baseline (${fmt(c.baseline ?? NaN)} → ${shown})`;
            switch (f.noise) {
                case 'missed':
                    return `${seen}, ${needed}`;
                case 'single-runs':
                    return `${seen}, ${needed}; single runs, so noise is unknown`;
                case 'exact':
                    return `${seen}, ${needed}; no variance, the difference is exact`;
                case 'too-few-samples': {
                    const why = f.samples ? tooFewSamplesText(f.samples.n, f.samples.nonFinite) : noVarianceText(false);
                    return `${seen}, ${needed}: met on the means, but ${why}`;
                }
                case 'significant':
                    return `${seen}, ${needed}; significant (${pPhrase(c.p)}, one-sided Welch)`;
                case 'within-noise':
                    return `${seen}, ${needed}: met on the means but within noise (${pPhrase(c.p)} ≥ ${f.alpha}, one-sided Welch)`;
                case 'uncomputable':
                    return `${seen}, ${needed}: met on the means, but the p-value could not be computed`;
            }
        }
    }
}
/** Why a hypothesis got its verdict: the clauses that decided it, or what is missing. */
function hypothesisReason(h) {
    if (!h.criteria)
        return 'no success criteria are given to judge the hypothesis by';
    const deciding = h.verdict === 'supported' ? h.clauses : h.clauses.filter(c => c.verdict === h.verdict);
    if (!deciding.length)
        return 'no success criteria to judge by';
    return deciding.map(clauseReason).join('; ');
}
function fmt(x) {
    return Number.isFinite(x) ? String(+x.toPrecision(4)) : String(x);
}
function signed(x) {
    return `${x >= 0 ? '+' : '−'}${fmt(Math.abs(x))}`;
}
/** Why a review had nothing to judge: no run found, and where it looked; or which named runs paths do not exist. */
function missingEvidenceText(e) {
    const list = (paths) => paths.map(p => JSON.stringify(p)).join(', ');
    const missing = e.missing.length
        ? `the runs path${e.missing.length === 1 ? '' : 's'} ${list(e.missing)} ${e.missing.length === 1 ? 'does' : 'do'} not exist`
        : '';
    const fix = 'set the runs input (CLI: --runs) to the folders your tracker writes';
    if (!e.noRuns)
        return `Missing evidence: ${missing}; ${fix}.`;
    const where = e.searched.length ? ` in ${list(e.searched)}` : '';
    return `No runs were found${where}${missing ? ` (${missing})` : ''}, so nothing was judged; ${fix}.`;
}
/** The verdict's title for missing evidence. */
function missingEvidenceTitle(e) {
    return e.noRuns ? own `no runs were found` : own `a runs path does not exist`;
}
/** A rules key that names a metric nobody reports: `rules.yml:3 metrics.acuracy: no run … did you mean accuracy?` */
function unknownMetricText(u, rulesFile) {
    const where = rulesFile ? `${rulesFile}${u.line !== undefined ? `:${u.line}` : ''} ` : '';
    const hint = u.suggestion
        ? `; did you mean ${u.suggestion}?`
        : '; check the name against the metrics your runs log (experiment-review list)';
    return `${where}${u.key}: no run and no baseline reports a metric named ${JSON.stringify(u.metric)}${hint}`;
}
/**
 * A rules key whose metric may sit in runs that could not be read: `rules.yml:3 metrics.accuracy: 1 run that may
 * report accuracy could not be read: truncated-json (metrics.json:1:25: is not valid JSON …); …`.
 */
function unreadableEvidenceText(u, rulesFile) {
    const where = rulesFile ? `${rulesFile}${u.line !== undefined ? `:${u.line}` : ''} ` : '';
    const n = u.runs.length;
    const runs = u.runs.map(r => `${r.name} (${readErrorsText(r.errors)})`).join('; ');
    return `${where}${u.key}: ${n} run${n === 1 ? ' that may report' : 's that may report'} ${JSON.stringify(u.metric)} could not be read, so the rule cannot be judged: ${runs}. Repair or remove ${n === 1 ? 'it' : 'them'}, or leave ${n === 1 ? 'it' : 'them'} out of the runs input (CLI: --runs)`;
}
/** The verdict's title when rules cannot be judged because runs could not be read. */
function unreadableEvidenceTitle(list) {
    const runs = new Set(list.flatMap(u => u.runs.map(r => r.path))).size;
    return own `${runs} run${runs === 1 ? own `` : own `s`} could not be read, so ${list.length} rule${list.length === 1 ? own `` : own `s`} cannot be judged`;
}
/** How much of a run could not be read: `unreadable` when a whole file failed, `partly unreadable` when some keys. */
function unreadableLabel(errors) {
    return errors.every(d => d.key !== undefined) ? own `partly unreadable` : own `unreadable`;
}
/** What of a run could not be read, in one line: the first error with its place, and how many more. */
function readErrorsText(errors) {
    const [first, ...rest] = errors;
    if (!first)
        return 'could not be read';
    const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
    return `${formatDiagnostic({ ...first, run: undefined })}${more}`;
}
/** The verdict's title when rules name metrics nobody reports. */
function unknownMetricsTitle(unknown) {
    return own `${unknown.length} rule${unknown.length === 1 ? own ` names a metric` : own `s name metrics`} no run reports`;
}
/**
 * What the p-values mean, in one sentence for under the metrics table: labels two-sided at alpha, the gate one-sided
 * against each limit and adjusted across gated metrics, and the best-of-k optimism of the champion.
 */
function statisticsSentence(c) {
    const adjusted = c.gate.adjust === 'holm'
        ? own `, adjusted for ${c.gate.family} gated metrics (Holm)`
        : c.gate.family > 1
            ? own `, not adjusted for the other gated metrics`
            : own ``;
    const gate = c.gate.family
        ? own ` The gate asks, one-sided, whether a drop (or rise) is larger than its limit: its p-values are one-sided${adjusted}.`
        : own ``;
    const bestOf = c.bestOf
        ? own ` The champion is the best of ${c.bestOf} configurations, so its improvements are optimistic by selection; "significant improvement" is judged with p × ${c.bestOf}.`
        : own ``;
    return own `Labels use two-sided p-values at ${c.alpha}.${gate}${bestOf}`;
}
/**
 * The warning when an id's baseline was read from the legacy shared path: where it was found, where it belongs, and
 * the command that moves it (the next promote of the id writes the new path by itself).
 */
function legacyBaselineText(id, legacy, promoting = false) {
    const found = `The baseline of id "${id}" was read from ${legacy.from}, where versions before per-id baselines kept every ` +
        `id's baseline; its place is now ${legacy.to}.`;
    if (promoting)
        return `${found} This promote writes it there; delete ${legacy.from} once no other id uses it.`;
    return (`${found} The next promote of "${id}" writes it there (then delete ${legacy.from} if no other id uses it); ` +
        `to move it now: mkdir -p ${legacy.to.replace(/\/[^/]*$/, '')} && git mv ${legacy.from} ${legacy.to}`);
}

export { relativeUrl as $, notLikeForLikeText as A, checkNote as B, checkText as C, noVarianceText as D, untestedText as E, experimentOf as F, isSelective as G, root as H, missingEvidenceTitle as I, unknownMetricsTitle as J, unreadableEvidenceTitle as K, heading as L, bulletList as M, code as N, trusted as O, neutralize as P, thresholdText as Q, significanceWords as R, labelP as S, unreadableLabel as T, readErrorsText as U, statisticsSentence as V, table as W, details as X, RETRAINING_DEFAULTS as Y, PERMISSION_LEVELS as Z, mayHaveHeld as _, unreadableEvidenceText as a, listExperimentNames as a0, flattenParams as a1, makeRun as a2, emptyMetadata as a3, isGated as a4, marker as a5, small as a6, trustedHtml as a7, image as a8, codeBlock as a9, safeName as aa, verdictWords as b, goalOf as c, defaultRules as d, untrustedCode as e, formatDiagnostic as f, githubUrl as g, untrusted as h, strong as i, checkedUrl as j, link as k, legacyBaselineText as l, missingEvidenceText as m, joinOwn as n, own as o, paragraph as p, paramText as q, overfittingText as r, selectAll as s, text as t, unknownMetricText as u, violationMessage as v, clauseReason as w, hypothesisReason as x, checklistDetail as y, warningMessage as z };
