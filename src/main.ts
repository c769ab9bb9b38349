// The action: reads inputs and the event, picks the mode, sets outputs, and is the one place that fails the step.
import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { readActionConfig, modeForEvent } from './config/inputs.js'
import { GITHUB_ANNOTATIONS_PER_KIND } from './core/conventions.js'
import { gitHubClientFactory } from './github/client.js'
import {
  clientLogOf,
  type ActionLog,
  type LogPlace,
  type ModeContext,
  type ModeOutcome
} from './modes/types.js'
import { violationMessage } from './report/findings.js'

/**
 * Makes text safe for the runner's log: no workflow commands (`::error::`) can start from it, and control, C1 and
 * direction-override characters (which could disguise a line) are replaced.
 */
export function inertLog(text: string): string {
  return text
    .replace(/::/g, ':\u200c:')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '�')
}

type AnnotationKind = 'notice' | 'warning' | 'error'
type Annotation = { kind: AnnotationKind; message: string; place?: LogPlace }

/**
 * A log whose annotations stay within GitHub's limit of 10 per kind and step (later ones are dropped from the
 * checks page without a word): the first ones are annotations; when more come, they are written as plain log
 * lines and flush() adds one annotation saying how many more there are. Errors keep one place free for the
 * step's failure message.
 */
export function limitAnnotations(
  log: ActionLog,
  perKind = GITHUB_ANNOTATIONS_PER_KIND
): ActionLog & { flush(): void } {
  const budget: Record<AnnotationKind, number> = { notice: perKind, warning: perKind, error: perKind - 1 }
  const shown: Record<AnnotationKind, number> = { notice: 0, warning: 0, error: 0 }
  const held: Partial<Record<AnnotationKind, Annotation>> = {}
  const more: Record<AnnotationKind, number> = { notice: 0, warning: 0, error: 0 }
  const emit = (a: Annotation) => log[a.kind](a.message, a.place)
  const plain = (a: Annotation) => {
    const where = a.place?.file ? ` (${a.place.file}${a.place.line ? `:${a.place.line}` : ''})` : ''
    log.info(`${a.kind[0].toUpperCase()}${a.kind.slice(1)}${where}: ${a.message}`)
    more[a.kind]++
  }
  const annotate = (a: Annotation) => {
    if (shown[a.kind] < budget[a.kind] - 1) {
      shown[a.kind]++
      emit(a)
      return
    }
    // The last place is held: it goes to this annotation if no other follows, else to a count of the rest.
    const previous = held[a.kind]
    if (!previous && !more[a.kind]) {
      held[a.kind] = a
      return
    }
    if (previous) plain(previous)
    held[a.kind] = undefined
    plain(a)
  }
  return {
    info: m => log.info(m),
    notice: (message, place) => annotate({ kind: 'notice', message, place }),
    warning: (message, place) => annotate({ kind: 'warning', message, place }),
    error: (message, place) => annotate({ kind: 'error', message, place }),
    summary: md => log.summary(md),
    flush: () => {
      for (const kind of ['error', 'warning', 'notice'] as const) {
        const last = held[kind]
        if (last) emit(last)
        else if (more[kind])
          log[kind](
            `${more[kind]} more ${kind}${more[kind] === 1 ? ' is' : 's are'} in the log of this step (GitHub shows ${perKind} ${kind} annotations per step${kind === 'error' ? ', one of them the failure of the step' : ''}).`
          )
        held[kind] = undefined
        more[kind] = 0
      }
    }
  }
}

/** The log of the action, writing through @actions/core; the job summary only when GITHUB_STEP_SUMMARY is set. */
export function actionsLog(env: NodeJS.ProcessEnv = process.env): ActionLog {
  const props = (p?: { file?: string; line?: number; title?: string }) =>
    p ? { file: p.file, startLine: p.line, title: p.title } : {}
  return {
    info: m => core.info(inertLog(m)),
    notice: (m, p) => core.notice(inertLog(m), props(p)),
    warning: (m, p) => core.warning(inertLog(m), props(p)),
    error: (m, p) => core.error(inertLog(m), props(p)),
    summary: async md => {
      if (!env.GITHUB_STEP_SUMMARY) return
      await core.summary.addRaw(md, true).write()
    }
  }
}

async function readEventPayload(env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const file = env.GITHUB_EVENT_PATH
  if (!file) return {}
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  } catch (e) {
    throw new Error(`cannot read the event payload at GITHUB_EVENT_PATH (${file}): ${(e as Error).message}`)
  }
}

function setOutputs(outcome: ModeOutcome): void {
  if (outcome.verdict) core.setOutput('verdict', outcome.verdict)
  if (outcome.reportPath) core.setOutput('report', outcome.reportPath)
  if (outcome.commentUrl) core.setOutput('comment-url', outcome.commentUrl)
  if (outcome.issueUrl) core.setOutput('issue-url', outcome.issueUrl)
  core.setOutput(
    'regressions',
    JSON.stringify(
      (outcome.regressions ?? []).map(v => ({
        metric: v.metric,
        rule: v.rule,
        message: violationMessage(v),
        accepted: !!v.accepted
      }))
    )
  )
  if (outcome.champion) core.setOutput('champion', outcome.champion)
}

/** What the action takes from outside besides env: the real client factory, setTimeout and the clock by default. */
export type ActionOutside = Partial<Pick<ModeContext, 'github' | 'sleep' | 'now'>>

/** Runs the action for the current event. */
export async function run(env: NodeJS.ProcessEnv = process.env, outside: ActionOutside = {}): Promise<void> {
  const log = limitAnnotations(actionsLog(env))
  try {
    const config = readActionConfig(name => core.getInput(name), env)
    const eventName = env.GITHUB_EVENT_NAME ?? ''
    const mode = modeForEvent(eventName, config.mode)
    if (!mode) {
      log.notice(
        `Experiment Review has nothing to do on a "${eventName || 'unknown'}" event; set the mode input to run a mode explicitly.`
      )
      return
    }
    const ctx: ModeContext = {
      config,
      eventName,
      payload: await readEventPayload(env),
      env,
      log,
      now: outside.now ?? new Date(),
      github: outside.github ?? gitHubClientFactory({ runtime: 'actions', env, log: clientLogOf(log) }),
      sleep: outside.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)))
    }
    let outcome: ModeOutcome
    switch (mode) {
      case 'review':
        outcome = await (await import('./modes/review.js')).runReviewMode(ctx)
        break
      case 'promote':
        outcome = await (await import('./modes/promote.js')).runPromoteMode(ctx)
        break
      case 'monitor':
        outcome = await (await import('./modes/monitor.js')).runMonitorMode(ctx)
        break
      case 'command':
        outcome = await (await import('./modes/command.js')).runCommandMode(ctx)
        break
    }
    setOutputs(outcome)
    log.flush()
    if (outcome.failure) core.setFailed(inertLog(outcome.failure))
  } catch (e) {
    log.flush()
    core.setFailed(inertLog(`Experiment Review: ${(e as Error).message ?? String(e)}`))
  }
}
