// Experiments: runs that repeat one configuration (seeds, folds) grouped into one experiment with samples.
import { paramText, type HistoryPoint, type Run, type RunStatus } from './run.js'
import type { Rules } from './rules.js'
import { summarize } from './stats.js'

/** A metric of an experiment: the mean over its runs, and the samples behind it. */
export interface MetricStat {
  /** Mean over the finite samples; the single value when n = 1 (may be NaN or ±Infinity then). */
  value: number
  /** Exact decimal text of a single value that a double cannot hold. */
  exact?: string
  /** One value per run that logged the metric (non-finite ones included). */
  samples: number[]
  /** Finite samples behind `value` (1 for a single run, even when its value is not finite). */
  n: number
  /** Standard deviation of the finite samples (n − 1); undefined for fewer than 2. */
  sd?: number
  /** 95% Student-t confidence interval of the mean; undefined for fewer than 2 finite samples. */
  ci95?: [number, number]
  /** Samples left out of the mean and the tests because they are NaN or ±Infinity (reported, never silently dropped). */
  nonFinite?: number
  /** The run behind each sample, in the order of `samples` (set when there are several). */
  sampleRuns?: string[]
  /**
   * The seed or fold of each sample (`seed3`, `fold2`, `fold2-seed1`), in the order of `samples`: set when every
   * run has one and they are unique. Samples with the same key on both sides are paired.
   */
  sampleKeys?: string[]
  /** The test/train size ratio of cross-validation folds, when the runs' params give it. */
  testTrainRatio?: number
  /** History of the first run that has one (for learning curves). */
  history?: HistoryPoint[]
}

/** One configuration's result: one run, or several repeats of it. */
export interface Experiment {
  /** Display name: the group's name, or the run's. */
  name: string
  /** The runs of this experiment (one for a single run). */
  runs: Run[]
  /** The run whose params and metadata stand for the experiment (the first finished one). */
  lead: Run
  metrics: Record<string, MetricStat>
  /** failed when every run failed; otherwise the lead's status. */
  status: RunStatus
  /** Runs of the group that failed (shown, left out of the samples). */
  failedRuns: Run[]
  /** Parameters that differ between the runs of a group, seed-like ones left out: repeats that are not quite repeats. */
  varyingParams: string[]
}

/** Turns a `-seed<N>` style pattern into a RegExp that matches it as a suffix of a run name (case-insensitive). */
export function patternRegExp(pattern: string): RegExp {
  let re = compiledPatterns.get(pattern)
  if (!re) {
    const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('<N>', '\\d+')
    re = new RegExp(`${escaped}$`, 'i')
    compiledPatterns.set(pattern, re)
  }
  return re
}
const compiledPatterns = new Map<string, RegExp>()

/** A run name without its repeat suffixes: every grouping pattern is stripped, repeatedly (`a-fold2-seed1` → `a`). */
export function stripRepeatSuffixes(name: string, patterns: string[]): string | undefined {
  const res = patterns.map(patternRegExp)
  let stem = name
  let stripped = false
  for (let changed = true; changed;) {
    changed = false
    for (const re of res) {
      const next = stem.replace(re, '')
      if (next !== stem && next.length > 0) {
        stem = next
        stripped = changed = true
      }
    }
  }
  return stripped ? stem : undefined
}

/**
 * The group key of a run, first found of: metadata `group` (built-in metadata.yaml, W&B group), the parent run
 * (MLflow nested runs, by metadata.parentId: the parent's name when it is among the runs), or the run's name
 * without its repeat suffixes (rules-file `grouping.patterns`, `-seed<N>` and `-fold<N>` by default).
 */
export function groupKeyOf(run: Run, rules: Rules, runsById: Map<string, Run>): string | undefined {
  if (run.metadata.group) return run.metadata.group
  if (run.metadata.parentId) {
    const parent = runsById.get(run.metadata.parentId)
    return parent ? parent.name : run.metadata.parentId
  }
  return stripRepeatSuffixes(run.name, rules.grouping.patterns)
}

/** Groups runs into experiments; a parent run with children becomes their experiment. */
export function groupRuns(runs: Run[], rules: Rules): Experiment[] {
  const byNativeId = new Map<string, Run>()
  for (const r of runs) byNativeId.set(nativeId(r), r)
  const parents = new Set(runs.map(r => r.metadata.parentId).filter((x): x is string => !!x))
  const groups = new Map<string, Run[]>()
  const order: string[] = []
  for (const run of runs) {
    // A parent with children only frames them; its own metrics join only if it has no children reporting.
    if (parents.has(nativeId(run))) continue
    const key = groupKeyOf(run, rules, byNativeId)
    const id = key !== undefined ? `group:${key}` : `run:${run.id}`
    if (!groups.has(id)) {
      groups.set(id, [])
      order.push(id)
    }
    groups.get(id)?.push(run)
  }
  // Parents whose children were all absent are runs of their own.
  for (const run of runs) {
    if (parents.has(nativeId(run)) && !runs.some(r => r.metadata.parentId === nativeId(run))) {
      groups.set(`run:${run.id}`, [run])
      order.push(`run:${run.id}`)
    }
  }
  return order.map(id => {
    const members = groups.get(id) as Run[]
    const name = id.startsWith('group:') && members.length > 1 ? id.slice('group:'.length) : members[0].name
    return makeExperiment(name, members)
  })
}

