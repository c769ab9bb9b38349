// Renders markdown with cmark-gfm, GitHub's own renderer, with the extensions GitHub enables.
import { execFileSync } from 'node:child_process'

/** The HTML GitHub would render for a markdown text (cmark-gfm with table, strikethrough, autolink, tagfilter; raw HTML kept as GitHub keeps <details>). */
export function renderGfm(markdown: string): string {
  return execFileSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'],
    {
      input: markdown,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    }
  )
}

/** The HTML elements a rendered page contains, by tag name (`img`, `a`, `script`, …), with counts. */
export function elementCounts(html: string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)[\s>/]/g))
    counts[m[1].toLowerCase()] = (counts[m[1].toLowerCase()] ?? 0) + 1
  return counts
}
