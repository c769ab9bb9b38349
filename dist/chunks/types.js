/** The client's log lines (retries, waits) written to a mode's log; its debug lines are dropped. */
function clientLogOf(log) {
    return { debug: () => undefined, info: m => log.info(m), warning: m => log.warning(m) };
}

export { clientLogOf as c };
