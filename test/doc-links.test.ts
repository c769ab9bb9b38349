// Docs that are true: every page the action's messages, the examples and the README point at exists, every relative
// link and anchor resolves, and every YAML block parses (as a workflow with on, jobs and steps, or as a rules file).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Code, Nodes } from 'mdast'
import { parseDocument } from 'yaml'
import { parseRulesFile } from '../src/config/rules-file.js'
import { DEFAULT_DOCS_PATH } from '../src/core/conventions.js'
import { parsePage } from '../src/report/docs.js'

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

/** The fenced ```yaml blocks of a markdown file, with the line each starts on. */
function yamlBlocks(file: string): { line: number; text: string }[] {
  const tree = parsePage(readFileSync(file, 'utf8'))
  return tree.children
    .filter((n): n is Code => n.type === 'code' && /^ya?ml$/i.test(n.lang ?? ''))
    .map(n => ({ line: n.position?.start.line ?? 0, text: n.value }))
}

/** What is wrong with a parsed workflow: `on`, `jobs`, and steps that each use an action or run a command. */
function workflowProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = []
  if (!('on' in doc)) problems.push('no `on:` (the events that start it)')
  const jobs = doc.jobs
  if (!jobs || typeof jobs !== 'object' || !Object.keys(jobs).length) return [...problems, 'no `jobs:`']
  for (const [name, job] of Object.entries(jobs as Record<string, Record<string, unknown>>)) {
    if (job.uses) continue // a reusable workflow call has no steps
    const steps = job.steps
    if (!Array.isArray(steps) || !steps.length) problems.push(`job ${name} has no steps`)
    else
      steps.forEach((s: Record<string, unknown>, i) => {
        if (!s || (typeof s.uses !== 'string' && typeof s.run !== 'string'))
          problems.push(`job ${name} step ${i + 1} neither uses an action nor runs a command`)
      })
  }
  return problems
}

describe('YAML in the README, the docs and the examples', () => {
  const markdown = ['README.md', ...filesUnder('docs', /\.md$/), ...filesUnder('examples', /\.md$/)]
  const blocks = [
    ...markdown.flatMap(file => yamlBlocks(file).map(b => ({ where: `${file}:${b.line}`, text: b.text }))),
    ...filesUnder('examples', /\.ya?ml$/).map(file => ({ where: file, text: readFileSync(file, 'utf8') }))
  ]

  it('finds the README workflow and the example workflows', () => {
    expect(blocks.filter(b => /^jobs:/m.test(b.text)).length).toBeGreaterThanOrEqual(4)
  })

  it.each(blocks.map(b => [b.where, b.text]))(
    '%s parses as YAML, and as a workflow or rules file',
    (_, text) => {
      const doc = parseDocument(text)
      expect(doc.errors.map(e => e.message)).toEqual([])
      const value = doc.toJS() as Record<string, unknown> | null
      if (value && typeof value === 'object' && ('jobs' in value || 'on' in value))
        expect(workflowProblems(value)).toEqual([])
      else if (value && typeof value === 'object' && ('metrics' in value || 'primary' in value))
        expect(() => parseRulesFile(text, 'README rules block')).not.toThrow()
    }
  )
})

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

/** The anchors of a markdown file's headings. */
function anchorsOf(file: string): Set<string> {
  const tree = parsePage(readFileSync(file, 'utf8'))
  const out = new Set<string>()
  const textOf = (n: Nodes): string =>
    'value' in n ? String(n.value) : 'children' in n ? (n.children as Nodes[]).map(textOf).join('') : ''
  for (const n of tree.children) if (n.type === 'heading') out.add(anchorOf(textOf(n)))
  return out
}

describe('links in the README and the docs', () => {
  const files = ['README.md', ...filesUnder('docs', /\.md$/), ...filesUnder('examples', /\.md$/)]
  const links = files.flatMap(file => {
    const tree = parsePage(readFileSync(file, 'utf8'))
    const urls: string[] = []
    const visit = (n: Nodes) => {
      if (n.type === 'link' || n.type === 'definition' || n.type === 'image') urls.push(n.url)
      if ('children' in n) (n.children as Nodes[]).forEach(visit)
    }
    visit(tree)
    return urls.filter(u => !/^[a-z][a-z0-9+.-]*:/i.test(u)).map(url => ({ file, url }))
  })

  it('finds relative links to check', () => {
    expect(links.length).toBeGreaterThan(0)
  })

  it('every relative link resolves to a file, and every anchor to a heading', () => {
    const broken = links.flatMap(({ file, url }) => {
      const [target, anchor] = url.split('#')
      const resolved = target ? path.normalize(path.join(path.dirname(file), decodeURI(target))) : file
      if (!existsSync(resolved)) return [`${file} → ${url}: no ${resolved}`]
      if (anchor && /\.md$/.test(resolved) && !anchorsOf(resolved).has(anchor))
        return [`${file} → ${url}: no heading #${anchor} in ${resolved}`]
      return []
    })
    expect(broken).toEqual([])
  })

  it('every docs/… path the source code cites exists (the living docs default is the user’s page)', () => {
    const cited = filesUnder('src', /\.ts$/).flatMap(file =>
      [...readFileSync(file, 'utf8').matchAll(/\bdocs\/[\w./-]*\w/g)]
        .map(m => m[0])
        .filter(p => p !== DEFAULT_DOCS_PATH)
        .map(p => ({ file, path: p }))
    )
    expect(cited.filter(c => !existsSync(c.path)).map(c => `${c.file} → ${c.path}`)).toEqual([])
  })
})
