// Untrusted text through report/mdast.ts: what neutralize keeps and breaks, what escapeHtml writes, and the
// markdown the builders stringify to (folded sections close, small print, tables, lists, code).
import {
  MAX_UNTRUSTED_LENGTH,
  bulletList,
  codeBlock,
  details,
  emphasis,
  checkedUrl,
  code,
  githubUrl,
  image,
  relativeUrl,
  joinOwn,
  safeName,
  heading,
  link,
  marker,
  neutralize,
  own,
  type OwnUrl,
  paragraph,
  root,
  small,
  strong,
  table,
  text,
  untrusted,
  untrustedCode
} from '../src/report/mdast.js'
import { stringify } from '../src/report/markdown.js'
import type { Text } from 'mdast'

function fail(what: string): never {
  throw new Error(`expected ${what}`)
}

const ZWNJ = '\u200c'

describe('neutralize', () => {
  it('folds every kind of line break into one line, a lone carriage return included', () => {
    expect(neutralize('a\nb')).toBe('a ⏎ b')
    expect(neutralize('a\r\nb')).toBe('a ⏎ b')
    expect(neutralize('a\rb')).toBe('a ⏎ b')
    expect(neutralize('a\r\rb')).toBe('a ⏎  ⏎ b')
    expect(neutralize('a\tb')).toBe('a b')
  })

  it('replaces control, zero-width and direction characters, and leaves ordinary text alone', () => {
    for (const c of [
      '\u0000',
      '\u0008',
      '\u000b',
      '\u000c',
      '\u000e',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u009f'
    ])
      expect(neutralize(`a${c}b`)).toBe('a�b')
    for (const c of [
      '\u200b',
      '\u200d',
      '\u200f',
      '\u202a',
      '\u202e',
      '\u2060',
      '\u2064',
      '\u2066',
      '\u2069'
    ])
      expect(neutralize(`a${c}b`)).toBe('a�b')
    expect(neutralize('a\ufeffb')).toBe('a�b')
    expect(neutralize('Résumé – naïve 😀 ~ 1.5e-3')).toBe('Résumé – naïve 😀 ~ 1.5e-3')
    expect(neutralize('x\u00a0y')).toBe('x\u00a0y')
  })

  it('turns null and undefined into empty text and other values into their text', () => {
    expect(neutralize(undefined)).toBe('')
    expect(neutralize(null)).toBe('')
    expect(neutralize(0.5)).toBe('0.5')
    expect(neutralize(false)).toBe('false')
  })

  it('cuts text over the limit with an ellipsis and keeps text on the limit whole', () => {
    const onLimit = 'x'.repeat(MAX_UNTRUSTED_LENGTH)
    expect(neutralize(onLimit)).toBe(onLimit)
    expect(neutralize(`${onLimit}y`)).toBe(`${'x'.repeat(MAX_UNTRUSTED_LENGTH - 1)}…`)
    expect(neutralize('abcdef', 4)).toBe('abc…')
    expect(neutralize('abcd', 4)).toBe('abcd')
  })

  it('breaks mentions, references, links, autolinks, comment openers and workflow commands', () => {
    expect(neutralize('@alice')).toBe(`@${ZWNJ}alice`)
    expect(neutralize('#12')).toBe(`#${ZWNJ}12`)
    expect(neutralize('a # b')).toBe('a # b')
    expect(neutralize('see GH-12 and gh-3')).toBe(`see GH${ZWNJ}-12 and gh${ZWNJ}-3`)
    expect(neutralize('GH-x and NIGH-4')).toBe('GH-x and NIGH-4')
    expect(neutralize('https://x.io')).toBe(`https:${ZWNJ}//x.io`)
    expect(neutralize('WWW.y.io and www.z.io')).toBe(`WWW${ZWNJ}.y.io and www${ZWNJ}.z.io`)
    expect(neutralize('awww.b')).toBe('awww.b')
    expect(neutralize('<!-- m -->')).toBe(`<${ZWNJ}!-- m -->`)
    expect(neutralize('::warning::x')).toBe(`:${ZWNJ}:warning:${ZWNJ}:x`)
  })
})

