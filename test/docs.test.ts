import { execFileSync } from 'node:child_process'
import { collectRuns } from '../src/sources/detect.js'
import { parseBaseline, serializeBaseline, type BaselineFile } from '../src/core/baseline.js'
import { promote, type PromotionInput } from '../src/core/promotion.js'
import { defaultRules, type Rules } from '../src/core/rules.js'
import { makeRun, type Run } from '../src/core/run.js'
import {
  DocsMarkerError,
  docsTemplate,
  findRegions,
  sectionNames,
  updateDocsPage
} from '../src/report/docs.js'
import { describeShared } from './helpers/shared.js'
import { githubUrl } from '../src/report/mdast.js'

const FILE = 'docs/experiments.md'

function rules(): Rules {
  const r = defaultRules()
  r.primary = 'f1'
  r.metrics.accuracy = { goal: 'maximize', min: 0.8 }
  return r
}

function run(name: string, f1: number, accuracy: number, extra: Partial<Run> = {}): Run {
  return makeRun({
    id: `builtin:experiments/${name}`,
    name,
    source: 'builtin',
    path: `experiments/${name}`,
    params: { lr: 0.05, max_depth: 6 },
    metrics: { f1: { value: f1 }, accuracy: { value: accuracy }, latency_ms: { value: 40 } },
    ...extra
  })
}

function promoted(input: Omit<PromotionInput, 'id' | 'rules'>): BaselineFile {
  const result = promote({ id: 'default', rules: rules(), ...input })
  if (result.kind !== 'promoted') throw new Error(result.reason)
  return result.baseline
}

/** A baseline with two merges: #12 (logreg), then #57 (xgb-tuned, with an accepted regression and a failed run). */
function twoMerges(
  runs57: Run[] = [
    run('xgb-tuned', 0.86, 0.87),
    run('xgb-deeper', 0.855, 0.88),
    run('mlp-small', 0, 0, {
      metadata: { status: 'failed', statusReason: 'out of memory', tags: [], environment: {} }
    })
  ]
): BaselineFile {
  const first = promoted({
    runs: [run('logreg', 0.78, 0.85)],
    pr: { number: 12, title: 'first model', mergedBy: 'alice' },
    commit: 'a'.repeat(40),
    date: '2026-06-01T10:00:00Z'
  })
  return promoted({
    previous: first,
    runs: runs57,
    pr: { number: 57, title: 'tune xgboost for latency', mergedBy: 'bob' },
    commit: 'b'.repeat(40),
    date: '2026-11-20T10:00:00Z',
    decisions: {
      accepted: [
        {
          metric: 'accuracy',
          reason: 'we trade accuracy for latency',
          by: 'alice',
          at: '2026-11-19T09:00:00Z'
        }
      ]
    }
  })
}

function render(markdown: string): string {
  return execFileSync(
    'cmark-gfm',
    ['-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter', '--unsafe'],
    { input: markdown, encoding: 'utf8' }
  )
}

const options = { id: 'default', rules: rules(), file: FILE }

