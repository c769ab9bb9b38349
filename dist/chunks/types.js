/**
 * The repository the event is about: the payload's `repository`, else GITHUB_REPOSITORY. Throws with `where`
 * (what to run it from) when neither names one.
 */
function repositoryOf(ctx, where) {
    const payload = ctx.payload;
    const [owner, repo] = (ctx.env.GITHUB_REPOSITORY ?? '').split('/');
    const result = {
        owner: typeof payload.repository?.owner?.login === 'string' ? payload.repository.owner.login : owner,
        repo: typeof payload.repository?.name === 'string' ? payload.repository.name : repo
    };
    if (!result.owner || !result.repo)
        throw new Error(`The event names no repository and GITHUB_REPOSITORY is empty; run ${where}.`);
    return result;
}
/** The client's log lines (retries, waits) written to a mode's log; its debug lines are dropped. */
function clientLogOf(log) {
    return { debug: () => undefined, info: m => log.info(m), warning: m => log.warning(m) };
}

export { clientLogOf as c, repositoryOf as r };
