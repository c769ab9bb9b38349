// The plots of the champion in the comment: its images beside the baseline's of the same name (hosted on the
// repository's assets branch, or linked by relative path from the CLI), and its confusion matrices as tables with
// per-class precision and recall against the baseline's. File names and class labels are untrusted.
import type { RootContent } from 'mdast'
import { isAssetPath, isAssetsBranchName, type ImageKind } from '../core/artifacts.js'
import type { RecordedPlots } from '../core/baseline.js'
import type { ClassChange, ConfusionComparison } from '../core/confusion.js'
import { compareConfusion, countOf, isConfusionMatrix } from '../core/confusion.js'
import { fmtNumber, fmtSigned } from './format.js'
import {
  details,
  githubUrl,
  heading,
  image,
  own,
  paragraph,
  table,
  text,
  untrusted,
  untrustedCode,
  type Cell,
  type Own,
  type OwnUrl,
  type SummaryContent
} from './mdast.js'

/** One image of the champion, with the baseline's image of the same name when there is one. */
export interface PlotImageView {
  /** Its path inside the run folder (untrusted). */
  name: string
  kind: ImageKind
  /** Where the image is shown from; absent when it could not be hosted. */
  url?: OwnUrl
  baselineUrl?: OwnUrl
}

/** What the comment shows of the champion's plots. */
export interface PlotsView {
  /** The run the plots are from (untrusted). */
  run: string
  images: PlotImageView[]
  /** Images the baseline recorded that the champion has no image of the same name for. */
  baselineOnly: PlotImageView[]
  confusion: ConfusionView[]
  /** Images found but left out by artifacts.max_count. */
  imagesOverCap: number
  /** Files refused (not the image their name says, too large) with why (untrusted: paths). */
  refused: string[]
  /** Why the images are not shown as images (e.g. a read-only token could not upload them). */
  notShown?: string
}

/** How many confusion matrices are shown; the rest are folded. */
const MATRICES_OPEN = 1

/** The plots section of the comment; empty when the champion produced no images and no confusion data. */
export function plotsBlocks(view: PlotsView | undefined, maxMatrices = 3): RootContent[] {
  if (!view || (!view.images.length && !view.confusion.length && !view.refused.length)) return []
  const out: RootContent[] = [heading(3, text`Plots of `, untrustedCode(view.run, 60))]
  out.push(...imageBlocks(view))
  view.confusion.slice(0, maxMatrices).forEach((m, i) => {
    const title: SummaryContent[] = [text`Confusion matrix `, untrustedCode(m.name, 80), ...accuracyWords(m)]
    const blocks = confusionBlocks(m)
    out.push(...(i < MATRICES_OPEN ? [paragraph(...title), ...blocks] : details(title, blocks)))
  })
  if (view.confusion.length > maxMatrices)
    out.push(
      paragraph(
        text`… and ${view.confusion.length - maxMatrices} more confusion matrices, not shown (the first ${maxMatrices} by name are).`
      )
    )
  if (view.refused.length)
    out.push(
      ...details(own`Images left out (${view.refused.length})`, [
        paragraph(...view.refused.flatMap((r, i) => [...(i ? [text` · `] : []), untrusted(r, 300)]))
      ])
    )
  return out
}

function imageBlocks(view: PlotsView): RootContent[] {
  const out: RootContent[] = []
  if (view.notShown && view.images.length) {
    out.push(
      paragraph(
        text`Images not shown: `,
        untrusted(view.notShown, 400),
        text` They are: `,
        ...view.images.flatMap((im, i) => [...(i ? [text`, `] : []), untrustedCode(im.name, 80)])
      )
    )
  } else if (view.images.length || view.baselineOnly.length) {
    const withBaseline = [...view.images, ...view.baselineOnly].some(im => im.baselineUrl)
    const picture = (url: OwnUrl | undefined, alt: string): Cell => (url ? image(url, alt) : text`—`)
    const rows = [...view.images, ...view.baselineOnly].map(im =>
      withBaseline
        ? [
            untrustedCode(im.name, 80),
            picture(im.baselineUrl, `baseline ${im.name}`),
            picture(im.url, im.name)
          ]
        : [untrustedCode(im.name, 80), picture(im.url, im.name)]
    )
    const header: Cell[] = withBaseline
      ? [own`image`, own`baseline`, own`this PR`]
      : [own`image`, own`this PR`]
    out.push(table(withBaseline ? [null, 'center', 'center'] : [null, 'center'], header, rows))
  }
  if (view.imagesOverCap)
    out.push(
      paragraph(
        text`${view.imagesOverCap} more image${view.imagesOverCap === 1 ? own`` : own`s`} not shown (artifacts.max_count in the rules file picks how many, artifacts.images which).`
      )
    )
  return out
}

function accuracyWords(m: ConfusionView): SummaryContent[] {
  if (m.accuracy === undefined) return []
  const now = fmtNumber(m.accuracy, 3)
  if (m.baselineAccuracy === undefined) return [text` · accuracy ${now}`]
  return [
    text` · accuracy ${now} (baseline ${fmtNumber(m.baselineAccuracy, 3)}, ${fmtSigned(m.accuracy - m.baselineAccuracy, 3)})`
  ]
}

