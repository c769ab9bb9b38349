// The `/experiments` slash commands: their exact grammar, as a pure parser. The report names a command (in a hint,
// the footer or the help text) only when its word is listed in SUPPORTED_COMMANDS, and a test checks every
// `/experiments` word in a rendered comment against this list.
//
// Grammar (only the comment's first line is read; leading and trailing blanks are ignored):
//
//   /experiments help
//   /experiments accept <metric> <reason…>     the reason is the rest of the line (required)
//   /experiments champion <run>
//   /experiments refresh
//
// `/experiments` and the command word are matched without regard to case; metric and run names are exact (case
// matters, as it does in the runs). A name holding blanks or quotes is written in double quotes, with `\"` and `\\`
// inside: `/experiments champion "resnet 50 (seed 2)"`. One command per comment: a comment whose first line is a
// command and whose later lines hold another `/experiments` line is refused as ambiguous. A first line that starts
// with `/experiments` but does not fit the grammar is answered with the help text; any other comment is not a command.

/** A command word this build's parser accepts. */
export type CommandWord = 'help' | 'accept' | 'champion' | 'refresh'

/** The `/experiments` command words this build's parser accepts, in the order the help text lists them. */
export const SUPPORTED_COMMANDS: readonly CommandWord[] = ['help', 'accept', 'champion', 'refresh']

/** The command prefix, as a comment starts it. */
export const COMMAND_PREFIX = '/experiments'

/** The longest metric or run name a command takes. */
export const MAX_COMMAND_NAME_LENGTH = 200

/** The longest reason an accept takes (it is kept in the comment and the living docs). */
export const MAX_ACCEPT_REASON_LENGTH = 500

/** Why a line that starts with `/experiments` is not a command this build understands. */
export type CommandProblem =
  | { kind: 'no-word' }
  | { kind: 'unknown-word'; word: string }
  | { kind: 'missing-argument'; word: CommandWord; argument: 'metric' | 'reason' | 'run' }
  | { kind: 'extra-arguments'; word: CommandWord }
  | { kind: 'unclosed-quote'; word: CommandWord }
  | {
      kind: 'too-long'
      word: CommandWord
      argument: 'metric' | 'reason' | 'run'
      length: number
      limit: number
    }
  | { kind: 'several-commands'; lines: number }

/** What a comment asks for. */
export type ParsedCommand =
  | { kind: 'help' }
  | { kind: 'accept'; metric: string; reason: string }
  | { kind: 'champion'; run: string }
  | { kind: 'refresh' }
  /** Starts with `/experiments` but does not fit the grammar: answered with the help text. */
  | { kind: 'invalid'; problem: CommandProblem }
  /** Not a command at all (the first line does not start with `/experiments`). */
  | { kind: 'none' }

const PREFIX = /^\/experiments(?=$|[ \t])/i
// Control characters other than the tab are refused in names and reasons (they could disguise text).
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g

/** The first line of a comment and the number of later lines that also start a command. */
function splitLines(body: string): { first: string; laterCommands: number } {
  const lines = body.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)
  const first = lines[0]?.trim() ?? ''
  const laterCommands = lines.slice(1).filter(l => PREFIX.test(l.trim())).length
  return { first, laterCommands }
}

/** Reads one token: a double-quoted string (with `\"` and `\\`) or a run of non-blank characters. */
function readToken(text: string): { token: string; rest: string } | 'unclosed' | undefined {
  const s = text.replace(/^[ \t]+/, '')
  if (!s) return undefined
  if (s[0] !== '"') {
    const end = s.search(/[ \t]/)
    return end < 0 ? { token: s, rest: '' } : { token: s.slice(0, end), rest: s.slice(end) }
  }
  let token = ''
  for (let i = 1; i < s.length; i++) {
    const c = s[i]
    if (c === '\\' && (s[i + 1] === '"' || s[i + 1] === '\\')) {
      token += s[++i]
    } else if (c === '"') {
      return { token, rest: s.slice(i + 1) }
    } else token += c
  }
  return 'unclosed'
}

/** The reason of an accept: the rest of the line; a reason written wholly in double quotes loses them. */
function readReason(rest: string): string {
  const trimmed = rest.trim()
  const quoted = readToken(trimmed)
  if (trimmed.startsWith('"') && typeof quoted === 'object' && !quoted.rest.trim()) return quoted.token.trim()
  return trimmed
}

const clean = (value: string) => value.replace(CONTROL, ' ')

/** Parses a comment body into the command it asks for (see the grammar at the top of this file). */
export function parseCommand(body: string): ParsedCommand {
  const { first, laterCommands } = splitLines(body)
  const prefix = PREFIX.exec(first)
  if (!prefix) return { kind: 'none' }
  if (laterCommands)
    return { kind: 'invalid', problem: { kind: 'several-commands', lines: laterCommands + 1 } }
  const afterPrefix = first.slice(prefix[0].length)
  const wordToken = readToken(afterPrefix)
  if (!wordToken || wordToken === 'unclosed') return { kind: 'invalid', problem: { kind: 'no-word' } }
  const word = wordToken.token.toLowerCase()
  const rest = wordToken.rest
  if (!(SUPPORTED_COMMANDS as readonly string[]).includes(word))
    return { kind: 'invalid', problem: { kind: 'unknown-word', word: wordToken.token.slice(0, 40) } }
  const command = word as CommandWord
  const tooLong = (
    argument: 'metric' | 'reason' | 'run',
    value: string,
    limit: number
  ): ParsedCommand | undefined =>
    value.length > limit
      ? {
          kind: 'invalid',
          problem: { kind: 'too-long', word: command, argument, length: value.length, limit }
        }
      : undefined

  if (command === 'help' || command === 'refresh') {
    if (rest.trim()) return { kind: 'invalid', problem: { kind: 'extra-arguments', word: command } }
    return { kind: command }
  }
  const name = readToken(rest)
  if (name === 'unclosed') return { kind: 'invalid', problem: { kind: 'unclosed-quote', word: command } }
  const argument = command === 'accept' ? 'metric' : 'run'
  if (!name || !name.token.trim())
    return { kind: 'invalid', problem: { kind: 'missing-argument', word: command, argument } }
  const value = clean(name.token)
  const long = tooLong(argument, value, MAX_COMMAND_NAME_LENGTH)
  if (long) return long
  if (command === 'champion') {
    if (name.rest.trim()) return { kind: 'invalid', problem: { kind: 'extra-arguments', word: command } }
    return { kind: 'champion', run: value }
  }
  const reason = clean(readReason(name.rest))
  if (!reason)
    return { kind: 'invalid', problem: { kind: 'missing-argument', word: command, argument: 'reason' } }
  return tooLong('reason', reason, MAX_ACCEPT_REASON_LENGTH) ?? { kind: 'accept', metric: value, reason }
}
