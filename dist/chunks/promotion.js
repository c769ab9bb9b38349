import { a as baselineExperiment, r as recordFromExperiment, d as BASELINE_VERSION, b as baselineOfId, s as serializeBaseline } from './baseline2.js';
import { l as legacyBaselinePath } from './conventions.js';
import { p as primaryMetric, r as rankExperiments, c as chooseChampion } from './champion.js';
import { k as groupRuns } from './text.js';
import { u as updateDocsPage } from './docs.js';
import { l as legacyBaselineText, P as neutralize, p as paragraph, t as text, e as untrustedCode } from './findings.js';
import { s as stringify } from './markdown.js';

// Promotion on merge: the next baseline file from the previous one, the merged PR's runs and the reviewers'
// decisions. Pure: data in, data out, no I/O and no clock (the merge date is an input).
/** True when a record stands for this merge (same merge commit, or the same PR number). */
function recordsMerge(record, commit, prNumber) {
    return ((!!record.commit && record.commit === commit) ||
        (prNumber !== undefined && record.pr?.number === prNumber));
}
/** Finds where a merge is already recorded in a baseline file: `champion`, `history[i]`, or undefined. */
function findMerge(file, commit, prNumber) {
    if (!file)
        return undefined;
    if (recordsMerge(file.champion, commit, prNumber))
        return 'champion';
    const i = file.history.findIndex(r => recordsMerge(r, commit, prNumber));
    return i >= 0 ? `history[${i}]` : undefined;
}
/** Computes the next baseline file; `skipped` when this merge is already recorded or no run finished. */
function promote(input) {
    const { previous, rules, commit, pr } = input;
    const where = findMerge(previous, commit, pr?.number);
    if (where) {
        return {
            kind: 'skipped',
            reason: `${pr ? `PR #${pr.number}` : `commit ${commit.slice(0, 7)}`} is already recorded in the baseline (${where}); nothing to do`
        };
    }
    const experiments = groupRuns(input.runs, rules);
    if (!experiments.length) {
        return {
            kind: 'skipped',
            reason: `no experiment runs were found for ${mergeName(input)}; the baseline is unchanged`
        };
    }
    const previousExperiment = previous ? [baselineExperiment(previous.champion)] : [];
    const primary = previous?.champion.primary ?? primaryMetric(rules, [...experiments, ...previousExperiment]);
    const ranked = rankExperiments(experiments, primary, rules);
    const pick = input.decisions?.championPick;
    const choice = chooseChampion(ranked, primary, pick ? { name: pick.name, by: pick.by } : undefined);
    const champion = choice.champion;
    if (!champion) {
        return {
            kind: 'skipped',
            reason: `every run of ${mergeName(input)} failed (${ranked.length} run${ranked.length === 1 ? '' : 's'}); failed runs are never promoted, the baseline is unchanged`
        };
    }
    const warnings = choice.problem
        ? [`${choice.problem}; the best run on ${primary ?? 'the ranking'} was promoted instead`]
        : [];
    const accepted = [...(input.decisions?.accepted ?? [])].sort((a, b) => a.metric.localeCompare(b.metric) || a.at.localeCompare(b.at));
    const reason = choice.problem ? `${choice.reason} (${choice.problem})` : choice.reason;
    const record = mergeRecord(input, { champion, ranked, primary, reason, accepted });
    const same = previous && [previous.champion, previous.history[0]].find(r => r && sameRuns(r, record));
    if (same) {
        const at = same.pr
            ? `PR #${same.pr.number}`
            : same.commit
                ? `commit ${same.commit.slice(0, 7)}`
                : 'an earlier merge';
        return {
            kind: 'skipped',
            reason: `the runs of ${mergeName(input)} are the ones already recorded for ${at} (${same.name}); the baseline is unchanged`
        };
    }
    const reviewerChose = !!(pick && !choice.problem) || accepted.length > 0;
    return { kind: 'promoted', warnings, ...placeRecord(input, record, champion, primary, reviewerChose) };
}
/** The baseline record of this merge: its champion with the PR, the commit, the reason and every run ranked. */
function mergeRecord(input, chosen) {
    const { pr } = input;
    const { champion, ranked, primary, reason, accepted } = chosen;
    return recordFromExperiment(champion, {
        ...(pr
            ? {
                pr: {
                    number: pr.number,
                    ...(pr.title !== undefined ? { title: pr.title } : {}),
                    ...(pr.url !== undefined ? { url: pr.url } : {}),
                    ...(pr.author ? { author: pr.author } : {})
                }
            }
            : {}),
        commit: input.commit,
        date: input.date,
        ...(pr?.mergedBy ? { mergedBy: pr.mergedBy } : {}),
        reason,
        ...(accepted.length ? { acceptedRegressions: accepted } : {}),
        experiments: ranked.map(e => summarizeRun(e, e === champion)),
        ...(primary ? { primary } : {}),
        ...(input.plots && Object.hasOwn(input.plots, champion.name) ? { plots: input.plots[champion.name] } : {})
    });
}
/**
 * Where the record of this merge goes in the next baseline file: the champion (the first one, or a better one), the
 * history at its place in time (a late re-run of an older merge), or the history as not promoted (the previous
 * champion stays).
 */
