// The living docs' "Production" line, written by monitor mode: the last evaluation, its date, and whether a
// retraining issue is open. It lives in its own managed section (`production`, or `production:ID`) so promote and
// people editing the page never touch it; without that section it goes right after the current model's section.
import type { PhrasingContent, RootContent } from 'mdast'
import { findRegions, renderRegion, sectionNames } from './docs.js'
import {
  checkedUrl,
  link,
  own,
  paragraph,
  strong,
  text,
  untrusted,
  untrustedCode,
  type Own
} from './mdast.js'

/** What the Production line says. */
export interface ProductionStatus {
  /** ISO time of the evaluation. */
  evaluatedAt: string
  /** The evaluation's runs (untrusted names). */
  runs: string[]
  /** Breached retraining conditions (0: healthy). */
  breaches: number
  /** The retraining issue, when one is open or was just closed. */
  issue?: { number: number; url: string; open: boolean }
}

/** The name of this id's production section. */
export function productionSectionName(id: string): Own {
  return sectionNames(id).production
}

/** The Production line as blocks. */
export function productionBlocks(status: ProductionStatus): RootContent[] {
  const runs: PhrasingContent[] = status.runs
    .slice(0, 3)
    .flatMap((r, i) => [...(i ? [text`, `] : []), untrustedCode(r, 60)])
  if (status.runs.length > 3) runs.push(text` and ${status.runs.length - 3} more`)
  const issueRef = (i: NonNullable<ProductionStatus['issue']>): PhrasingContent => {
    const url = checkedUrl(i.url)
    return url ? link(url, text`#${i.number}`) : text`#${i.number}`
  }
  const breaches = status.breaches
  const state: PhrasingContent[] = breaches
    ? [
        text`❌ ${breaches} retraining condition${breaches === 1 ? own`` : own`s`} breached`,
        ...(status.issue?.open ? [text`, issue `, issueRef(status.issue), text` open`] : [])
      ]
    : [
        text`✅ healthy`,
        ...(status.issue && !status.issue.open
          ? [text`, issue `, issueRef(status.issue), text` closed`]
          : []),
        text`; no retraining issue open`
      ]
  return [
    paragraph(
      strong(text`Production:`),
      text` last evaluated `,
      untrusted(status.evaluatedAt.slice(0, 10), 10),
      ...(runs.length ? [text` (`, ...runs, text`)`] : []),
      text`: `,
      ...state,
      text`.`
    )
  ]
}

/**
 * The page with this id's Production line rewritten (added after the current model's section, or at the end, when
 * the page has none). Broken markers throw DocsMarkerError; text outside the sections is kept byte for byte.
 */
export function updateProductionLine(
  page: string,
  status: ProductionStatus,
  options: { id: string; file: string }
): string {
  const regions = findRegions(page, options.file)
  const crlf = page.includes('\r\n')
  const nl = crlf ? '\r\n' : '\n'
  const name = productionSectionName(options.id)
  const rendered = renderRegion(name, productionBlocks(status)).replace(/\r?\n/g, nl)
  const own = regions.find(r => r.name === name)
  if (own) return page.slice(0, own.start.start) + rendered + page.slice(own.end.end)
  const current = regions.find(r => r.name === sectionNames(options.id).current)
  if (current) return `${page.slice(0, current.end.end)}${nl}${nl}${rendered}${page.slice(current.end.end)}`
  const body = page.replace(/(\r?\n)+$/, '')
  return `${body}${body ? nl + nl : ''}${rendered}${nl}`
}
