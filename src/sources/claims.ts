// Which places each run format claims, decided from a folder listing alone. Kept apart from the readers so that
// finding runs loads no reader: registry.ts loads a format's reader only when a place of that format is read.
import path from 'node:path'
import type { Claim, DirListing } from './source.js'

/** The files of one built-in run. */
export const BUILTIN_FILES = {
  params: 'params.json',
  metrics: 'metrics.json',
  metadata: 'metadata.yaml'
} as const
/** Any of the built-in run files, which make a folder in `experiments/` a run. */
export const BUILTIN_RUN_FILES: string[] = Object.values(BUILTIN_FILES)

/** The built-in format: an `experiments` folder (not git's own), or one run folder inside it. */
export function claimBuiltin(listing: DirListing): Claim[] {
  if (
    listing.name === 'experiments' &&
    listing.dirs.length > 0 &&
    path.basename(path.dirname(listing.path)) !== '.git'
  ) {
    return [{ path: listing.path, exclusive: true }]
  }
  if (
    path.basename(path.dirname(listing.path)) === 'experiments' &&
    listing.files.some(f => BUILTIN_RUN_FILES.includes(f))
  ) {
    return [{ path: listing.path, exclusive: true }]
  }
  return []
}

/** A W&B run folder name: `run-<date>_<time>-<id>` or `offline-run-…`. */
export const WANDB_RUN_DIR = /^(?:offline-)?run-.*?([A-Za-z0-9]+)$/
/** Files that mark a folder as a W&B run (besides the `files/` folder of current versions). */
const WANDB_RUN_MARKERS = ['wandb-summary.json', 'wandb-metadata.json', 'wandb-history.jsonl']
/** True for a W&B binary run log, `run-<id>.wandb`. */
export const isWandbRunLog = (f: string) => f.endsWith('.wandb')

/** W&B: a `wandb` folder holding run folders, or one run folder. */
export function claimWandb(listing: DirListing): Claim[] {
  if (listing.name === 'wandb' && listing.dirs.some(d => WANDB_RUN_DIR.test(d)))
    return [{ path: listing.path, exclusive: true }]
  if (
    WANDB_RUN_DIR.test(listing.name) &&
    (listing.files.some(f => isWandbRunLog(f) || WANDB_RUN_MARKERS.includes(f)) ||
      listing.dirs.includes('files'))
  ) {
    return [{ path: listing.path, exclusive: true }]
  }
  return []
}

/** The name every TensorBoard event file starts with. */
export const TENSORBOARD_EVENT_PREFIX = 'events.out.tfevents.'

/** TensorBoard: every folder holding event files (not exclusive: sub-folders may be other runs). */
export function claimTensorBoard(listing: DirListing): Claim[] {
  return listing.files.some(f => f.startsWith(TENSORBOARD_EVENT_PREFIX)) ? [{ path: listing.path }] : []
}

/** The pipeline file that makes a folder a DVC project. */
export const DVC_YAML = 'dvc.yaml'

/** DVC: a folder with a dvc.yaml, or a standalone dvclive folder (metrics.json and a plots folder). */
export function claimDvc(listing: DirListing): Claim[] {
  if (listing.files.includes(DVC_YAML)) return [{ path: listing.path }]
  // A standalone dvclive folder: metrics.json and a plots folder (not a built-in experiments/<run>).
  if (
    listing.files.includes('metrics.json') &&
    listing.dirs.includes('plots') &&
    path.basename(path.dirname(listing.path)) !== 'experiments'
  ) {
    return [{ path: listing.path }]
  }
  return []
}

/** The file the Hugging Face Trainer saves its state and log history to. */
export const TRAINER_STATE = 'trainer_state.json'
/** A Trainer checkpoint folder, `checkpoint-<step>`. */
export const TRAINER_CHECKPOINT = /^checkpoint-(\d+)$/

/** Hugging Face: a Trainer output folder (its state, its result files or checkpoint folders). */
export function claimHuggingFace(listing: DirListing): Claim[] {
  const hasState = listing.files.includes(TRAINER_STATE)
  const hasResults = listing.files.includes('all_results.json') || listing.files.includes('eval_results.json')
  const hasCheckpoints = listing.dirs.some(d => TRAINER_CHECKPOINT.test(d))
  return hasState || hasResults || hasCheckpoints ? [{ path: listing.path, exclusive: true }] : []
}

/** The file name Lightning's CSVLogger writes its metrics to. */
export const LIGHTNING_METRICS_FILE = 'metrics.csv'
/** CSV files claimed during auto-detection by their name alone (the header decides when they are read). */
const CSV_LOG_NAME = /(?:^|[_.-])(?:log|logs|history|metrics|training)(?:[_.-]|$)/i

/** CSV logs: Lightning's metrics.csv, CSV files named like a log, and any CSV or training.log named explicitly. */
export function claimCsv(listing: DirListing): Claim[] {
  const claims: Claim[] = []
  // A listing of exactly one file and no folders is what the detector makes for an explicit `runs` file.
  const explicit = listing.files.length === 1 && listing.dirs.length === 0
  for (const file of listing.files) {
    const lower = file.toLowerCase()
    if (lower === LIGHTNING_METRICS_FILE) claims.push({ path: path.join(listing.path, file) })
    else if (lower.endsWith('.csv') && (explicit || CSV_LOG_NAME.test(lower.slice(0, -4)))) {
      claims.push({ path: path.join(listing.path, file), ...(explicit ? {} : { byNameOnly: true }) })
    } else if (lower === 'training.log' && explicit) claims.push({ path: path.join(listing.path, file) })
  }
  return claims
}

/** MLflow run ids: 32 hex digits (uuid4 without dashes). */
const MLFLOW_RUN_ID = /^[0-9a-f]{32}$/i

/** The MLflow file store: a folder named `mlruns`, or an experiment or run folder with its meta.yaml. */
export function claimMlflow(listing: DirListing): Claim[] {
  if (insideMlflowTrash(listing.path)) return []
  if (listing.name === 'mlruns') return [{ path: listing.path, exclusive: true }]
  if (!listing.files.includes('meta.yaml')) return []
  if (looksLikeExperiment(listing) || looksLikeRun(listing)) return [{ path: listing.path, exclusive: true }]
  return []
}

/** True for a folder that holds meta.yaml and run folders (32-hex names). */
function looksLikeExperiment(listing: DirListing): boolean {
  return listing.dirs.some(d => MLFLOW_RUN_ID.test(d))
}

/** True for a run folder: meta.yaml beside metrics/params/tags folders. */
function looksLikeRun(listing: DirListing): boolean {
  return ['metrics', 'params', 'tags'].filter(d => listing.dirs.includes(d)).length >= 2
}

/** True for a path inside MLflow's `.trash` (deleted experiments and runs). */
export function insideMlflowTrash(p: string): boolean {
  return p.split(/[\\/]/).includes('.trash')
}

/** The MLflow SQLite store: every *.db file (one that is not MLflow's is skipped quietly when read). */
export function claimMlflowSqlite(listing: DirListing): Claim[] {
  return listing.files.filter(f => /\.db$/i.test(f)).map(f => ({ path: path.join(listing.path, f) }))
}
