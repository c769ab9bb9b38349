// Rollup's circular-dependency warning is not hidden: the project's rollup.config.js fails the build on an import
// cycle between project modules, and only passes a dependency's own cycle through as a warning.
import { execFile } from 'node:child_process'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { PROJECT_ROOT } from './review-fixtures.js'

/** Bundles `entry` with rollup.config.js's onwarn: the build's error, when it failed, and the warnings let through. */
async function bundleWithProjectWarnings(
  dir: string,
  entry: string
): Promise<{ error?: string; warnings: string[] }> {
  const script = `
    import { rollup } from 'rollup'
    import { pathToFileURL } from 'node:url'
    const [config] = (await import(pathToFileURL(process.argv[1]).href)).default
    const warnings = []
    try {
      await rollup({ input: process.argv[2], onwarn: w => config.onwarn(w, w2 => warnings.push(w2.code)) })
      process.stdout.write(JSON.stringify({ warnings }))
    } catch (e) {
      process.stdout.write(JSON.stringify({ error: e.message, warnings }))
    }
  `
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script, path.join(PROJECT_ROOT, 'rollup.config.js'), path.join(dir, entry)],
    { cwd: PROJECT_ROOT }
  )
  return JSON.parse(stdout) as { error?: string; warnings: string[] }
}

describe('the build and import cycles', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'er-cycles-'))
    await mkdir(path.join(dir, 'src'))
    await writeFile(path.join(dir, 'src', 'a.js'), "import { b } from './b.js'\nexport const a = () => b\n")
    await writeFile(
      path.join(dir, 'src', 'b.js'),
      "import { a } from './a.js'\nexport const b = () => a\nconsole.log(a)\n"
    )
    const dep = path.join(dir, 'node_modules', 'dep')
    await mkdir(dep, { recursive: true })
    await writeFile(path.join(dep, 'x.js'), "import { y } from './y.js'\nexport const x = () => y\n")
    await writeFile(
      path.join(dep, 'y.js'),
      "import { x } from './x.js'\nexport const y = () => x\nconsole.log(x)\n"
    )
    await writeFile(
      path.join(dir, 'src', 'uses-dep.js'),
      "import { x } from '../node_modules/dep/x.js'\nconsole.log(x)\n"
    )
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('fails on a cycle between project modules, naming it', async () => {
    const { error } = await bundleWithProjectWarnings(dir, 'src/a.js')
    expect(error).toMatch(/Import cycle in the project: \S*src\/a\.js -> \S*src\/b\.js -> \S*src\/a\.js\./)
  })

  it("passes a dependency's own cycle through as a warning", async () => {
    const { error, warnings } = await bundleWithProjectWarnings(dir, 'src/uses-dep.js')
    expect(error).toBeUndefined()
    expect(warnings).toContain('CIRCULAR_DEPENDENCY')
  })
})
