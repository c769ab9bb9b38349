// The action's log keeps annotations within GitHub's 10 per kind and step: the first ones are annotations, the
// rest are plain log lines, and one annotation says how many more there are (nothing is dropped silently).
import { GITHUB_ANNOTATIONS_PER_KIND } from '../src/core/conventions.js'
import { limitAnnotations } from '../src/main.js'
import type { ActionLog } from '../src/modes/types.js'

function recordingLog() {
  const lines: { level: string; message: string; file?: string }[] = []
  const log: ActionLog = {
    info: message => lines.push({ level: 'info', message }),
    notice: (message, place) => lines.push({ level: 'notice', message, file: place?.file }),
    warning: (message, place) => lines.push({ level: 'warning', message, file: place?.file }),
    error: (message, place) => lines.push({ level: 'error', message, file: place?.file }),
    summary: async () => undefined
  }
  return { log, lines }
}

const count = (lines: { level: string }[], level: string) => lines.filter(l => l.level === level).length

describe('limitAnnotations', () => {
  it('turns 25 warnings into 9 annotations, 16 log lines and one annotation that counts them', () => {
    const { log, lines } = recordingLog()
    const limited = limitAnnotations(log)
    for (let i = 1; i <= 25; i++)
      limited.warning(`run-${i}: metrics.json is not JSON`, { file: `runs/run-${i}` })
    limited.flush()
    expect(count(lines, 'warning')).toBe(GITHUB_ANNOTATIONS_PER_KIND)
    expect(
      lines
        .filter(l => l.level === 'warning')
        .slice(0, 9)
        .map(l => l.file)
    ).toEqual(Array.from({ length: 9 }, (_, i) => `runs/run-${i + 1}`))
    expect(lines.at(-1)).toEqual({
      level: 'warning',
      message: '16 more warnings are in the log of this step (GitHub shows 10 warning annotations per step).',
      file: undefined
    })
    expect(count(lines, 'info')).toBe(16)
    expect(lines.find(l => l.level === 'info')?.message).toBe(
      'Warning (runs/run-10): run-10: metrics.json is not JSON'
    )
  })

  it('shows exactly ten as ten annotations, and keeps one error place free for the failure message', () => {
    const { log, lines } = recordingLog()
    const limited = limitAnnotations(log)
    for (let i = 1; i <= 10; i++) limited.warning(`w${i}`)
    for (let i = 1; i <= 9; i++) limited.error(`e${i}`)
    limited.notice('n1')
    limited.flush()
    expect(lines.filter(l => l.level === 'warning').map(l => l.message)).toEqual(
      Array.from({ length: 10 }, (_, i) => `w${i + 1}`)
    )
    expect(count(lines, 'error')).toBe(9)
    expect(count(lines, 'notice')).toBe(1)
    expect(count(lines, 'info')).toBe(0)
    const more = recordingLog()
    const errors = limitAnnotations(more.log)
    for (let i = 1; i <= 10; i++) errors.error(`e${i}`)
    errors.flush()
    expect(count(more.lines, 'error')).toBe(9)
    expect(more.lines.at(-1)?.message).toBe(
      '2 more errors are in the log of this step (GitHub shows 10 error annotations per step, one of them the failure of the step).'
    )
  })
})
