// CLI commands that reach GitHub or write commits; loaded lazily by the CLI.
import type { CliIo } from './run.js'
import { UsageError } from './run.js'

/** Runs `review` or `promote` from the CLI. */
export async function runGitHubCommand(command: 'review' | 'promote', _args: string[], _io: CliIo): Promise<number> {
  throw new UsageError(`${command} is not wired into the CLI yet`)
}
