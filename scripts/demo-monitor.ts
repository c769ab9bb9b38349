// `npm run demo:monitor`: monitor mode end to end on this machine, with nothing of GitHub's reached.
// A git checkout of the default branch holds the rules (retraining.when) and the baseline; the GitHub twin plays the
// repository; `node dist/index.js` runs as a runner runs it on `schedule`, three times: a degraded evaluation opens
// the retraining issue, the same evaluation again writes nothing, a recovered one closes the issue.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startGitHubTwin, type GitHubTwin } from '../test/github-twin/server.js'
import { makeMonitorCheckout, writeEvaluation } from '../test/monitor-fixtures.js'
import { runActionAsRunner } from '../test/review-fixtures.js'
import { bold, rule, indent } from './demo-output.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ACTION = path.join(ROOT, 'dist', 'index.js')

async function main(): Promise<number> {
  if (!existsSync(ACTION)) {
    console.error(`The demo runs the bundled action, but ${ACTION} does not exist: run npm run build first.`)
    return 2
  }
  let twin: GitHubTwin | undefined
  const temp = await mkdtemp(path.join(tmpdir(), 'experiment-review-monitor-demo-'))
  try {
    const workspace = await makeMonitorCheckout(temp)
    twin = await startGitHubTwin({ files: { 'README.md': '# models\n' } })
    const active = twin
    rule('1. The default branch: a baseline (prod-v3, accuracy 0.91) and retraining conditions')
    console.log(`  checkout   ${workspace}`)
    console.log('  rules      accuracy below 0.85 or 0.03 under the baseline; drift_score above 0.3')
    console.log(`  API        ${active.url}  (GITHUB_API_URL)`)

    const evaluateAndRun = async (title: string, metrics: Record<string, number>) => {
      rule(title)
      await writeEvaluation(workspace, { 'eval-nightly': metrics })
      console.log(`  evaluation ${JSON.stringify(metrics)}`)
      active.clearRequests()
      const run = await runActionAsRunner({
        action: ACTION,
        workspace,
        temp,
        eventName: 'schedule',
        payload: { schedule: '0 6 * * *' },
        apiUrl: active.url,
        repository: `${active.owner}/${active.repo}`,
        inputs: { 'github-token': 'ghs_workflow-token', runs: 'experiments' }
      })
      for (const line of run.stdout.split('\n').filter(l => /^::notice|^Experiment Review/.test(l)))
        console.log(indent(line.replace(/^::notice[^:]*::/, '')))
      const writes = active.requests.filter(r => r.kind === 'write').map(r => `${r.method} ${r.operationId}`)
      console.log(`  writes     ${writes.join(', ') || 'none'}`)
      console.log(
        `  outputs    verdict=${run.outputs.verdict ?? ''} issue-url=${run.outputs['issue-url'] ?? ''}`
      )
      return { run, writes }
    }

    const breach = await evaluateAndRun('2. A degraded evaluation: the issue is opened', {
      accuracy: 0.82,
      drift_score: 0.12
    })
    const issue = [...active.state.issues.values()].find(i => !i.pullRequest)
    rule(`   The issue #${issue?.number ?? '?'}: ${issue?.title ?? '(none)'}  [${issue?.labels.join(', ')}]`)
    console.log(indent(issue?.body ?? '(no issue)'))

    const same = await evaluateAndRun('3. The same evaluation the next day: nothing is written', {
      accuracy: 0.821,
      drift_score: 0.12
    })
    const healed = await evaluateAndRun('4. The retrained model is back: the issue is closed', {
      accuracy: 0.9,
      drift_score: 0.08
    })
    const closing = [...active.state.comments.values()].pop()
    console.log(indent(closing?.body ?? ''))

    const worked =
      breach.run.code === 0 &&
      breach.run.outputs.verdict === 'fail' &&
      issue?.state === 'closed' &&
      same.writes.length === 0 &&
      healed.run.outputs.verdict === 'pass' &&
      active.violations.length === 0
    console.log(
      worked
        ? `\n${bold('The monitor demo worked:')} one issue opened on the breach, no write while nothing changed, closed on recovery.`
        : '\nThe monitor demo did not go as expected (see above).'
    )
    for (const v of active.violations) console.error(`  ${v.method} ${v.path}: ${v.problems.join('; ')}`)
    return worked ? 0 : 1
  } finally {
    await twin?.stop()
    await rm(temp, { recursive: true, force: true })
  }
}

process.exitCode = await main()
