// The names and limits shared by every part: action.yml's input defaults are the same default paths (the baseline's
// per id), the hidden marker keeps the format of the comments already posted, and the version printed is
// package.json's.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { HELP, VERSION } from '../src/cli/help.js'
import { assetsBranch, readActionConfig } from '../src/config/inputs.js'
import {
  DEFAULT_BASELINE_PATH,
  DEFAULT_DOCS_PATH,
  DEFAULT_RULES_PATH,
  hiddenMarker
} from '../src/core/conventions.js'
import { PROJECT_ROOT } from './review-fixtures.js'

const packageVersion = (
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version

describe('conventions', () => {
  it("are action.yml's input defaults", () => {
    const action = parse(readFileSync(path.join(PROJECT_ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>
    }
    expect(action.inputs.config.default).toBe(DEFAULT_RULES_PATH)
    // The baseline's default depends on the id: empty in action.yml, filled in per id by readActionConfig.
    expect(action.inputs.baseline.default).toBe('')
    expect(readActionConfig(name => (name === 'id' ? 'vision' : ''), {}).baselinePath).toBe(
      '.experiments/vision/baseline.json'
    )
    expect(readActionConfig(() => '', {})).toMatchObject({
      baselinePath: DEFAULT_BASELINE_PATH,
      baselineNamed: false
    })
    expect(action.inputs.docs.default).toBe(DEFAULT_DOCS_PATH)
  })

  it('keep the hidden marker of the comments and issues already posted', () => {
    expect(hiddenMarker('default')).toBe('<!-- experiment-review:default -->')
    expect(hiddenMarker('nightly', 'issue')).toBe('<!-- experiment-review:issue:nightly -->')
    expect(hiddenMarker('a b<c>--')).toBe('<!-- experiment-review:a-b-c--- -->')
    expect(hiddenMarker('default', 'issue')).not.toContain(hiddenMarker('default'))
    expect(hiddenMarker('issue')).not.toContain(hiddenMarker('default', 'issue'))
  })

  it("print package.json's version, in the sources and in the committed bundle", () => {
    expect(VERSION).toBe(packageVersion)
    expect(HELP.startsWith(`experiment-review ${packageVersion}:`)).toBe(true)
    expect(HELP).toContain(`--baseline ${DEFAULT_BASELINE_PATH}`)
    const shipped = execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli.js'), '--version'], {
      encoding: 'utf8'
    })
    expect(shipped).toBe(`${packageVersion}\n`)
  })
})

describe('the assets-branch input', () => {
  it('takes a plain branch name, the default when empty, and none to turn hosting off', () => {
    expect(assetsBranch('')).toBe('experiment-review/assets')
    expect(assetsBranch(' plots/v2 ')).toBe('plots/v2')
    expect(assetsBranch('none')).toBeUndefined()
  })

  it.each([
    'main',
    'master',
    'HEAD',
    '-x',
    'a..b',
    'x.lock',
    'x.lock/y',
    '.hidden',
    'a/.b',
    'a//b',
    '/a',
    'a/',
    'a b'
  ])('refuses %j, naming the input', name => expect(() => assetsBranch(name)).toThrow(/assets-branch/))
})
