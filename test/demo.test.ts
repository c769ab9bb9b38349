// `npm run demo` end to end: a temporary repository, the GitHub twin and the bundled action; it exits 0 and shows
// the posted comment, the outputs and the (deliberately failing) verdict, and leaves nothing behind.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { hiddenMarker } from '../src/core/conventions.js'
import { committedAction, PROJECT_ROOT } from './review-fixtures.js'

beforeAll(() => {
  // The demo runs the committed bundle; it is never rebuilt by the tests.
  committedAction()
})

it('npm run demo runs the whole review and exits 0', async () => {
  // The demo gets a temporary folder of its own, so what other processes leave in the shared one does not count.
  const demoTemp = await mkdtemp(path.join(tmpdir(), 'er-demo-test-'))
  const child = spawn('npm', ['run', '--silent', 'demo'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_OPTIONS: '', TMPDIR: demoTemp },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stderr += d))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  expect({ code, stderr: stderr.replace(/^npm warn.*\n/gm, '') }).toEqual({ code: 0, stderr: '' })
  expect(stdout).toContain(hiddenMarker('default'))
  expect(stdout).toContain('## ❌ Experiment review: 1 rule broken')
  expect(stdout).toMatch(/^ {2}verdict {6}fail$/m)
  expect(stdout).toMatch(
    /^ {2}comment-url {2}http:\/\/127\.0\.0\.1:\d+\/octo-org\/models\/pull\/42#issuecomment-\d+$/m
  )
  expect(stdout).toMatch(/^ {2}champion {5}resnet-wide$/m)
  expect(stdout).toMatch(/exit code {8}1/)
  // The accept: a reaction, the failed job re-run, and the re-run passes with the decision shown.
  expect(stdout).toMatch(/^ {2}reaction {9}\+1$/m)
  expect(stdout).toMatch(/^ {2}re-run {11}the failed jobs of workflow run 9001$/m)
  expect(stdout).toContain('## ✅ Experiment review: all rules met')
  expect(stdout).toContain('regression accepted by lead-reviewer')
  expect(stdout).toMatch(/^ {2}verdict {10}pass$/m)
  expect(stdout).toMatch(/exit code {8}0/)
  expect(stdout).toContain('The demo worked.')
  // tsx, which runs the demo script, keeps its compile cache there (tsx-<uid>): that is not the demo's.
  const leftovers = (await readdir(demoTemp)).filter(name => !/^tsx-\d+$/.test(name))
  await rm(demoTemp, { recursive: true, force: true })
  expect(leftovers).toEqual([])
}, 120_000)
