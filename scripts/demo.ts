// `npm run demo`: the whole review flow on this machine, with nothing of GitHub's reached.
// 1. A temporary git repository: main holds a baseline (.experiments/baseline.json) and a rules file; a PR branch
//    adds new runs (experiments/<run>/, three seeds of a wider model that breaks the latency ceiling, and a small one).
// 2. The GitHub twin (test/github-twin, a loopback server that answers the REST API as GitHub does) plays the
//    repository and the pull request.
// 3. `node dist/index.js` runs exactly as a runner runs it (INPUT_* variables, a pull_request event payload,
//    GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_API_URL pointing at the twin).
// 4. The posted comment, the outputs and the verdict are printed, and everything is removed.
// Exit 0 when the demo worked: the demo PR's gate fails on purpose, and that failing step is the expected result.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startGitHubTwin, type GitHubTwin } from '../test/github-twin/server.js'
import {
  mainBranchFiles,
  makeReviewRepository,
  pullRequestPayload,
  runActionAsRunner,
  type ReviewRepository
} from '../test/review-fixtures.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ACTION = path.join(ROOT, 'dist', 'index.js')
const PR_NUMBER = 42

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const rule = (title: string) =>
  console.log(`\n${bold(`── ${title} ${'─'.repeat(Math.max(0, 72 - title.length))}`)}`)
const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map(l => `  ${l}`)
    .join('\n')

async function main(): Promise<number> {
  if (!existsSync(ACTION)) {
    console.error(
      `The demo runs the bundled action, but ${path.relative(process.cwd(), ACTION)} does not exist: run npm run build first.`
    )
    return 2
  }
  let twin: GitHubTwin | undefined
  let repository: ReviewRepository | undefined
  const temp = await mkdtemp(path.join(tmpdir(), 'experiment-review-demo-'))
  try {
    rule('1. A repository with a baseline on main and a PR with new runs')
    repository = await makeReviewRepository({ parent: temp })
    console.log(`  git repository   ${repository.workspace}`)
    console.log(
      `  main             ${repository.baseSha.slice(0, 12)}  .experiments/baseline.json (resnet-base, 3 seeds), .github/experiment-review.yml`
    )
    console.log(
      `  ${repository.headRef}  ${repository.headSha.slice(0, 12)}  experiments/resnet-wide-s{1,2,3}/, experiments/mobilenet-small/`
    )

    rule('2. The GitHub twin plays octo-org/models and its pull request')
    twin = await startGitHubTwin({ files: await mainBranchFiles() })
    twin.addPullRequest({
      number: PR_NUMBER,
      title: 'Train a wider ResNet',
      headRef: repository.headRef,
      headSha: repository.headSha,
      author: 'ml-engineer'
    })
    console.log(`  API              ${twin.url}  (GITHUB_API_URL)`)
    console.log(`  pull request     ${twin.owner}/${twin.repo}#${PR_NUMBER}`)

    rule('3. node dist/index.js, as the runner runs it on pull_request')
    const payload = pullRequestPayload({
      owner: twin.owner,
      repo: twin.repo,
      number: PR_NUMBER,
      headSha: repository.headSha,
      headRef: repository.headRef,
      baseSha: repository.baseSha
    })
    const run = await runActionAsRunner({
      action: ACTION,
      workspace: repository.workspace,
      temp,
      eventName: 'pull_request',
      payload,
      apiUrl: twin.url,
      repository: `${twin.owner}/${twin.repo}`,
      inputs: { 'github-token': 'ghs_workflow-token' },
      onLog: chunk => process.stdout.write(indent(chunk) + '\n')
    })
    if (run.stderr.trim()) console.log(indent(run.stderr))

    const comments = [...twin.state.comments.values()].filter(c => c.issueNumber === PR_NUMBER)
    rule(`4. The comment posted on #${PR_NUMBER} by ${comments[0]?.user.login ?? 'nobody'}`)
    console.log(comments.length ? indent(comments[0].body) : '  (no comment was posted)')

    rule('5. The outputs (GITHUB_OUTPUT)')
    for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name.padEnd(12)} ${value}`)

    rule('6. The verdict')
    const writes = twin.requests
      .filter(r => r.kind === 'write')
      .map(r => `${r.method} ${r.operationId} → ${r.status}`)
    console.log(`  API requests     ${twin.requests.length} (writes: ${writes.join(', ') || 'none'})`)
    console.log(`  verdict          ${run.outputs.verdict ?? '(none)'}`)
    console.log(`  exit code        ${run.code}`)
    const worked =
      run.code === 1 &&
      run.outputs.verdict === 'fail' &&
      comments.length === 1 &&
      twin.violations.length === 0
    if (worked) {
      console.log(
        `\n${bold('The demo worked.')} The PR's gate failed, as it is meant to: resnet-wide is more accurate than the baseline but its\n` +
          'latency is above the 50 ms ceiling of the rules file. On a runner, exit code 1 turns the check red and blocks\n' +
          'the merge until the runs meet the rules.'
      )
      return 0
    }
    console.error(
      `\nThe demo did not go as expected: exit code ${run.code} (expected 1), verdict ${run.outputs.verdict} (expected fail), ` +
        `${comments.length} comment(s) (expected 1), ${twin.violations.length} request(s) off the API contract.`
    )
    for (const v of twin.violations) console.error(`  ${v.method} ${v.path}: ${v.problems.join('; ')}`)
    return 1
  } finally {
    await twin?.stop()
    await repository?.remove()
    await rm(temp, { recursive: true, force: true })
  }
}

process.exitCode = await main()
