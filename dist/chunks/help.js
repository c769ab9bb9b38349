import { a as DEFAULT_BASELINE_PATH, D as DEFAULT_DOCS_PATH } from './conventions.js';

var version = "0.1.0";
var packageJson = {
	version: version};

// The CLI's version and usage text: tiny, so `--version` and `--help` load nothing else. The version is
// package.json's, bundled at build time (Rollup's json plugin), so there is no second copy to forget.
/** The package version (package.json's `version`). */
const VERSION = packageJson.version;
/** The usage text. */
const HELP = `experiment-review ${VERSION}: reviews ML experiment runs against a baseline.

Usage:
  experiment-review compare --runs <path|glob>... --baseline <baseline.json | runs folder | REF:PATH>
                            [--rules FILE] [--format text|markdown|json] [--id ID] [--workspace DIR]
  experiment-review list    [--runs <path|glob>...] [--format text|json]
  experiment-review show    <run> [--runs <path|glob>...]
  experiment-review export  --format csv|json [--runs <path|glob>...]
  experiment-review log     <run> [--param k=v]... [--metric k=v]... [--step N] [--tag t]... [--note text]
                            [--status finished|failed|running|killed] [--dir experiments]
  experiment-review promote [--runs …] [--baseline ${DEFAULT_BASELINE_PATH}] [--docs ${DEFAULT_DOCS_PATH}] [--pr N]
  experiment-review review  --repo OWNER/NAME --pr N [--runs …] [--rules FILE] [--baseline PATH] [--id ID]
                            (token in GITHUB_TOKEN; GITHUB_API_URL for GitHub Enterprise Server)

Runs are auto-detected under the workspace when --runs is not given: MLflow (mlruns/, mlflow.db),
Weights & Biases (wandb/), DVC (dvc.yaml), TensorBoard event files, Hugging Face trainer_state.json,
Keras/Lightning metrics.csv, and experiments/<run>/ folders.

Exit codes: 0 pass, 1 a rule is broken, 2 bad input or usage.
`;

export { HELP, VERSION };
