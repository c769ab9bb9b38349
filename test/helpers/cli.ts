// Runs the CLI in process, as a user would from a folder, and keeps what it printed and its exit code.
import { runCli } from '../../src/cli/run.js'
import type { GitHubClientFactory } from '../../src/github/client.js'

/** What one CLI call printed and returned. */
export interface CliResult {
  code: number
  out: string
  err: string
}

/** Where a CLI call runs: its folder, its environment (default empty), its GitHub client factory (default the CLI's). */
export interface CliSetting {
  cwd: string
  env?: NodeJS.ProcessEnv
  github?: GitHubClientFactory
}

/** Runs `experiment-review <args>` in `cwd` with an empty environment. */
export async function cli(cwd: string, ...args: string[]): Promise<CliResult> {
  return cliIn({ cwd }, ...args)
}

/** Runs `experiment-review <args>` in the setting's folder, environment and GitHub client factory. */
export async function cliIn(setting: CliSetting, ...args: string[]): Promise<CliResult> {
  let out = ''
  let err = ''
  const code = await runCli(args, {
    stdout: t => void (out += t),
    stderr: t => void (err += t),
    cwd: setting.cwd,
    env: setting.env ?? {},
    github: setting.github
  })
  return { code, out, err }
}
