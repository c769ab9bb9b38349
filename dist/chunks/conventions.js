// The names and limits every part shares, each in one place: the default paths, the hidden marker that keys what
// the action owns on GitHub, and GitHub's body limit. Tests import them too.
/** The rules file, relative to the workspace, when the `config` input (CLI: `--rules`) is not given. */
const DEFAULT_RULES_PATH = '.github/experiment-review.yml';
/** The baseline file on the default branch when the `baseline` input is not given. */
const DEFAULT_BASELINE_PATH = '.experiments/baseline.json';
/** The living docs page when the `docs` input is not given. */
const DEFAULT_DOCS_PATH = 'docs/experiments.md';
/** GitHub's maximum length of a comment or issue body, in characters. */
const GITHUB_BODY_LIMIT = 65_536;
/**
 * The hidden marker of the comment (or issue) of one review id, e.g. `<!-- experiment-review:default -->` and
 * `<!-- experiment-review:issue:default -->`: an HTML comment GitHub does not render. The id keeps letters, digits,
 * `.`, `_`, `-` and `:`; anything else becomes `-`.
 */
function hiddenMarker(id, kind = 'comment') {
    const clean = id.replace(/[^A-Za-z0-9._:-]/g, '-');
    return `<!-- experiment-review:${kind === 'comment' ? '' : `${kind}:`}${clean} -->`;
}

export { DEFAULT_DOCS_PATH as D, GITHUB_BODY_LIMIT as G, DEFAULT_BASELINE_PATH as a, DEFAULT_RULES_PATH as b, hiddenMarker as h };