function placeRecord(input, record, champion, primary, reviewerChose) {
    const { previous } = input;
    if (!previous) {
        return {
            becameChampion: true,
            record,
            baseline: {
                schema: 'experiment-review/baseline',
                version: BASELINE_VERSION,
                id: input.id,
                champion: record,
                history: []
            }
        };
    }
    const next = (champion, history) => ({
        ...previous,
        version: BASELINE_VERSION,
        id: previous.id ?? input.id,
        champion,
        history
    });
    // A merge older than the current champion (a re-run of an old push) goes into the history at its place in time;
    // the model on the branch is still the newer champion.
    if (previous.champion.date && previous.champion.date > input.date) {
        const history = [...previous.history];
        const at = history.findIndex(r => !r.date || r.date <= input.date);
        history.splice(at < 0 ? history.length : at, 0, record);
        return { becameChampion: false, record, baseline: next(previous.champion, history) };
    }
    const kept = keepsChampion(champion, previous.champion, primary, input.rules, reviewerChose);
    if (kept) {
        const notPromoted = { ...record, promoted: false, reason: kept };
        return {
            becameChampion: false,
            record: notPromoted,
            baseline: next(previous.champion, [notPromoted, ...previous.history])
        };
    }
    return { becameChampion: true, record, baseline: next(record, [previous.champion, ...previous.history]) };
}
/**
 * Why the previous champion stays, or undefined when the PR's champion replaces it: it does unless it ranks
 * below the previous champion on the primary metric and no reviewer picked it or accepted a regression.
 */
function keepsChampion(candidate, previous, primary, rules, decided) {
    if (decided || !primary)
        return undefined;
    const before = baselineExperiment(previous);
    const [first] = rankExperiments([candidate, before], primary, rules);
    if (first === candidate)
        return undefined;
    const value = (e) => e.metrics[primary] ? String(+e.metrics[primary].value.toPrecision(6)) : 'missing';
    return `Not promoted: its ${primary} (${value(candidate)}) ranks below the champion ${previous.name} (${value(before)}) and no reviewer accepted a regression or picked it; the champion stays.`;
}
/** True when two records hold the same runs with the same results (a merge that brought no new runs). */
function sameRuns(a, b) {
    const key = (r) => canonical({
        name: r.name,
        runs: r.runs,
        params: r.params,
        metrics: Object.fromEntries(Object.entries(r.metrics).map(([k, m]) => [k, m.samples.map(String)])),
        experiments: r.experiments
    });
    return key(a) === key(b);
}
/** JSON with sorted keys and non-finite numbers as text, so equal data gives equal text. */
function canonical(value) {
    return JSON.stringify(value, (_k, v) => {
        if (typeof v === 'number' && !Number.isFinite(v))
            return String(v);
        if (v && typeof v === 'object' && !Array.isArray(v))
            return Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
        return v;
    });
}
/** One experiment as the living docs list it: mean values, status, and whether it was chosen. */
function summarizeRun(e, chosen) {
    const metrics = {};
    for (const [k, m] of Object.entries(e.metrics))
        metrics[k] = m.value;
    const statusReason = e.lead.metadata.statusReason ?? e.failedRuns[0]?.metadata.statusReason;
    return {
        name: e.name,
        status: e.status,
        ...(statusReason ? { statusReason } : {}),
        metrics,
        ...(chosen ? { chosen: true } : {})
    };
}
function mergeName(input) {
    return input.pr ? `PR #${input.pr.number}` : `commit ${input.commit.slice(0, 7)}`;
}

