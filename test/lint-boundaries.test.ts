// The import boundaries of src/ are the lint's (eslint.config.js): the project's own ESLint config lints
// synthetic files placed in each folder, as `npm run lint` would lint them there. Forbidden imports (static,
// re-export, dynamic import() and import() types) fail; the allowed ones pass, so the check cannot pass vacuously.
// Functions in src/ over 80 lines fail too, unless an eslint-disable comment states why.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { PROJECT_ROOT } from './review-fixtures.js'

interface Probe {
  file: string
  code: string
}
interface Verdict {
  file: string
  code: string
  rules: string[]
}

/** Lints each probe with ESLint's Node API in a child process (ESLint loads its config with a plain import). */
async function lint(probes: Probe[]): Promise<Verdict[]> {
  const script = `
    import { ESLint } from 'eslint'
    const probes = JSON.parse(process.argv[1])
    const eslint = new ESLint({ cwd: process.cwd() })
    const out = []
    for (const p of probes) {
      const [result] = await eslint.lintText(p.code, { filePath: p.file })
      out.push({ ...p, rules: result.messages.map(m => m.ruleId ?? m.message) })
    }
    process.stdout.write(JSON.stringify(out))
  `
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(probes)],
    { cwd: PROJECT_ROOT, maxBuffer: 16 * 1024 * 1024 }
  )
  return JSON.parse(stdout) as Verdict[]
}

const forbidden: Probe[] = [
  { file: 'src/core/probe.ts', code: "import '../github/client.js'\n" },
  {
    file: 'src/core/probe.ts',
    code: "import { readFile } from 'node:fs/promises'\nexport const r = readFile\n"
  },
  { file: 'src/core/probe.ts', code: "export const m = await import('../report/mdast.js')\n" },
  { file: 'src/sources/probe.ts', code: "import '../report/mdast.js'\n" },
  { file: 'src/sources/probe.ts', code: "export const m = await import('../modes/review.js')\n" },
  {
    file: 'src/sources/probe.ts',
    code: "export type C = import('../github/client.js').GitHubClient\n"
  },
  { file: 'src/sources/nested/probe.ts', code: "import '../../github/client.js'\n" },
  { file: 'src/report/probe.ts', code: "export { upsertStickyComment } from '../github/sticky.js'\n" },
  {
    file: 'src/report/probe.ts',
    code: "import type { GitHubClient } from '../github/client.js'\nexport type C = GitHubClient\n"
  },
  { file: 'src/modes/probe.ts', code: "import * as core from '@actions/core'\nexport const c = core\n" },
  { file: 'src/report/probe.ts', code: "export const g = await import('@actions/github')\n" },
  {
    file: 'src/local/probe.ts',
    code: "import { runPromote } from '../modes/promote.js'\nexport const p = runPromote\n"
  },
  {
    file: 'src/config/probe.ts',
    code: "import { collectRuns } from '../sources/detect.js'\nexport const c = collectRuns\n"
  },
  {
    file: 'src/github/probe.ts',
    code: "import { runReviewMode } from '../modes/review.js'\nexport const r = runReviewMode\n"
  },
  { file: 'src/modes/probe.ts', code: "import { run } from '../main.js'\nexport const r = run\n" }
]

const allowed: Probe[] = [
  { file: 'src/core/probe.ts', code: "import { makeRun } from './run.js'\nexport const m = makeRun\n" },
  { file: 'src/sources/probe.ts', code: "import type { Run } from '../core/run.js'\nexport type R = Run\n" },
  { file: 'src/sources/probe.ts', code: "export const y = await import('yaml')\n" },
  {
    file: 'src/report/probe.ts',
    code: "import { hiddenMarker } from '../core/conventions.js'\nexport const h = hiddenMarker\n"
  },
  { file: 'src/github/probe.ts', code: "export const g = await import('@actions/github')\n" },
  { file: 'src/main.ts', code: "import * as core from '@actions/core'\nexport const c = core\n" },
  {
    file: 'src/modes/probe.ts',
    code: "import { upsertStickyComment } from '../github/sticky.js'\nexport const u = upsertStickyComment\n"
  },
  { file: 'src/cli/probe.ts', code: "export const m = await import('../modes/review.js')\n" }
]

describe('import boundaries (eslint.config.js)', () => {
  let verdicts: Verdict[]
  beforeAll(async () => {
    verdicts = await lint([...forbidden, ...allowed])
  })

  it.each(forbidden.map((p, i) => [p.file, p.code.split('\n')[0], i] as const))(
    'refuses in %s: %s',
    (_file, _line, i) => {
      const { rules } = verdicts[i]
      expect(rules.some(r => r === 'no-restricted-imports' || r === 'no-restricted-syntax')).toBe(true)
    }
  )

  it.each(allowed.map((p, i) => [p.file, p.code.split('\n')[0], forbidden.length + i] as const))(
    'allows in %s: %s',
    (_file, _line, i) => {
      expect(verdicts[i].rules).toEqual([])
    }
  )
})

describe('function length (eslint.config.js)', () => {
  /** A function of `lines` lines in all, as the rule counts them (signature and closing brace included). */
  const fn = (lines: number) =>
    `export function probe(): number {\n${'  Math.random()\n'.repeat(lines - 3)}  return 1\n}\n`

  it('refuses a function over 80 lines in src/, and takes one with its reason stated or of 80 lines', async () => {
    const [long, reasoned, limit] = await lint([
      { file: 'src/modes/probe.ts', code: fn(81) },
      {
        file: 'src/sources/probe.ts',
        code: `// eslint-disable-next-line max-lines-per-function -- one pass over every byte\n${fn(120)}`
      },
      { file: 'src/report/probe.ts', code: fn(80) }
    ])
    expect(long.rules).toEqual(['max-lines-per-function'])
    expect(reasoned.rules).toEqual([])
    expect(limit.rules).toEqual([])
  })
})
