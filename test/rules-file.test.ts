import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseRulesFile, rulesJsonSchema, RulesFileError } from '../src/config/rules-file.js'
import { describeShared } from './helpers/shared.js'

const fail = (text: string): RulesFileError => {
  try {
    parseRulesFile(text, '.github/experiment-review.yml')
  } catch (e) {
    if (e instanceof RulesFileError) return e
    throw e
  }
  throw new Error('expected the rules file to be refused')
}

describe('rules file', () => {
  it('reads the documented example', () => {
    const rules = parseRulesFile(
      `primary: f1
metrics:
  accuracy:   { goal: maximize, min: 0.85, max_drop: 0.01 }
  f1:         { goal: maximize, max_drop: 1% }
  latency_ms: { goal: minimize, max: 50, max_rise: 10% }
  loss:       { goal: minimize }
significance: { alpha: 0.05 }
overfitting:  { train: train_accuracy, val: val_accuracy, max_gap: 0.05 }
retraining:
  labels: [retraining]
  when: { accuracy: { below: 0.85 }, drift_score: { above: 0.3 } }
commands: { permission: write }
`,
      'r.yml'
    )
    expect(rules.primary).toBe('f1')
    expect(rules.metrics.f1.maxDrop).toEqual({ amount: 0.01, relative: true })
    expect(rules.metrics.accuracy).toEqual({
      goal: 'maximize',
      min: 0.85,
      maxDrop: { amount: 0.01, relative: false }
    })
    expect(rules.metrics.latency_ms.maxRise).toEqual({ amount: 0.1, relative: true })
    expect(rules.overfitting).toEqual({
      train: 'train_accuracy',
      val: 'val_accuracy',
      maxGap: 0.05,
      gate: true
    })
    expect(rules.retraining?.when.drift_score).toEqual({ above: 0.3 })
    expect(rules.origin?.lines).toMatchObject({ accuracy: 3, f1: 4, latency_ms: 5, loss: 6 })
  })

  it('an empty file means the defaults', () => {
    expect(parseRulesFile('', 'r.yml').significance.alpha).toBe(0.05)
  })

  it.each([
    [
      'metrics:\n  f1: { goal: upward }\n',
      2,
      'metrics.f1.goal: expected one of "maximize", "minimize" (found "upward")'
    ],
    [
      'metrics:\n  f1:\n    max_drop: lots\n',
      3,
      'metrics.f1.max_drop: expected a number (absolute) or a percentage'
    ],
    ['metrics:\n  f1: { max_drop: 150% }\n', 2, 'percentage from 0% to 100%'],
    ['primary: f1\nmetric:\n  f1: {}\n', 2, 'metric: unknown key'],
    ['significance: { alpha: 2 }\n', 1, 'significance.alpha: expected a number <1 (found 2)'],
    ['primary: [a\n', 2, 'is not valid YAML'],
    [
      'metrics:\n  f1: { goal: maximize }\n  f1: { goal: minimize }\n',
      3,
      'is not valid YAML: Map keys must be unique'
    ]
  ])('refuses %j with the line and what was expected', (text, line, message) => {
    const e = fail(text)
    expect(e.file).toBe('.github/experiment-review.yml')
    expect(e.line).toBe(line)
    expect(e.column).toBeGreaterThan(0)
    expect(e.message).toContain(message)
  })

  it('the committed JSON Schema is the one the code validates with', async () => {
    const committed = JSON.parse(await readFile('schema/experiment-review.schema.json', 'utf8'))
    expect(committed).toEqual(JSON.parse(JSON.stringify(rulesJsonSchema())))
    expect(committed.additionalProperties).toBe(false)
  })
})

describeShared('the hostile rules files', fixtures => {
  it.each([
    ['not-yaml.yml', 4, /not valid YAML/],
    ['unknown-keys.yml', 2, /metric: unknown key/],
    [
      'wrong-types.yml',
      1,
      /primary: expected string \(found 42\)[\s\S]*goal[\s\S]*"upward"[\s\S]*min[\s\S]*"high"[\s\S]*max_drop[\s\S]*alpha/
    ]
  ])('%s gets file, line, column and what was expected', async (name, line, pattern) => {
    const file = path.join(fixtures, 'hostile', 'rules', name)
    const e = fail(await readFile(file, 'utf8'))
    expect(e.line).toBe(line)
    expect(e.message).toMatch(pattern)
  })
})

describe('rules file: select', () => {
  it('reads select.experiments, and defaults to every experiment', () => {
    expect(parseRulesFile('select:\n  experiments: [churn-model, "churn-*"]\n', 'r.yml').select).toEqual({
      experiments: ['churn-model', 'churn-*']
    })
    expect(parseRulesFile('primary: f1\n', 'r.yml').select).toEqual({ experiments: [] })
  })

  it('refuses an empty list or an unknown selector with the line', () => {
    expect(() => parseRulesFile('primary: f1\nselect:\n  experiments: []\n', 'r.yml')).toThrow(
      /r\.yml:3:\d+: select\.experiments: /
    )
    expect(() => parseRulesFile('select:\n  experiment: [a]\n', 'r.yml')).toThrow(
      /select\.experiment: unknown key/
    )
  })
})