describe('living docs page', () => {
  it('creates a page from the template with a title, a managed-sections line and both sections', () => {
    const page = updateDocsPage(undefined, twoMerges(), options)
    expect(page.startsWith('# Experiments\n\nThe sections between the `experiment-review` markers')).toBe(
      true
    )
    expect(findRegions(page, FILE).map(r => r.name)).toEqual(['current', 'history'])
    expect(page).toContain('## Current model: `xgb-tuned` (since PR #57, 2026-11-20)')
    expect(page.endsWith('<!-- experiment-review:end history -->\n')).toBe(true)
  })

  it('is deterministic: rendering the same baseline twice gives the same page, also after a JSON round trip', () => {
    const baseline = twoMerges()
    const once = updateDocsPage(undefined, baseline, options)
    expect(updateDocsPage(once, baseline, options)).toBe(once)
    const reread = parseBaseline(serializeBaseline(baseline), '.experiments/baseline.json')
    expect(updateDocsPage(once, reread, options)).toBe(once)
  })

  it('renders the champion, why, hyperparameters, the history table, the chart and each PR with GitHub’s renderer', () => {
    const html = render(updateDocsPage(undefined, twoMerges(), options))
    expect(html).toContain('<h2>Current model: <code>xgb-tuned</code> (since PR #57, 2026-11-20)</h2>')
    expect(html).toMatch(
      /<td>accuracy ↑<\/td>\s*<td align="right">0\.8700<\/td>\s*<td align="right">\+2\.00 pts, accepted<\/td>/
    )
    expect(html).toContain(
      'The accuracy regression was accepted by @\u200calice on 2026-11-19: “we trade accuracy for latency”'
    )
    expect(html).toContain('<summary>Hyperparameters (2)</summary>')
    expect(html).toContain('<pre><code class="language-mermaid">')
    expect(html).toContain('xychart-beta')
    expect(html).toContain('x-axis &quot;PR&quot; [&quot;#12&quot;, &quot;#57&quot;]')
    expect(html).toContain('line [0.78, 0.86]')
    // The history table carries the same numbers as the chart, newest first.
    expect(html).toMatch(
      /<td>2026-11-20<\/td>\s*<td>#57<\/td>\s*<td><code>xgb-tuned<\/code><\/td>\s*<td align="right">0\.8600<\/td>/
    )
    expect(html).toMatch(
      /<td>2026-06-01<\/td>\s*<td>#12<\/td>\s*<td><code>logreg<\/code><\/td>\s*<td align="right">0\.7800<\/td>/
    )
    expect(html).toContain('<summary>PR #57: tune xgboost for latency (3 runs)</summary>')
    // Every run best first, the chosen one flagged, the failed one marked with its reason and no numbers.
    const pr57 = html.slice(html.indexOf('PR #57: tune'))
    expect(pr57.indexOf('xgb-tuned</code> ✅ chosen')).toBeLessThan(pr57.indexOf('xgb-deeper'))
    expect(pr57.indexOf('xgb-deeper')).toBeLessThan(pr57.indexOf('mlp-small'))
    expect(pr57).toMatch(
      /<code>mlp-small<\/code><\/td>\s*<td align="right">—<\/td>\s*<td align="right">—<\/td>\s*<td align="right">—<\/td>\s*<td>❌ failed: out of memory<\/td>/
    )
    expect((html.match(/<table>/g) ?? []).length).toBe(5)
  })

  it('links PRs and commits into the repository when its URL is known', () => {
    const repositoryUrl = githubUrl('https://github.com', 'acme', 'models')
    const html = render(updateDocsPage(undefined, twoMerges(), { ...options, repositoryUrl }))
    expect(html).toContain(
      '<h2>Current model: <code>xgb-tuned</code> (since <a href="https://github.com/acme/models/pull/57">PR #57</a>, 2026-11-20)</h2>'
    )
    expect(html).toContain('<td><a href="https://github.com/acme/models/pull/12">#12</a></td>')
    expect(html).toContain(
      '<summary><a href="https://github.com/acme/models/pull/57">PR #57</a>: tune xgboost for latency (3 runs)</summary>'
    )
    expect(html).toContain(
      'merged as <a href="https://github.com/acme/models/commit/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"><code>bbbbbbb</code></a>'
    )
  })

  it('appends the sections to a page without markers and changes nothing else', () => {
    const page = '# Churn model\n\nOur notes.\n\n- a list\n'
    const out = updateDocsPage(page, twoMerges(), options)
    expect(
      out.startsWith('# Churn model\n\nOur notes.\n\n- a list\n\n<!-- experiment-review:start current -->\n')
    ).toBe(true)
    expect(findRegions(out, FILE).map(r => r.name)).toEqual(['current', 'history'])
  })

  it('keeps text above, between and below the sections byte for byte, in the order the people chose', () => {
    const above = '# Churn\r\n\nWritten by the team.  \n<div align="center">kept</div>\n\n'
    const between =
      '\n\nNotes about the labels, with a fake <!-- experiment-review:end current --> inline.\n\n```md\n<!-- experiment-review:start history -->\n```\n\n'
    const below =
      '\n\n## Team appendix\n\n> <!-- experiment-review:start current -->\n\ntrailing text without newline'
    const page = `${above}<!-- experiment-review:start history -->\nold history\n<!-- experiment-review:end history -->${between}<!-- experiment-review:start current -->\nold\n<!-- experiment-review:end current -->${below}`
    let out = page
    let baseline = twoMerges()
    for (let i = 0; i < 3; i++) {
      out = updateDocsPage(out, baseline, options)
      expect(out.startsWith(`${above}<!-- experiment-review:start history -->`)).toBe(true)
      expect(out.endsWith(`<!-- experiment-review:end current -->${below}`)).toBe(true)
      const regions = findRegions(out, FILE)
      expect(regions.map(r => r.name)).toEqual(['history', 'current'])
      expect(out.slice(regions[0].end.end, regions[1].start.start)).toBe(between)
      baseline = promoted({
        previous: baseline,
        runs: [run(`next-${i}`, 0.9 + i / 100, 0.9)],
        pr: { number: 100 + i, mergedBy: 'carol' },
        commit: String(i).repeat(40),
        date: `2026-12-0${i + 1}T00:00:00Z`
      })
    }
    expect(out).toContain('`next-1`')
  })

  it('leaves the sections of another id alone and writes its own as current:ID and history:ID', () => {
    const page = updateDocsPage(undefined, twoMerges(), options)
    const gpu = updateDocsPage(page, twoMerges(), { ...options, id: 'gpu' })
    expect(gpu.startsWith(page.replace(/\n$/, ''))).toBe(true)
    expect(findRegions(gpu, FILE).map(r => r.name)).toEqual([
      'current',
      'history',
      'current:gpu',
      'history:gpu'
    ])
    expect(gpu).toContain('## Current model (gpu): `xgb-tuned`')
    expect(sectionNames('gpu <x>')).toEqual({
      current: 'current:gpu--x-',
      history: 'history:gpu--x-',
      production: 'production:gpu--x-'
    })
  })

  it('keeps CRLF line endings of a page that uses them', () => {
    const page =
      '# Page\r\n\r\n<!-- experiment-review:start current -->\r\n<!-- experiment-review:end current -->\r\n\r\nafter\r\n'
    const out = updateDocsPage(page, twoMerges(), options)
    expect(out.replace(/\r\n/g, '')).not.toContain('\n')
    expect(out.endsWith('<!-- experiment-review:end history -->\r\n')).toBe(true)
    expect(updateDocsPage(out, twoMerges(), options)).toBe(out)
  })

  it.each([
    [
      'start without end',
      '# P\n\n<!-- experiment-review:start current -->\n\ntext\n',
      [3],
      /has no end marker/
    ],
    [
      'end without start',
      '# P\n\ntext\n\n<!-- experiment-review:end current -->\n',
      [5],
      /has no start marker/
    ],
    [
      'out of order',
      '<!-- experiment-review:end current -->\n\n<!-- experiment-review:start current -->\n',
      [1, 3],
      /no start marker[\s\S]*no end marker/
    ],
    [
      'nested',
      '<!-- experiment-review:start current -->\n\n<!-- experiment-review:start history -->\n\n<!-- experiment-review:end history -->\n\n<!-- experiment-review:end current -->\n',
      [3, 5, 7],
      /nested inside the section "current" opened on line 1/
    ],
    [
      'duplicated',
      '<!-- experiment-review:start current -->\n<!-- experiment-review:end current -->\n\nx\n\n<!-- experiment-review:start current -->\n<!-- experiment-review:end current -->\n',
      [6],
      /duplicates the section "current" on lines 1–2/
    ],
    [
      'glued to other HTML',
      '<div>\n<!-- experiment-review:start current -->\n</div>\n',
      [2],
      /part of an HTML block/
    ],
    [
      'an unclosed fence inside a section',
      '<!-- experiment-review:start current -->\n\n```\n\n<!-- experiment-review:end current -->\n',
      [1],
      /has no end marker/
    ]
  ])('fails on markers %s, naming the lines, and writes nothing', (_name, page, lines, message) => {
    let error: unknown
    try {
      updateDocsPage(page, twoMerges(), options)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DocsMarkerError)
    const e = error as DocsMarkerError
    expect(e.problems.map(p => p.line)).toEqual(lines)
    expect(e.message).toMatch(message)
    expect(
      e.message.startsWith(`${FILE}: the experiment-review markers are broken, so the page was not changed:`)
    ).toBe(true)
    for (const line of lines) expect(e.message).toContain(`line ${line}:`)
  })

  it('does not count marker text in code blocks, lists, quotes or inline', () => {
    const page =
      '```\n<!-- experiment-review:start current -->\n```\n\n    <!-- experiment-review:end current -->\n\n- <!-- experiment-review:start history -->\n\n> <!-- experiment-review:end history -->\n\nText <!-- experiment-review:start current --> inline.\n'
    expect(findRegions(page, FILE)).toEqual([])
    const out = updateDocsPage(page, twoMerges(), options)
    expect(out.startsWith(page)).toBe(true)
    expect(findRegions(out, FILE).map(r => r.name)).toEqual(['current', 'history'])
  })

  it('turns nothing from run outputs into HTML, links, mentions, table breaks or fake markers', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '@everyone',
      'a|b',
      '<!-- experiment-review:end current -->',
      'line one\n<!-- experiment-review:start history -->\n# heading',
      '[click](https://evil.example) www.evil.example #1'
    ]
    const runs = hostile.map((name, i) =>
      makeRun({
        id: `builtin:experiments/h${i}`,
        name,
        source: 'builtin',
        path: `experiments/h${i}`,
        params: { [name]: name, lr: i },
        metrics: { f1: { value: 0.5 + i / 100 }, [name]: { value: i } },
        metadata: {
          status: i === 5 ? 'failed' : 'finished',
          statusReason: name,
          tags: [],
          environment: { [name]: name },
          dataVersion: name,
          gitCommit: name
        }
      })
    )
    const baseline = promoted({
      runs,
      pr: { number: 7, title: hostile.join(' '), mergedBy: '@everyone <b>' },
      commit: 'c'.repeat(40),
      date: '2026-01-01T00:00:00Z',
      decisions: {
        championPick: { name: hostile[3], by: 'x<y>', at: '2026-01-01T00:00:00Z' },
        accepted: hostile.map(h => ({ metric: h, reason: h, by: h, at: h }))
      }
    })
    expect(baseline.champion.name).toBe(hostile[3])
    const page = updateDocsPage('# Team\n', baseline, options)
    expect(findRegions(page, FILE).map(r => r.name)).toEqual(['current', 'history'])
    const html = render(page)
    expect(html).not.toMatch(/<img|<a |<b>|onerror=alert\(1\)>/i)
    expect(html.match(/<h1/g)).toEqual(['<h1'])
    expect(html).not.toMatch(/@(?!\u200c)[A-Za-z]/)
    expect(html).not.toMatch(/https?:\/\/evil/)
    expect((html.match(/<!-- experiment-review:/g) ?? []).length).toBe(4)
    // Every table row has as many cells as its header.
    for (const t of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
      const rows = t.match(/<tr>[\s\S]*?<\/tr>/g) ?? []
      const counts = rows.map(r => (r.match(/<t[hd][ >]/g) ?? []).length)
      expect(new Set(counts).size).toBe(1)
    }
    // The chart block holds only sanitised labels.
    const chart = html.slice(html.indexOf('language-mermaid">') + 18, html.indexOf('</code></pre>'))
    expect(chart.replace(/ --&gt; /g, ' ')).not.toMatch(/[<>@|]|&lt;|&gt;/)
  })
})

describeShared('living docs from the hostile fixtures', fixtures => {
  it('renders runs with injection attempts as inert text', async () => {
    // The folders that hold runs with hostile text and numbers (the whole folder also holds inputs meant to fail).
    const patterns = [
      'markdown-injection',
      'fine-run',
      'nan-inf',
      'huge-int',
      'path-traversal',
      'string-metric'
    ].map(d => `experiments/${d}`)
    const { runs } = await collectRuns({ workspace: `${fixtures}/hostile`, patterns })
    expect(runs.length).toBeGreaterThanOrEqual(5)
    const baseline = promoted({
      runs,
      pr: { number: 3, mergedBy: 'dev' },
      commit: 'd'.repeat(40),
      date: '2026-02-02T00:00:00Z'
    })
    const page = updateDocsPage(docsTemplate({ id: 'default' }), baseline, options)
    expect(findRegions(page, FILE)).toHaveLength(2)
    const html = render(page)
    expect(html).not.toMatch(/<img|<a |<script|<iframe/i)
    expect(html).not.toMatch(/@(?!\u200c)[A-Za-z]/)
    expect((html.match(/<!-- experiment-review:/g) ?? []).length).toBe(4)
  })
})
