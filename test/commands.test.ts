// Say only what works: every `/experiments` word a rendered comment or job summary names is a command this build's
// parser accepts (SUPPORTED_COMMANDS, filled by the command mode); while the list is empty, no surface names one.
import { parseRulesFile } from '../src/config/rules-file.js'
import { recordFromExperiment } from '../src/core/baseline.js'
import { SUPPORTED_COMMANDS, type CommandWord } from '../src/core/commands.js'
import { compareRuns, type Comparison } from '../src/core/compare.js'
import { makeExperiment } from '../src/core/experiment.js'
import { renderComment, type ReportContext } from '../src/report/comment.js'
import { checkedUrl } from '../src/report/mdast.js'
import { renderReviewSummary } from '../src/report/summary.js'
import { run } from './helpers/runs.js'

const rules = parseRulesFile(
  'primary: f1\nmetrics:\n  f1: { goal: maximize, max_drop: 0.01 }\n  loss: { goal: minimize, max: 1 }\n',
  'r.yml'
)
const baseline = recordFromExperiment(makeExperiment('base', [run('base', { f1: 0.9, loss: 0.5 })]), {
  pr: { number: 3 },
  commit: 'a'.repeat(40)
})

/** Reviews a maintainer sees: a broken rule, a pass with several runs, no baseline yet, nothing found. */
const scenarios: [string, Comparison][] = [
  ['a broken rule', compareRuns({ runs: [run('pr', { f1: 0.8, loss: 0.6 })], baseline, rules })],
  [
    'a pass with several runs',
    compareRuns({
      runs: [run('a', { f1: 0.95, loss: 0.4 }), run('b', { f1: 0.91, loss: 0.45 })],
      baseline,
      rules
    })
  ],
  ['no baseline yet', compareRuns({ runs: [run('a', { f1: 0.8 })], rules })],
  ['no runs', compareRuns({ runs: [], baseline, rules })]
]

const ctx: ReportContext = {
  headSha: 'b'.repeat(40),
  baseSha: 'a'.repeat(40),
  baseBranch: 'main',
  runUrl: checkedUrl('https://github.com/acme/models/commit/bbbbbbb/checks'),
  rulesFile: 'r.yml'
}

/** Every `/experiments <word>` in a text, and whether a bare `/experiments` appears. */
function commandWords(markdown: string): { words: string[]; mentions: number } {
  const mentions = markdown.match(/\/experiments\b/g)?.length ?? 0
  const words = [...markdown.matchAll(/\/experiments[ \t]+([A-Za-z-]+)/g)].map(m => m[1])
  return { words, mentions }
}

function surfaces(c: Comparison, context: ReportContext): string[] {
  const comment = renderComment(c, context)
  return [comment, renderReviewSummary(c, comment, { commentSkipped: 'the comment input is false' })]
}

describe('commands named in the report', () => {
  it.each(scenarios)('names only commands the parser accepts (%s)', (_, c) => {
    for (const markdown of surfaces(c, ctx)) {
      const { words, mentions } = commandWords(markdown)
      expect(words.filter(w => !SUPPORTED_COMMANDS.includes(w as CommandWord))).toEqual([])
      // A bare mention names no command a reader could run: with no parser words there is none at all.
      if (!SUPPORTED_COMMANDS.length) expect(mentions).toBe(0)
      expect(mentions).toBe(words.length)
    }
  })

  it('brings the hints back once the parser accepts the words, and names nothing else', () => {
    const commands: CommandWord[] = ['accept', 'help']
    const [comment] = surfaces(scenarios[0][1], { ...ctx, commands })
    expect(comment).toContain('`/experiments accept f1 <reason>`')
    expect(comment).toContain('`/experiments help` lists the commands')
    expect(new Set(commandWords(comment).words)).toEqual(new Set(commands))
    const [onlyHelp] = surfaces(scenarios[0][1], { ...ctx, commands: ['help'] })
    expect(commandWords(onlyHelp).words).toEqual(['help'])
  })
})
