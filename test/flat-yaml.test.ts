import { parse } from 'yaml'
import { parseFlatYaml } from '../src/sources/flat-yaml.js'
import { seededRandom } from './fixtures/seeded-random.js'

describe('flat YAML fast path', () => {
  it.each([
    'name: run-1\ngit_commit: abc123\ndata_version: v1\n',
    'seed: 3\nlr: 0.001\nratio: .5\nbig: 1e5\nneg: -2\n',
    'status: failed\nnote: "out of memory"\nquoted: \'single\'\n',
    'tags: [xa, yb, 3]\nempty: []\n',
    '# comment\nname: a # trailing\nok: true\nno: false\nnothing: ~\nnull_word: null\n',
    'path: etc/passwd\nurl: a/b.c@d\nversion: v2024-01\n',
    'git_commit: 0001ef1\nsha: 9f8e7d6c5b4a3928172635445362718190a0b0c0\nrank: 3rd\nsize: 128k\nb: 0b101\n'
  ])('gives what the YAML library gives for %j', text => {
    const fast = parseFlatYaml(text)
    expect(fast).toBeDefined()
    expect({ ...fast }).toEqual(parse(text))
  })

  it.each([
    'a: &a [1]\nb: *a\n',
    'nested:\n  key: 1\n',
    'list:\n  - a\n',
    'yes: yes\n',
    'hex: 0x1F\n',
    'inf: .inf\n',
    'big: 12345678901234567890\n',
    'str: "escaped \\n"\n',
    'obj: !!python/object:foo {}\n',
    'text: |\n  multi\n',
    'dup: 1\ndup: 2\n',
    '__proto__: 1\n',
    'colon: a: b\n',
    'mention: <img src=x>\n',
    'short: y\n',
    'date: 2024-01-02\n',
    'octal: 0o17\n',
    'upper_hex: 0X1f\n'
  ])('leaves %j to the full parser', text => {
    expect(parseFlatYaml(text)).toBeUndefined()
  })

  it('reads words that start with a digit (git commits) as the YAML library does, or leaves them to it', () => {
    const random = seededRandom(3)
    const alphabet = '0123456789abcdefeEexXoO'
    let fast = 0
    for (let i = 0; i < 3000; i++) {
      const length = 1 + Math.floor(random() * 12)
      let word = String(Math.floor(random() * 10))
      while (word.length < length) word += alphabet[Math.floor(random() * alphabet.length)]
      const text = `git_commit: ${word}\n`
      const parsed = parseFlatYaml(text)
      if (parsed === undefined) continue
      fast++
      expect({ word, parsed: { ...parsed } }).toEqual({ word, parsed: parse(text) })
    }
    // Most take the fast path.
    expect(fast).toBeGreaterThan(2000)
  })
})
