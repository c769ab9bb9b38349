// `npm run demo`: the whole review flow on this machine, with nothing of GitHub's reached.
// 1. A temporary git repository: main holds a baseline (.experiments/baseline.json) and a rules file; a PR branch
//    adds new runs (experiments/<run>/, three seeds of a wider model that breaks the latency ceiling, and a small one).
// 2. The GitHub twin (test/github-twin, a loopback server that answers the REST API as GitHub does) plays the
//    repository and the pull request.
// 3. `node dist/index.js` runs exactly as a runner runs it (INPUT_* variables, a pull_request event payload,
//    GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_API_URL pointing at the twin).
// 4. The posted comment, the outputs and the verdict are printed.
// 5. A reviewer with write access comments `/experiments accept latency_ms <reason>`: the action runs on that
//    issue_comment event (command mode), reacts, keeps the decision in the comment and re-runs the failed review job,
//    whose re-run reads the acceptance and passes. Then everything is removed.
// Exit 0 when the demo worked: the demo PR's gate fails on purpose, then passes after the accept.
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
  issueCommentPayload,
  runActionAsRunner,
  type ActionRun,
  type ReviewRepository
} from '../test/review-fixtures.js'
import { bold, rule, indent } from './demo-output.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ACTION = path.join(ROOT, 'dist', 'index.js')
const PR_NUMBER = 42
/** The workflow run of the review job (GITHUB_RUN_ID); the accept re-runs its failed jobs. */
const RUN_ID = 9001
const REVIEWER = 'lead-reviewer'
const ACCEPT =
  '/experiments accept latency_ms the 3 ms over the ceiling buy 2 points of accuracy; serving has headroom'

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
    twin = await startGitHubTwin({ files: await mainBranchFiles(), collaborators: { [REVIEWER]: 'write' } })
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
    const runAction = async (
      eventName: string,
      event: Record<string, unknown>,
      attempt: number
    ): Promise<ActionRun> => {
      const result = await runActionAsRunner({
        action: ACTION,
        workspace: repository!.workspace,
        temp,
        eventName,
        payload: event,
        apiUrl: twin!.url,
        repository: `${twin!.owner}/${twin!.repo}`,
        inputs: { 'github-token': 'ghs_workflow-token' },
        env: {
          GITHUB_RUN_ID: String(eventName === 'pull_request' ? RUN_ID : RUN_ID + 1),
          GITHUB_RUN_ATTEMPT: String(attempt)
        },
        onLog: chunk => process.stdout.write(indent(chunk) + '\n')
      })
      if (result.stderr.trim()) console.log(indent(result.stderr))
      return result
    }
    const run = await runAction('pull_request', payload, 1)
    twin.addWorkflowRun({ id: RUN_ID, headSha: repository.headSha })

    const comments = [...twin.state.comments.values()].filter(c => c.issueNumber === PR_NUMBER)
    rule(`4. The comment posted on #${PR_NUMBER} by ${comments[0]?.user.login ?? 'nobody'}`)
    // The hidden state blocks (the decisions, the last review for the slash commands) are shown by their size only.
    const hiddenState = (body: string) =>
      body.replace(
        /<!-- experiment-review:state:([a-z]+):\S* -->/g,
        (block, kind: string) => `<!-- hidden state "${kind}", ${block.length} characters -->`
      )
    console.log(comments.length ? indent(hiddenState(comments[0].body)) : '  (no comment was posted)')

    rule('5. The outputs (GITHUB_OUTPUT)')
    for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name.padEnd(12)} ${value}`)

    rule('6. The verdict')
    const writes = twin.requests
      .filter(r => r.kind === 'write')
      .map(r => `${r.method} ${r.operationId} → ${r.status}`)
    console.log(`  API requests     ${twin.requests.length} (writes: ${writes.join(', ') || 'none'})`)
    console.log(`  verdict          ${run.outputs.verdict ?? '(none)'}`)
    console.log(`  exit code        ${run.code}`)
    console.log(
      `  The gate failed, as it is meant to: resnet-wide is more accurate than the baseline but its latency is above the\n` +
        '  50 ms ceiling of the rules file. On a runner, exit code 1 turns the check red and blocks the merge.'
    )

    rule(`7. ${REVIEWER} (write access) comments on #${PR_NUMBER}; node dist/index.js runs on issue_comment`)
    console.log(indent(`> ${ACCEPT}`))
    const command = twin.addIssueComment({ issueNumber: PR_NUMBER, body: ACCEPT, author: REVIEWER })
    const commandRun = await runAction(
      'issue_comment',
      issueCommentPayload({
        owner: twin.owner,
        repo: twin.repo,
        number: PR_NUMBER,
        commentId: command.id,
        body: ACCEPT,
        author: REVIEWER
      }),
      1
    )
    const reruns = twin.state.workflowRuns.get(RUN_ID)?.reruns.length ?? 0
    console.log(`  reaction         ${command.reactions.map(r => r.content).join(' ') || '(none)'}`)
    console.log(
      `  re-run           ${reruns ? `the failed jobs of workflow run ${RUN_ID}` : '(none requested)'}`
    )

    rule(`8. The re-run of the review job (run ${RUN_ID}, attempt 2) reads the acceptance`)
    const rerun = await runAction('pull_request', payload, 2)
    const after = [...twin.state.comments.values()].find(c => c.id === comments[0]?.id)?.body ?? ''
    const shown = after
      .split('\n')
      .filter(l => /^## |Reviewer decisions|regression accepted by|latency_ms\*\*/.test(l))
    console.log(indent(shown.join('\n')))
    console.log(`  verdict          ${rerun.outputs.verdict ?? '(none)'}`)
    console.log(`  exit code        ${rerun.code}`)

    const worked =
      run.code === 1 &&
      run.outputs.verdict === 'fail' &&
      comments.length === 1 &&
      commandRun.code === 0 &&
      reruns === 1 &&
      rerun.code === 0 &&
      rerun.outputs.verdict === 'pass' &&
      twin.violations.length === 0
    if (worked) {
      console.log(
        `\n${bold('The demo worked.')} The gate failed on the latency ceiling; a reviewer with write access accepted that regression for\n` +
          'this head with a reason, the failed review job was re-run, and the gate passed without a new push. A new push whose\n' +
          'latency still breaks the ceiling fails again until someone accepts it for that head.'
      )
      return 0
    }
    console.error(
      `\nThe demo did not go as expected: review exit code ${run.code} (expected 1), verdict ${run.outputs.verdict} (expected fail), ` +
        `${comments.length} comment(s) (expected 1); command exit code ${commandRun.code} (expected 0), ${reruns} re-run(s) (expected 1); ` +
        `re-run exit code ${rerun.code} (expected 0), verdict ${rerun.outputs.verdict} (expected pass); ` +
        `${twin.violations.length} request(s) off the API contract.`
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
