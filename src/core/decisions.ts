// What reviewers decided with slash commands, kept in the sticky comment's hidden state: which regression was
// accepted for which PR head (an acceptance covers that head only), and which run a reviewer picked as the champion.
// Pure: the state is read as untrusted JSON and checked field by field; the gate is re-judged without re-reading runs.
import type { AcceptedRegression } from './baseline.js'
import type { Comparison, ExperimentSummary, Verdict } from './compare.js'
import { withAcceptance } from './metric-comparison.js'
import type { ReviewDecisions } from './promotion.js'

/** `/experiments accept <metric> <reason>` on one PR head. */
export interface AcceptDecision {
  kind: 'accept'
  metric: string
  reason: string
  /** Login of who accepted. */
  by: string
  /** ISO-8601 time. */
  at: string
  /** The PR head commit the acceptance covers (and only it). */
  head: string
}

/** `/experiments champion <run>`: the run the PR promotes on merge. */
export interface ChampionDecision {
  kind: 'champion'
  run: string
  by: string
  at: string
  /** The PR head the pick was made on. */
  head: string
}

/** One decision a reviewer made. */
export type ReviewDecision = AcceptDecision | ChampionDecision

/** The most decisions kept in the comment; older ones are dropped first. */
export const MAX_KEPT_DECISIONS = 50

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/
const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max

/** The decisions in a hidden state value (untrusted JSON): entries that do not have the right shape are dropped. */
export function readDecisions(value: unknown): ReviewDecision[] {
  const list = (value as { decisions?: unknown } | undefined)?.decisions
  if (!Array.isArray(list)) return []
  const out: ReviewDecision[] = []
  for (const raw of list.slice(-MAX_KEPT_DECISIONS)) {
    const d = raw as Record<string, unknown>
    if (!d || typeof d !== 'object') continue
    const common = isText(d.by, 100) && isText(d.at, 40) && typeof d.head === 'string' && SHA.test(d.head)
    if (!common) continue
    const base = { by: d.by as string, at: d.at as string, head: d.head as string }
    if (d.kind === 'accept' && isText(d.metric, 200) && isText(d.reason, 1000))
      out.push({ kind: 'accept', metric: d.metric, reason: d.reason, ...base })
    else if (d.kind === 'champion' && isText(d.run, 200)) out.push({ kind: 'champion', run: d.run, ...base })
  }
  return out
}

/** The value kept in the hidden state for a list of decisions. */
export function decisionsState(decisions: ReviewDecision[]): { decisions: ReviewDecision[] } {
  return { decisions: decisions.slice(-MAX_KEPT_DECISIONS) }
}

/** The acceptances that cover one head: the latest per metric, made on exactly that head. */
export function acceptedForHead(decisions: ReviewDecision[], head: string): AcceptedRegression[] {
  const latest = new Map<string, AcceptedRegression>()
  for (const d of decisions)
    if (d.kind === 'accept' && d.head === head)
      latest.set(d.metric, { metric: d.metric, reason: d.reason, by: d.by, at: d.at })
  return [...latest.values()]
}

/** The latest champion pick, whichever head it was made on (it names a run, which later heads may still have). */
export function championPickOf(
  decisions: ReviewDecision[]
): { name: string; by: string; at: string } | undefined {
  const last = [...decisions].reverse().find((d): d is ChampionDecision => d.kind === 'champion')
  return last ? { name: last.run, by: last.by, at: last.at } : undefined
}

/** What promote takes from the decisions of a merged PR whose last head was `head`. */
export function decisionsForMerge(decisions: ReviewDecision[], head: string): ReviewDecisions {
  const championPick = championPickOf(decisions)
  return { accepted: acceptedForHead(decisions, head), ...(championPick ? { championPick } : {}) }
}

/** The metrics with a broken rule (a failed check or a gating overfitting gap), accepted or not. */
export function regressedMetrics(c: Comparison): string[] {
  return [...new Set(c.violations.map(v => v.metric))]
}

/**
 * The comparison with the gate re-judged under a new set of acceptances, without re-reading runs: each failed
 * rule is accepted when an acceptance names its metric, and the verdict follows (missing evidence and rules that
 * name no metric still fail: they are not regressions and cannot be accepted).
 */
export function applyAcceptances(c: Comparison, accepted: AcceptedRegression[]): Comparison {
  const metrics = c.metrics.map(m => withAcceptance(m, accepted))
  const violations = c.violations.map(v => ({ ...v, accepted: accepted.find(a => a.metric === v.metric) }))
  const broken = violations.filter(v => !v.accepted)
  const verdict: Verdict =
    c.missingEvidence || c.unknownMetrics?.length || broken.length
      ? 'fail'
      : c.baseline
        ? 'pass'
        : 'no-baseline'
  return { ...c, metrics, violations, verdict }
}

/** Why `run` cannot be picked as the champion of a review, or undefined when it can. */
export function championPickProblem(
  c: Comparison,
  run: string
):
  | { kind: 'unknown'; finished: string[] }
  | { kind: 'not-finished'; status: ExperimentSummary['status'] }
  | undefined {
  const found = c.experiments.find(e => e.name === run || e.runs.includes(run))
  const finished = c.experiments.filter(e => e.status === 'finished').map(e => e.name)
  if (!found) return { kind: 'unknown', finished }
  if (found.status !== 'finished') return { kind: 'not-finished', status: found.status }
  return undefined
}
