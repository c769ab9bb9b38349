import { c as GITHUB_BODY_LIMIT } from './conventions.js';

const API_ROOT = Symbol.for('experiment-review.apiRoot');
const TIMED = Symbol.for('experiment-review.timedFetch');
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
    const timeoutMs = options.requestTimeoutMs ?? 60_000;
    const root = {
        url: baseUrl,
        githubApiUrl: (options.env ?? process.env).GITHUB_API_URL,
        timeoutMs
    };
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
        return withTimeoutAndRoot(getOctokit(token, octokitOptions, retryPlugin, throttling), root);
    }
    const { Octokit: RestOctokit } = await import('./dist-src.js');
    const WithPlugins = RestOctokit.plugin(retryPlugin, throttling);
    return withTimeoutAndRoot(new WithPlugins({ ...octokitOptions, auth: token }), root);
}
/**
 * Gives every request of the client a timeout (a request without a signal of its own is abandoned after
 * `timeoutMs`), and attaches the API root to the errors it throws, so a network failure names where it went.
 */
function withTimeoutAndRoot(client, root) {
    // The timeout applies to each fetch, not to the time a request waits in the throttling queue or between retries.
    client.hook.before('request', options => {
        const fetchOf = options.request?.fetch;
        if (fetchOf?.[TIMED])
            return;
        const inner = fetchOf ?? globalThis.fetch;
        const timed = Object.assign((url, init = {}) => {
            const timeout = AbortSignal.timeout(root.timeoutMs);
            return inner(url, {
                ...init,
                signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
            });
        }, { [TIMED]: true });
        options.request = { ...options.request, fetch: timed };
    });
    client.hook.error('request', error => {
        if (typeof error === 'object' && error !== null && !(API_ROOT in error))
            Object.defineProperty(error, API_ROOT, { value: root, enumerable: false });
        throw error;
    });
    return client;
}
/** The real factory: createGitHubClient with retry, throttling and GITHUB_API_URL, for one runtime, env and log. */
function gitHubClientFactory(options) {
    return token => createGitHubClient({ ...options, token });
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
/** What works when branch protection or a ruleset refuses a push to the default branch. */
const PROTECTED_BRANCH_HINT = 'The branch is protected (branch protection or a ruleset) and refuses a direct push from this token. What works: ' +
    "a GitHub App token (e.g. from actions/create-github-app-token) whose App is on the ruleset's bypass list (or " +
    'allowed to bypass the branch protection rule), passed as github-token to the promote job; or a personal access ' +
    'token of an account on that list. The workflow token (github-actions[bot]) cannot be put on a bypass list. ' +
    'Or set the input promote-via: pull-request, and promote opens a pull request that merges itself. ' +
    'See "Promote on a protected default branch" in the README.';
/**
 * Whether GitHub refused a ref update because the branch is protected: a 403, 409 or 422 whose documentation_url
 * points at branch protection or rulesets, or whose message says so (GH006, GH013, "protected branch", "rule
 * violations").
 */
function isProtectedBranchRefusal(error) {
    if (!isGitHubRequestError(error) || ![403, 409, 422].includes(error.status))
        return false;
    const data = error.response?.data;
    const docs = typeof data?.documentation_url === 'string' ? data.documentation_url : '';
    const message = typeof data?.message === 'string' ? data.message : error.message;
    return (/protected-branches|branch-protection|rulesets|repository-rules/i.test(docs) ||
        /protected branch|rule violations?|GH006|GH013|protected ref/i.test(message));
}
/** The fix for a GitHub API error: which permission, token or setting to change. */
function hintFor(error, said, neededPermission) {
    const { status } = error;
    if (isProtectedBranchRefusal(error))
        return PROTECTED_BRANCH_HINT;
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
    const root = error?.[API_ROOT];
    const network = networkFailure(error, root?.timeoutMs);
    if (network || !isGitHubRequestError(error)) {
        const failure = network ?? {
            detail: error instanceof Error ? error.message : String(error),
            hint: 'Check the network, proxy settings and GITHUB_API_URL (for GitHub Enterprise Server, https://HOST/api/v3).'
        };
        const request = requestOf(error);
        const setting = root
            ? ` The API root is ${root.url}; GITHUB_API_URL is ${root.githubApiUrl ? JSON.stringify(root.githubApiUrl) : 'not set'}.`
            : '';
        return new GitHubApiError(`${whatWasAttempted} failed: a network error, GitHub was not reached (${failure.detail})${request}.${setting} ${failure.hint}`, undefined, whatWasAttempted, failure.hint, { cause: error });
    }
    const said = apiMessage(error);
    const hint = hintFor(error, said, neededPermission);
    const request = requestOf(error);
    return new GitHubApiError(`${whatWasAttempted} failed: GitHub answered ${error.status} "${said}"${request}. ${hint}`, error.status, whatWasAttempted, hint, { cause: error });
}
/** ` (METHOD URL)` of the request an error belongs to, or ''. */
function requestOf(error) {
    const request = error?.request;
    return request?.method && request.url ? ` (${request.method} ${request.url})` : '';
}
/** Error codes of a request that never got an answer, with what to check for each. */
const NETWORK_CODES = {
    ENOTFOUND: 'The host name does not resolve: check the host in GITHUB_API_URL (https://HOST/api/v3 for GitHub Enterprise Server) and the runner’s DNS.',
    EAI_AGAIN: 'The host name could not be resolved right now (DNS is unreachable): check the runner’s DNS and re-run.',
    ECONNREFUSED: 'Nothing accepted the connection at that address: check the host and port in GITHUB_API_URL and any proxy (HTTPS_PROXY).',
    ECONNRESET: 'The connection was cut: check any proxy or firewall between the runner and GitHub, and re-run.',
    EHOSTUNREACH: 'The host cannot be reached from this network: check the network, proxy and GITHUB_API_URL.',
    ENETUNREACH: 'The network is unreachable from this machine: check its connection, proxy and GITHUB_API_URL.',
    ETIMEDOUT: 'The connection timed out: check the network, proxy and GITHUB_API_URL, and re-run.',
    UND_ERR_CONNECT_TIMEOUT: 'The connection timed out: check the network, proxy and GITHUB_API_URL, and re-run.',
    UND_ERR_HEADERS_TIMEOUT: 'The server did not answer in time: check the network and proxy, and re-run.',
    UND_ERR_SOCKET: 'The connection was closed unexpectedly: check any proxy or firewall, and re-run.'
};
/**
 * What went wrong when a request got no HTTP answer at all: a DNS failure, a refused or cut connection, or a
 * timeout. Octokit reports these as status 500 without a response; they are not GitHub's server errors.
 */
function networkFailure(error, timeoutMs) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    if (error.response)
        return undefined;
    for (let e = error, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
        const { code, name, message } = e;
        if (typeof code === 'string' && NETWORK_CODES[code])
            return { code, detail: typeof message === 'string' ? message : code, hint: NETWORK_CODES[code] };
        if (name === 'TimeoutError' || name === 'AbortError')
            return {
                code: 'timeout',
                detail: timeoutMs !== undefined
                    ? `no answer within ${timeoutMs / 1000} s`
                    : typeof message === 'string'
                        ? message
                        : String(name),
                hint: 'The request timed out: check the network, proxy and GITHUB_API_URL, and re-run.'
            };
        e = e.cause;
    }
    return undefined;
}

export { GitHubApiError, PROTECTED_BRANCH_HINT, createGitHubClient, explainGitHubError, gitHubClientFactory, isGitHubRequestError, isProtectedBranchRefusal, networkFailure, resolveGitHubApiUrl };
