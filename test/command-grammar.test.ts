// The exact grammar of the /experiments slash commands (src/core/commands.ts).
import {
  MAX_ACCEPT_REASON_LENGTH,
  MAX_COMMAND_NAME_LENGTH,
  parseCommand,
  SUPPORTED_COMMANDS
} from '../src/core/commands.js'

describe('parseCommand', () => {
  it.each([
    ['/experiments help', { kind: 'help' }],
    ['  /experiments help  ', { kind: 'help' }],
    ['/Experiments HELP', { kind: 'help' }],
    ['/experiments refresh', { kind: 'refresh' }],
    ['/experiments\trefresh', { kind: 'refresh' }],
    [
      '/experiments accept accuracy the new data is harder',
      { kind: 'accept', metric: 'accuracy', reason: 'the new data is harder' }
    ],
    [
      '/experiments ACCEPT Accuracy  two   spaces ',
      { kind: 'accept', metric: 'Accuracy', reason: 'two   spaces' }
    ],
    [
      '/experiments accept "eval/top 1" "worth it: 3x faster"',
      { kind: 'accept', metric: 'eval/top 1', reason: 'worth it: 3x faster' }
    ],
    [
      '/experiments accept f1 "quoted" then more',
      { kind: 'accept', metric: 'f1', reason: '"quoted" then more' }
    ],
    ['/experiments champion resnet-50-s2', { kind: 'champion', run: 'resnet-50-s2' }],
    [
      '/experiments champion "resnet 50 \\"wide\\" \\\\ s2"',
      { kind: 'champion', run: 'resnet 50 "wide" \\ s2' }
    ],
    [
      '/experiments accept accuracy ok\r\nmore text on later lines',
      { kind: 'accept', metric: 'accuracy', reason: 'ok' }
    ]
  ])('reads %j', (body, expected) => {
    expect(parseCommand(body)).toEqual(expected)
  })

  it.each([
    'please run /experiments help',
    '> /experiments accept accuracy quoted from someone else',
    '/experimentshelp',
    '/experiment help',
    '',
    'LGTM\n/experiments accept accuracy only the first line counts'
  ])('is no command: %j', body => {
    expect(parseCommand(body)).toEqual({ kind: 'none' })
  })

  it.each([
    ['/experiments', 'no-word'],
    ['/experiments   ', 'no-word'],
    ['/experiments acept accuracy typo', 'unknown-word'],
    ['/experiments accept', 'missing-argument'],
    ['/experiments accept accuracy', 'missing-argument'],
    ['/experiments accept accuracy ""', 'missing-argument'],
    ['/experiments accept "" reason', 'missing-argument'],
    ['/experiments champion', 'missing-argument'],
    ['/experiments champion a b', 'extra-arguments'],
    ['/experiments help me', 'extra-arguments'],
    ['/experiments refresh now', 'extra-arguments'],
    ['/experiments champion "unclosed name', 'unclosed-quote'],
    ['/experiments accept accuracy fine\n/experiments champion b', 'several-commands']
  ])('answers %j with the help text (%s)', (body, problem) => {
    const parsed = parseCommand(body)
    expect(parsed.kind).toBe('invalid')
    expect(parsed.kind === 'invalid' && parsed.problem.kind).toBe(problem)
  })

  it('names what is missing and limits lengths', () => {
    expect(parseCommand('/experiments accept accuracy')).toEqual({
      kind: 'invalid',
      problem: { kind: 'missing-argument', word: 'accept', argument: 'reason' }
    })
    const longName = 'm'.repeat(MAX_COMMAND_NAME_LENGTH + 1)
    expect(parseCommand(`/experiments champion ${longName}`)).toMatchObject({
      kind: 'invalid',
      problem: { kind: 'too-long', argument: 'run', length: MAX_COMMAND_NAME_LENGTH + 1 }
    })
    const longReason = 'r'.repeat(MAX_ACCEPT_REASON_LENGTH + 1)
    expect(parseCommand(`/experiments accept f1 ${longReason}`)).toMatchObject({
      kind: 'invalid',
      problem: { kind: 'too-long', argument: 'reason', limit: MAX_ACCEPT_REASON_LENGTH }
    })
    expect(parseCommand(`/experiments accept f1 ${'r'.repeat(MAX_ACCEPT_REASON_LENGTH)}`).kind).toBe('accept')
  })

  it('keeps hostile text as data: control characters become blanks, markup stays text for the escaping', () => {
    const parsed = parseCommand(
      '/experiments accept acc <img src=x onerror=alert(1)> @everyone #1 \u0007bell'
    )
    expect(parsed).toEqual({
      kind: 'accept',
      metric: 'acc',
      reason: '<img src=x onerror=alert(1)> @everyone #1  bell'
    })
  })

  it('lists every command word it accepts', () => {
    for (const word of SUPPORTED_COMMANDS) expect(parseCommand(`/experiments ${word}`).kind).not.toBe('none')
    expect([...SUPPORTED_COMMANDS].sort()).toEqual(['accept', 'champion', 'help', 'refresh'])
  })
})
