// The CLI entry (bundled as dist/cli.js, the `experiment-review` bin).
import { runCli } from './cli/run.js'

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTty: process.stderr.isTTY === true
})
