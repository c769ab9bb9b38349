import { explainGitHubError, isGitHubRequestError } from './client.js';
import './conventions.js';

function toPromotionPullRequest(pull, opened) {
    return {
        number: pull.number,
        htmlUrl: pull.html_url,
        nodeId: pull.node_id,
        autoMerge: Boolean(pull.auto_merge),
        opened
    };
}
/** The open pull request from `branch` (of this repository) into `base`, if there is one. */
async function findOpenPullRequestFrom(options) {
    const { client, owner, repo, branch, base } = options;
    try {
        const { data } = await client.rest.pulls.list({
            owner,
            repo,
            state: 'open',
            head: `${owner}:${branch}`,
            base,
            per_page: 10
        });
        const found = data[0];
        return found ? toPromotionPullRequest(found, false) : undefined;
    }
    catch (error) {
        throw explainGitHubError(error, `looking for the open pull request from ${branch} in ${owner}/${repo}`, 'pull-requests: read');
    }
}
/**
 * Makes `branch` start again from the tip of `base` when no pull request from it is open: created when missing,
 * moved (it is the action's own branch, written by nobody else) when a merged or closed promotion left it behind.
 * Returns the tip it now points at.
 */
async function resetBranchTo(options) {
    const { client, owner, repo, branch, base } = options;
    const where = `${owner}/${repo}`;
    let tip;
    try {
        const { data } = await client.rest.git.getRef({ owner, repo, ref: `heads/${base}` });
        tip = data.object.sha;
    }
    catch (error) {
        throw explainGitHubError(error, `reading the head of ${where}@${base}`, 'contents: read');
    }
    let exists = true;
    try {
        await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    }
    catch (error) {
        if (!isGitHubRequestError(error) || error.status !== 404)
            throw explainGitHubError(error, `reading the branch ${branch} of ${where}`, 'contents: read');
        exists = false;
    }
    try {
        if (exists)
            await client.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: tip, force: true });
        else
            await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: tip });
    }
    catch (error) {
        throw explainGitHubError(error, `${exists ? 'moving' : 'creating'} the promotion branch ${branch} of ${where} at ${base}`, 'contents: write');
    }
    return tip;
}
/** Opens the pull request from `branch` into `base`. */
async function openPullRequest(options) {
    const { client, owner, repo, branch, base, title, body } = options;
    try {
        const { data } = await client.rest.pulls.create({ owner, repo, head: branch, base, title, body });
        return toPromotionPullRequest(data, true);
    }
    catch (error) {
        throw explainGitHubError(error, `opening the promotion pull request from ${branch} into ${base} in ${owner}/${repo}`, 'pull-requests: write');
    }
}
/** GitHub's merge methods, in the order promote prefers them. */
const MERGE_METHODS = ['squash', 'merge', 'rebase'];
/** The merge method the repository allows, preferring squash (one commit on the default branch). */
async function allowedMergeMethod(options) {
    const { client, owner, repo } = options;
    try {
        const { data } = await client.rest.repos.get({ owner, repo });
        const allowed = {
            squash: data.allow_squash_merge,
            merge: data.allow_merge_commit,
            rebase: data.allow_rebase_merge
        };
        // The settings are shown only to tokens that can push; unknown counts as allowed.
        return MERGE_METHODS.find(m => allowed[m] !== false) ?? 'squash';
    }
    catch (error) {
        throw explainGitHubError(error, `reading the merge settings of ${owner}/${repo}`, 'contents: read');
    }
}
const ENABLE_AUTO_MERGE = `mutation EnableAutoMerge($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) {
    pullRequest { number autoMergeRequest { enabledAt mergeMethod } }
  }
}`;
/** The messages of a GraphQL error answer (octokit's GraphqlResponseError), or undefined for other errors. */
function graphqlMessages(error) {
    const errors = error?.errors;
    if (!Array.isArray(errors))
        return undefined;
    return errors
        .map(e => typeof e.message === 'string' ? e.message : '')
        .filter(Boolean)
        .join('; ');
}
/**
 * Turns on auto-merge for the pull request, so that GitHub merges it once the branch's rules are met. When nothing
 * blocks the merge, GitHub refuses auto-merge ("clean status"): the pull request is then merged at once. Any other
 * refusal (auto-merge not allowed in the repository, a missing permission) is returned with GitHub's words, and
 * the pull request stays open.
 */
async function enableAutoMerge(options) {
    const { client, owner, repo, pull } = options;
    if (pull.autoMerge)
        return { state: 'already' };
    const method = await allowedMergeMethod(options);
    try {
        await client.graphql(ENABLE_AUTO_MERGE, {
            pullRequestId: pull.nodeId,
            mergeMethod: method.toUpperCase()
        });
        return { state: 'enabled' };
    }
    catch (error) {
        const said = graphqlMessages(error);
        if (said === undefined) {
            if (isGitHubRequestError(error) && (error.status === 401 || error.status >= 500))
                throw explainGitHubError(error, `turning on auto-merge for #${pull.number} in ${owner}/${repo}`);
            return { state: 'refused', reason: explainGitHubError(error, 'turning on auto-merge').message };
        }
        if (!/clean status/i.test(said))
            return { state: 'refused', reason: said };
    }
    try {
        const { data } = await client.rest.pulls.merge({
            owner,
            repo,
            pull_number: pull.number,
            merge_method: method
        });
        return { state: 'merged', sha: data.sha };
    }
    catch (error) {
        if (isGitHubRequestError(error) && [405, 409, 422].includes(error.status)) {
            const data = error.response?.data;
            return { state: 'refused', reason: typeof data?.message === 'string' ? data.message : error.message };
        }
        throw explainGitHubError(error, `merging the promotion pull request #${pull.number} in ${owner}/${repo}`);
    }
}

export { allowedMergeMethod, enableAutoMerge, findOpenPullRequestFrom, openPullRequest, resetBranchTo };
