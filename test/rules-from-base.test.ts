// Rules from the base: a review reads the rules file at the PR's base commit (local git, else the contents API), so
// a PR cannot loosen the rules it is judged by; a PR that changes the file is shown the change and the verdict under
// the proposed rules; rules-from: head opts out; a first PR that adds the file is judged by it. Real git
// repositories and the GitHub twin.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { readActionConfig } from '../src/config/inputs.js'
import { diffRuleSettings } from '../src/core/rules-change.js'
import { DEFAULT_RULES_PATH } from '../src/core/conventions.js'
import { runReviewMode } from '../src/modes/review.js'
import { memoryLog } from './helpers/memory-log.js'
import type { GitHubTwin } from './github-twin/server.js'
import { elementCounts, renderGfm } from './helpers/cmark.js'
import {
  makeReviewRepository,
  prRuns,
  pullRequestPayloadOn,
  REVIEW_RULES,
  startReviewTwin,
  twinModeContext,
  type ReviewRepository
} from './review-fixtures.js'

const execFileAsync = promisify(execFile)

/** The fixture's rules without the latency ceiling the PR's runs break. */
const WITHOUT_LATENCY_RULE = REVIEW_RULES.replace(/^ {2}latency_ms:.*\n/m, '')
/** The fixture's rules with a floor on accuracy that the passing PR runs do not reach. */
const TIGHTER_ACCURACY = REVIEW_RULES.replace('min: 0.85', 'min: 0.95')

let twin: GitHubTwin
let temp: string
let nextPr = 100
const repositories: ReviewRepository[] = []

beforeAll(async () => {
  twin = await startReviewTwin()
  temp = await mkdtemp(path.join(tmpdir(), 'rules-from-'))
})

afterAll(async () => {
  await twin?.stop()
  await Promise.all(repositories.map(r => r.remove()))
  await rm(temp, { recursive: true, force: true })
})

async function repository(options: Parameters<typeof makeReviewRepository>[0]): Promise<ReviewRepository> {
  const made = await makeReviewRepository(options)
  repositories.push(made)
  return made
}

/** Reviews `repo`'s PR in `workspace` (default its work tree) as the action on pull_request, posting the comment. */
async function review(
  repo: ReviewRepository,
  options: { inputs?: Record<string, string>; workspace?: string } = {}
) {
  const number = nextPr++
  twin.addPullRequest({ number, headRef: repo.headRef, headSha: repo.headSha })
  const log = memoryLog()
  const ctx = twinModeContext(
    { twin, temp, fixture: repo },
    {
      payload: pullRequestPayloadOn(twin, repo, number),
      log,
      workspace: options.workspace,
      inputs: options.inputs,
      now: new Date('2026-01-01T00:00:00Z')
    }
  )
  const outcome = await runReviewMode(ctx)
  const comment = [...twin.state.comments.values()].find(c => c.issueNumber === number)?.body ?? ''
  return { outcome, log, comment }
}

describe('diffRuleSettings', () => {
  it('names each setting added, removed or changed by its keys, leaving equal ones out', () => {
    expect(
      diffRuleSettings(
        { primary: 'accuracy', metrics: { accuracy: { min: 0.85, max_drop: 0.01 }, loss: {} } },
        { primary: 'accuracy', metrics: { accuracy: { min: 0.95 }, f1: { max_drop: '2%' } } }
      )
    ).toEqual([
      { path: ['metrics', 'accuracy', 'min'], before: 0.85, after: 0.95 },
      { path: ['metrics', 'accuracy', 'max_drop'], before: 0.01 },
      { path: ['metrics', 'loss'], before: {} },
      { path: ['metrics', 'f1', 'max_drop'], after: '2%' }
    ])
    expect(diffRuleSettings({ a: [1, 2] }, { a: [1, 2] })).toEqual([])
    expect(diffRuleSettings({ a: [1, 2] }, undefined)).toEqual([{ path: ['a'], before: [1, 2] }])
  })
})

