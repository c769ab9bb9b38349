// What every CLI command shares: where it writes, its usage error and its exit codes (a leaf module, so the
// command modules import it and never each other).
import type { GitHubClientFactory } from '../github/client.js'

/** Where the CLI writes and what it runs in; injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void
  /** Resolves once stdout takes more (a slow pipe's buffer has drained); absent where writes never wait. */
  drain?: () => Promise<void>
  stderr: (text: string) => void
  cwd: string
  env: NodeJS.ProcessEnv
  /** True when stderr is a terminal (progress is shown then). */
  isTty?: boolean
  /** Creates the GitHub client of `review`; default: the real one (retry, throttling, GITHUB_API_URL from env). */
  github?: GitHubClientFactory
}

/** A usage or input error: exit code 2. */
export class UsageError extends Error {}

/** The exit codes of the CLI. */
export const EXIT = { pass: 0, fail: 1, usage: 2 } as const

/** Writes text piece by piece to stdout, waiting for it to drain after each piece (see CliIo.drain). */
export async function writeChunks(io: CliIo, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    io.stdout(chunk)
    if (io.drain) await io.drain()
  }
}
