// An ActionLog that keeps what a mode logged (lines with their level and place, job summaries) for assertions.
import type { ActionLog, LogPlace } from '../../src/modes/types.js'

/** One line a mode logged. */
export interface Logged {
  level: 'info' | 'notice' | 'warning' | 'error'
  message: string
  place?: LogPlace
}

/** A log that keeps its lines and summaries. */
export function memoryLog(): ActionLog & { lines: Logged[]; summaries: string[] } {
  const lines: Logged[] = []
  const summaries: string[] = []
  return {
    lines,
    summaries,
    info: message => lines.push({ level: 'info', message }),
    notice: (message, place) => lines.push({ level: 'notice', message, place }),
    warning: (message, place) => lines.push({ level: 'warning', message, place }),
    error: (message, place) => lines.push({ level: 'error', message, place }),
    summary: async md => void summaries.push(md)
  }
}
