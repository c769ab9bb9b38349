// The `/experiments` command words this build accepts. The report names a command (in a hint or the footer) only when
// its word is listed here, and a test checks every `/experiments` word in a rendered comment against this list. The
// command mode adds each word here when its parser accepts it.

/** A command word the report may name in a hint: `accept` (accept a regression) and `help` (list the commands). */
export type CommandWord = 'accept' | 'help'

/** The `/experiments` command words this build's parser accepts (none yet: no command mode is built). */
export const SUPPORTED_COMMANDS: readonly CommandWord[] = []
