// Every run format the detector knows, in the order they are asked. A format's claim (claims.ts) is asked of every
// folder; its reader is imported only when a place of that format is read, so that a command loads the readers of
// the formats it finds and no others.
import {
  claimBuiltin,
  claimCsv,
  claimDvc,
  claimHuggingFace,
  claimMlflow,
  claimMlflowSqlite,
  claimTensorBoard,
  claimWandb
} from './claims.js'
import type { Claim, DirListing, RunSource } from './source.js'

/** A format whose reader module is imported on its first read. */
function lazySource(
  format: RunSource['format'],
  claim: (listing: DirListing) => Claim[],
  reader: () => Promise<RunSource>
): RunSource {
  return { format, claim, read: async (claimPath, ctx, c) => (await reader()).read(claimPath, ctx, c) }
}

/** All formats, asked in this order for each directory. */
export const ALL_SOURCES: RunSource[] = [
  lazySource('builtin', claimBuiltin, async () => (await import('./builtin.js')).builtinSource),
  lazySource('wandb', claimWandb, async () => (await import('./wandb.js')).wandbSource),
  lazySource(
    'tensorboard',
    claimTensorBoard,
    async () => (await import('./tensorboard.js')).tensorboardSource
  ),
  lazySource('dvc', claimDvc, async () => (await import('./dvc.js')).dvcSource),
  lazySource(
    'huggingface',
    claimHuggingFace,
    async () => (await import('./huggingface.js')).huggingfaceSource
  ),
  lazySource('csv', claimCsv, async () => (await import('./csv.js')).csvSource),
  lazySource('mlflow', claimMlflow, async () => (await import('./mlflow.js')).mlflowSource),
  lazySource(
    'mlflow-sqlite',
    claimMlflowSqlite,
    async () => (await import('./mlflow-sqlite.js')).mlflowSqliteSource
  )
]
