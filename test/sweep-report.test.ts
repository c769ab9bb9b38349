import { compareRuns, type Comparison } from '../src/core/compare.js'
import { GITHUB_BODY_LIMIT } from '../src/core/conventions.js'
import { defaultRules } from '../src/core/rules.js'
import { makeRun, type Run } from '../src/core/run.js'
import { renderComment } from '../src/report/comment.js'
import { decimalsFor, fmtNumber } from '../src/report/format.js'
import { renderJsonReport } from '../src/report/json.js'
import { renderReviewSummary } from '../src/report/summary.js'
import { renderText } from '../src/report/comparison-text.js'
import { sweepRuns } from './fixtures/make-sweep.js'
import { elementCounts, renderGfm } from './helpers/cmark.js'
import { run } from './helpers/runs.js'

/** The markdown outside every <details> block: what a reader sees without unfolding anything. */
function unfolded(markdown: string): string {
  return markdown.replace(/<details>[\s\S]*?<\/details>/g, '')
}

/** The rows of the markdown table that follows the line starting with `caption`, as arrays of trimmed cells. */
function tableAfter(markdown: string, caption: string): string[][] {
  const lines = markdown.split('\n')
  const start = lines.findIndex(l => l.startsWith(caption))
  expect(start).toBeGreaterThanOrEqual(0)
  const rows: string[][] = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) {
      if (rows.length) break
      continue
    }
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map(cell => cell.trim())
    )
  }
  return rows.slice(2)
}

