// Every run format the detector knows, in the order they are asked.
import { builtinSource } from './builtin.js'
import type { RunSource } from './source.js'

/** All formats, asked in this order for each directory. */
export const ALL_SOURCES: RunSource[] = [builtinSource]
