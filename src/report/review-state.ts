// What the sticky comment keeps for the slash commands, in two hidden state blocks: the reviewers' decisions, and
// the last review (its comparison, where it ran and how it gates), so that a command can re-render the comment and
// re-judge the gate without re-reading runs. Both are read only from the comment the token itself wrote.
import type { Html, RootContent } from 'mdast'
import type { Comparison, ExperimentSummary } from '../core/compare.js'
import { acceptedForHead, applyAcceptances, readDecisions, type ReviewDecision } from '../core/decisions.js'
import { decisionsBlocks } from './commands.js'
import { buildComment, type ReportContext } from './comment.js'
import { couldFitDeflated, deflatedHiddenStateWithin, hiddenState, readHiddenState } from './hidden-state.js'
import { root } from './mdast.js'
import { stringify } from './markdown.js'

/** The hidden state kind of the reviewers' decisions. */
export const DECISIONS_STATE = 'decisions'

/** The hidden state kind of the last review. */
export const REVIEW_STATE = 'review'

/** The most characters the last review may take in the comment; a larger one is thinned, then left out. */
export const REVIEW_STATE_BUDGET = 24_000

/**
 * How the review's gate reaches the pull request: as the failing check of the workflow run itself (`check`: a
 * command re-runs its failed jobs after an accept) or as the commit status `experiment-review/<id>` on the head
 * (`status`: a command sets it).
 */
export type GateChannel =
  { kind: 'check'; runId: number; runUrl?: string } | { kind: 'status'; context: string } | { kind: 'none' }

/** The last review, as a command needs it. */
export interface ReviewSnapshot {
  version: 1
  /** The PR head the review judged. */
  head: string
  comparison: Comparison
  context: ReportContext
  gate: GateChannel
  /** The fail-on-regression input of that review: without it, a broken rule does not fail the gate. */
  failOnRegression: boolean
}

