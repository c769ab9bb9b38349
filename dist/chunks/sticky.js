import { i as isGitHubLogin, g as findMarker, s as stampMarker, c as GITHUB_BODY_LIMIT } from './conventions.js';
import { isGitHubRequestError, explainGitHubError } from './client.js';

// The one sticky comment per pull request and review id, for any token: found by its hidden marker AND by who
// posted it (a user who pastes the marker is never mistaken for it), edited in place, left alone when its text
// would not change, and a duplicate left by a race of two runs removed (the oldest is kept).
//
// Who "we" are depends on the token. A personal token says so through GET /user; the workflow token and a GitHub
// App installation token are refused GET /user, and post as a bot (github-actions[bot], <app>[bot]). For those the
// comment is recognised as a bot's comment (user.type "Bot", which no person can post as) whose marker names that
// same bot: the marker carries the login that created the comment (`<!-- experiment-review:default by=app[bot] -->`),
// learned from GitHub's answers, so nothing needs configuring. The bot-login input still overrides.
/**
 * Whether an item holding `marker` was posted by the token of `identity`: by its login when that is known;
 * otherwise by a bot whose login is the one its marker names (or a marker naming none, as earlier versions wrote).
 */
function isOwnMarkedItem(item, marker, identity) {
    const found = findMarker(item.body ?? '', marker);
    const author = item.user?.login;
    if (!found || !author)
        return false;
    const same = (a, b) => a.toLowerCase() === b.toLowerCase();
    if (found.by && !same(found.by, author))
        return false;
    if (identity.login)
        return same(author, identity.login);
    return item.user?.type === 'Bot';
}
/**
 * The comments of an issue or pull request that hold `marker` and were posted by the token of `identity`, oldest
 * first (every page is read). The first one is the sticky comment; a copy of it pasted by anyone else is never listed.
 */
async function listOwnStickyComments(options) {
    const { client, owner, repo, issueNumber, marker, identity } = options;
    const ours = [];
    try {
        for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
            owner,
            repo,
            issue_number: issueNumber,
            per_page: 100
        })) {
            for (const comment of page.data) {
                if (isOwnMarkedItem(comment, marker, identity))
                    ours.push(comment);
            }
        }
    }
    catch (error) {
        throw explainGitHubError(error, `reading the comments of ${owner}/${repo}#${issueNumber}`, 'pull-requests: read');
    }
    return ours.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
}
/** The body with the marker at its top (unchanged when it already holds the marker). */
function withMarker(body, marker) {
    return findMarker(body, marker) ? body : `${marker}\n${body}`;
}
/** The text without line-ending differences, trailing space, or the login its marker names. */
function comparable(body, marker) {
    return stampMarker(body, marker, undefined).replace(/\r\n/g, '\n').trimEnd();
}
/**
 * Creates, updates or leaves alone the sticky comment. Reads every page of comments (100 a page, following the
 * Link headers as given), so a pull request with 250 comments costs 3 reads and at most 1 write (0 when the text
 * is unchanged), plus one delete per duplicate found. The marker names the login the comment is posted as once
 * that is known (the token's, or the found comment's author); a marker that only lacks it is no reason to write.
 */
async function upsertStickyComment(options) {
    const { client, owner, repo, issueNumber, marker, identity } = options;
    const where = `${owner}/${repo}#${issueNumber}`;
    if (!marker.trim())
        throw new Error(`upsertStickyComment on ${where}: the marker is empty; pass hiddenMarker(id).`);
    const checked = (body) => {
        const unstamped = withMarker(body, marker);
        const length = Array.from(unstamped).length + ' by='.length + 50;
        if (length > GITHUB_BODY_LIMIT) {
            throw new Error(`The comment for ${where} is ${length} characters with its marker, more than GitHub's ${GITHUB_BODY_LIMIT}: ` +
                'the report must fold sections to fit (this is a bug in the report, please report it).');
        }
        return unstamped;
    };
    const given = typeof options.body === 'string' ? checked(options.body) : undefined;
    const ours = await listOwnStickyComments(options);
    const [kept, ...duplicates] = ours;
    const unstamped = given ?? checked(options.body(kept));
    const removedDuplicates = [];
    for (const duplicate of duplicates) {
        try {
            await client.rest.issues.deleteComment({ owner, repo, comment_id: duplicate.id });
            removedDuplicates.push(duplicate.id);
        }
        catch (error) {
            // Another run may have removed it already.
            if (!isGitHubRequestError(error) || error.status !== 404) {
                throw explainGitHubError(error, `deleting the duplicate comment ${duplicate.id} on ${where}`, 'pull-requests: write');
            }
        }
    }
    const author = identity.login ?? kept?.user?.login;
    const body = stampMarker(unstamped, marker, author);
    if (kept && comparable(kept.body ?? '', marker) === comparable(body, marker)) {
        return {
            action: 'unchanged',
            id: kept.id,
            url: kept.html_url,
            author: kept.user?.login ?? '',
            removedDuplicates
        };
    }
    try {
        if (kept) {
            const { data } = await client.rest.issues.updateComment({ owner, repo, comment_id: kept.id, body });
            return {
                action: 'updated',
                id: data.id,
                url: data.html_url,
                author: data.user?.login ?? '',
                removedDuplicates
            };
        }
        const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
        return {
            action: 'created',
            id: data.id,
            url: data.html_url,
            author: data.user?.login ?? '',
            removedDuplicates
        };
    }
    catch (error) {
        throw explainGitHubError(error, `${kept ? 'editing' : 'posting'} the review comment on ${where}`, 'pull-requests: write');
    }
}
/**
 * Who the token posts as: the bot-login input (CLI --bot-login) when set; else GET /user, which answers for a
 * personal or user token and is refused (403) to the workflow token and to GitHub App installation tokens, which
 * post as bots. Nothing is guessed from the token's text. Other failures (bad credentials, GitHub down) throw.
 */
async function resolveTokenIdentity(options) {
    const configured = options.configured?.trim();
    if (configured) {
        if (!isGitHubLogin(configured))
            throw new Error(`The bot-login input is ${JSON.stringify(configured)}, which is not a GitHub login: give the login its comments show, e.g. my-app[bot], or leave it empty.`);
        return { login: configured, source: 'bot-login' };
    }
    try {
        const { data } = await options.client.rest.users.getAuthenticated();
        if (data.login)
            return { login: data.login, source: 'GET /user' };
    }
    catch (error) {
        if (isGitHubRequestError(error) && error.status === 403)
            return { source: 'installation' };
        throw explainGitHubError(error, 'finding out which account the token posts as (GET /user)');
    }
    return { source: 'installation' };
}

export { isOwnMarkedItem, listOwnStickyComments, resolveTokenIdentity, upsertStickyComment, withMarker };