const score = (value: number | undefined): Own => (value === undefined ? own`—` : fmtNumber(value, 3))
const change = (value: number | undefined, present: boolean): Own =>
  value === undefined ? (present ? own`new` : own`—`) : fmtSigned(value, 3)

/**
 * A confusion matrix as the comment shows it: the counts among the shown classes, the rest summed per row, and the
 * shown classes' scores. Small whatever the number of classes, so the review kept in the comment stays small too.
 */
export interface ConfusionView {
  name: string
  /** The shown classes (label order) with their scores and changes against the baseline. */
  rows: ClassChange[]
  /** `counts[i][j]`: samples of shown class i predicted as shown class j. */
  counts: number[][]
  /** Samples of each shown class predicted as one of the folded classes. */
  other: number[]
  /** How many classes the matrix and the baseline's have together. */
  classCount: number
  withBaseline: boolean
  accuracy?: number
  baselineAccuracy?: number
}

/** The part of a compared matrix the comment shows. */
export function confusionView(m: ConfusionComparison): ConfusionView {
  const byLabel = new Map(m.classes.map(c => [c.label, c]))
  const folded = m.current.classes.filter(p => !m.shown.includes(p))
  return {
    name: m.name,
    rows: m.shown.map(label => byLabel.get(label)!),
    counts: m.shown.map(a => m.shown.map(p => countOf(m.current, a, p))),
    other: m.shown.map(a => folded.reduce((sum, p) => sum + countOf(m.current, a, p), 0)),
    classCount: m.classes.length,
    withBaseline: !!m.baseline,
    ...(m.accuracy !== undefined ? { accuracy: m.accuracy } : {}),
    ...(m.baselineAccuracy !== undefined ? { baselineAccuracy: m.baselineAccuracy } : {})
  }
}

/** The matrix (rows actual, columns predicted) with recall and precision per class and their changes. */
export function confusionBlocks(m: ConfusionView): RootContent[] {
  const folded = m.classCount - m.rows.length
  const { withBaseline } = m
  const header: Cell[] = [
    own`actual ╲ predicted`,
    ...m.rows.map(c => untrustedCode(c.label, 40)),
    ...(folded ? [own`other ${folded}`] : []),
    own`recall`,
    ...(withBaseline ? [own`Δ recall`] : []),
    own`precision`,
    ...(withBaseline ? [own`Δ precision`] : [])
  ]
  const rows = m.rows.map((c, i) => {
    const isNew = !!c.current && !c.baseline
    return [
      untrustedCode(c.label, 40),
      ...m.counts[i].map(n => own`${n}`),
      ...(folded ? [own`${m.other[i]}`] : []),
      score(c.current?.recall),
      ...(withBaseline ? [change(c.recallChange, isNew)] : []),
      score(c.current?.precision),
      ...(withBaseline ? [change(c.precisionChange, isNew)] : [])
    ] as Cell[]
  })
  const blocks: RootContent[] = [
    table(['left', ...header.slice(1).map(() => 'right' as const)], header, rows)
  ]
  if (folded)
    blocks.push(
      paragraph(
        text`${folded} of ${m.classCount} classes folded into "other": ${withBaseline ? own`the ones whose recall and precision changed least` : own`the ones with the fewest samples`}.`
      )
    )
  return blocks
}

/**
 * The URL of an image on an assets branch, under the repository's web page (`…/OWNER/REPO/raw/BRANCH/PATH`);
 * undefined unless the branch and the path are as promote writes them (they may come from a baseline file).
 */
export function assetsBranchImageUrl(
  repositoryUrl: OwnUrl | undefined,
  branch: unknown,
  file: unknown
): OwnUrl | undefined {
  if (!repositoryUrl || !isAssetsBranchName(branch) || !isAssetPath(file)) return undefined
  return githubUrl(repositoryUrl, 'raw', ...branch.split('/'), ...file.split('/'))
}

/** The champion's recorded plots in the living docs: its images and its confusion matrices (folded). */
export function recordedPlotsBlocks(
  plots: RecordedPlots | undefined,
  repositoryUrl: OwnUrl | undefined
): RootContent[] {
  if (!plots || !Array.isArray(plots.images) || !Array.isArray(plots.confusion)) return []
  const images = plots.images.flatMap(im => {
    const url = assetsBranchImageUrl(repositoryUrl, plots.branch, im?.path)
    return url ? [[untrustedCode(im.name, 80), image(url, im.name)] as Cell[]] : []
  })
  const out: RootContent[] = []
  if (images.length) out.push(table([null, 'center'], [own`image`, own`champion`], images))
  for (const m of plots.confusion.slice(0, 3)) {
    if (!isConfusionMatrix(m)) continue
    out.push(
      ...details(
        [text`Confusion matrix `, untrustedCode(m.name, 80)],
        confusionBlocks(confusionView(compareConfusion(m)))
      )
    )
  }
  return out
}
