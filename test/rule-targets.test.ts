import { parseRulesFile } from '../src/config/rules-file.js'
import { closestName, unknownRuleMetrics } from '../src/core/rule-targets.js'

describe('closestName', () => {
  it.each([
    ['acuracy', ['accuracy', 'loss'], 'accuracy'],
    ['f1score', ['f1_score', 'f1'], 'f1_score'],
    ['val_acc', ['val/acc', 'train_acc'], 'val/acc'],
    ['Loss', ['loss'], 'loss'],
    ['laetncy', ['latency'], 'latency'],
    ['nosuchmetric', ['accuracy', 'loss'], undefined]
  ])('%s among %j → %s', (name, candidates, expected) => {
    expect(closestName(name, candidates)).toBe(expected)
  })
})

describe('unknownRuleMetrics', () => {
  it('names every key with its line, and leaves out metrics that are reported', () => {
    const rules = parseRulesFile(
      'primary: f1\nmetrics:\n  acuracy: { min: 0.9 }\n  loss: {}\noverfitting: { train: train_acc, val: val_accuracy, max_gap: 0.1 }\n',
      'r.yml'
    )
    expect(unknownRuleMetrics(rules, ['accuracy', 'loss', 'f1', 'train_acc', 'val_acc'])).toEqual([
      { key: 'metrics.acuracy', metric: 'acuracy', line: 3, suggestion: 'accuracy' },
      { key: 'overfitting.val', metric: 'val_accuracy', line: 5, suggestion: 'accuracy' }
    ])
    expect(unknownRuleMetrics(rules, ['zzz'])[0]).toEqual({ key: 'primary', metric: 'f1', line: 1 })
  })
})