describe("a folded section's summary line", () => {
  const summaryOf = (summary: Parameters<typeof details>[0]) => stringify(root(details(summary, [])))

  it('escapes the five HTML specials of untrusted text, after neutralising it', () => {
    expect(summaryOf([untrusted(`<b class="x">Tom & Jerry's</b>`)])).toBe(
      '<details><summary>&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;</summary>\n\n</details>\n'
    )
    expect(summaryOf([untrusted('ping @bob\nnow <!-- x')])).toBe(
      `<details><summary>ping @${ZWNJ}bob ⏎ now &lt;${ZWNJ}!-- x</summary>\n\n</details>\n`
    )
  })

  it('keeps own text, inline code and own links, each escaped', () => {
    expect(summaryOf(own`Details of 3 runs`)).toBe(
      '<details><summary>Details of 3 runs</summary>\n\n</details>\n'
    )
    expect(
      summaryOf([
        text`Run `,
        untrustedCode('a<b'),
        text` & `,
        link(checkedUrl('https://e.x/?a=1&b=2') ?? fail('a plain URL'), text`more`)
      ])
    ).toBe(
      '<details><summary>Run <code>a&lt;b</code> &amp; <a href="https://e.x/?a=1&amp;b=2">more</a></summary>\n\n</details>\n'
    )
  })

  it('folds a line break of own text into a space, so the summary stays one line', () => {
    expect(summaryOf(own`one\ntwo\r\nthree`)).toBe(
      '<details><summary>one two three</summary>\n\n</details>\n'
    )
  })

  it('a link keeps all of its text', () => {
    const url = checkedUrl('https://e.x/') ?? fail('a plain URL')
    expect(summaryOf([link(url, text`two `, code`parts`)])).toBe(
      '<details><summary><a href="https://e.x/">two <code>parts</code></a></summary>\n\n</details>\n'
    )
  })

  it('refuses a link to anything but a plain http(s) URL, and any other node', () => {
    const image = { type: 'image', url: 'https://e.x/a.png', alt: 'x' } as unknown as Text
    expect(() => summaryOf([image])).toThrow('a summary line cannot hold a image node')
    expect(() => summaryOf([link('javascript:alert(1)' as OwnUrl, text`x`)])).toThrow(
      'a summary line cannot hold a link node'
    )
    expect(() => summaryOf([strong(text`x`) as unknown as Text])).toThrow(
      'a summary line cannot hold a strong node'
    )
  })
})

describe('own text and URLs', () => {
  it('joinOwn puts the separator between parts only', () => {
    expect(joinOwn([own`a`, own`b`, own`c`], own`, `)).toBe('a, b, c')
    expect(joinOwn([own`a`], own`, `)).toBe('a')
    expect(joinOwn([], own`, `)).toBe('')
  })

  it('code makes inline code from a template or from own text', () => {
    expect(code`runs: ${3}`).toEqual({ type: 'inlineCode', value: 'runs: 3' })
    expect(code(own`experiment-review`)).toEqual({ type: 'inlineCode', value: 'experiment-review' })
    expect(text(own`plain`)).toEqual({ type: 'text', value: 'plain' })
  })

  it('an empty untrusted code value is shown as an empty string, not as two backticks', () => {
    expect(stringify([paragraph(untrustedCode(''))])).toBe('`""`\n')
    expect(stringify([paragraph(untrustedCode(undefined))])).toBe('`""`\n')
  })

  it('safeName keeps letters, digits, dots, underscores, dashes and colons, and dashes the rest', () => {
    expect(safeName('vision_v2.1:eval-set')).toBe('vision_v2.1:eval-set')
    expect(safeName('a b/c<d>\n@e')).toBe('a-b-c-d---e')
  })

  it('githubUrl joins the web root and percent-encoded segments; no URL from a root that is not http(s)', () => {
    expect(githubUrl('https://github.com', 'acme', 'models', 'pull', 7)).toBe(
      'https://github.com/acme/models/pull/7'
    )
    expect(githubUrl('https://ghe.example.com//', 'a b', '#1?x=/y')).toBe(
      'https://ghe.example.com/a%20b/%231%3Fx%3D%2Fy'
    )
    expect(githubUrl('http://localhost:8080', 'o')).toBe('http://localhost:8080/o')
    expect(githubUrl(undefined, 'o')).toBeUndefined()
    expect(githubUrl('', 'o')).toBeUndefined()
    expect(githubUrl('javascript:alert(1)//', 'o')).toBeUndefined()
  })

  it('relativeUrl percent-encodes each segment and keeps .. for climbing out of the folder', () => {
    expect(relativeUrl(['..', 'plots', 'a b#c?.png'])).toBe('../plots/a%20b%23c%3F.png')
    expect(relativeUrl(['javascript:x', '...'])).toBe('javascript%3Ax/...')
  })

  it('an image has our URL and neutralised alt text of at most 80 characters', () => {
    const url = relativeUrl(['plots', 'roc.png'])
    expect(image(url, 'roc @alice\n#1')).toEqual({ type: 'image', url, alt: `roc @${ZWNJ}alice ⏎ #${ZWNJ}1` })
    expect(image(url, 'y'.repeat(81)).alt).toBe(`${'y'.repeat(79)}…`)
    expect(stringify([paragraph(image(url, 'roc [curve]'))])).toBe('![roc \\[curve\\]](plots/roc.png)\n')
  })

  it('checkedUrl keeps a plain http(s) URL and refuses anything else', () => {
    expect(checkedUrl('https://github.com/o/r/pull/1#issuecomment-2')).toBe(
      'https://github.com/o/r/pull/1#issuecomment-2'
    )
    expect(checkedUrl('http://ghe.local/o/r')).toBe('http://ghe.local/o/r')
    for (const bad of [
      undefined,
      '',
      'ftp://x.io/a',
      'javascript:alert(1)',
      'see https://x.io/a',
      'https://x.io/a b',
      'https://x.io/a"onmouseover="x',
      'https://x.io/a)',
      'https://x.io/<b>'
    ])
      expect(checkedUrl(bad)).toBeUndefined()
  })
})