describe('a generated sweep of 5,000 runs in the comment, the job summary and the JSON report', () => {
  const runs = sweepRuns({ runs: 5000 })
  const comparison = compareRuns({ runs, rules: defaultRules() })
  const comment = renderComment(comparison)
  const champion = [...runs].sort((a, b) => b.metrics.val_acc.value - a.metrics.val_acc.value)[0]

  it('fits under the limit and names the right champion', () => {
    expect(comment.length).toBeLessThan(GITHUB_BODY_LIMIT)
    expect(comparison.champion?.name).toBe(champion.name)
    expect(comment).toContain(`**\`${champion.name}\`** is this PR's best run (of 5000) on **val_acc**`)
  })

  it('shows the parameters that matter most with numbers equal to a direct computation, and folds the rest', () => {
    const visible = unfolded(comment)
    const [first, second, ...rest] = comparison.sweep?.effects ?? []
    expect([first.name, second.name].sort()).toEqual(['lr', 'optimizer'])
    expect(visible).toContain(`**\`${first.name}\`**: its values explain`)
    expect(visible).toContain(`**\`${second.name}\`**: its values explain`)
    for (const folded of rest.slice(1)) expect(visible).not.toContain(`**\`${folded.name}\`**`)
    const rows = tableAfter(comment, '**`optimizer`**')
    const byOptimizer = new Map<string, Run[]>()
    for (const r of runs)
      byOptimizer.set(String(r.params.optimizer), [...(byOptimizer.get(String(r.params.optimizer)) ?? []), r])
    expect(rows).toHaveLength(byOptimizer.size)
    const means = [...byOptimizer.values()].map(
      list => list.reduce((s, r) => s + r.metrics.val_acc.value, 0) / list.length
    )
    const bests = [...byOptimizer.values()].map(list => Math.max(...list.map(r => r.metrics.val_acc.value)))
    const d = decimalsFor(...means, ...bests)
    for (const [value, count, mean, best, bestRun] of rows) {
      const list = byOptimizer.get(value.replace(/`/g, '')) ?? []
      const values = list.map(r => r.metrics.val_acc.value)
      expect(Number(count)).toBe(list.length)
      expect(mean).toBe(fmtNumber(values.reduce((a, b) => a + b, 0) / values.length, d))
      expect(best).toBe(fmtNumber(Math.max(...values), d))
      expect(bestRun).toBe(`\`${list.find(r => r.metrics.val_acc.value === Math.max(...values))?.name}\``)
    }
  })

  it("shows the champion's neighbourhood: the first rows visible, the next folded", () => {
    const visible = unfolded(comment)
    const neighbours = comparison.sweep?.neighbourhood ?? []
    const rows = tableAfter(comment, "**The champion's neighbourhood**")
    expect(rows.map(r => r[1].replace(/`| 🏆/g, ''))).toEqual(neighbours.slice(0, 5).map(n => n.name))
    expect(visible).not.toContain(`\`${neighbours[10].name}\``)
    expect(comment).toContain(`\`${neighbours[10].name}\``)
    // Each row names the parameters in which it differs from the champion, with the champion's value beside.
    const second = neighbours[1]
    for (const difference of second.differences) expect(rows[1][4]).toContain(`\`${difference.name}\``)
  })

  it('lists every parameter in the job summary and every value in the JSON report', () => {
    const summary = renderReviewSummary(comparison, comment, {})
    for (const effect of comparison.sweep?.effects ?? [])
      expect(unfolded(summary.slice(summary.indexOf('Parameter effects: every parameter')))).toContain(
        `**\`${effect.name}\`**`
      )
    const report = JSON.parse(renderJsonReport(comparison)) as Comparison
    expect(report.sweep?.effects.map(e => e.name)).toEqual(comparison.sweep?.effects.map(e => e.name))
    expect(report.sweep?.effects.find(e => e.name === 'lr')?.levels).toHaveLength(5)
    expect(report.sweep?.neighbourhood).toHaveLength(50)
  })

  it('puts bookkeeping series apart, folded as other series, and keeps them out of the main table', () => {
    const visible = unfolded(comment)
    expect(visible).toContain('**val_acc** ↑')
    expect(visible).not.toMatch(/\| +epoch/)
    expect(comment).toMatch(/<summary>Other series \(2\)[^<]*<\/summary>[\s\S]*lr-Adam[\s\S]*<\/details>/)
  })
})

describe('sweep and selection text from run files is inert', () => {
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '[click](https://evil.example)',
    '@octocat',
    '![x](https://evil.example/x.png)',
    '| cell | break'
  ]
  const runs = Array.from({ length: 12 }, (_, i) =>
    run(
      `run-${i}`,
      { accuracy: 0.5 + i / 100 },
      {
        params: Object.fromEntries(hostile.map((name, k) => [name, hostile[(i + k) % hostile.length]]))
      }
    )
  )

  it('renders no image, link or mention from parameter names, values or experiment names', () => {
    const comparison = compareRuns({
      runs,
      rules: defaultRules(),
      selection: { leftOut: 3, leftOutExperiments: hostile, experiments: hostile.slice(1) }
    })
    expect(comparison.sweep).toBeDefined()
    const html = renderGfm(renderComment(comparison))
    const counts = elementCounts(html)
    expect(counts.img).toBeUndefined()
    expect(counts.a).toBeUndefined()
    expect(html).not.toContain('<img')
    expect(html).not.toMatch(/@octocat(?!\u200c)/)
  })
})

describe('the selection in the comment', () => {
  const runs = ['a', 'b'].map(name =>
    makeRun({
      id: `x:${name}`,
      name,
      source: 'mlflow',
      path: `mlruns/1/${name}`,
      metrics: { f1: { value: 0.5 } }
    })
  )

  it('says what was selected and how many runs were left out', () => {
    const comparison = compareRuns({
      runs,
      rules: { ...defaultRules(), select: { experiments: ['churn-*'], tags: ['sweep'] } },
      selection: { leftOut: 37, leftOutExperiments: ['fraud-model'], experiments: ['churn-model'] }
    })
    expect(renderComment(comparison)).toContain(
      'Selected experiments `churn-*`; tags `sweep`. Reviewed: runs of `churn-model`. Left out: 37 runs (of `fraud-model`).'
    )
  })

  it('says so when runs of several experiments are reviewed together without a selection', () => {
    const comparison = compareRuns({
      runs,
      rules: defaultRules(),
      selection: { leftOut: 0, leftOutExperiments: [], experiments: ['churn-model', 'fraud-model'] }
    })
    expect(renderComment(comparison)).toContain(
      '⚠️ These runs come from 2 experiments (`churn-model`, `fraud-model`) and are ranked together. To review one, name it in `select.experiments` of the rules file.'
    )
    const one = compareRuns({
      runs,
      rules: defaultRules(),
      selection: { leftOut: 0, leftOutExperiments: [], experiments: ['churn-model'] }
    })
    expect(renderComment(one)).not.toContain('ranked together')
  })
})

describe('the sweep in the terminal (compare --format text)', () => {
  it('lists the parameters that matter most, the neighbourhood and the selection, bookkeeping series apart', () => {
    const comparison = compareRuns({
      runs: sweepRuns({ runs: 300 }),
      rules: { ...defaultRules(), select: { experiments: ['churn'] } },
      selection: { leftOut: 2, leftOutExperiments: ['fraud'], experiments: ['churn'] }
    })
    const out = renderText(comparison)
    expect(out).toContain('Selected experiments churn: left out 2 runs (of fraud).')
    expect(out).toMatch(
      /Other series \(bookkeeping, never ranked on\):\n.*metric.*\n.*\n· +epoch .*\n· +lr-Adam /
    )
    expect(out).toMatch(/Parameter effects on val_acc \(300 configurations\)/)
    const [first] = comparison.sweep?.effects ?? []
    expect(out).toContain(
      `  ${first.name} (${Math.round((first.varianceShare ?? 0) * 100)}% of the variance)`
    )
    expect(out).toMatch(new RegExp(`\\n +1 +${comparison.champion?.name} +\\S+ +champion`))
    expect(out.split('Other series')[0]).not.toMatch(/^· +epoch/m)
  })
})
