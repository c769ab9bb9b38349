// Runs the CLI in process, as a user would from a folder, and keeps what it printed and its exit code.
import { runCli } from '../../src/cli/run.js'

/** What one CLI call printed and returned. */
export interface CliResult {
  code: number
  out: string
  err: string
}

/** Runs `experiment-review <args>` in `cwd` with an empty environment (or `env`). */
export async function cli(cwd: string, ...args: string[]): Promise<CliResult> {
  return cliWithEnv(cwd, {}, ...args)
}

/** Runs `experiment-review <args>` in `cwd` with the given environment. */
export async function cliWithEnv(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  let out = ''
  let err = ''
  const code = await runCli(args, {
    stdout: t => void (out += t),
    stderr: t => void (err += t),
    cwd,
    env
  })
  return { code, out, err }
}
