// The stores `npm run bench` reads: one generator per format and size, all deterministic (a seeded generator, no
// Math.random), so two runs of the bench, or a build before and after a change, read the same bytes.
// Run directly (`npx tsx bench/stores.ts OUT [name…]`) it writes the stores into OUT/<name>/ and prints their sizes.
import { mkdir, open, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { writeLargeFileStore, writeLargeSqliteStore } from '../test/fixtures/make-mlflow.js'
import { DT, encodeEvent, tfRecord, type EventSpec } from '../test/fixtures/make-tfevents.js'
import { records, runLog } from '../test/fixtures/make-wandb.js'
import { seededRandom } from '../test/fixtures/seeded-random.js'

/** A store the bench knows how to make, and how the CLI is pointed at it. */
export interface StoreKind {
  name: string
  /** What it holds, for the table. */
  describe: string
  /** The `--runs` paths, relative to the store's folder (the CLI's working directory). */
  runs: string[]
  /** Runs the reader must return. */
  expectRuns: number
  /** Writes the store into `dir`; returns the bytes of the files the reader reads. */
  make(dir: string): Promise<number>
}

function mlflowFileStore(runs: number, metrics: number, steps: number): StoreKind {
  return {
    name: `mlflow-${runs}`,
    describe: `MLflow file store, ${runs.toLocaleString('en')} runs × ${metrics} metrics × ${steps.toLocaleString('en')} steps`,
    runs: ['mlruns'],
    expectRuns: runs,
    make: dir => writeLargeFileStore(dir, runs, metrics, steps)
  }
}

function builtinStore(runs: number, metrics = 20, params = 20): StoreKind {
  return {
    name: `builtin-${runs}`,
    describe: `built-in, ${runs.toLocaleString('en')} runs × ${metrics} metrics × ${params} params`,
    runs: ['experiments'],
    expectRuns: runs,
    async make(dir) {
      let bytes = 0
      const write = async (file: string, text: string) => {
        await writeFile(file, text)
        bytes += Buffer.byteLength(text)
      }
      const writeRun = async (root: string, i: number) => {
        const run = path.join(root, `run-${i}`)
        await mkdir(run, { recursive: true })
        const metricValues = Object.fromEntries(
          Array.from({ length: metrics }, (_, k) => [`metric_${k}`, Math.sin(i * 31 + k) / 2 + 0.5])
        )
        const paramValues = Object.fromEntries(
          Array.from({ length: params }, (_, k) => [
            `param_${k}`,
            k % 2 ? (i * k) % 97 : `value-${(i + k) % 13}`
          ])
        )
        await write(path.join(run, 'metrics.json'), JSON.stringify(metricValues))
        await write(path.join(run, 'params.json'), JSON.stringify(paramValues))
        await write(
          path.join(run, 'metadata.yaml'),
          `name: run-${i}\ngit_commit: ${(i * 7919).toString(16).padStart(7, '0')}\ndata_version: v1\n`
        )
      }
      for (let i = 0; i < runs; i++) await writeRun(path.join(dir, 'experiments'), i)
      // The baseline: a folder of five runs on main, whose champion the comparison starts from.
      for (let i = 0; i < 5; i++) await writeRun(path.join(dir, 'main', 'experiments'), runs + i)
      return bytes
    }
  }
}

function sqliteStore(runs: number, metrics: number, steps: number): StoreKind {
  return {
    name: 'mlflow-sqlite',
    describe: `MLflow SQLite store, ${runs} runs × ${metrics} metrics × ${steps.toLocaleString('en')} steps`,
    runs: ['mlflow.db'],
    expectRuns: runs,
    make: dir => writeLargeSqliteStore(path.join(dir, 'mlflow.db'), runs, metrics, steps, seededRandom(7))
  }
}

/** ~`megabytes` MB of events: each step logs 4 simple_value scalars and 2 TF2 tensors (float and double). */
function tensorboardStore(megabytes: number): StoreKind {
  return {
    name: 'tensorboard',
    describe: `TensorBoard, one ${megabytes} MB event file`,
    runs: ['logs'],
    expectRuns: 1,
    async make(dir) {
      const target = megabytes * 1024 * 1024
      const file = path.join(dir, 'logs', 'events.out.tfevents.1700000000.bench.1.0')
      await mkdir(path.dirname(file), { recursive: true })
      const handle = await open(file, 'w')
      let bytes = 0
      let step = 0
      try {
        const header = tfRecord(encodeEvent({ wallTime: 1_700_000_000, fileVersion: 'brain.Event:2' }))
        await handle.write(header)
        bytes += header.length
        while (bytes < target) {
          const batch: Buffer[] = []
          for (let i = 0; i < 5000; i++, step++) {
            const spec: EventSpec = {
              wallTime: 1_700_000_000 + step * 0.01,
              step,
              values: [
                { kind: 'simple', tag: 'train/loss', value: 1 / (step + 1) },
                { kind: 'simple', tag: 'train/accuracy', value: step / (step + 1) },
                { kind: 'simple', tag: 'lr', value: 0.001 },
                { kind: 'simple', tag: 'epoch', value: Math.floor(step / 1000) }
              ]
            }
            batch.push(tfRecord(encodeEvent(spec)))
            batch.push(
              tfRecord(
                encodeEvent({
                  wallTime: spec.wallTime,
                  step,
                  values: [
                    { kind: 'tensor', tag: 'val/loss', value: 2 / (step + 1), dtype: DT.FLOAT },
                    { kind: 'tensor', tag: 'val/f1', value: step / (step + 2), dtype: DT.DOUBLE }
                  ]
                })
              )
            )
          }
          const chunk = Buffer.concat(batch)
          await handle.write(chunk)
          bytes += chunk.length
        }
      } finally {
        await handle.close()
      }
      return bytes
    }
  }
}

/** W&B run folders with binary logs only: config, `steps` history records of 6 metrics, a summary and an exit. */
function wandbStore(runs: number, steps: number): StoreKind {
  return {
    name: 'wandb',
    describe: `W&B binary logs, ${runs} runs × ${steps.toLocaleString('en')} steps × 6 metrics`,
    runs: ['wandb'],
    expectRuns: runs,
    async make(dir) {
      const random = seededRandom(11)
      let bytes = 0
      for (let r = 0; r < runs; r++) {
        const id = `b${r.toString(36).padStart(7, '0')}`
        const folder = path.join(dir, 'wandb', `run-20250101_120000-${id}`)
        await mkdir(folder, { recursive: true })
        const recs: Buffer[] = [
          records.run({ id, name: `bench-${r}`, project: 'bench', commit: 'deadbeef' }),
          records.config([
            { key: 'lr', json: String(0.001 * (r + 1)) },
            { key: 'seed', json: String(r) }
          ])
        ]
        const names = ['loss', 'accuracy', 'val/loss', 'val/accuracy', 'lr', 'grad_norm']
        for (let s = 0; s < steps; s++) {
          recs.push(
            records.history(
              [{ key: '_step', json: String(s) }, ...names.map(key => ({ key, json: String(random()) }))],
              s
            )
          )
        }
        recs.push(records.summary(names.map(key => ({ key, json: String(random()) }))))
        recs.push(records.exit(0))
        const log = runLog(recs)
        await writeFile(path.join(folder, `run-${id}.wandb`), log)
        bytes += log.length
      }
      return bytes
    }
  }
}

/** Lightning CSVLogger folders: `versions` × metrics.csv of `rows` rows (train rows, a val row every 100). */
function csvStore(versions: number, rows: number): StoreKind {
  return {
    name: 'csv',
    describe: `Lightning CSV, ${versions} versions × ${rows.toLocaleString('en')} rows`,
    runs: ['lightning_logs'],
    expectRuns: versions,
    async make(dir) {
      const random = seededRandom(13)
      let bytes = 0
      for (let v = 0; v < versions; v++) {
        const lines = ['epoch,step,train_loss,train_acc,val_loss,val_acc']
        for (let s = 0; s < rows; s++) {
          const epoch = Math.floor(s / 100)
          lines.push(`${epoch},${s},${random()},${random()},,`)
          if (s % 100 === 99) lines.push(`${epoch},${s},,,${random()},${random()}`)
        }
        const text = `${lines.join('\n')}\n`
        const folder = path.join(dir, 'lightning_logs', `version_${v}`)
        await mkdir(folder, { recursive: true })
        await writeFile(path.join(folder, 'metrics.csv'), text)
        const hparams = `lr: ${0.001 * (v + 1)}\nbatch_size: 32\n`
        await writeFile(path.join(folder, 'hparams.yaml'), hparams)
        bytes += text.length + hparams.length
      }
      return bytes
    }
  }
}

/** Every store of the bench, in the order of the table. */
export const STORE_KINDS: StoreKind[] = [
  mlflowFileStore(400, 10, 1000),
  mlflowFileStore(2000, 10, 1000),
  sqliteStore(50, 10, 1000),
  tensorboardStore(100),
  wandbStore(40, 5000),
  builtinStore(3000),
  builtinStore(10000),
  csvStore(100, 10000)
]

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out, ...names] = process.argv.slice(2)
  if (!out) {
    console.error(`usage: tsx bench/stores.ts OUT [${STORE_KINDS.map(k => k.name).join('|')}]…`)
    process.exit(2)
  }
  for (const kind of STORE_KINDS) {
    if (names.length && !names.includes(kind.name)) continue
    const dir = path.resolve(out, kind.name)
    await mkdir(dir, { recursive: true })
    const bytes = await kind.make(dir)
    console.log(`${kind.name}\t${(bytes / 1e6).toFixed(1)} MB\t${dir}\t--runs ${kind.runs.join(' ')}`)
  }
}
