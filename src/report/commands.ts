// The words of the slash commands: the help text, the replies that say why a command was refused, the comment's
// section of reviewers' decisions and the footer line naming the commands. Built as mdast; every string that came
// from a comment, a run or a login enters the tree through the escaping helper.
import type { PhrasingContent, RootContent } from 'mdast'
import {
  MAX_ACCEPT_REASON_LENGTH,
  SUPPORTED_COMMANDS,
  type CommandProblem,
  type CommandWord
} from '../core/commands.js'
import type { ReviewDecision } from '../core/decisions.js'
import { shortSha } from './format.js'
import {
  bulletList,
  marker,
  own,
  paragraph,
  root,
  strong,
  text,
  untrusted,
  untrustedCode,
  type Own
} from './mdast.js'
import { stringify } from './markdown.js'

/** Each command as the help text and the footer show it, with what it does. */
const COMMAND_USAGE: Record<CommandWord, { usage: string; does: Own }> = {
  help: { usage: '/experiments help', does: own`lists these commands.` },
  accept: {
    usage: '/experiments accept <metric> <reason>',
    does: own`accepts the named metric's broken rule for the PR's current head commit only (a new push needs a new acceptance); the gate turns green when nothing else is broken, and the reason is kept in the comment and, on merge, in the living docs.`
  },
  champion: {
    usage: '/experiments champion <run>',
    does: own`makes a finished run of this PR the one promoted on merge, instead of the best on the primary metric.`
  },
  refresh: {
    usage: '/experiments refresh',
    does: own`re-renders this comment from the last review, without re-reading runs.`
  }
}

/** The commands in inline code, for a sentence or the footer: `/experiments accept <metric> <reason>` · … */
export function commandList(words: readonly CommandWord[] = SUPPORTED_COMMANDS): PhrasingContent[] {
  return words.flatMap((w, i) => [...(i ? [text` · `] : []), untrustedCode(COMMAND_USAGE[w].usage)])
}

/** The footer line of the sticky comment that names the commands and who may use them. */
export function commandsFooter(
  permission: string,
  words: readonly CommandWord[] = SUPPORTED_COMMANDS
): PhrasingContent[] {
  return [
    text`Commands (repository `,
    untrusted(permission, 20),
    text` access or more): `,
    ...commandList(words)
  ]
}

/** What was wrong with a line that starts with `/experiments`, in words. */
export function commandProblemText(problem: CommandProblem): string {
  switch (problem.kind) {
    case 'no-word':
      return '/experiments needs a command word.'
    case 'unknown-word':
      return `"${problem.word}" is not a command.`
    case 'missing-argument':
      return `${problem.word} needs a ${problem.argument}.`
    case 'extra-arguments':
      return `${problem.word} takes ${problem.word === 'champion' ? 'one run name (quote a name that holds blanks)' : 'nothing after it'}.`
    case 'unclosed-quote':
      return `a quoted name after ${problem.word} has no closing quote.`
    case 'too-long':
      return `the ${problem.argument} is ${problem.length} characters long; at most ${problem.limit} are kept.`
    case 'several-commands':
      return `the comment holds ${problem.lines} lines that start with /experiments; write one command per comment, on its first line.`
  }
}

/** The help text: what went wrong (for a line that was not understood), then every command and the grammar. */
export function helpBlocks(permission: string, problem?: CommandProblem): RootContent[] {
  const blocks: RootContent[] = []
  if (problem)
    blocks.push(paragraph(strong(text`Not understood: `), untrusted(commandProblemText(problem), 300)))
  blocks.push(
    paragraph(
      text`Experiment Review commands, for people with `,
      untrusted(permission, 20),
      text` access to the repository or more. Write one command on the first line of a new comment:`
    ),
    bulletList(
      SUPPORTED_COMMANDS.map(w => [untrustedCode(COMMAND_USAGE[w].usage), text` ${COMMAND_USAGE[w].does}`])
    ),
    paragraph(
      text`Command words are read without regard to case; metric and run names are exact. Quote a name that holds blanks: `,
      untrustedCode('/experiments champion "resnet 50 seed 2"'),
      text`. A reason is the rest of the line (at most ${MAX_ACCEPT_REASON_LENGTH} characters).`
    )
  )
  return blocks
}

/** Why a command was refused. */
export type CommandRefusal =
  | { kind: 'permission'; login: string; has: string; needs: string }
  | { kind: 'permission-unreadable'; login: string; needs: string }
  | { kind: 'closed'; merged: boolean }
  | { kind: 'no-review' }
  | { kind: 'no-snapshot' }
  | { kind: 'stale'; reviewed: string; head: string }
  | { kind: 'not-regressed'; metric: string; regressed: string[]; head: string }
  | { kind: 'unknown-run'; run: string; finished: string[] }
  | { kind: 'run-not-finished'; run: string; status: string }

