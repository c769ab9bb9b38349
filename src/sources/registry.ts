// Every run format the detector knows, in the order they are asked.
import { builtinSource } from './builtin.js'
import type { RunSource } from './source.js'
import { dvcSource } from './dvc.js'
import { huggingfaceSource } from './huggingface.js'
import { csvSource } from './csv.js'
import { wandbSource } from './wandb.js'
import { tensorboardSource } from './tensorboard.js'
import { mlflowSource } from './mlflow.js'
import { mlflowSqliteSource } from './mlflow-sqlite.js'

/** All formats, asked in this order for each directory. */
export const ALL_SOURCES: RunSource[] = [
  builtinSource,
  wandbSource,
  tensorboardSource,
  dvcSource,
  huggingfaceSource,
  csvSource,
  mlflowSource,
  mlflowSqliteSource
]
