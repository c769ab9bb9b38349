// Plots from runs: images found by format and checked by signature, confusion data read from DVC plots and W&B
// tables, per-class scores against a direct computation, and the tables and images the comment shows.
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { assetPath } from '../src/core/artifacts.js'
import { classScores, compareConfusion, matrixFromPairs } from '../src/core/confusion.js'
import { parseRulesFile } from '../src/config/rules-file.js'
import { makeRun } from '../src/core/run.js'
import { relativeUrl, root } from '../src/report/mdast.js'
import { stringify } from '../src/report/markdown.js'
import { confusionView, plotsBlocks } from '../src/report/plots.js'
import { collectRunArtifacts, imageKindOf } from '../src/sources/artifacts.js'
import { renderGfm } from './helpers/cmark.js'
import { GIF_START, JPEG_START, pngImage } from './helpers/images.js'
import { describeShared } from './helpers/shared.js'
import { tempDirs } from './helpers/temp.js'

const tempDir = tempDirs('er-plots-')

/** Writes files (relative path → content) under `dir`. */
async function writeTree(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true })
    await writeFile(path.join(dir, rel), content)
  }
}

/** A seeded sample of (actual, predicted) pairs over `classes`, right about `skill` of the time. */
function samples(classes: string[], n: number, skill: number, seed: number) {
  let s = seed
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  return Array.from({ length: n }, () => {
    const actual = classes[Math.floor(random() * classes.length)]
    const predicted = random() < skill ? actual : classes[Math.floor(random() * classes.length)]
    return { actual, predicted }
  })
}

const DVC_YAML = `stages:
  evaluate:
    cmd: python evaluate.py
    plots:
      - eval/plots/images/importance.png
plots:
  - Confusion-Matrix:
      template: confusion
      x: actual
      y:
        eval/plots/sklearn/cm/test.json: predicted
  - eval/plots/fake.png
`

describe('confusion data of a DVC project', () => {
  it('reads the confusion plot named in dvc.yaml, with per-class recall and precision equal to a direct computation', async () => {
    const dir = await tempDir()
    const pairs = samples(['cat', 'dog', 'bird'], 500, 0.8, 7)
    await writeTree(dir, {
      'project/dvc.yaml': DVC_YAML,
      'project/eval/plots/sklearn/cm/test.json': JSON.stringify({ cm: pairs }),
      'project/eval/plots/images/importance.png': pngImage([10, 20, 30]),
      'project/eval/plots/fake.png': 'this is not a PNG'
    })
    const run = makeRun({ id: 'dvc:project', name: 'project', source: 'dvc', path: 'project' })
    const found = await collectRunArtifacts(run, { workspace: dir })

    expect(found.confusion).toHaveLength(1)
    const matrix = found.confusion[0]
    expect(matrix.name).toBe('eval/plots/sklearn/cm/test.json')
    expect(matrix.classes).toEqual(['bird', 'cat', 'dog'])
    for (const s of classScores(matrix)) {
      const actual = pairs.filter(p => p.actual === s.label)
      const predicted = pairs.filter(p => p.predicted === s.label)
      const hits = actual.filter(p => p.predicted === s.label).length
      expect(s.support).toBe(actual.length)
      expect(s.recall).toBeCloseTo(hits / actual.length, 12)
      expect(s.precision).toBeCloseTo(hits / predicted.length, 12)
    }

    // The image plot is found and checked; the fake PNG is refused and named.
    expect(found.images.map(i => i.name)).toEqual(['eval/plots/images/importance.png'])
    expect(found.images[0]).toMatchObject({ kind: 'png', file: 'project/eval/plots/images/importance.png' })
    const refused = found.diagnostics.find(d => d.file === 'project/eval/plots/fake.png')
    expect(refused?.message).toMatch(/named as a PNG image but its content is not one.*refused/)
  })

  it('reads CSV and list-shaped plots with the fields dvc.yaml names, and reports rows without them', async () => {
    const dir = await tempDir()
    await writeTree(dir, {
      'p/dvc.yaml':
        'plots:\n  - cm.csv: {template: confusion, x: truth, y: guess}\n  - rows.json: {template: confusion_normalized, x: a, y: p}\n',
      'p/cm.csv': 'truth,guess\n0,0\n0,1\n1,1\n"1",1\n',
      'p/rows.json': JSON.stringify([{ a: 1, p: 1 }, { a: 2, p: 1 }, { x: 3 }])
    })
    const found = await collectRunArtifacts(makeRun({ id: 'd', name: 'p', source: 'dvc', path: 'p' }), {
      workspace: dir
    })
    const csv = found.confusion.find(m => m.name === 'cm.csv')!
    expect(csv.counts).toEqual([
      [1, 1],
      [0, 2]
    ])
    expect(found.confusion.find(m => m.name === 'rows.json')?.classes).toEqual(['1', '2'])
    expect(found.diagnostics.some(d => d.file === 'p/rows.json' && /1 of 3 rows/.test(d.message))).toBe(true)
  })
})

