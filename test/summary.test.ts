// The texts a mode shows besides the PR comment (report/summary.ts): the commit status description, the gate's
// failure message, the job summaries of a review and of a promote.
import { recordFromExperiment } from '../src/core/baseline.js'
import { compareRuns } from '../src/core/compare.js'
import { makeExperiment } from '../src/core/experiment.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import {
  gateFailureMessage,
  promoteOutcomeLine,
  renderNotRunSummary,
  renderPromoteSummary,
  renderReviewSummary,
  statusDescription
} from '../src/report/summary.js'
import { githubUrl } from '../src/report/mdast.js'
import { run } from './helpers/runs.js'

const rules = parseRulesFile(
  'primary: f1\nmetrics:\n  f1: { goal: maximize, max_drop: 0.01 }\n  latency_ms: { goal: minimize, max: 50 }\n',
  '.github/experiment-review.yml'
)
const baseline = recordFromExperiment(makeExperiment('base', [run('base', { f1: 0.85, latency_ms: 40 })]), {
  commit: 'a3b8c9d0'
})
const compare = (name: string, metrics: Record<string, number>, withBaseline = true) =>
  compareRuns({ runs: [run(name, metrics)], baseline: withBaseline ? baseline : undefined, rules })

describe('statusDescription', () => {
  it('says pass with the best run, fail with the broken metrics, and no baseline yet', () => {
    expect(statusDescription(compare('good', { f1: 0.86, latency_ms: 41 }))).toBe(
      'Pass: all rules met (best run good).'
    )
    const failing = compare('slow', { f1: 0.7, latency_ms: 90 })
    expect(statusDescription(failing)).toBe('Fail: 2 rules broken (f1, latency_ms).')
    expect(statusDescription(failing, false)).toBe('Fail: 2 rules broken (f1, latency_ms); not gating.')
    expect(statusDescription(compare('first', { f1: 0.7, latency_ms: 40 }, false))).toMatch(
      /^No baseline yet/
    )
  })

  it('fails closed, saying why, when no run was found or a rule names a metric no run reports', () => {
    expect(statusDescription(compareRuns({ runs: [], baseline, rules }))).toBe(
      'Fail: no runs were found; nothing was judged.'
    )
    expect(statusDescription(compare('first', { f1: 0.7 }, false))).toBe(
      'Fail: 1 rule names a metric no run reports.'
    )
  })

  it('stays within the 140 characters GitHub keeps', () => {
    const many = parseRulesFile(
      `metrics:\n${Array.from({ length: 20 }, (_, i) => `  a_rather_long_metric_name_${i}: { goal: maximize, min: 1 }`).join('\n')}\n`,
      'rules.yml'
    )
    const c = compareRuns({
      runs: [
        run(
          'r',
          Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`a_rather_long_metric_name_${i}`, 0]))
        )
      ],
      baseline,
      rules: many
    })
    // The list of names is cut with an ellipsis, so the sentence stays whole and under the limit.
    expect(statusDescription(c).length).toBeLessThanOrEqual(140)
    expect(statusDescription(c)).toMatch(/^Fail: 20 rules broken \(a_rather_long_metric_name_0, .*…\)\.$/)
  })
})

describe('gateFailureMessage', () => {
  it('counts the broken rules and words each', () => {
    const c = compare('slow', { f1: 0.86, latency_ms: 90 })
    expect(gateFailureMessage(c.violations)).toBe(
      'Experiment Review: 1 rule broken: latency_ms is 90, above the ceiling 50'
    )
  })
})

describe('renderReviewSummary', () => {
  it('appends what happened to the comment and the status, and the diagnostics, made inert', () => {
    const c = compareRuns({
      runs: [run('r', { f1: 0.86, latency_ms: 41 })],
      baseline,
      rules,
      diagnostics: [
        { severity: 'warning', file: 'runs/x.json', line: 3, message: 'odd value @here <b>x</b>' }
      ]
    })
    const summary = renderReviewSummary(c, '## the comment\n', {
      comment: { action: 'unchanged', url: 'https://github.example/o/r/pull/1#issuecomment-1' },
      status: { context: 'experiment-review/default', state: 'success' }
    })
    // What happened to the comment leads, with a link to it; then the comment's content.
    expect(summary).toMatch(
      /^The PR comment was already up to date: \[open the comment\]\(https:\/\/github\.example\/o\/r\/pull\/1#issuecomment-1\)\n\nCommit status `experiment-review\/default`: success\.\n\n## the comment\n\n/
    )
    expect(summary).toContain('### Diagnostics (1)')
    expect(summary).toContain('`runs/x.json:3`')
    expect(summary).not.toContain('@here')
    expect(summary).not.toMatch(/(?<!\\)<b>/)
  })

  it('says why no comment was posted, and that every run was read', () => {
    const summary = renderReviewSummary(compare('r', { f1: 0.86 }), 'body', {
      commentSkipped: 'the comment input is false'
    })
    expect(summary).toContain('No PR comment was posted: the comment input is false')
    expect(summary).toContain('Every run was read without a problem.')
  })
})

describe('the summaries of a run that did not review and of a promote', () => {
  it('words the outcome and makes untrusted names inert', () => {
    expect(renderNotRunSummary('no open pull request has the head abc')).toBe(
      'Experiment Review did not run: no open pull request has the head abc\n'
    )
    const committed = {
      commitSha: '0123456789abcdef',
      changedPaths: ['.experiments/baseline.json', 'docs/experiments.md'],
      champion: 'resnet @here'
    }
    expect(promoteOutcomeLine(committed)).toBe(
      'Experiment Review committed .experiments/baseline.json and docs/experiments.md as 0123456; the champion is resnet @here.'
    )
    expect(renderPromoteSummary(committed)).not.toContain('@here')
    expect(
      renderPromoteSummary({
        ...committed,
        commitUrl: githubUrl('https://github.com', 'o', 'r', 'commit', 'abc')
      })
    ).toContain('as [`0123456`](https://github.com/o/r/commit/abc); the champion is `resnet @\u200chere`.')
    expect(promoteOutcomeLine({ changedPaths: [], skipped: 'no runs' })).toBe(
      'Experiment Review made no commit: no runs.'
    )
  })
})
