import { SUPPORTED_COMMANDS } from '../src/core/commands.js'
import path from 'node:path'
import { recordFromExperiment } from '../src/core/baseline.js'
import { compareRuns } from '../src/core/compare.js'
import { makeExperiment } from '../src/core/experiment.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import { GITHUB_BODY_LIMIT, hiddenMarker } from '../src/core/conventions.js'
import { renderComment } from '../src/report/comment.js'
import { checkedUrl, neutralize } from '../src/report/mdast.js'
import { collectRuns } from '../src/sources/detect.js'
import { elementCounts, renderGfm } from './helpers/cmark.js'
import { run } from './helpers/runs.js'
import { describeShared } from './helpers/shared.js'

const rules = parseRulesFile(
  `primary: f1
metrics:
  accuracy:   { goal: maximize, min: 0.85, max_drop: 0.01 }
  f1:         { goal: maximize, max_drop: 1% }
  latency_ms: { goal: minimize, max: 50, max_rise: 10% }
  loss:       { goal: minimize }
`,
  '.github/experiment-review.yml'
)
const history = (values: number[]) => values.map((value, i) => ({ step: i + 1, value }))
const base = recordFromExperiment(
  makeExperiment('baseline-xgb', [
    run(
      'baseline-xgb',
      {
        accuracy: { value: 0.9, history: history([0.62, 0.74, 0.83, 0.88, 0.9]) },
        f1: 0.85,
        latency_ms: 40,
        loss: 0.3
      },
      { params: { lr: 0.1 }, metadata: { dataVersion: 'v2024-01', gitCommit: 'a3b8c9d' } }
    )
  ]),
  { pr: { number: 41 }, commit: 'a3b8c9d1234' }
)
const prRuns = [
  run(
    'xgb-tuned',
    {
      accuracy: { value: 0.87, history: history([0.6, 0.7, 0.8, 0.85, 0.87]) },
      f1: 0.86,
      latency_ms: 38,
      loss: 0.31
    },
    { params: { lr: 0.05, n_estimators: 200 }, metadata: { dataVersion: 'v2024-02', gitCommit: 'b4c9d0e' } }
  ),
  run('xgb-deeper', { accuracy: 0.88, f1: 0.855, latency_ms: 45, loss: 0.3 }),
  run('mlp-small', {}, { metadata: { status: 'failed', statusReason: 'out of memory' } })
]

