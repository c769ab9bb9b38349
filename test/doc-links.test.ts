// Every documentation page that the action's messages, the examples and the README point users at exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(e => e.isFile() && ext.test(e.name))
    .map(e => path.join(e.parentPath, e.name))
}

describe('documentation links', () => {
  const sources = [
    ...filesUnder('src', /\.ts$/),
    ...filesUnder('examples', /\.ya?ml$/),
    ...filesUnder('docs', /\.md$/),
    'README.md',
    'action.yml'
  ]

  it('finds the references it checks (docs/forks.md among them)', () => {
    const all = sources.flatMap(file => references(file).map(r => r.target))
    expect(all).toContain('docs/forks.md')
  })

  it('every page they point at exists', () => {
    const broken = sources.flatMap(file =>
      references(file)
        .filter(r => !existsSync(r.target))
        .map(r => `${file} → ${r.target}`)
    )
    expect(broken).toEqual([])
  })
})

/** The project pages a file refers to: "see docs/x.md" in text, and relative markdown links to .md files. */
function references(file: string): { target: string }[] {
  const text = readFileSync(file, 'utf8')
  const out: { target: string }[] = []
  for (const m of text.matchAll(/\bsee (docs\/[\w.-]+\.md)/g)) out.push({ target: m[1] })
  for (const m of text.matchAll(/\]\(((?:\.\.\/)*[\w./-]+\.md)(?:#[\w-]*)?\)/g))
    out.push({ target: path.normalize(path.join(path.dirname(file), m[1])) })
  return out
}