/** The id a tracker uses for a run (the last segment of our id), which parentId refers to. */
function nativeId(run: Run): string {
  return run.id.split(/[:/]/).pop() ?? run.id
}

/** Builds an experiment from its runs; failed runs are kept aside and left out of the samples. */
export function makeExperiment(name: string, runs: Run[]): Experiment {
  const good = runs.filter(r => r.metadata.status !== 'failed')
  const failedRuns = runs.filter(r => r.metadata.status === 'failed')
  const counted = good.length ? good : runs
  const lead = counted[0]
  const names = new Set(counted.flatMap(r => Object.keys(r.metrics)))
  const metrics: Record<string, MetricStat> = {}
  for (const metric of names) {
    const present = counted.filter(r => r.metrics[metric])
    const samples = present.map(r => r.metrics[metric].value)
    const history = present.find(r => r.metrics[metric].history?.length)?.metrics[metric].history
    if (samples.length === 1) {
      const m = present[0].metrics[metric]
      metrics[metric] = {
        value: m.value,
        samples,
        n: 1,
        ...(m.exact ? { exact: m.exact } : {}),
        ...(history ? { history } : {})
      }
    } else {
      const s = summarize(samples)
      // All samples non-finite: show the first one (NaN, or ±Infinity when they agree) rather than a made-up mean.
      const value = s.n === 0 ? (samples.every(x => x === samples[0]) ? samples[0] : NaN) : s.mean
      metrics[metric] = {
        value,
        samples,
        n: s.n,
        sd: s.sd,
        ci95: s.ci95,
        ...(s.nonFinite ? { nonFinite: s.nonFinite } : {}),
        sampleRuns: present.map(r => r.name),
        ...repeatKeys(present),
        ...(history ? { history } : {})
      }
    }
  }
  const status: RunStatus = good.length ? lead.metadata.status : 'failed'
  return { name, runs, lead, metrics, status, failedRuns, varyingParams: varyingParams(counted) }
}

/** The seed or fold keys of the runs behind a metric, and the folds' test/train ratio, when known. */
function repeatKeys(runs: Run[]): Pick<MetricStat, 'sampleKeys' | 'testTrainRatio'> {
  const keys = runs.map(sampleKeyOf)
  if (keys.some(k => k === undefined) || new Set(keys).size !== keys.length) return {}
  const sampleKeys = keys as string[]
  const ratio = sampleKeys.every(isFoldKey) ? testTrainRatioOf(runs[0].params) : undefined
  return { sampleKeys, ...(ratio !== undefined ? { testTrainRatio: ratio } : {}) }
}

/**
 * The repeat key of a run: its fold (a `-fold<N>` name suffix, or a `fold`/`cv_fold` param) and its seed (metadata
 * `seed`, a `-seed<N>` name suffix, or a `seed`/`random_seed`/`random_state` param), e.g. `fold2-seed1`.
 */
export function sampleKeyOf(
  run: Pick<Run, 'name'> & Partial<Pick<Run, 'params' | 'metadata'>>
): string | undefined {
  const fromName = (word: string) =>
    new RegExp(`(?:^|[-_.])${word}[-_]?(\\d+)(?=$|[-_.])`, 'i').exec(run.name)?.[1]
  const param = (...names: string[]) => {
    for (const n of names) {
      const v = run.params?.[n]
      if (typeof v === 'number' && Number.isInteger(v)) return String(v)
    }
    return undefined
  }
  const fold = fromName('fold') ?? param('fold', 'cv_fold', 'fold_index')
  const seed =
    run.metadata?.seed !== undefined
      ? String(run.metadata.seed)
      : (fromName('seed') ?? param('seed', 'random_seed', 'random_state'))
  const parts = [fold !== undefined ? `fold${+fold}` : '', seed !== undefined ? `seed${+seed}` : ''].filter(
    Boolean
  )
  return parts.length ? parts.join('-') : undefined
}

/** True for a key of a cross-validation fold. */
export function isFoldKey(key: string): boolean {
  return key.startsWith('fold')
}

/** The test/train ratio from params: `test_train_ratio`, or `test_size` as a fraction of the data (in (0, 1)). */
function testTrainRatioOf(params: Run['params']): number | undefined {
  const ratio = params.test_train_ratio
  if (typeof ratio === 'number' && ratio > 0 && Number.isFinite(ratio)) return ratio
  const test = params.test_size
  if (typeof test === 'number' && test > 0 && test < 1) return test / (1 - test)
  return undefined
}

const SEED_LIKE =
  /(^|[._-])(seed|random_state|random_seed|rng|fold|split|run_id|run_name|output_dir|logging_dir)$/i

/** True for a param that tells repeats or runs apart (seed, fold, run id, output folder) rather than configures one. */
export function isSeedLikeParam(name: string): boolean {
  return SEED_LIKE.test(name)
}

/** Params whose text differs between runs (seed-like keys left out); empty for a single run. */
function varyingParams(runs: Run[]): string[] {
  if (runs.length < 2) return []
  const keys = new Set(runs.flatMap(r => Object.keys(r.params)))
  return [...keys]
    .filter(k => !isSeedLikeParam(k))
    .filter(k => new Set(runs.map(r => paramText(r.params[k]))).size > 1)
    .sort()
}