/** Every node type in a tree (the root included). */
function nodeTypes(node: { type: string; children?: unknown[] }): string[] {
  return [
    node.type,
    ...(node.children ?? []).flatMap(child => nodeTypes(child as { type: string; children?: unknown[] }))
  ]
}

describe('the builders as markdown', () => {
  it('build only nodes of mdast and GFM, so any mdast tool can read the tree', () => {
    const known = new Set([
      'root',
      'paragraph',
      'heading',
      'text',
      'inlineCode',
      'strong',
      'emphasis',
      'link',
      'list',
      'listItem',
      'table',
      'tableRow',
      'tableCell',
      'code',
      'html',
      'image'
    ])
    const tree = root([
      heading(3, strong(text`a`), emphasis(untrusted('b'))),
      bulletList([[untrustedCode('c')]]),
      table(['left'], [own`h`], [[own`v`]]),
      ...details(own`s`, [codeBlock('text', own`x`)]),
      ...small([link(checkedUrl('https://e.x/') ?? fail('a plain URL'), text`l`)]),
      paragraph(image(relativeUrl(['a.png']), 'a'))
    ])
    expect(nodeTypes(tree).filter(t => !known.has(t))).toEqual([])
    expect(new Set(nodeTypes(tree))).toEqual(known)
  })

  it('a folded section opens, holds its content, and closes with </details>', () => {
    const md = stringify(root(details([untrusted('Runs <all> & more')], [paragraph(text`inside`)])))
    expect(md).toBe('<details><summary>Runs &lt;all&gt; &amp; more</summary>\n\ninside\n\n</details>\n')
    expect(stringify(root(details(own`S`, [paragraph(text`x`)], true)))).toMatch(
      /^<details open><summary>S<\/summary>/
    )
  })

  it('untrusted text cannot open HTML, links or emphasis', () => {
    expect(stringify([paragraph(untrusted('<img src=x> [a](b) *c* @d'))])).toBe(
      `\\<img src=x> \\[a]\\(b) \\*c\\* @${ZWNJ}d\n`
    )
    expect(stringify([paragraph(untrustedCode('a`b @c'))])).toBe(`\`\`a\`b @${ZWNJ}c\`\`\n`)
    expect(untrusted('z'.repeat(10), 5)).toEqual({ type: 'text', value: 'zzzz…' })
    expect(untrustedCode('z'.repeat(10), 5)).toEqual({ type: 'inlineCode', value: 'zzzz…' })
  })

  it('headings, emphasis, links, lists, code and the marker stringify as GitHub markdown', () => {
    const md = stringify([
      marker('default'),
      heading(2, text`Review`),
      paragraph(
        strong(text`bold`),
        text` `,
        emphasis(text`it`),
        text` `,
        link(checkedUrl('https://e.x/') ?? fail('a plain URL'), text`l`)
      ),
      bulletList([[text`one`], [text`two`]]),
      codeBlock('mermaid', own`graph TD`)
    ])
    expect(md).toBe(
      '<!-- experiment-review:default -->\n\n## Review\n\n**bold** _it_ [l](https://e.x/)\n\n- one\n- two\n\n' +
        '```mermaid\ngraph TD\n```\n'
    )
  })

  it('small print wraps its content in <sub>', () => {
    expect(stringify(root(small([text`fine print`])))).toBe('<sub>fine print</sub>\n')
  })

  it('a table pads short rows with empty cells to the width of the header', () => {
    const md = stringify([
      table(
        ['left', 'right'],
        [own`Metric`, own`Value`],
        [[own`accuracy`, [text`0.9`]], [own`loss`], [own``, untrusted('x')]]
      )
    ])
    expect(md).toBe(
      '| Metric   | Value |\n| :------- | ----: |\n| accuracy |   0.9 |\n| loss     |       |\n|          |     x |\n'
    )
  })
})
