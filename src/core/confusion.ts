// Confusion matrices as facts: counts of actual × predicted classes, per-class precision and recall, and their change
// against the baseline's matrix of the same name. Pure: data in, data out.

/** A confusion matrix read from a run: `counts[a][p]` is how many samples of class `classes[a]` were predicted `classes[p]`. */
export interface ConfusionMatrix {
  /** What the matrix is called: its file relative to the run folder (untrusted). */
  name: string
  /** Class labels, sorted (numeric labels by number). Untrusted. */
  classes: string[]
  counts: number[][]
}

/** Precision and recall of one class; undefined where the denominator is 0 (no sample, no prediction). */
export interface ClassScore {
  label: string
  /** Samples whose actual class is this one (the row sum). */
  support: number
  /** Samples predicted as this class (the column sum). */
  predicted: number
  correct: number
  precision?: number
  recall?: number
}

/** One class of a matrix against the baseline's: the scores of both and the changes. */
export interface ClassChange {
  label: string
  current?: ClassScore
  baseline?: ClassScore
  /** current − baseline; undefined when either is missing. */
  precisionChange?: number
  recallChange?: number
}

/** A PR's confusion matrix with its baseline's (same name), and the classes to show first. */
export interface ConfusionComparison {
  name: string
  current: ConfusionMatrix
  baseline?: ConfusionMatrix
  /** Every class of either matrix, in the order they are shown: most changed first (by support without a baseline). */
  classes: ClassChange[]
  /** The classes shown in full; the rest are folded into "other". */
  shown: string[]
  /** Overall accuracy (trace / total) of each. */
  accuracy?: number
  baselineAccuracy?: number
}

/** How many classes a matrix shows in full before the rest fold into "other". */
export const MAX_SHOWN_CLASSES = 10

/** Sorts class labels: numbers by value when every label is a number, else by text. */
export function sortLabels(labels: Iterable<string>): string[] {
  const list = [...new Set(labels)]
  const numeric = list.every(l => l.trim() !== '' && Number.isFinite(Number(l)))
  return numeric ? list.sort((a, b) => Number(a) - Number(b)) : list.sort()
}

/** A matrix from (actual, predicted, count) cells, as a W&B confusion table or counted sample pairs give them. */
export function matrixFromCells(
  name: string,
  cells: Iterable<{ actual: string; predicted: string; count: number }>
): ConfusionMatrix {
  const list = [...cells]
  const classes = sortLabels(list.flatMap(c => [c.actual, c.predicted]))
  const index = new Map(classes.map((c, i) => [c, i]))
  const counts = classes.map(() => classes.map(() => 0))
  for (const c of list) counts[index.get(c.actual)!][index.get(c.predicted)!] += c.count
  return { name, classes, counts }
}

/** A matrix from one (actual, predicted) pair per sample, as DVC's confusion template and dvclive write them. */
export function matrixFromPairs(
  name: string,
  pairs: Iterable<{ actual: string; predicted: string }>
): ConfusionMatrix {
  const tally = new Map<string, { actual: string; predicted: string; count: number }>()
  for (const p of pairs) {
    const key = JSON.stringify([p.actual, p.predicted])
    const cell = tally.get(key)
    if (cell) cell.count++
    else tally.set(key, { actual: p.actual, predicted: p.predicted, count: 1 })
  }
  return matrixFromCells(name, tally.values())
}

/** Whether a value read back from a file is a matrix: string classes and square, finite, non-negative counts. */
export function isConfusionMatrix(value: unknown): value is ConfusionMatrix {
  const m = value as ConfusionMatrix
  const n = Array.isArray(m?.classes) ? m.classes.length : -1
  return (
    typeof m?.name === 'string' &&
    m.classes.every(c => typeof c === 'string') &&
    Array.isArray(m.counts) &&
    m.counts.length === n &&
    m.counts.every(
      row =>
        Array.isArray(row) &&
        row.length === n &&
        row.every(x => typeof x === 'number' && Number.isFinite(x) && x >= 0)
    )
  )
}

/** Per-class support, predictions, precision and recall of a matrix. */
export function classScores(m: ConfusionMatrix): ClassScore[] {
  return m.classes.map((label, i) => {
    const support = m.counts[i].reduce((s, n) => s + n, 0)
    const predicted = m.counts.reduce((s, row) => s + row[i], 0)
    const correct = m.counts[i][i]
    return {
      label,
      support,
      predicted,
      correct,
      ...(predicted > 0 ? { precision: correct / predicted } : {}),
      ...(support > 0 ? { recall: correct / support } : {})
    }
  })
}

/** The share of samples on the diagonal; undefined for an empty matrix. */
export function accuracyOf(m: ConfusionMatrix): number | undefined {
  const total = m.counts.flat().reduce((s, n) => s + n, 0)
  const trace = m.classes.reduce((s, _, i) => s + m.counts[i][i], 0)
  return total > 0 ? trace / total : undefined
}

/** The count of `actual` predicted as `predicted`; 0 when either class is not in the matrix. */
export function countOf(m: ConfusionMatrix, actual: string, predicted: string): number {
  const a = m.classes.indexOf(actual)
  const p = m.classes.indexOf(predicted)
  return a < 0 || p < 0 ? 0 : m.counts[a][p]
}

/**
 * Compares a PR's matrix with the baseline's of the same name: per-class scores and changes, classes ordered by how
 * much they changed (|Δ recall| + |Δ precision|; by support without a baseline), the first `maxShown` shown.
 */
export function compareConfusion(
  current: ConfusionMatrix,
  baseline?: ConfusionMatrix,
  maxShown = MAX_SHOWN_CLASSES
): ConfusionComparison {
  const now = new Map(classScores(current).map(s => [s.label, s]))
  const before = new Map(baseline ? classScores(baseline).map(s => [s.label, s]) : [])
  const labels = sortLabels([...now.keys(), ...before.keys()])
  const diff = (a?: number, b?: number) => (a !== undefined && b !== undefined ? a - b : undefined)
  const classes: ClassChange[] = labels.map(label => {
    const c = now.get(label)
    const b = before.get(label)
    return {
      label,
      ...(c ? { current: c } : {}),
      ...(b ? { baseline: b } : {}),
      ...(baseline ? { precisionChange: diff(c?.precision, b?.precision) } : {}),
      ...(baseline ? { recallChange: diff(c?.recall, b?.recall) } : {})
    }
  })
  const weight = (x: ClassChange) =>
    baseline ? Math.abs(x.recallChange ?? 1) + Math.abs(x.precisionChange ?? 1) : (x.current?.support ?? 0)
  const order = [...classes].sort((a, b) => weight(b) - weight(a))
  // The shown classes keep the label order (a matrix reads best with rows and columns in the same order).
  const picked = new Set(order.slice(0, Math.max(1, maxShown)).map(x => x.label))
  const accuracy = accuracyOf(current)
  const baselineAccuracy = baseline ? accuracyOf(baseline) : undefined
  return {
    name: current.name,
    current,
    ...(baseline ? { baseline } : {}),
    classes: order,
    shown: labels.filter(l => picked.has(l)),
    ...(accuracy !== undefined ? { accuracy } : {}),
    ...(baselineAccuracy !== undefined ? { baselineAccuracy } : {})
  }
}
