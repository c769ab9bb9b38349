// The sections the action owns on the living docs page: their names, their markers, and finding them on a page
// people also edit (only top-level markers count; broken, nested or duplicated ones stop the write).
import type { Html, Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { own, safeName, trustedHtml, type Own } from './mdast.js'

/** A marker the page holds: where it is and what it opens or closes. */
export interface DocsMarker {
  kind: 'start' | 'end'
  name: string
  /** 1-based line of the marker. */
  line: number
  /** String offsets of the marker comment in the page. */
  start: number
  end: number
}

/** A managed section found on the page: its start and end markers. */
export interface ManagedRegion {
  name: string
  start: DocsMarker
  end: DocsMarker
}

/** The page's markers cannot be trusted (broken, nested, duplicated, out of order); nothing was written. */
export class DocsMarkerError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { line: number; message: string }[]
  ) {
    super(
      `${file}: the experiment-review markers are broken, so the page was not changed:\n${problems.map(p => `  line ${p.line}: ${p.message}`).join('\n')}\n` +
        'Fix the markers by hand (each section is <!-- experiment-review:start NAME --> … <!-- experiment-review:end NAME -->, ' +
        'each on a line of its own, not nested, once per name), or delete both markers of a section to have it added again at the end of the page.'
    )
    this.name = 'DocsMarkerError'
  }
}

const MARKER = /^<!--\s*experiment-review:(start|end)\s+([A-Za-z0-9._:-]+)\s*-->$/
const MARKER_ANYWHERE = /<!--\s*experiment-review:(start|end)\s+([A-Za-z0-9._:-]+)\s*-->/

/** The id as it may appear in a marker name: letters, digits, `.`, `_`, `-`. */
function safeId(id: string): Own {
  return safeName(id.replace(/:/g, '-')) || own`default`
}

/**
 * The names of the sections this id owns: `current`, `history` and `production` (monitor's line), or the same with
 * `:ID`.
 */
export function sectionNames(id: string): { current: Own; history: Own; production: Own } {
  const suffix = id === 'default' ? own`` : own`:${safeId(id)}`
  return {
    current: own`current${suffix}`,
    history: own`history${suffix}`,
    production: own`production${suffix}`
  }
}

/** The start or end marker of a section as an html node. */
export function sectionMarker(kind: 'start' | 'end', name: Own): Html {
  return trustedHtml(own`<!-- experiment-review:${kind === 'start' ? own`start` : own`end`} ${name} -->`)
}

/** Parses a page with remark-parse + remark-gfm. */
export function parsePage(page: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(page)
}

/**
 * Finds the markers on a page: only top-level html nodes that are exactly a marker count (a marker's text inside
 * a code block, a list, a quote or a run's name is not one). Throws DocsMarkerError listing every problem.
 */
export function findRegions(page: string, file: string): ManagedRegion[] {
  const problems: MarkerProblem[] = []
  const markers = topLevelMarkers(parsePage(page), problems)
  const regions = pairMarkers(markers, problems)
  if (problems.length)
    throw new DocsMarkerError(
      file,
      problems.sort((a, b) => a.line - b.line)
    )
  return regions
}

/** A line of a page and what is wrong with the markers there. */
type MarkerProblem = { line: number; message: string }

/** The markers that are top-level html nodes of their own; a marker glued to other HTML is added to `problems`. */
function topLevelMarkers(tree: Root, problems: MarkerProblem[]): DocsMarker[] {
  const markers: DocsMarker[] = []
  for (const node of tree.children) {
    if (node.type !== 'html' || !node.position) continue
    const value = node.value.trim()
    const m = MARKER.exec(value)
    if (m) {
      markers.push({
        kind: m[1] as 'start' | 'end',
        name: m[2],
        line: node.position.start.line,
        start: node.position.start.offset ?? 0,
        end: node.position.end.offset ?? 0
      })
      continue
    }
    // A marker glued to other HTML is not a marker a person can see as one: say so rather than guess.
    const lines = node.value.split(/\r?\n/)
    lines.forEach((l, i) => {
      const glued = MARKER_ANYWHERE.exec(l)
      if (glued) {
        problems.push({
          line: (node.position?.start.line ?? 1) + i,
          message: `the marker ${JSON.stringify(glued[0])} is part of an HTML block; put it on a line of its own with a blank line before it`
        })
      }
    })
  }
  return markers
}

/** Pairs start and end markers into regions (the first of duplicates kept); nesting, order and gaps go to `problems`. */
function pairMarkers(markers: DocsMarker[], problems: MarkerProblem[]): ManagedRegion[] {
  const regions: ManagedRegion[] = []
  const closed = new Map<string, ManagedRegion>()
  let open: DocsMarker | undefined
  for (const m of markers) {
    const tag = `<!-- experiment-review:${m.kind} ${m.name} -->`
    if (m.kind === 'start') {
      if (open) {
        problems.push({
          line: m.line,
          message: `${tag} is nested inside the section "${open.name}" opened on line ${open.line}; close that section first`
        })
        continue
      }
      const before = closed.get(m.name)
      if (before) {
        problems.push({
          line: m.line,
          message: `${tag} duplicates the section "${m.name}" on lines ${before.start.line}–${before.end.line}; keep one of them`
        })
      }
      open = m
    } else if (!open) {
      problems.push({
        line: m.line,
        message: `${tag} has no start marker before it (out of order, or the start was deleted)`
      })
    } else if (open.name !== m.name) {
      problems.push({
        line: m.line,
        message: `${tag} closes "${m.name}" while the section "${open.name}" opened on line ${open.line} is still open`
      })
      open = undefined
    } else {
      const region = { name: m.name, start: open, end: m }
      if (!closed.has(m.name)) regions.push(region)
      closed.set(m.name, region)
      open = undefined
    }
  }
  if (open)
    problems.push({
      line: open.line,
      message: `<!-- experiment-review:start ${open.name} --> has no end marker; add <!-- experiment-review:end ${open.name} --> after the section`
    })
  return regions
}
