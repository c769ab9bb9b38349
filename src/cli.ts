// The CLI entry (bundled as dist/cli.js, the `experiment-review` bin). `--version` and `--help` are answered
// without loading the rest; no command at all prints the usage on stderr and exits 2.
import { once } from 'node:events'

const args = process.argv.slice(2)
const [first] = args
if (
  first === '--version' ||
  first === 'version' ||
  first === '--help' ||
  first === '-h' ||
  first === undefined
) {
  const { HELP, VERSION } = await import('./cli/help.js')
  if (first === undefined) {
    process.stderr.write(`experiment-review: no command given\n\n${HELP}`)
    process.exitCode = 2
  } else process.stdout.write(first === '--version' || first === 'version' ? `${VERSION}\n` : HELP)
} else {
  const { runCli } = await import('./cli/run.js')
  process.exitCode = await runCli(args, {
    stdout: text => process.stdout.write(text),
    // A pipe read slowly queues what is written: wait for it to drain before writing more.
    drain: () =>
      process.stdout.writableNeedDrain
        ? once(process.stdout, 'drain').then(() => undefined)
        : Promise.resolve(),
    stderr: text => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTty: process.stderr.isTTY === true
  })
}

export {}