describe('image discovery', () => {
  it("takes a DVC project's named image plots and dvclive's plots/images, never other images of the project or outside it", async () => {
    const dir = await tempDir()
    await writeTree(dir, {
      'repo/dvc.yaml':
        'stages:\n  train:\n    cmd: x\n    plots:\n      - eval/roc.png\n      - ../../outside.png\n      - linked/secret.png\n',
      'repo/eval/roc.png': pngImage([1, 2, 3]),
      'repo/docs/logo.png': pngImage([4, 5, 6]),
      'repo/dvclive/dvc.yaml': 'metrics: [metrics.json]\n',
      'repo/dvclive/plots/images/sample_0.png': pngImage([7, 8, 9]),
      'repo/other/dvc.yaml': 'stages:\n  s:\n    cmd: y\n    plots: [own.png]\n',
      'repo/other/own.png': pngImage([1, 1, 2]),
      // Below dvclive's dvc.yaml: the DVC reader does not merge it into the project, so neither are its plots.
      'repo/dvclive/inner/dvc.yaml': 'plots: [deep.png]\n',
      'repo/dvclive/inner/deep.png': pngImage([3, 3, 3]),
      'outside.png': pngImage([9, 9, 9]),
      'elsewhere/secret.png': pngImage([9, 9, 8])
    })
    await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'repo/linked'))
    const found = await collectRunArtifacts(makeRun({ id: 'd', name: 'repo', source: 'dvc', path: 'repo' }), {
      workspace: dir
    })
    expect(found.images.map(i => i.name)).toEqual(['dvclive/plots/images/sample_0.png', 'eval/roc.png'])
  })

  it('takes the plots of a dvclive dvc.yaml that is a link to a file, as the DVC reader merges it, and none below it', async () => {
    const dir = await tempDir()
    await writeTree(dir, {
      'repo/dvc.yaml': 'stages:\n  train:\n    cmd: x\n',
      'repo/shared/live.yaml': 'metrics: [metrics.json]\n',
      'repo/live/plots/images/cm.png': pngImage([1, 2, 3]),
      'repo/live/deeper/dvc.yaml': 'plots: [deep.png]\n',
      'repo/live/deeper/deep.png': pngImage([3, 3, 3])
    })
    await symlink(path.join(dir, 'repo/shared/live.yaml'), path.join(dir, 'repo/live/dvc.yaml'))
    const run = makeRun({ id: 'd', name: 'repo', source: 'dvc', path: 'repo' })
    const found = await collectRunArtifacts(run, { workspace: dir })
    expect(found.images.map(i => i.name)).toEqual(['live/plots/images/cm.png'])
  })

  it('finds the images of a built-in run by name order, caps count and size, and never follows a link out', async () => {
    const dir = await tempDir()
    await writeTree(dir, {
      'experiments/run-1/metrics.json': '{"accuracy": 0.9}',
      'experiments/run-1/plots/confusion_matrix.png': pngImage([200, 0, 0]),
      'experiments/run-1/plots/roc.jpg': Buffer.concat([JPEG_START, Buffer.alloc(20)]),
      'experiments/run-1/plots/samples.gif': Buffer.concat([GIF_START, Buffer.alloc(20)]),
      'experiments/run-1/plots/big.png': Buffer.concat([pngImage([1, 1, 1]), Buffer.alloc(2048)]),
      'experiments/run-1/curve.svg': '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      'outside/secret.png': pngImage([9, 9, 9])
    })
    await symlink(path.join(dir, 'outside'), path.join(dir, 'experiments/run-1/linked'))
    const run = makeRun({ id: 'b', name: 'run-1', source: 'builtin', path: 'experiments/run-1' })
    const all = await collectRunArtifacts(run, {
      workspace: dir,
      rules: { images: [], maxCount: 10, maxBytes: 1024 }
    })
    expect(all.images.map(i => `${i.name}:${i.kind}`)).toEqual([
      'curve.svg:svg',
      'plots/confusion_matrix.png:png',
      'plots/roc.jpg:jpeg',
      'plots/samples.gif:gif'
    ])
    expect(all.diagnostics.find(d => d.file.endsWith('big.png'))?.message).toMatch(/over the 1 KB.*max_size/)

    const picked = await collectRunArtifacts(run, {
      workspace: dir,
      rules: { images: ['plots/**'], maxCount: 1, maxBytes: 1024 * 1024 }
    })
    expect(picked.images.map(i => i.name)).toEqual(['plots/big.png'])
    expect(picked.imagesOverCap).toBe(3)
  })

  it('recognises images by their bytes, not their names', () => {
    expect(imageKindOf(pngImage([0, 0, 0]))).toBe('png')
    expect(imageKindOf(JPEG_START)).toBe('jpeg')
    expect(imageKindOf(GIF_START)).toBe('gif')
    expect(imageKindOf(Buffer.from('<!-- c --><svg viewBox="0 0 1 1"/>'))).toBe('svg')
    expect(imageKindOf(Buffer.from('<html><svg/></html>'))).toBeUndefined()
    expect(imageKindOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined()
  })

  it('finds MLflow artifacts and W&B media images', async () => {
    const dir = await tempDir()
    await writeTree(dir, {
      'mlruns/1/abc/artifacts/figures/roc.png': pngImage([0, 0, 255]),
      'mlruns/1/abc/metrics/acc': '1 0.9 0\n',
      'wandb/run-1/files/media/images/examples_3_ab12.png': pngImage([0, 255, 0]),
      'wandb/run-1/files/output.log': 'x'
    })
    const ml = await collectRunArtifacts(
      makeRun({ id: 'm', name: 'm', source: 'mlflow', path: 'mlruns/1/abc' }),
      {
        workspace: dir
      }
    )
    expect(ml.images.map(i => i.name)).toEqual(['artifacts/figures/roc.png'])
    const wb = await collectRunArtifacts(
      makeRun({ id: 'w', name: 'w', source: 'wandb', path: 'wandb/run-1' }),
      {
        workspace: dir
      }
    )
    expect(wb.images.map(i => i.name)).toEqual(['files/media/images/examples_3_ab12.png'])
    expect(assetPath(wb.images[0])).toMatch(/^images\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/)
  })
})

