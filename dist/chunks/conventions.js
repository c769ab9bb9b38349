// The names and limits every part shares, each in one place: the default paths, the hidden marker that keys what
// the action owns on GitHub, and GitHub's body limit. Tests import them too.
/** The rules file, relative to the workspace, when the `config` input (CLI: `--rules`) is not given. */
const DEFAULT_RULES_PATH = '.github/experiment-review.yml';
/** The baseline file on the default branch of the `default` review id when the `baseline` input is not given. */
const DEFAULT_BASELINE_PATH = '.experiments/baseline.json';
/**
 * The baseline file of a review id when the `baseline` input is not given: `.experiments/baseline.json` for
 * `default`, `.experiments/<id>/baseline.json` for any other id, so that two ids never share one.
 */
function defaultBaselinePath(id) {
    return id === 'default' ? DEFAULT_BASELINE_PATH : `.experiments/${id}/baseline.json`;
}
/**
 * Where versions before per-id baselines kept the baseline of every id (`.experiments/baseline.json`): read, with a
 * warning, for an id other than `default` whose own default file does not exist yet, when that file holds this id.
 * Undefined when the id is `default` or its baseline path was named explicitly.
 */
function legacyBaselinePath(id, baselinePath) {
    return id !== 'default' && baselinePath === defaultBaselinePath(id) ? DEFAULT_BASELINE_PATH : undefined;
}
/** The living docs page when the `docs` input is not given. */
const DEFAULT_DOCS_PATH = 'docs/experiments.md';
/** GitHub's maximum length of a comment or issue body, in characters. */
const GITHUB_BODY_LIMIT = 65_536;
/** GitHub's maximum size of a step's job summary, in bytes (a larger one is dropped and an error is shown). */
const GITHUB_STEP_SUMMARY_LIMIT = 1024 * 1024;
/** Annotations GitHub shows per kind (error, warning, notice) and step; later ones are dropped from the checks. */
const GITHUB_ANNOTATIONS_PER_KIND = 10;
/** The branch promote commits to when it promotes through a pull request: `experiment-review/promote/<id>`. */
function promotionBranchOf(id) {
    const name = id
        .replace(/[^A-Za-z0-9._-]/g, '-')
        .replace(/\.{2,}/g, '-')
        .replace(/(\.lock|\.)$/, '-');
    return `experiment-review/promote/${name}`;
}
/**
 * The hidden marker of the comment (or issue) of one review id, e.g. `<!-- experiment-review:default -->` and
 * `<!-- experiment-review:issue:default -->`: an HTML comment GitHub does not render. The id keeps letters, digits,
 * `.`, `_`, `-` and `:`; anything else becomes `-`.
 */
function hiddenMarker(id, kind = 'comment') {
    const clean = id.replace(/[^A-Za-z0-9._:-]/g, '-');
    return `<!-- experiment-review:${kind === 'comment' ? '' : `${kind}:`}${clean} -->`;
}
/** The start every hidden marker and state block of the project shares: a comment holding it is the project's own text. */
const PROJECT_MARKER_PREFIX = '<!-- experiment-review:';
/** Whether a body carries any of the project's hidden markers or state blocks (a copy of ours, or ours). */
function carriesProjectMarker(body) {
    return body.includes(PROJECT_MARKER_PREFIX);
}
/** A GitHub login, a bot's included (`name[bot]`). */
const LOGIN = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\\[bot\\])?';
/** Whether `value` is a GitHub login (`octocat`, `my-app[bot]`). */
function isGitHubLogin(value) {
    return new RegExp(`^${LOGIN}$`).test(value);
}
/**
 * A hidden marker as it appears in a body: `<!-- experiment-review:default -->`, or stamped with the login that
 * posts it, `<!-- experiment-review:default by=my-app[bot] -->`.
 */
function markerPattern(marker) {
    if (!/^<!-- .+ -->$/.test(marker))
        throw new Error(`The marker ${JSON.stringify(marker)} is not an HTML comment "<!-- … -->"; use hiddenMarker(id).`);
    const head = marker.slice(0, -' -->'.length).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`${head}(?: by=(${LOGIN}))? -->`);
}
/** The marker in a body, and the login it names as the poster; undefined when the body has no marker. */
function findMarker(body, marker) {
    const match = markerPattern(marker).exec(body);
    if (!match)
        return undefined;
    return match[1] ? { by: match[1] } : {};
}
/**
 * The body with its marker naming `login` as the one who posts it (undefined: naming nobody); the marker is added
 * at the top when the body has none.
 */
function stampMarker(body, marker, login) {
    if (login && !isGitHubLogin(login))
        throw new Error(`${JSON.stringify(login)} is not a GitHub login; check the bot-login input.`);
    const stamped = login ? marker.replace(/ -->$/, ` by=${login} -->`) : marker;
    const pattern = markerPattern(marker);
    return pattern.test(body) ? body.replace(pattern, stamped) : `${stamped}\n${body}`;
}

export { DEFAULT_BASELINE_PATH as D, GITHUB_ANNOTATIONS_PER_KIND as G, DEFAULT_DOCS_PATH as a, DEFAULT_RULES_PATH as b, GITHUB_BODY_LIMIT as c, defaultBaselinePath as d, carriesProjectMarker as e, GITHUB_STEP_SUMMARY_LIMIT as f, findMarker as g, hiddenMarker as h, isGitHubLogin as i, legacyBaselinePath as l, promotionBranchOf as p, stampMarker as s };
