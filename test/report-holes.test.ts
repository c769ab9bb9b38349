// The two places where untrusted text once reached the comment as a plain string: a metric name as a column header
// of "All runs", and an accepted regression's author and reason in a table cell.
import { compareRuns } from '../src/core/compare.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import { recordFromExperiment } from '../src/core/baseline.js'
import { makeExperiment } from '../src/core/experiment.js'
import { renderComment } from '../src/report/comment.js'
import { renderGfm } from './helpers/cmark.js'
import { run } from './helpers/runs.js'

/** Text of the rendered HTML where a live mention or reference would be: one not broken by a zero-width joiner. */
function liveMentionsAndRefs(html: string): string[] {
  const visible = html.replace(/<[^>]+>/g, ' ')
  return [...visible.matchAll(/(^|[^\u200c\w])(@[A-Za-z0-9][\w-]*|#\d+)/g)].map(m => m[2])
}

describe('untrusted text that once reached the comment as a plain string', () => {
  it('keeps a metric name inert as a column header of "All runs"', () => {
    const name = '@everyone look #12'
    const rules = parseRulesFile(`primary: "${name}"\n`, 'r.yml')
    const c = compareRuns({ runs: [run('a', { [name]: 0.9 }), run('b', { [name]: 0.8 })], rules })
    const md = renderComment(c)
    const html = renderGfm(md)
    expect(html).toContain('All runs (2)')
    expect(liveMentionsAndRefs(html)).toEqual([])
  })

  it("keeps an accepted regression's author and reason inert in the metrics table", () => {
    const rules = parseRulesFile(`primary: f1\nmetrics: { f1: { max_drop: 0.01 } }\n`, 'r.yml')
    const baseline = recordFromExperiment(makeExperiment('base', [run('base', { f1: 0.9 })]))
    const c = compareRuns({
      runs: [run('pr', { f1: 0.8 })],
      baseline,
      rules,
      accepted: [
        {
          metric: 'f1',
          by: 'everyone',
          reason: 'ok for @acme/ml-team, see #7 | <img src=x>',
          at: '2026-01-01'
        }
      ]
    })
    const md = renderComment(c)
    const html = renderGfm(md)
    expect(html).toMatch(/accepted by/)
    expect(liveMentionsAndRefs(html)).toEqual([])
    expect(html).not.toMatch(/<img/)
    // The pipe stays inside its cell: the metrics table keeps six columns in every row.
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'))
    for (const row of table.match(/<tr>[\s\S]*?<\/tr>/g) ?? [])
      expect(row.match(/<t[hd][ >]/g)).toHaveLength(6)
  })
})
