// What every mode gets and returns; main.ts turns the outcome into outputs and the step's result.
import type { ActionConfig } from '../config/inputs.js'
import type { Verdict, Violation } from '../core/compare.js'

/** Where a log line points, for annotations. */
export interface LogPlace {
  file?: string
  line?: number
  title?: string
}

/** The log of a mode: plain lines and annotations; untrusted text is made inert before it is written. */
export interface ActionLog {
  info(message: string): void
  notice(message: string, place?: LogPlace): void
  warning(message: string, place?: LogPlace): void
  error(message: string, place?: LogPlace): void
  /** Appends markdown to the job summary. */
  summary(markdown: string): Promise<void>
}

/** The event that started the run and everything a mode needs to act on it. */
export interface ModeContext {
  config: ActionConfig
  eventName: string
  /** The webhook payload (untrusted). */
  payload: Record<string, unknown>
  env: NodeJS.ProcessEnv
  log: ActionLog
  now: Date
}

/** What a mode reports back. */
export interface ModeOutcome {
  verdict?: Verdict
  /** Path of the JSON report. */
  reportPath?: string
  commentUrl?: string
  regressions?: Violation[]
  champion?: string
  /** Set when the step must fail, with the message to show. */
  failure?: string
}
