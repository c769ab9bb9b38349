// The one place a tree becomes markdown (unified + remark-gfm + remark-stringify). The builders are in mdast.ts;
// this module is apart from them so that commands that never write markdown (list, show, export) do not load
// the markdown stack.
import type { BlockContent, Root, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { root } from './mdast.js'

// Options equal to remark-stringify's defaults are written out anyway, so that a new default in a later version
// cannot change the markdown of a comment; their mutants are equivalent today.
const processor = unified().use(remarkGfm).use(remarkStringify, {
  bullet: '-',
  // Stryker disable next-line BooleanLiteral: every code block has a language (codeBlock requires one), and remark writes a block with a language fenced whatever this says
  fences: true,
  // Stryker disable next-line StringLiteral: no builder makes a thematic break, the only node this option shapes
  rule: '-',
  emphasis: '_',
  // Stryker disable next-line StringLiteral: '*' is remark-stringify's default, which an empty value falls back to
  strong: '*',
  // Stryker disable next-line StringLiteral: 'one' is remark-stringify's default, which an empty value falls back to
  listItemIndent: 'one',
  // Stryker disable next-line BooleanLiteral: no builder makes a definition, the only node this option shapes
  tightDefinitions: true
})

/** The one place a tree becomes markdown. */
export function stringify(tree: Root | BlockContent[]): string {
  const node: Root = Array.isArray(tree) ? root(tree as RootContent[]) : tree
  return processor.stringify(node)
}