describeShared('confusion tables of real W&B runs', fixtures => {
  it('reads wandb.plot.confusion_matrix tables (Actual, Predicted, nPredictions)', async () => {
    const root = path.join(fixtures, 'runs/wandb-offline/WandB-Offline-Drift-Monitoring/environment')
    const run = makeRun({
      id: 'w',
      name: 'w',
      source: 'wandb',
      path: 'wandb/offline-run-20260605_043504-2vdwjlqq'
    })
    const found = await collectRunArtifacts(run, { workspace: root })
    expect(found.confusion).toEqual([
      {
        name: 'conf_mat_table_1',
        classes: ['0', '1'],
        counts: [
          [54, 0],
          [0, 46]
        ]
      }
    ])
  })
})

describe('the plots in the comment', () => {
  const classes = Array.from({ length: 30 }, (_, i) => `class-${i}`)
  const before = matrixFromPairs('cm.json', samples(classes, 3000, 0.7, 1))
  const after = matrixFromPairs('cm.json', samples(classes, 3000, 0.75, 2))

  it('folds a large class set to the classes that changed most, with their change against the baseline', () => {
    const m = compareConfusion(after, before, 5)
    expect(m.shown).toHaveLength(5)
    const changed = (l: string) => {
      const c = m.classes.find(x => x.label === l)!
      return Math.abs(c.recallChange!) + Math.abs(c.precisionChange!)
    }
    const least = Math.min(...m.shown.map(changed))
    for (const c of m.classes.filter(x => !m.shown.includes(x.label)))
      expect(changed(c.label)).toBeLessThanOrEqual(least)
    const html = renderGfm(
      stringify(
        root(
          plotsBlocks({
            run: 'r',
            images: [],
            baselineOnly: [],
            confusion: [confusionView(m)],
            imagesOverCap: 0,
            refused: []
          })
        )
      )
    )
    expect(html).toContain('<th align="right">Δ recall</th>')
    expect(html).toContain('25 of 30 classes folded')
  })

  it('escapes labels and file names, and shows images only from URLs it built', () => {
    const hostile = matrixFromPairs('<img src=x onerror=alert(1)>.json', [
      { actual: '@admin | ![x](http://evil)', predicted: '@admin | ![x](http://evil)' },
      { actual: 'b', predicted: 'b' }
    ])
    const md = stringify(
      root(
        plotsBlocks({
          run: '@someone',
          images: [
            { name: '](javascript:alert(1)) <b>', kind: 'png', url: relativeUrl(['..', 'run x', 'a?.png']) }
          ],
          baselineOnly: [],
          confusion: [confusionView(compareConfusion(hostile))],
          imagesOverCap: 2,
          refused: ['x.png is named as a PNG image but its content is not one; it was refused']
        })
      )
    )
    const html = renderGfm(md)
    expect(html).not.toMatch(/<img src="x"|<b>|href="javascript|user-mention|href="http:\/\/evil/)
    expect(html).toContain('<img src="../run%20x/a%3F.png"')
    expect((html.match(/<img /g) ?? []).length).toBe(1)
    expect(html).toContain('2 more images not shown')
  })
})