// JSON has no NaN or ±Infinity; a comparison carries them (diverged seeds), so they are written as tagged strings
// ("\u0000nf:NaN"), and a string that itself starts with the tag's first character gets one more in front, so no
// run name or parameter can pass for a number when it is read back.
const TAG = '\u0000'
const NON_FINITE = `${TAG}nf:`
const NON_FINITE_VALUES = new Map([NaN, Infinity, -Infinity].map(n => [`${NON_FINITE}${String(n)}`, n]))
// Keys are written sorted, so the same review always gives the same text (and an unchanged comment is not edited).
const replacer = (_: string, v: unknown) => {
  if (typeof v === 'number' && !Number.isFinite(v)) return `${NON_FINITE}${String(v)}`
  if (typeof v === 'string' && v.startsWith(TAG)) return `${TAG}${v}`
  if (v && typeof v === 'object' && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return v
}
const reviver = (_: string, v: unknown) => {
  if (typeof v !== 'string' || !v.startsWith(TAG)) return v
  return v.startsWith(TAG + TAG) ? v.slice(1) : (NON_FINITE_VALUES.get(v) ?? v)
}
/** A value read back from the hidden block (as written with the replacer) with its tagged strings restored. */
const revive = <T>(value: T): T => JSON.parse(JSON.stringify(value), reviver) as T

/** Keeps at most `points` evenly spread points of a series (the first and the last included). */
function thin<T>(series: T[] | undefined, points: number): T[] | undefined {
  if (!series || series.length <= points) return series
  const step = (series.length - 1) / (points - 1)
  return Array.from({ length: points }, (_, i) => series[Math.round(i * step)])
}

/** The comparison without what the comment never shows: histories outside the curves, and most diagnostics. */
function slimComparison(c: Comparison, curvePoints: number, runs: number): Comparison {
  const noHistory = <T extends { history?: unknown }>(m: T | undefined): T | undefined =>
    m ? ({ ...m, history: undefined } as T) : m
  const slimExperiment = (e: ExperimentSummary): ExperimentSummary => ({
    ...e,
    metrics: Object.fromEntries(Object.entries(e.metrics).map(([k, m]) => [k, noHistory(m)!])),
    paths: e.paths.slice(0, 5)
  })
  return {
    ...c,
    champion: c.champion ? slimExperiment(c.champion) : undefined,
    experiments: c.experiments.slice(0, runs).map(slimExperiment),
    metrics: c.metrics.map(m => ({ ...m, baseline: noHistory(m.baseline), current: noHistory(m.current) })),
    curves: c.curves.map(x => ({
      metric: x.metric,
      baseline: thin(x.baseline, curvePoints),
      current: thin(x.current, curvePoints)
    })),
    diagnostics: c.diagnostics.slice(0, 50)
  }
}

/**
 * A lower bound of the kept review's JSON length: the plain JSON of each field of its comparisons (written with the
 * same keys, and NaN as null, which is shorter than its tag). A field that attempts share is measured once.
 */
function jsonLengthAtLeast(comparisons: (Comparison | undefined)[], measured: Map<object, number>): number {
  let total = 0
  for (const field of comparisons.flatMap(c => (c ? Object.values(c) : []))) {
    if (field === null || typeof field !== 'object') continue
    let length = measured.get(field)
    if (length === undefined) {
      length = (JSON.stringify(field) as string | undefined)?.length ?? 0
      measured.set(field, length)
    }
    total += length
  }
  return total
}

/**
 * The hidden block of the last review: the comparison as it is when it fits REVIEW_STATE_BUDGET deflated,
 * else thinned (histories kept only as the curves show them, fewer runs); undefined when even that is too large
 * (then `refresh` says so and `accept` still works on a later review). An attempt is written only when a lower
 * bound of its size allows it to fit, and its deflating stops once past the budget, so thousands of runs cost
 * little more than the block that is kept.
 */
export function reviewState(snapshot: ReviewSnapshot): Html | undefined {
  const attempts = [
    (c: Comparison) => c,
    (c: Comparison) => slimComparison(c, 200, 100),
    (c: Comparison) => slimComparison(c, 40, 20)
  ]
  const measured = new Map<object, number>()
  for (const slim of attempts) {
    const comparison = slim(snapshot.comparison)
    // The review under a PR's proposed rules (when it edits the rules file) is kept and thinned the same way.
    const change = snapshot.context.rulesChange
    const proposed = change?.proposed ? slim(change.proposed) : undefined
    const context =
      change && proposed ? { ...snapshot.context, rulesChange: { ...change, proposed } } : snapshot.context
    const atLeast = jsonLengthAtLeast([comparison, proposed], measured)
    if (!couldFitDeflated(REVIEW_STATE, atLeast, REVIEW_STATE_BUDGET)) continue
    const json = JSON.stringify({ ...snapshot, comparison, context }, replacer)
    const block = deflatedHiddenStateWithin(REVIEW_STATE, json, REVIEW_STATE_BUDGET)
    if (block) return block
  }
  return undefined
}

/** The hidden block of the decisions. */
export function decisionsState(decisions: ReviewDecision[]): Html {
  return hiddenState(DECISIONS_STATE, { decisions })
}

/** The decisions kept in a comment body (the caller has checked the comment is the token's own). */
export function readDecisionsState(body: string): ReviewDecision[] {
  return readDecisions(readHiddenState(body, DECISIONS_STATE))
}

/** The last review kept in a comment body, or undefined when there is none or it is not one this build reads. */
export function readReviewSnapshot(body: string): ReviewSnapshot | undefined {
  const value = readHiddenState(body, REVIEW_STATE) as Partial<ReviewSnapshot> | undefined
  if (!value || value.version !== 1 || typeof value.head !== 'string' || !value.comparison) return undefined
  const c = value.comparison as Partial<Comparison>
  if (!Array.isArray(c.metrics) || !Array.isArray(c.violations) || !Array.isArray(c.experiments))
    return undefined
  const gate = value.gate as GateChannel | undefined
  return revive({
    version: 1,
    head: value.head,
    comparison: value.comparison,
    context: value.context ?? {},
    gate:
      gate?.kind === 'check' && Number.isSafeInteger(gate.runId)
        ? gate
        : gate?.kind === 'status' && typeof gate.context === 'string'
          ? gate
          : { kind: 'none' },
    failOnRegression: value.failOnRegression !== false
  })
}

/** What the sticky comment is rendered from: the last review, the decisions, and who may use the commands. */
export interface StickyCommentInput {
  snapshot: ReviewSnapshot
  decisions: ReviewDecision[]
  /** commands.permission of the rules; the footer names the commands for it. */
  commandPermission: string
}

/** The last review with the reviewers' acceptances for its head applied (the gate re-judged). */
export function judgedComparison(snapshot: ReviewSnapshot, decisions: ReviewDecision[]): Comparison {
  return applyAcceptances(snapshot.comparison, acceptedForHead(decisions, snapshot.head))
}

/**
 * The sticky comment: the review with the acceptances for its head applied, the reviewers' decisions, the footer
 * naming the commands, and the two hidden state blocks (decisions first: they are small and must always fit).
 */
export function renderStickyComment(input: StickyCommentInput): string {
  return buildStickyComment(input).body
}

/**
 * The sticky comment (`body`, as renderStickyComment) and, from the same tree and so folded the same way, what it
 * shows (`shown`: without the hidden state blocks, for the job summary).
 */
export function buildStickyComment(input: StickyCommentInput): { body: string; shown: string } {
  const { snapshot, decisions } = input
  // The review is kept as judged, so a command's re-render and a later review of the same head write the same text.
  const judged = judgedComparison(snapshot, decisions)
  const state = [decisionsState(decisions)]
  const review = reviewState({ ...snapshot, comparison: judged })
  if (review) state.push(review)
  const { tree, markdown } = buildComment(judged, snapshot.context, {
    decisions: decisionsBlocks(decisions, snapshot.head),
    state,
    commandPermission: input.commandPermission
  })
  const hidden = new Set<RootContent>(state)
  return { body: markdown, shown: stringify(root(tree.children.filter(node => !hidden.has(node)))) }
}