// What a promotion writes: the new baseline file, the living docs page and the commit message, computed from
// their texts at a head. Pure, so the promote mode (Git Data API) and the local promote (a checkout) share it.
/** The paths a promotion reads at a head: the baseline, the docs page, and the legacy shared baseline if any. */
function promotionPaths(input) {
    const legacy = legacyBaselinePath(input.id, input.baselinePath);
    return { baseline: input.baselinePath, docs: input.docsPath, ...(legacy ? { legacyBaseline: legacy } : {}) };
}
/**
 * The new baseline file and docs page from their texts at a head: a pure function of its inputs, so a commit
 * retried on a newer head computes the same change on top of whatever landed meanwhile. Throws BaselineError for
 * an unusable baseline file or one that belongs to another id, and DocsMarkerError for broken markers (then nothing
 * is written). An id whose own file does not exist yet starts from the legacy shared file when that holds this id.
 */
function planPromotion(current, input) {
    const paths = promotionPaths(input);
    const chosen = baselineOfId({
        path: input.baselinePath,
        text: current.baseline,
        legacyPath: paths.legacyBaseline,
        legacyText: current.legacyBaseline
    }, input.id);
    const previous = chosen.file;
    const moved = chosen.legacy ? [legacyBaselineText(input.id, chosen.legacy, true)] : [];
    const result = promote({
        id: input.id,
        previous,
        runs: input.runs,
        rules: input.rules,
        pr: input.pr,
        commit: input.commit,
        date: input.date,
        decisions: input.decisions,
        ...(input.plots ? { plots: input.plots } : {})
    });
    const subject = promotionSubject(input);
    if (result.kind === 'skipped')
        return {
            files: {},
            skipped: result.reason,
            champion: previous?.champion.name,
            message: subject,
            warnings: moved
        };
    const baselineText = serializeBaseline(result.baseline);
    const docsText = updateDocsPage(current.docs, result.baseline, {
        id: input.id,
        rules: input.rules,
        baselinePath: input.baselinePath,
        file: input.docsPath,
        repositoryUrl: input.repositoryUrl
    });
    const files = {};
    if (baselineText !== current.baseline)
        files[input.baselinePath] = baselineText;
    if (docsText !== current.docs)
        files[input.docsPath] = docsText;
    const champion = result.baseline.champion.name;
    const body = result.becameChampion
        ? `New champion: ${neutralize(champion)}. ${neutralize(result.record.reason ?? '', 300)}`
        : `The champion ${neutralize(champion)} stays; the runs of this merge are recorded in the history.`;
    return {
        files,
        champion,
        becameChampion: result.becameChampion,
        message: `${subject}\n\n${body}\nUpdated by Experiment Review: ${input.baselinePath} and ${input.docsPath}.`,
        warnings: [...moved, ...result.warnings]
    };
}
/**
 * The first line of a promotion commit: what was promoted, and `[skip ci]` so that a push to the default branch
 * starts no workflow. A commit on the promotion branch leaves it out (`skipCi: false`): the pull request's
 * required checks must run for it to merge.
 */
function promotionSubject(input, options = {}) {
    const what = input.pr ? `PR #${input.pr.number}` : `commit ${input.commit.slice(0, 7)}`;
    const id = input.id === 'default' ? '' : ` (${neutralize(input.id, 40)})`;
    const skip = options.skipCi === false ? '' : ' [skip ci]';
    return `Experiment Review${id}: promote the runs of ${what} to the baseline${skip}`;
}
/** The title of the promotion pull request of a review id. */
function promotionPullRequestTitle(id) {
    const which = id === 'default' ? '' : ` (${neutralize(id, 40)})`;
    return `Experiment Review${which}: record the new baseline`;
}
/** The body of the promotion pull request: what it carries, why it exists, and how it merges. */
function promotionPullRequestBody(input) {
    return stringify([
        paragraph(text `Experiment Review opened this pull request to record promotions on `, untrustedCode(input.defaultBranch), text `, which refuses direct pushes. Each commit promotes the champion of one merged pull request; it changes only `, untrustedCode(input.baselinePath), text ` and `, untrustedCode(input.docsPath), text `.`),
        paragraph(text `It merges itself once the branch rules are met (auto-merge). Until then, later merges add their promotions to `, untrustedCode(input.branch), text `, so this stays the one open promotion pull request. Closing it unmerged drops these promotions; the next merge opens a new one.`)
    ]);
}

export { planPromotion as a, promotionSubject as b, promotionPullRequestBody as c, promotionPullRequestTitle as d, promotionPaths as p };
