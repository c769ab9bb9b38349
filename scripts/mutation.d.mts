// Types of scripts/mutation.mjs for the tests that import it.

/** Each module: its runs of Stryker, each with the sources mutated and the tests that judge them. */
export declare const MODULES: Record<string, { part?: string; mutate: string[]; tests: string[] }[]>

/** Stryker's per-file counts folded into killed, survived, no coverage, timeouts and the score. */
export declare function scoreOf(report: { files: Record<string, { mutants: { status: string }[] }> }): {
  killed: number
  survived: number
  noCoverage: number
  timeout: number
  errors: number
  ignored: number
  /** Percent of judged mutants detected (killed or timed out); NaN when none could be judged. */
  score: number
}