describe('artifacts in the rules file', () => {
  it('reads images, max_count and max_size', () => {
    const rules = parseRulesFile(
      'artifacts:\n  images: [plots/*.png, "**/confusion*"]\n  max_count: 2\n  max_size: 500 KB\n',
      '.github/experiment-review.yml'
    )
    expect(rules.artifacts).toEqual({
      images: ['plots/*.png', '**/confusion*'],
      maxCount: 2,
      maxBytes: 500 * 1024
    })
  })

  it.each([
    [
      'artifacts:\n  max_size: 2 GB\n',
      /experiment-review\.yml:2:\d+: artifacts\.max_size: expected a number of bytes .* \(found "2 GB"\)/
    ],
    [
      'artifacts:\n  max_size: 20 MB\n',
      /:2:\d+: artifacts\.max_size: expected at most 10 MB \(found "20 MB"\)/
    ],
    ['artifacts:\n  max_count: -1\n', /:2:\d+: artifacts\.max_count: expected a number .*\(found -1\)/],
    [
      'artifacts:\n  image: [a.png]\n',
      /:2:\d+: artifacts\.image: unknown key.*artifacts' images, max_count, max_size/
    ]
  ])('names the file, line, key, value and what was expected: %j', (text, expected) => {
    expect(() => parseRulesFile(text, '.github/experiment-review.yml')).toThrow(expected)
  })
})