describe('review mode reads the rules at the base', () => {
  it('still fails a PR that deletes the rule it breaks, and shows the change and the verdict under the proposed rules', async () => {
    const repo = await repository({ prFiles: { [DEFAULT_RULES_PATH]: WITHOUT_LATENCY_RULE } })
    const { outcome, log, comment } = await review(repo)
    expect(outcome.verdict).toBe('fail')
    expect(outcome.failure).toMatch(/1 rule broken: latency_ms is 59, above the ceiling 50/)
    expect(
      log.lines.some(
        l => l.message === `Rules: ${DEFAULT_RULES_PATH} at ${repo.baseSha.slice(0, 12)} (local checkout)`
      )
    ).toBe(true)
    expect(comment).toContain('## ❌ Experiment review: 1 rule broken')
    expect(comment).toContain('### ⚠️ This PR changes the rules file')
    expect(comment).toContain(`at the base \`${repo.baseSha.slice(0, 7)}\``)
    expect(comment).toMatch(/\| `metrics\.latency_ms\.goal` +\| `minimize` +\| — +\|/)
    expect(comment).toMatch(/\| `metrics\.latency_ms\.max` +\| `50` +\| — +\|/)
    expect(comment).toContain('**Under the proposed rules:** ✅ all rules met.')
    // The annotation of the broken rule names no line: lines of the base's file are not the PR's.
    const annotation = log.lines.find(l => l.level === 'error' && /latency_ms/.test(l.message))
    expect(annotation?.place).toEqual({ title: 'Experiment Review: latency_ms max' })
    const notice = log.lines.find(
      l => l.level === 'notice' && /changes \.github\/experiment-review\.yml/.test(l.message)
    )
    expect(notice?.message).toMatch(
      /2 setting\(s\)\): it is judged by the rules at the base; .*: all rules met\.$/
    )
  })

  it('shows both verdicts when a PR tightens a rule: it passes by the base, fails by its own rules', async () => {
    const repo = await repository({
      runs: prRuns({ passing: true }),
      prFiles: { [DEFAULT_RULES_PATH]: TIGHTER_ACCURACY }
    })
    const { outcome, comment } = await review(repo)
    expect(outcome.verdict).toBe('pass')
    expect(outcome.failure).toBeUndefined()
    expect(comment).toContain('## ✅ Experiment review: all rules met')
    expect(comment).toMatch(/\| `metrics\.accuracy\.min` +\| `0\.85` +\| `0\.95` +\|/)
    expect(comment).toContain(
      '**Under the proposed rules:** ❌ 1 rule broken.\n\n- accuracy is 0.921, below the floor 0.95\n'
    )
  })

  it('says the default rules apply after a PR that deletes the rules file', async () => {
    const repo = await repository({ prFiles: { [DEFAULT_RULES_PATH]: null } })
    const { outcome, comment } = await review(repo)
    expect(outcome.verdict).toBe('fail')
    expect(comment).toContain('### ⚠️ This PR deletes the rules file')
    expect(comment).toContain('Once the PR merges, reviews use the default rules (no rules file).')
    expect(comment).toContain('**Under the proposed rules:** ✅ all rules met.')
  })

  it('shows nothing when the PR only reformats the rules file', async () => {
    const repo = await repository({
      prFiles: { [DEFAULT_RULES_PATH]: `# reformatted\n${REVIEW_RULES.replace(/ +\{/g, ' {')}` }
    })
    const { outcome, comment } = await review(repo)
    expect(outcome.verdict).toBe('fail')
    expect(comment).not.toContain('rules file')
    expect(comment).toContain('rules from .github/experiment-review\\.yml')
  })

  it('judges by the checkout with rules-from: head', async () => {
    const repo = await repository({ prFiles: { [DEFAULT_RULES_PATH]: WITHOUT_LATENCY_RULE } })
    const { outcome, log, comment } = await review(repo, { inputs: { 'rules-from': 'head' } })
    expect(outcome.verdict).toBe('pass')
    expect(outcome.failure).toBeUndefined()
    expect(comment).toContain('## ✅ Experiment review: all rules met')
    expect(comment).not.toContain('This PR changes the rules file')
    expect(log.lines.some(l => l.message === `Rules: ${DEFAULT_RULES_PATH} in the checkout`)).toBe(true)
  })

  it('refuses a rules-from input that is neither base nor head', () => {
    expect(() => readActionConfig(name => (name === 'rules-from' ? 'merge' : ''), {})).toThrow(
      'input "rules-from" is "merge"; expected base or head'
    )
  })

  it('judges a first PR that adds the rules file by it, and says so', async () => {
    const repo = await repository({ withRules: false, prFiles: { [DEFAULT_RULES_PATH]: REVIEW_RULES } })
    const { outcome, log, comment } = await review(repo)
    expect(outcome.verdict).toBe('fail')
    expect(outcome.failure).toMatch(/latency_ms is 59, above the ceiling 50/)
    expect(comment).toContain(
      'This PR adds the rules file `.github/experiment-review.yml`; there is none at the base, so this review is judged by it.'
    )
    expect(comment).not.toContain('Under the proposed rules')
    expect(
      log.lines.some(l => /^Rules: .* in the checkout \(added by the pull request; none at /.test(l.message))
    ).toBe(true)
  })

  it('reads the rules through the contents API from a shallow checkout without the base commit', async () => {
    const repo = await repository({ prFiles: { [DEFAULT_RULES_PATH]: WITHOUT_LATENCY_RULE } })
    // The repository on GitHub (the twin) holds the same commits; the checkout has only the PR's head.
    await execFileAsync('git', [
      '-C',
      repo.workspace,
      'push',
      '--quiet',
      '--force',
      twin.git.dir,
      'main:refs/heads/main'
    ])
    const shallow = path.join(temp, 'shallow')
    await execFileAsync('git', [
      'clone',
      '--quiet',
      '--depth=1',
      `--branch=${repo.headRef}`,
      `file://${repo.workspace}`,
      shallow
    ])
    await expect(
      execFileAsync('git', ['-C', shallow, 'cat-file', '-e', `${repo.baseSha}^{commit}`])
    ).rejects.toThrow()
    twin.clearRequests()
    const { outcome, log, comment } = await review(repo, { workspace: shallow })
    expect(twin.countRequests({ operationId: 'repos/get-content' })).toBe(2) // the rules and the baseline
    expect(
      log.lines.some(
        l =>
          l.message ===
          `Rules: ${DEFAULT_RULES_PATH} at ${repo.baseSha.slice(0, 12)} (${twin.owner}/${twin.repo} via the contents API)`
      )
    ).toBe(true)
    expect(outcome.verdict).toBe('fail')
    expect(comment).toContain('### ⚠️ This PR changes the rules file')
    expect(comment).toContain('**Under the proposed rules:** ✅ all rules met.')
  })

  it('keeps setting names and values from the PR inert in the comment', async () => {
    const hostile = `${REVIEW_RULES}  "@admins <img src=x onerror=alert(1)> [x](https://evil.example)": { goal: maximize, min: 0 }\n`
    const repo = await repository({ prFiles: { [DEFAULT_RULES_PATH]: hostile } })
    const { comment } = await review(repo)
    expect(comment).toContain('### ⚠️ This PR changes the rules file')
    const html = renderGfm(comment)
    const counts = elementCounts(html)
    expect(counts.img).toBeUndefined()
    expect(html).not.toContain('href="https://evil.example"')
    expect(html).not.toMatch(/(^|[^`\w])@admins\b(?![^<]*<\/code>)/)
  })
})
