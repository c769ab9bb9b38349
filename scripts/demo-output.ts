// Terminal output of the demo scripts: bold headings (on a terminal only) and indented blocks.

/** Bold on a terminal, plain when piped. */
export const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)

/** Prints a section heading drawn as a rule. */
export const rule = (title: string) =>
  console.log(`\n${bold(`── ${title} ${'─'.repeat(Math.max(0, 72 - title.length))}`)}`)

/** Indents every line of a block by two spaces. */
export const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map(l => `  ${l}`)
    .join('\n')