describe("the PR comment rendered by GitHub's renderer", () => {
  const c = compareRuns({ runs: prRuns, baseline: base, rules })
  const md = renderComment(c, {
    headSha: 'b4c9d0e5f6',
    baseSha: 'a3b8c9d1234',
    baseBranch: 'main',
    runUrl: checkedUrl('https://github.com/acme/models/actions/runs/4242'),
    rulesFile: '.github/experiment-review.yml'
  })
  const html = renderGfm(md)

  it('starts with the hidden marker and the verdict', () => {
    expect(md.startsWith(`${hiddenMarker('default')}\n`)).toBe(true)
    expect(html).toMatch(/<h2>❌ Experiment review: 1 rule broken<\/h2>/)
  })

  it('has one metrics-table row per metric with signs and arrows', () => {
    const firstTable = html.slice(html.indexOf('<table>'), html.indexOf('</table>'))
    const rows = [...firstTable.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
      .slice(1)
      .map(m => [...m[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(x => x[1].replace(/<[^>]+>/g, '')))
    expect(rows.map(r => r[1])).toEqual(['f1 ↑', 'accuracy ↑', 'latency_ms ↓', 'loss ↓'])
    const acc = rows[1]
    expect(acc[0]).toBe('❌')
    expect(acc.slice(2, 5)).toEqual(['0.9000', '0.8700', '−3.00 pts (−3.3%)'])
    expect(acc[5]).toMatch(/drop ≤ 0.01 broken/)
    expect(rows[0].slice(0, 5)).toEqual(['✅', 'f1 ↑', '0.8500', '0.8600', '+1.00 pts (+1.2%)'])
    expect(rows[2][4]).toBe('−2.0 (−5.0%)')
    expect(rows[3][0]).toBe('➖')
    expect(rows[3][5]).toMatch(/not gated/)
  })

  it('calls out the data change, folds what changed and all runs, and draws the curve', () => {
    expect(html).toMatch(/Not like for like:<\/strong> the data version changed \(v2024-01 → v2024-02\)/)
    expect(html).toMatch(/<summary>What changed: 2 parameters, data version, code commit<\/summary>/)
    expect(html).toMatch(/<summary>All runs \(3\), best first<\/summary>/)
    expect(html).toMatch(/❌ failed: out of memory/)
    expect(html).toMatch(
      /<pre><code class="language-mermaid">[\s\S]*xychart-beta[\s\S]*grey: baseline-xgb, blue: xgb-tuned/
    )
    // Commands are named only when this build's parser accepts them (test/commands.test.ts checks every surface).
    for (const m of html.matchAll(/\/experiments\s+([a-z]+)/g)) expect(SUPPORTED_COMMANDS).toContain(m[1])
    expect(html).toContain('<code>/experiments accept accuracy &lt;reason&gt;</code>')
    expect(html).toMatch(/<a href="https:\/\/github.com\/acme\/models\/actions\/runs\/4242">checks<\/a>/)
  })

  it('shows the checklist’s data version as code and its commit short, linked to the commit', () => {
    const linked = renderGfm(
      renderComment(compareRuns({ runs: prRuns, baseline: base, rules }), {
        repositoryUrl: checkedUrl('https://github.com/acme/models')
      })
    )
    expect(html).toContain('<li>✅ data version <code>v2024-02</code></li>')
    expect(html).toContain('<li>✅ code commit <code>b4c9d0e</code></li>')
    expect(linked).toContain(
      '<li>✅ code commit <a href="https://github.com/acme/models/commit/b4c9d0e"><code>b4c9d0e</code></a></li>'
    )
  })
})

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '@everyone please look, cc @acme/ml-team',
  'fixes #1 and acme/models#2',
  'a | b | c',
  'line one\nline two\n\n| fake | table |\n|---|---|',
  '```\ncode fence\n```',
  '[click](javascript:alert(1)) ![x](https://example.com/x.png)',
  'safe\u202egnp.exe',
  '</details></table><script>alert(1)</script>',
  '<!-- experiment-review:default -->',
  'www.evil.example and mail me@evil.example',
  '::error::injected',
  '`tick` ``double``'
]

function assertInert(html: string): void {
  const counts = elementCounts(html)
  for (const tag of ['img', 'script', 'a', 'iframe', 'b', 'br'])
    expect({ tag, count: counts[tag] ?? 0 }).toEqual({ tag, count: tag === 'a' ? (counts.a ?? 0) : 0 })
  const links = [...html.matchAll(/<a href="([^"]*)"/g)].map(m => m[1])
  expect(links.every(l => l.startsWith('https://github.com/acme/models/actions/runs/'))).toBe(true)
  expect(html).not.toMatch(/(^|[^\u200c])@everyone|@acme\/ml-team|[^\u200c]#1\b|models#2/)
  expect(html).not.toContain('\u202e')
  // Only our own marker, at the very top, is an HTML comment.
  expect((html.match(/<!-- experiment-review/g) ?? []).length).toBeLessThanOrEqual(1)
  expect(html.indexOf('<!-- experiment-review')).toBeLessThanOrEqual(0)
}

describe('untrusted text from runs', () => {
  it.each(HOSTILE)('is inert everywhere: %j', value => {
    const r = run(
      value,
      { [value]: 0.9, f1: 0.8 },
      {
        params: { [value]: value },
        metadata: {
          dataVersion: value,
          gitCommit: value,
          statusReason: value,
          environment: { [value]: value }
        }
      }
    )
    const failed = run(`${value}-2`, { f1: 0.1 }, { metadata: { status: 'failed', statusReason: value } })
    const b = recordFromExperiment(
      makeExperiment('base', [run('base', { [value]: 0.95, f1: 0.9 }, { params: { [value]: 'x' } })])
    )
    const c = compareRuns({
      runs: [r, failed],
      baseline: b,
      rules: parseRulesFile(`primary: f1\nmetrics: { f1: { min: 0.85 } }`, 'r.yml')
    })
    const md = renderComment(c, { runUrl: checkedUrl('https://github.com/acme/models/actions/runs/1') })
    const html = renderGfm(md)
    assertInert(html)
    // Exactly one marker: ours.
    expect(md.match(/<!-- experiment-review:/g)).toHaveLength(1)
    // Every table keeps its shape: each row has as many cells as its header.
    for (const t of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
      const head = (t.match(/<th[ >]/g) ?? []).length
      for (const row of t.match(/<tbody>[\s\S]*<\/tbody>/)?.[0].match(/<tr>[\s\S]*?<\/tr>/g) ?? [])
        expect((row.match(/<td[ >]/g) ?? []).length).toBe(head)
    }
  })

  it('neutralises mentions, references, URLs, markers and direction overrides', () => {
    expect(neutralize('@alice #12 https://x.io www.y.io <!-- m --> ::warning::')).toBe(
      '@\u200calice #\u200c12 https:\u200c//x.io www\u200c.y.io <\u200c!-- m --> :\u200c:warning:\u200c:'
    )
    expect(neutralize('a\u202eb\u0000c')).toBe('a�b�c')
    expect(neutralize('see GH-12 and gh-3')).toBe('see GH\u200c-12 and gh\u200c-3')
    expect(neutralize('x'.repeat(500)).length).toBe(120)
  })
})

describe('size', () => {
  it("stays under GitHub's limit by folding rows, never cutting a table", () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      run(
        `run-${i}-${'x'.repeat(60)}`,
        Object.fromEntries(
          Array.from({ length: 30 }, (_, k) => [`metric_${k}_${'y'.repeat(40)}`, i / 3000 + k])
        ),
        { params: Object.fromEntries(Array.from({ length: 100 }, (_, k) => [`p${k}`, 'v'.repeat(80) + i])) }
      )
    )
    const b = recordFromExperiment(
      makeExperiment('base', [run('base', { metric_0: 1 }, { params: { a: 1 } })])
    )
    const c = compareRuns({
      runs: many,
      baseline: b,
      rules: parseRulesFile('primary: metric_0_' + 'y'.repeat(40), 'r.yml')
    })
    const md = renderComment(c)
    expect(md.length).toBeLessThan(GITHUB_BODY_LIMIT)
    const html = renderGfm(md)
    expect((html.match(/<table>/g) ?? []).length).toBe((html.match(/<\/table>/g) ?? []).length)
    expect(md).toMatch(/more runs in the JSON report|too long for a comment/)
  })
})

describeShared('the hostile fixtures through the whole pipeline', fixtures => {
  it('renders a comment where nothing from the files becomes markup', async () => {
    const { runs, diagnostics } = await collectRuns({ workspace: path.join(fixtures, 'hostile') })
    const c = compareRuns({
      runs,
      diagnostics,
      rules: parseRulesFile('primary: normal', 'r.yml'),
      championPick: { name: '<img src=x onerror=alert(1)> @everyone' }
    })
    const html = renderGfm(renderComment(c))
    assertInert(html)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})

describe('noise-aware words, targets and hypotheses in the comment', () => {
  it('says what the numbers mean and shows every run against the targets', () => {
    const seeds = (name: string, values: number[], meta = {}) =>
      values.map((v, i) => run(`${name}-seed${i}`, { f1: v, latency_ms: 40 + 2 * i }, { metadata: meta }))
    const b = recordFromExperiment(makeExperiment('base', seeds('base', [0.85, 0.851, 0.849, 0.852, 0.848])))
    const r = parseRulesFile(
      'primary: f1\nmetrics:\n  f1: { min: 0.8, max_drop: 0 }\n  latency_ms: { max: 42 }\n',
      'r.yml'
    )
    const c = compareRuns({
      runs: [
        ...seeds('tuned', [0.83, 0.829, 0.831, 0.828, 0.832], {
          hypothesis: 'smaller trees generalise',
          successCriteria: 'f1 >= 0.9'
        }),
        run('other', { f1: 0.7, latency_ms: 30 })
      ],
      baseline: b,
      rules: r
    })
    const html = renderGfm(renderComment(c))
    expect(html).toMatch(/In words: f1 −2\.00 pts \(p &lt; 0\.001 two-sided, significant\)/)
    expect(html).toMatch(/significant drop \(p &lt; 0\.001, two-sided, paired t-test over matched seeds\)/)
    expect(html).toMatch(/Labels use two-sided p-values at 0\.05\. The gate asks, one-sided/)
    expect(html).toMatch(
      /❌ <strong>Hypothesis<\/strong> of <code>tuned<\/code>: smaller trees generalise \(success: f1 &gt;= 0\.9\) — <strong>not supported<\/strong>/
    )
    expect(html).toMatch(/<th>targets<\/th>/)
    expect(html).toMatch(/✅ f1 ≥ 0\.8 · ❌ latency_ms ≤ 42/)
    expect(html).toMatch(/❌ f1 ≥ 0\.8 · ✅ latency_ms ≤ 42/)
  })
})
