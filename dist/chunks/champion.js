import { H as isGated, g as goalOf } from './findings.js';

/** The primary metric: the rules file's, else the first gated metric, else the first metric the runs share. */
function primaryMetric(rules, experiments) {
    if (rules.primary)
        return rules.primary;
    const gated = Object.entries(rules.metrics).find(([, r]) => isGated(r))?.[0];
    if (gated)
        return gated;
    const counts = new Map();
    for (const e of experiments)
        for (const m of Object.keys(e.metrics))
            counts.set(m, (counts.get(m) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
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

export { chooseChampion as c, primaryMetric as p, rankExperiments as r };
