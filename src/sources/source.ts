// The contract between the detector and the readers of each run format.
import type { Run, SourceFormat } from '../core/run.js'
import type { ReadContext } from './context.js'

/** What the detector sees of one directory: its path and its entries (symbolic links are not followed). */
export interface DirListing {
  /** Absolute path of the directory. */
  path: string
  /** Last path segment, e.g. `mlruns`. */
  name: string
  /** Names of the regular files in it (and of symbolic links to files). */
  files: string[]
  /** Names of its sub-directories (symbolic links to directories are left out). */
  dirs: string[]
}

/** A place one format claims: a directory or a file it will read runs from. */
export interface Claim {
  /** Absolute path of the directory or file to read. */
  path: string
  /** True when the format reads the whole tree below, so the detector does not descend further. */
  exclusive?: boolean
  /**
   * True when auto-detection claimed the place by its name alone (e.g. a `training_log.csv`): the reader then skips
   * it quietly when it turns out not to be of this format, instead of reporting an error.
   */
  byNameOnly?: boolean
}

/** One run format: says which places it can read, and reads them into runs. */
export interface RunSource {
  readonly format: SourceFormat
  /** Claims the places in this directory that hold runs of this format; none when it holds none. */
  claim(listing: DirListing): Claim[]
  /**
   * Reads every run at a claimed place (`claimPath` is `claim.path`); problems go to the context's diagnostics,
   * never throw for bad data.
   */
  read(claimPath: string, ctx: ReadContext, claim: Claim): Promise<Run[]>
}
