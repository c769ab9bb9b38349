// Every run format the detector knows, in the order they are asked.
import { builtinSource } from './builtin.js'
import type { RunSource } from './source.js'
import { wandbSource } from './wandb.js'

/** All formats, asked in this order for each directory. */
export const ALL_SOURCES: RunSource[] = [builtinSource, wandbSource]
