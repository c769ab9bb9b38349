import { p as picomatch } from './index3.js';
import './_commonjsHelpers.js';

// Matching experiment names against the selection (`--experiment`, `select.experiments`): names or globs as
// picomatch reads them (`*` within a `/`-separated segment, `**` across them, `{a,b}`, `[abc]`).
/** True when a glob character appears in the pattern, so it is not a plain experiment name. */
function isGlob(pattern) {
    return picomatch.scan(pattern).isGlob;
}
/** A predicate for experiment names: true for every name when nothing is selected. */
function experimentMatcher(selection) {
    return patternsMatcher(selection?.experiments);
}
/** The selected patterns that match none of the given experiment names (to name them in a warning). */
function unmatchedPatterns(selection, names) {
    const all = [...names];
    return (selection?.experiments ?? []).filter(p => {
        const test = picomatch(p, { dot: true });
        return !all.some(name => test(name));
    });
}
/** A predicate for a list of patterns: true for every value when the list is empty or absent. */
const patternsMatcher = patterns => {
    if (!patterns?.length)
        return () => true;
    const tests = patterns.map(p => picomatch(p, { dot: true }));
    return value => value !== undefined && tests.some(test => test(value));
};

export { experimentMatcher, isGlob, patternsMatcher, unmatchedPatterns };
