// Every surface under hostile input, as a property: a fixed seed and a few cases here (well under 20 s);
// `npm run fuzz` runs the same properties with many more cases and a fresh seed (FUZZ_RUNS, FUZZ_SEED).
import fc from 'fast-check'
import { allSurfaceProblems, hostileFields, HOSTILE_PIECES, type HostileFields } from './fuzz/surfaces.js'
import { renderGfm, renderGfmAll } from './helpers/cmark.js'

const runs = Number(process.env.FUZZ_RUNS ?? 12)
const seed =
  process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261130)

describe('every surface under hostile input', () => {
  it(`holds only what the project wrote (${runs} cases, seed ${seed})`, () => {
    fc.assert(
      fc.property(hostileFields, fields => {
        const problems = Object.entries(allSurfaceProblems(fields)).flatMap(([surface, list]) =>
          list.map(p => `${surface}: ${p}`)
        )
        expect(problems).toEqual([])
      }),
      { seed, numRuns: runs, endOnFailure: true }
    )
  })

  it.each(HOSTILE_PIECES.map(p => [p]))('holds with %j in every field at once', piece => {
    const fields = Object.fromEntries(
      Object.keys(allFieldsExample()).map(k => [k, `a${piece}b${piece}`])
    ) as unknown as HostileFields
    const problems = Object.entries(allSurfaceProblems(fields)).flatMap(([s, l]) => l.map(p => `${s}: ${p}`))
    expect(problems).toEqual([])
  })
})

describe('rendering the surfaces of a case in one cmark-gfm run', () => {
  it('gives each document exactly what rendering it alone gives, even when one swallows what follows', () => {
    const clean = [
      '# a\n\n| x |\n| - |\n| 1 |\n',
      'b *c*',
      '<details><summary>x</summary>\n\ny\n\n</details>\n'
    ]
    expect(renderGfmAll(clean)).toEqual(clean.map(renderGfm))
    const swallowing = ['```\nan unclosed fence', '<!-- an unclosed comment', 'after *b*\n']
    expect(renderGfmAll(swallowing)).toEqual(swallowing.map(renderGfm))
  })
})

function allFieldsExample(): HostileFields {
  return fc.sample(hostileFields, { numRuns: 1, seed: 1 })[0]
}
