// Plain-text output for a terminal: readable without a markdown viewer, untrusted text made one-line and inert.
// The run listings (`list`, `show`) and the helpers; the comparison's text is in comparison-text.ts.
import type { Run } from '../core/run.js'
import { formatDiagnostic, paramText } from '../core/run.js'
import { readErrorsText, unreadableLabel } from './findings.js'
import { decimalsFor, fmtStat } from './format.js'

// Terminal escape sequences and other control characters from untrusted text must never reach the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

/** Untrusted text made safe for a terminal line: control, escape and direction characters replaced. */
export function plain(value: unknown, max = 80): string {
  // `::` is broken so no workflow command (::error::, ::add-mask::) can start from untrusted text in a runner log.
  const s = String(value ?? '')
    .replace(/\r\n?|\n/g, ' ⏎ ')
    .replace(UNSAFE, '�')
    .replace(/::/g, ':\u200c:')
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

/** Lays out rows as aligned columns (the first row is the header). */
export function columns(rows: string[][], align: ('left' | 'right')[] = []): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => [...(r[i] ?? '')].length)))
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i] - [...c].length)
        return align[i] === 'right' ? pad + c : c + pad
      })
      .join('  ')
      .trimEnd()
  return [line(rows[0]), widths.map(w => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

/** A list of runs as terminal text. */
export function renderRunList(runs: Run[]): string {
  if (!runs.length) return 'No runs found.\n'
  const rows = [['run', 'format', 'status', 'metrics', 'params', 'path']]
  for (const r of runs)
    rows.push([
      plain(r.name, 40),
      r.source,
      r.readErrors?.length ? `⚠ ${unreadableLabel(r.readErrors)}` : r.metadata.status,
      String(Object.keys(r.metrics).length),
      String(Object.keys(r.params).length),
      plain(r.path, 60)
    ])
  const damaged = runs.filter(r => r.readErrors?.length)
  const notes = damaged.map(r => `⚠ ${plain(r.name, 40)}: ${plain(readErrorsText(r.readErrors ?? []), 300)}`)
  return `${[columns(rows), ...(notes.length ? ['', ...notes] : [])].join('\n')}\n`
}

/** One run in detail as terminal text. */
export function renderRun(run: Run): string {
  const out = [
    `${plain(run.name, 100)}  (${run.source}, ${plain(run.path, 100)})`,
    run.readErrors?.length
      ? `status: ⚠ ${unreadableLabel(run.readErrors)} (what was read says ${run.metadata.status})`
      : `status: ${run.metadata.status}${run.metadata.statusReason ? ` (${plain(run.metadata.statusReason)})` : ''}`,
    ...(run.readErrors ?? []).map(d => `  ⚠ ${plain(formatDiagnostic({ ...d, run: undefined }), 300)}`)
  ]
  const m = run.metadata
  for (const [label, value] of [
    ['commit', m.gitCommit],
    ['data', m.dataVersion],
    ['group', m.group],
    ['author', m.author],
    ['description', m.description],
    ['hypothesis', m.hypothesis]
  ] as const) {
    if (value) out.push(`${label}: ${plain(value, 120)}`)
  }
  if (m.tags.length) out.push(`tags: ${m.tags.map(t => plain(t, 40)).join(', ')}`)
  const metrics = Object.entries(run.metrics)
  if (metrics.length) {
    const rows = [['metric', 'value', 'history']]
    for (const [k, v] of metrics)
      rows.push([
        plain(k, 50),
        v.exact ?? fmtStat({ value: v.value, samples: [v.value], n: 1 }, decimalsFor(v.value)),
        historyText(v)
      ])
    out.push('', columns(rows, ['left', 'right', 'left']))
  }
  const params = Object.entries(run.params)
  if (params.length) {
    const rows = [['param', 'value']]
    for (const [k, v] of params) rows.push([plain(k, 50), plain(paramText(v), 60)])
    out.push('', columns(rows))
  }
  const env = Object.entries(m.environment)
  if (env.length) out.push('', ...env.map(([k, v]) => `env ${plain(k, 30)}: ${plain(v, 80)}`))
  return `${out.join('\n')}\n`
}

/** A history's length: "1,001 points (500 kept)" when the reader thinned it, "120 points" when it kept all. */
export function historyText(metric: { history?: unknown[]; historyPoints?: number }): string {
  if (!metric.history) return ''
  const kept = metric.history.length
  const full = Math.max(metric.historyPoints ?? kept, kept)
  const count = (n: number) => n.toLocaleString('en-US')
  return full > kept
    ? `${count(full)} point${full === 1 ? '' : 's'} (${count(kept)} kept)`
    : `${count(full)} point${full === 1 ? '' : 's'}`
}

/** Diagnostics as terminal lines for stderr. */
export function renderDiagnostics(
  diagnostics: { severity: string; file: string; message: string }[]
): string {
  return diagnostics
    .map(d => `${d.severity}: ${plain(formatDiagnostic(d as Parameters<typeof formatDiagnostic>[0]), 400)}`)
    .join('\n')
}
