import path from 'node:path';

// What one review of a pull request takes and gives back, and where its outputs go: shared by the review's
// parts (inputs, GitHub writes, the composition in review.ts), by the action and by the CLI.
/** The commit status context of a review id. */
function statusContext(id) {
    return `experiment-review/${id}`;
}
/** The path of the JSON report: `${RUNNER_TEMP or workspace}/experiment-review-${id}.json`. */
function reportPathFor(config, env) {
    return path.join(env.RUNNER_TEMP || config.workspace, `experiment-review-${config.id}.json`);
}
/** The web root of the GitHub server the workflow runs on (GITHUB_SERVER_URL, default https://github.com). */
function serverUrlOf(env) {
    return (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
}
/** The link to the current workflow run, from the runner's environment; undefined outside Actions. */
function workflowRunUrl(env) {
    if (!env.GITHUB_RUN_ID || !env.GITHUB_REPOSITORY)
        return undefined;
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
/** A GitHub client factory that creates the client once, on first use. */
function lazyClient(create) {
    let client;
    return () => (client ??= create());
}

export { serverUrlOf as a, lazyClient as l, reportPathFor as r, statusContext as s, workflowRunUrl as w };
