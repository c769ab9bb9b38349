import { G as GITHUB_BODY_LIMIT } from './conventions.js';

const USER_AGENT = 'experiment-review';
/** The REST API root: the explicit one, else GITHUB_API_URL, else api.github.com; trailing slashes removed. */
function resolveGitHubApiUrl(explicit, env = process.env) {
    const url = (explicit?.trim() || env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]/.test(url)) {
        throw new Error(`The GitHub API URL ${JSON.stringify(url)} (from ${explicit ? 'the baseUrl option' : 'GITHUB_API_URL'}) is not an http(s) URL: ` +
            'use https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.');
    }
    return url;
}
/** Creates the Octokit client for `runtime` with retry and throttling; rejects when the token is empty. */
async function createGitHubClient(options) {
    const token = options.token?.trim();
    if (!token) {
        throw new Error(options.runtime === 'actions'
            ? 'The github-token input is empty: leave it at its default (${{ github.token }}) or pass a token secret.'
            : 'No GitHub token: set GITHUB_TOKEN (or pass --token) to a token that can read the repository.');
    }
    const baseUrl = resolveGitHubApiUrl(options.baseUrl, options.env);
    const log = options.log;
    const retry = options.retry ?? {};
    const rateLimitRetries = retry.rateLimitRetries ?? 2;
    const maxWait = retry.maxRateLimitWaitSeconds ?? 60;
    const retryAfterBaseValue = retry.retryAfterBaseMs ?? 1000;
    const [{ retry: retryPlugin }, { throttling }] = await Promise.all([
        import('./dist-bundle.js'),
        import('./dist-bundle2.js')
    ]);
    const throttle = {
        retryAfterBaseValue,
        onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
            const again = retryCount < rateLimitRetries;
            log?.warning(`GitHub's secondary rate limit refused ${request.method} ${request.url}` +
                (again
                    ? `; retrying in ${retryAfter} s (retry ${retryCount + 1} of ${rateLimitRetries}).`
                    : '; giving up.'));
            return again;
        },
        onRateLimit: (retryAfter, request, _octokit, retryCount) => {
            const again = retryCount < rateLimitRetries && retryAfter <= maxWait;
            log?.warning(`GitHub's API rate limit is used up (${request.method} ${request.url}); it resets in ${retryAfter} s` +
                (again ? ', waiting for it.' : `, more than the ${maxWait} s this run waits: giving up.`));
            return again;
        }
    };
    if (retry.writeSpacingMs !== undefined) {
        const { default: Bottleneck } = await import('./light.js').then(function (n) { return n.l; });
        throttle.write = new Bottleneck.Group({ maxConcurrent: 1, minTime: retry.writeSpacingMs });
        throttle.notifications = new Bottleneck.Group({ maxConcurrent: 1, minTime: retry.writeSpacingMs });
    }
    const octokitOptions = {
        baseUrl,
        userAgent: USER_AGENT,
        log: {
            debug: (message) => log?.debug(message),
            info: (message) => log?.debug(message),
            warn: (message) => (log ? log.warning(message) : console.warn(message)),
            // Failed requests are logged here by @octokit/rest; the callers explain them, so they are debug lines.
            error: (message) => log?.debug(message)
        },
        retry: { retries: retry.serverErrorRetries ?? 3, retryAfterBaseValue },
        throttle
    };
    if (options.runtime === 'actions') {
        const { getOctokit } = await import('./github.js');
        return getOctokit(token, octokitOptions, retryPlugin, throttling);
    }
    const { Octokit: RestOctokit } = await import('./dist-src.js');
    const WithPlugins = RestOctokit.plugin(retryPlugin, throttling);
    return new WithPlugins({ ...octokitOptions, auth: token });
}
/** Whether `error` is an HTTP error answered by the GitHub API (an Octokit RequestError). */
function isGitHubRequestError(error) {
    return (typeof error === 'object' &&
        error !== null &&
        typeof error.status === 'number' &&
        typeof error.message === 'string');
}
/** An error from the GitHub API, explained: what was attempted, what GitHub said, and what to change. */
class GitHubApiError extends Error {
    status;
    attempted;
    hint;
    name = 'GitHubApiError';
    constructor(message, 
    /** HTTP status, undefined when GitHub was not reached. */
    status, 
    /** What was being done, e.g. "posting the PR comment on octo/repo#5". */
    attempted, 
    /** The change that fixes it. */
    hint, options) {
        super(message, options);
        this.status = status;
        this.attempted = attempted;
        this.hint = hint;
    }
}
function apiMessage(error) {
    const data = error.response?.data;
    const parts = [];
    if (data && typeof data.message === 'string')
        parts.push(data.message);
    if (data && Array.isArray(data.errors)) {
        for (const e of data.errors) {
            parts.push(e.message ?? [e.field, e.code].filter(Boolean).join(' '));
        }
    }
    return (parts.join(': ') || error.message).replace(/\s+/g, ' ').trim();
}
function header(error, name) {
    const value = error.response?.headers?.[name];
    return value === undefined ? undefined : String(value);
}
/** The fix for a GitHub API error: which permission, token or setting to change. */
function hintFor(error, said, neededPermission) {
    const { status } = error;
    if (/protected branch|rule violations|GH006|GH013|protected ref/i.test(said)) {
        return ('The branch is protected and refuses this update from the workflow token: use a GitHub App token whose app ' +
            'is allowed to push (add it to the branch protection or ruleset bypass list), or exempt the bot in a ruleset bypass.');
    }
    if (/secondary rate limit/i.test(said)) {
        return "GitHub's secondary rate limit kept refusing after the retries: run fewer jobs that write to GitHub at once, or re-run the job in a few minutes.";
    }
    if ((status === 403 || status === 429) &&
        (header(error, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(said))) {
        const reset = Number(header(error, 'x-ratelimit-reset'));
        const when = Number.isFinite(reset) && reset > 0 ? ` (it resets at ${new Date(reset * 1000).toISOString()})` : '';
        return `The API rate limit of this token is used up${when}: wait for the reset, or use a GitHub App token, which has a higher limit.`;
    }
    if (status === 401) {
        return 'The token is missing, expired or revoked: pass a valid token in the github-token input (CLI: GITHUB_TOKEN), and on GitHub Enterprise Server check that GITHUB_API_URL points at that server.';
    }
    if (status === 403 && /not accessible by integration/i.test(said)) {
        return ('The token is read-only here (a pull request from a fork?) or lacks a permission: give the workflow ' +
            `\`permissions: ${neededPermission ?? 'pull-requests: write'}\`, or, for pull requests from forks, use the ` +
            'workflow_run pattern (the pull_request workflow uploads the report, a workflow_run workflow posts it).');
    }
    if (status === 403) {
        return `The token may not do this: grant it \`${neededPermission ?? 'the needed permission'}\` (workflow \`permissions:\`, or the PAT's scopes / the App's permissions).`;
    }
    if (status === 404) {
        return 'The repository or object was not found, or the token cannot see it: check the owner/name (and pull request number), that the token has access to a private repository (`contents: read`), and on GitHub Enterprise Server that GITHUB_API_URL is right.';
    }
    if (status === 422 && /too long|maximum is/i.test(said)) {
        return `The text is longer than GitHub accepts (${GITHUB_BODY_LIMIT.toLocaleString('en-US')} characters for comments and issues): fold or shorten it before posting.`;
    }
    if (status === 422 && /not a fast forward/i.test(said)) {
        return 'The branch moved during the update: retry on the new head (never force-push).';
    }
    if (status === 410)
        return 'The feature is disabled in this repository (issues turned off?): enable it in the repository settings.';
    if (status >= 500)
        return 'GitHub had a server error and the retries were used up: re-run the job later (see https://www.githubstatus.com).';
    return 'Check the request against the GitHub REST API documentation linked above.';
}
/** Turns an API error into a GitHubApiError whose message says what was attempted, what GitHub said and what to change. */
function explainGitHubError(error, whatWasAttempted, neededPermission) {
    if (error instanceof GitHubApiError)
        return error;
    if (!isGitHubRequestError(error)) {
        const message = error instanceof Error ? error.message : String(error);
        const hint = 'Check the network, proxy settings and GITHUB_API_URL (for GitHub Enterprise Server, https://HOST/api/v3).';
        return new GitHubApiError(`${whatWasAttempted} failed: GitHub was not reached (${message}). ${hint}`, undefined, whatWasAttempted, hint, {
            cause: error
        });
    }
    const said = apiMessage(error);
    const hint = hintFor(error, said, neededPermission);
    const request = error.request?.method && error.request.url ? ` (${error.request.method} ${error.request.url})` : '';
    return new GitHubApiError(`${whatWasAttempted} failed: GitHub answered ${error.status} "${said}"${request}. ${hint}`, error.status, whatWasAttempted, hint, { cause: error });
}

export { GitHubApiError, createGitHubClient, explainGitHubError, isGitHubRequestError, resolveGitHubApiUrl };