const names = (list: string[]): PhrasingContent[] =>
  list
    .slice(0, 10)
    .flatMap((n, i) => [...(i ? [text`, `] : []), untrustedCode(n)])
    .concat(list.length > 10 ? [text` and ${list.length - 10} more`] : [])

/** The reply to a refused command: one short paragraph saying why and what to do. */
export function refusalBlocks(refusal: CommandRefusal): RootContent[] {
  const p = (...children: PhrasingContent[]) => [paragraph(text`Not done: `, ...children)]
  switch (refusal.kind) {
    case 'permission':
      return p(
        untrustedCode(refusal.login),
        text` has `,
        refusal.has === 'none' ? text`no` : untrusted(refusal.has, 20),
        text` access to this repository; these commands need `,
        untrusted(refusal.needs, 20),
        text` access or more (commands.permission in the rules file).`
      )
    case 'permission-unreadable':
      return p(
        text`the repository permission of `,
        untrustedCode(refusal.login),
        text` could not be read, so the command is refused (it needs `,
        untrusted(refusal.needs, 20),
        text` access or more). The job's log says why; try again later.`
      )
    case 'closed':
      return p(
        refusal.merged
          ? text`this pull request is merged; its decisions were taken by the promotion and can no longer change.`
          : text`this pull request is closed; reopen it to change its review.`
      )
    case 'no-review':
      return p(text`this pull request has no experiment review yet; wait for the review job to post it.`)
    case 'no-snapshot':
      return p(
        text`the review comment holds no last review this version can read (the review was too large to keep, or was posted by an older version); push or re-run the review job.`
      )
    case 'stale':
      return p(
        text`the review shows head `,
        untrustedCode(shortSha(refusal.reviewed)),
        text`, but the pull request is now at `,
        untrustedCode(shortSha(refusal.head)),
        text`; wait for the review of the new head, then decide on what it shows.`
      )
    case 'not-regressed':
      return p(
        untrustedCode(refusal.metric),
        text` has no broken rule at head `,
        untrustedCode(shortSha(refusal.head)),
        ...(refusal.regressed.length
          ? [text`; the broken ones are `, ...names(refusal.regressed), text`.`]
          : [text`; no rule is broken, so there is nothing to accept.`])
      )
    case 'unknown-run':
      return p(
        untrustedCode(refusal.run),
        text` is not a run of this pull request`,
        ...(refusal.finished.length
          ? [text`; its finished runs are `, ...names(refusal.finished), text`.`]
          : [text`; none of its runs finished.`])
      )
    case 'run-not-finished':
      return p(
        untrustedCode(refusal.run),
        text` is `,
        untrusted(refusal.status, 20),
        text`, not finished; only a finished run can be promoted.`
      )
  }
}

/** The reply when an accept was recorded but GitHub refused the gate's update (the status or the re-run). */
export function gateNotUpdatedBlocks(message: string): RootContent[] {
  return [
    paragraph(
      text`The acceptance is recorded in the review comment, but the gate could not be updated: `,
      untrusted(message, 600),
      text` Re-run the failed review jobs by hand, or grant the permission named above to the command job.`
    )
  ]
}

/** A reply comment to a command: the reply marker first (so no command ever reads it as one), then the blocks. */
export function renderReply(id: string, blocks: RootContent[]): string {
  return stringify(root([marker(id, 'reply'), ...blocks]))
}

const day = (iso: string) => iso.slice(0, 10)

/**
 * The comment's section of reviewers' decisions: acceptances that cover the reviewed head, those made on earlier
 * heads (which no longer count), and the champion pick. Empty when there is none.
 */
export function decisionsBlocks(decisions: ReviewDecision[], head: string | undefined): RootContent[] {
  if (!decisions.length) return []
  const items: PhrasingContent[][] = []
  const latest = new Map<string, ReviewDecision>()
  for (const d of decisions) latest.set(d.kind === 'accept' ? `accept:${d.head}:${d.metric}` : 'champion', d)
  for (const d of latest.values()) {
    const who = [untrusted(d.by, 40), text` on `, untrusted(day(d.at), 10)]
    if (d.kind === 'accept') {
      const current = d.head === head
      items.push([
        current ? text`✔️ ` : text`⏮️ `,
        untrustedCode(d.metric),
        text` regression accepted by `,
        ...who,
        text` for head `,
        untrustedCode(shortSha(d.head)),
        ...(current ? [] : [text` (an earlier head: it does not cover this one)`]),
        text`: `,
        untrusted(d.reason, MAX_ACCEPT_REASON_LENGTH)
      ])
    } else {
      items.push([text`🏆 `, untrustedCode(d.run), text` picked as the champion by `, ...who])
    }
  }
  return [paragraph(strong(text`Reviewer decisions`)), bulletList(items)]
}
