import { a as withAcceptance } from './metric-comparison.js';
import './text.js';
import './findings.js';
import './conventions.js';

/** The most decisions kept in the comment; older ones are dropped first. */
const MAX_KEPT_DECISIONS = 50;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const isText = (v, max) => typeof v === 'string' && v.length > 0 && v.length <= max;
/** The decisions in a hidden state value (untrusted JSON): entries that do not have the right shape are dropped. */
function readDecisions(value) {
    const list = value?.decisions;
    if (!Array.isArray(list))
        return [];
    const out = [];
    for (const raw of list.slice(-MAX_KEPT_DECISIONS)) {
        const d = raw;
        if (!d || typeof d !== 'object')
            continue;
        const common = isText(d.by, 100) && isText(d.at, 40) && typeof d.head === 'string' && SHA.test(d.head);
        if (!common)
            continue;
        const base = { by: d.by, at: d.at, head: d.head };
        if (d.kind === 'accept' && isText(d.metric, 200) && isText(d.reason, 1000))
            out.push({ kind: 'accept', metric: d.metric, reason: d.reason, ...base });
        else if (d.kind === 'champion' && isText(d.run, 200))
            out.push({ kind: 'champion', run: d.run, ...base });
    }
    return out;
}
/** The value kept in the hidden state for a list of decisions. */
function decisionsState(decisions) {
    return { decisions: decisions.slice(-MAX_KEPT_DECISIONS) };
}
/** The acceptances that cover one head: the latest per metric, made on exactly that head. */
function acceptedForHead(decisions, head) {
    const latest = new Map();
    for (const d of decisions)
        if (d.kind === 'accept' && d.head === head)
            latest.set(d.metric, { metric: d.metric, reason: d.reason, by: d.by, at: d.at });
    return [...latest.values()];
}
/** The latest champion pick, whichever head it was made on (it names a run, which later heads may still have). */
function championPickOf(decisions) {
    const last = [...decisions].reverse().find((d) => d.kind === 'champion');
    return last ? { name: last.run, by: last.by, at: last.at } : undefined;
}
/** What promote takes from the decisions of a merged PR whose last head was `head`. */
function decisionsForMerge(decisions, head) {
    const championPick = championPickOf(decisions);
    return { accepted: acceptedForHead(decisions, head), ...(championPick ? { championPick } : {}) };
}
/** The metrics with a broken rule (a failed check or a gating overfitting gap), accepted or not. */
function regressedMetrics(c) {
    return [...new Set(c.violations.map(v => v.metric))];
}
/**
 * The comparison with the gate re-judged under a new set of acceptances, without re-reading runs: each failed
 * rule is accepted when an acceptance names its metric, and the verdict follows (missing evidence and rules that
 * name no metric still fail: they are not regressions and cannot be accepted).
 */
function applyAcceptances(c, accepted) {
    const metrics = c.metrics.map(m => withAcceptance(m, accepted));
    const violations = c.violations.map(v => ({ ...v, accepted: accepted.find(a => a.metric === v.metric) }));
    const broken = violations.filter(v => !v.accepted);
    const verdict = c.missingEvidence || c.unknownMetrics?.length || broken.length
        ? 'fail'
        : c.baseline
            ? 'pass'
            : 'no-baseline';
    return { ...c, metrics, violations, verdict };
}
/** Why `run` cannot be picked as the champion of a review, or undefined when it can. */
function championPickProblem(c, run) {
    const found = c.experiments.find(e => e.name === run || e.runs.includes(run));
    const finished = c.experiments.filter(e => e.status === 'finished').map(e => e.name);
    if (!found)
        return { kind: 'unknown', finished };
    if (found.status !== 'finished')
        return { kind: 'not-finished', status: found.status };
    return undefined;
}

export { MAX_KEPT_DECISIONS, acceptedForHead, applyAcceptances, championPickOf, championPickProblem, decisionsForMerge, decisionsState, readDecisions, regressedMetrics };
