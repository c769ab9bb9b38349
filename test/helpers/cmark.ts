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

/** A paragraph between documents rendered together; no renderable input can produce it. */
const SPLIT = 'CMARK-DOCUMENT-SPLIT-3f9d2c7a'

/**
 * The HTML of several markdown documents from one cmark-gfm run (a process per document is the cost of the fuzz
 * tests). Each is cut off from the next by a blank line and a paragraph of its own; when a document swallows that
 * paragraph (an unclosed fence or HTML block), the documents are rendered one by one, so each result is always what
 * `renderGfm` gives for that document alone.
 */
export function renderGfmAll(markdowns: string[]): string[] {
  if (markdowns.length < 2) return markdowns.map(renderGfm)
  const parts = renderGfm(markdowns.join(`\n\n${SPLIT}\n\n`)).split(`<p>${SPLIT}</p>\n`)
  return parts.length === markdowns.length ? parts : markdowns.map(renderGfm)
}

/** The HTML elements a rendered page contains, by tag name (`img`, `a`, `script`, …), with counts. */
export function elementCounts(html: string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)[\s>/]/g))
    counts[m[1].toLowerCase()] = (counts[m[1].toLowerCase()] ?? 0) + 1
  return counts
}
