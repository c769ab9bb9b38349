// What the comment says when a pull request touches the rules file that judges it: the review keeps the rules at
// the base; the change is shown setting by setting, with the verdict under the proposed rules (which apply once
// the pull request merges). Setting names and values come from the PR's file: untrusted.
import type { InlineCode, RootContent } from 'mdast'
import type { Comparison } from '../core/compare.js'
import type { RuleSettingChange } from '../core/rules-change.js'
import { unknownMetricText, verdictWords, violationMessage } from './findings.js'
import { shortSha } from './format.js'
import {
  bulletList,
  heading,
  own,
  paragraph,
  strong,
  table,
  text,
  untrusted,
  untrustedCode
} from './mdast.js'

/** How the pull request touches the rules file, as the comment shows it. */
export interface RulesChangeView {
  /** The rules file's path. */
  file: string
  /** The base commit the review's rules were read at. */
  baseSha?: string
  kind: 'added' | 'changed' | 'deleted'
  /** The settings that differ (changed, deleted). */
  settings?: RuleSettingChange[]
  /** The review under the proposed rules (changed, deleted). */
  proposed?: Comparison
}

/** Settings listed in the comment; the rest are counted. */
export const RULE_CHANGES_SHOWN = 30

function settingValue(value: unknown): InlineCode {
  return untrustedCode(typeof value === 'string' ? value : JSON.stringify(value), 80)
}

/** The comment's section on a pull request that adds, changes or deletes the rules file. */
export function rulesChangeBlocks(view: RulesChangeView): RootContent[] {
  if (view.kind === 'added')
    return [
      paragraph(
        text`This PR adds the rules file `,
        untrustedCode(view.file),
        text`; there is none at the base, so this review is judged by it.`
      )
    ]
  const base = view.baseSha
    ? [text` at the base `, untrustedCode(shortSha(view.baseSha))]
    : [text` at the base`]
  const blocks: RootContent[] = [
    heading(3, text`⚠️ This PR ${view.kind === 'deleted' ? own`deletes` : own`changes`} the rules file`),
    paragraph(
      text`This review is judged by `,
      untrustedCode(view.file),
      ...base,
      view.kind === 'deleted'
        ? text`. Once the PR merges, reviews use the default rules (no rules file).`
        : text`. The proposed rules apply once the PR merges.`
    )
  ]
  const settings = view.settings ?? []
  if (settings.length) {
    const shown = settings.slice(0, RULE_CHANGES_SHOWN)
    blocks.push(
      table(
        ['left', 'left', 'left'],
        [own`Setting`, own`At the base`, own`This PR`],
        shown.map(s => [
          untrustedCode(s.path.join('.'), 120),
          s.before === undefined ? own`—` : settingValue(s.before),
          s.after === undefined ? own`—` : settingValue(s.after)
        ])
      )
    )
    if (settings.length > shown.length)
      blocks.push(paragraph(text`… and ${settings.length - shown.length} more settings.`))
  }
  if (view.proposed) blocks.push(...proposedVerdict(view.proposed))
  return blocks
}

function proposedVerdict(c: Comparison): RootContent[] {
  const { sign, words } = verdictWords(c)
  const broken = c.violations.filter(v => !v.accepted)
  return [
    paragraph(strong(text`Under the proposed rules:`), text` ${sign} ${words}.`),
    ...(broken.length || c.unknownMetrics
      ? [
          bulletList([
            ...(c.unknownMetrics ?? []).map(u => [untrusted(unknownMetricText(u), 400)]),
            ...broken.map(v => [untrusted(violationMessage(v), 200)])
          ])
        ]
      : [])
  ]
}
