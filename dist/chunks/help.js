import { D as DEFAULT_BASELINE_PATH, a as DEFAULT_DOCS_PATH, b as DEFAULT_RULES_PATH } from './conventions.js';

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
                            [--status finished|failed|running|killed] [--group G] [--seed N]
                            [--data-version V] [--eval-set NAME] [--no-capture] [--dir experiments]
  experiment-review promote [--runs …] [--baseline ${DEFAULT_BASELINE_PATH}] [--docs ${DEFAULT_DOCS_PATH}] [--pr N]
  experiment-review review  --repo OWNER/NAME --pr N [--runs …] [--rules FILE] [--baseline PATH] [--id ID]
                            (token in GITHUB_TOKEN; GITHUB_API_URL for GitHub Enterprise Server)
  experiment-review monitor [--runs …] [--rules FILE] [--baseline PATH] [--id ID]
                            [--repo OWNER/NAME [--dry-run]]   (the retraining issue; token in GITHUB_TOKEN)

Runs are auto-detected under the workspace when --runs is not given: MLflow (mlruns/, mlflow.db),
Weights & Biases (wandb/), DVC (dvc.yaml), TensorBoard event files, Hugging Face trainer_state.json,
Keras/Lightning metrics.csv, and experiments/<run>/ folders.

A --runs entry may be an MLflow tracking URI: http(s)://HOST for a tracking server (auth from
MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD), sqlite:///mlflow.db or
file:mlruns. From such a store only the runs of one commit are read: --commit SHA|HEAD|any (default HEAD;
review uses the PR's head).

--experiment NAME|GLOB (repeatable, every command that reads runs) reads only those experiments: MLflow
experiments (tracking servers, where it is required, and file and SQLite stores), W&B projects, and the folders
of TensorBoard and CSV runs. It replaces select.experiments of the rules file; the rules file's select.tags and
select.groups keep only runs with one of those tags or in one of those groups. Every command honours select.

Each command has its own help: experiment-review <command> --help.

Exit codes: 0 pass, 1 a rule is broken, 2 bad input or usage (no runs found included).
`;
const RUNS_OPTIONS = `  --runs <path|glob>   run outputs to read (repeatable); a path may be anywhere (absolute, or relative
                       to the workspace). Without --runs, runs are auto-detected under the workspace.
                       An MLflow tracking URI reads a shared store: http(s)://HOST (a tracking server),
                       sqlite:///mlflow.db or file:mlruns
  --experiment NAME    only these experiments of shared stores (repeatable, globs such as churn-*);
                       required for a tracking server; replaces select.experiments of the rules file
  --commit SHA         from a tracking URI, only the runs logged from this commit: a sha, HEAD (default)
                       or any (the 1,000 latest)
  --workspace DIR      the checkout (default: the current folder)`;
/** The usage text of each local command, shown by "experiment-review <command> --help". */
const COMMAND_HELP = {
    compare: `Usage: experiment-review compare [--runs <path|glob>...] --baseline <baseline.json | runs folder | REF:PATH>
                                 [--rules FILE] [--format text|markdown|json] [--id ID] [--workspace DIR]

Compares the runs with the baseline and applies the rules of the rules file (--rules, default
${DEFAULT_RULES_PATH} when it exists).

${RUNS_OPTIONS}
  --baseline SPEC      a baseline file, a folder of runs or an MLflow SQLite store (their best run is the
                       baseline), or REF:PATH read from git without a checkout (e.g.
                       origin/main:${DEFAULT_BASELINE_PATH} or main:experiments). It must exist.
  --rules FILE         the rules file; it must exist when given
  --format FORMAT      text (default), markdown (the PR comment) or json (the JSON report)
  --id ID              the review id the baseline must belong to (default: default)

Exit codes: 0 pass (or no baseline yet), 1 a rule is broken, 2 bad input: no runs found, a baseline or
rules file that is missing or invalid, or a rule that names a metric no run reports.
`,
    list: `Usage: experiment-review list [--runs <path|glob>...] [--format text|json] [--workspace DIR]

Lists the runs found, with their format, status, number of metrics and params, and path. Runs that could
not be read are listed as unreadable, with the reason.

${RUNS_OPTIONS}
  --format FORMAT      text (default) or json

Exit codes: 0 runs listed, 2 no runs found or bad input.
`,
    show: `Usage: experiment-review show <run> [--runs <path|glob>...] [--workspace DIR]

Shows one run (by name, id or path): its params, metrics with history lengths, and metadata.

${RUNS_OPTIONS}

Exit codes: 0 shown, 2 no such run or bad input.
`,
    export: `Usage: experiment-review export [--format csv|json] [--runs <path|glob>...] [--workspace DIR]

Writes every run's params and metrics to stdout as CSV (default; cells that a spreadsheet would run as a
formula are neutralised) or JSON.

${RUNS_OPTIONS}
  --format FORMAT      csv (default) or json

Exit codes: 0 exported, 2 no runs found or bad input.
`,
    log: `Usage: experiment-review log <run> [--param k=v]... [--metric k=v]... [--step N] [--tag t]... [--note text]
                             [--status finished|failed|running|killed] [--group G] [--seed N]
                             [--data-version V] [--eval-set NAME] [--no-capture] [--dir experiments]

Records a run in the built-in format (<dir>/<run>/params.json, metrics.json, metadata.yaml), merging with
what is there. Concurrent calls (parallel workers, xargs -P) all land: each write holds a lock file and
replaces the file atomically.

  --param k=v          a hyperparameter (numbers and true/false are typed)
  --metric k=v         a metric; NaN, Infinity and -Infinity are kept as such
  --step N             append the metrics as the point N of their history (the value is the last step's)
  --tag t, --note text, --status S
  --group G            runs of one group (seeds, folds) are one experiment with samples
  --seed N             the seed of this run
  --data-version V     the data version the run was trained on
  --eval-set NAME      the evaluation set the metrics come from
  --no-capture         do not record the git commit and the environment (runtime, OS, and a digest of
                       requirements.txt / pip freeze / package-lock.json); they are recorded by default
  --dir DIR            the runs folder (default experiments, under --workspace)

Exit codes: 0 logged, 2 bad input.
`
};

export { COMMAND_HELP, HELP, VERSION };
