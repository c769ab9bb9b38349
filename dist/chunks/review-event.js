// What a review is about, read from the event that started it: a `pull_request` payload (the PR is in it), or a
// `workflow_run` of a PR workflow (the PR is resolved later from the run's head commit). The payload is untrusted:
// every field is checked for its shape and errors name the field, the value seen and what to do.
/** The environment variable a workflow_run workflow may set to the PR number it read from the artifact. */
const PR_NUMBER_ENV = 'EXPERIMENT_REVIEW_PR_NUMBER';
/** A payload that does not have the shape of the event it claims to be: names the field and the value. */
class ReviewEventError extends Error {
    constructor(eventName, field, value, expected) {
        super(`the ${eventName} event payload (GITHUB_EVENT_PATH) has ${field} = ${preview(value)}; expected ${expected}. ` +
            'Run the review on a pull_request event, or on a workflow_run of a pull_request workflow.');
        this.name = 'ReviewEventError';
    }
}
function preview(value) {
    if (value === undefined)
        return 'nothing (missing)';
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
function field(source, path) {
    let value = source;
    for (const key of path.split('.')) {
        if (!isObject(value))
            return undefined;
        value = value[key];
    }
    return value;
}
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const NAME = /^[A-Za-z0-9_.-]{1,100}$/;
function sha(eventName, payload, path) {
    const value = field(payload, path);
    if (typeof value !== 'string' || !SHA.test(value))
        throw new ReviewEventError(eventName, path, value, 'a full commit SHA (40 hex digits)');
    return value;
}
function str(eventName, payload, path) {
    const value = field(payload, path);
    if (typeof value !== 'string' || !value)
        throw new ReviewEventError(eventName, path, value, 'a non-empty string');
    return value;
}
function optionalStr(payload, path) {
    const value = field(payload, path);
    return typeof value === 'string' && value ? value : undefined;
}
/** Parses a positive PR number from text (an env var, a CLI flag or an artifact file); undefined when it is not one. */
function parsePullRequestNumber(value) {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (!/^[1-9][0-9]{0,9}$/.test(text))
        return undefined;
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : undefined;
}
/** Splits `OWNER/NAME`; throws naming `where` when it is not one. */
function parseRepository(value, where) {
    const [owner, repo, ...rest] = (value ?? '').trim().split('/');
    if (!owner || !repo || rest.length || !NAME.test(owner) || !NAME.test(repo)) {
        throw new Error(`${where} is ${preview(value)}; expected OWNER/NAME, e.g. octo-org/models`);
    }
    return { owner, repo };
}
function repositoryOf(eventName, payload, env) {
    const fullName = field(payload, 'repository.full_name');
    if (typeof fullName === 'string')
        return parseRepository(fullName, `repository.full_name of the ${eventName} payload`);
    return parseRepository(env.GITHUB_REPOSITORY, 'GITHUB_REPOSITORY');
}
/** Reads what a review is about from the event name and its (untrusted) payload. */
function parseReviewEvent(eventName, payload, env = {}) {
    if (eventName === 'pull_request' || eventName === 'pull_request_target')
        return parsePullRequestEvent(eventName, payload, env);
    if (eventName === 'workflow_run')
        return parseWorkflowRunEvent(payload, env);
    return {
        kind: 'skip',
        reason: `a review needs a pull_request event or a workflow_run of a pull_request workflow, not "${eventName || 'unknown'}"; set the mode input only on those events`
    };
}
function parsePullRequestEvent(eventName, payload, env) {
    if (!isObject(payload.pull_request))
        throw new ReviewEventError(eventName, 'pull_request', payload.pull_request, 'an object');
    const number = parsePullRequestNumber(field(payload, 'pull_request.number'));
    if (!number)
        throw new ReviewEventError(eventName, 'pull_request.number', field(payload, 'pull_request.number'), 'a positive PR number');
    const { owner, repo } = repositoryOf(eventName, payload, env);
    const headRepository = optionalStr(payload, 'pull_request.head.repo.full_name') ?? '';
    const baseRepository = optionalStr(payload, 'pull_request.base.repo.full_name') ?? `${owner}/${repo}`;
    return {
        kind: 'pull_request',
        owner,
        repo,
        number,
        headSha: sha(eventName, payload, 'pull_request.head.sha'),
        headRef: str(eventName, payload, 'pull_request.head.ref'),
        baseSha: sha(eventName, payload, 'pull_request.base.sha'),
        baseRef: str(eventName, payload, 'pull_request.base.ref'),
        headRepository,
        fromFork: headRepository.toLowerCase() !== baseRepository.toLowerCase()
    };
}
function parseWorkflowRunEvent(payload, env) {
    const eventName = 'workflow_run';
    if (!isObject(payload.workflow_run))
        throw new ReviewEventError(eventName, 'workflow_run', payload.workflow_run, 'an object');
    const workflowEvent = optionalStr(payload, 'workflow_run.event') ?? '';
    if (workflowEvent !== 'pull_request' && workflowEvent !== 'pull_request_target') {
        return {
            kind: 'skip',
            reason: `the workflow_run is of a "${workflowEvent || 'unknown'}" run, not of a pull_request workflow; nothing to review (limit the workflow_run trigger to the PR workflow)`
        };
    }
    const { owner, repo } = repositoryOf(eventName, payload, env);
    const listed = field(payload, 'workflow_run.pull_requests');
    const listedPullRequests = (Array.isArray(listed) ? listed : [])
        .map(p => parsePullRequestNumber(isObject(p) ? p.number : undefined))
        .filter((n) => n !== undefined);
    const hintText = env[PR_NUMBER_ENV];
    const hintedPullRequest = parsePullRequestNumber(hintText);
    if (hintText?.trim() && !hintedPullRequest) {
        throw new Error(`${PR_NUMBER_ENV} is ${preview(hintText)}; expected a positive PR number (or leave it unset to find the PR from the head commit)`);
    }
    return {
        kind: 'workflow_run',
        owner,
        repo,
        headSha: sha(eventName, payload, 'workflow_run.head_sha'),
        headBranch: optionalStr(payload, 'workflow_run.head_branch'),
        headRepository: optionalStr(payload, 'workflow_run.head_repository.full_name'),
        workflowEvent,
        workflowName: optionalStr(payload, 'workflow_run.name'),
        workflowRunUrl: optionalStr(payload, 'workflow_run.html_url'),
        conclusion: optionalStr(payload, 'workflow_run.conclusion'),
        listedPullRequests,
        hintedPullRequest
    };
}

export { PR_NUMBER_ENV, ReviewEventError, parsePullRequestNumber, parseRepository, parseReviewEvent };
