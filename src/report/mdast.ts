// Markdown as a tree: typed builders for mdast nodes, the one escaping helper for untrusted text, and the one
// place where a tree becomes markdown (unified + remark-gfm + remark-stringify).
import type {
  AlignType,
  BlockContent,
  Code,
  Heading,
  Html,
  InlineCode,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Text
} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { hiddenMarker } from '../core/conventions.js'

/** The longest untrusted string shown in full; longer ones are cut with an ellipsis. */
export const MAX_UNTRUSTED_LENGTH = 120

const ZWNJ = '\u200c'
// Bidirectional overrides and isolates, zero-width and other format characters that can disguise text.
const INVISIBLE = /[\u200b\u200d-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

/**
 * Makes untrusted text inert for GitHub markdown: one line, no control or direction-override characters,
 * and @mentions, #references, bare URLs, e-mail autolinks and HTML comment openers broken with a zero-width
 * non-joiner. Markdown syntax itself (`<`, `|`, `[`, `*` …) is escaped by remark-stringify because the result
 * only ever enters the tree as a text or inline-code node.
 */
export function neutralize(value: unknown, maxLength = MAX_UNTRUSTED_LENGTH): string {
  let s = String(value ?? '')
  s = s.replace(/\r\n?|\n/g, ' ⏎ ').replace(/\t/g, ' ')
  s = s.replace(INVISIBLE, '�').replace(CONTROL, '�')
  if (s.length > maxLength) s = `${s.slice(0, maxLength - 1)}…`
  return s
    .replace(/@/g, `@${ZWNJ}`)
    .replace(/#(?=\w)/g, `#${ZWNJ}`)
    .replace(/:\/\//g, `:${ZWNJ}//`)
    .replace(/\bwww\./gi, m => `${m.slice(0, 3)}${ZWNJ}.`)
    .replace(/<!/g, `<${ZWNJ}!`)
    .replace(/::/g, `:${ZWNJ}:`)
}

/** Untrusted text as a text node: the only way text from run outputs, PRs or comments enters a tree. */
export function untrusted(value: unknown, maxLength?: number): Text {
  return { type: 'text', value: neutralize(value, maxLength) }
}

/** Untrusted text as inline code (run names, commits, values): neutralised like `untrusted`. */
export function untrustedCode(value: unknown, maxLength?: number): InlineCode {
  return { type: 'inlineCode', value: neutralize(value, maxLength) }
}

/** Text we wrote ourselves (never from input). */
export function text(value: string): Text {
  return { type: 'text', value }
}

/** Bold. */
export function strong(...children: PhrasingContent[]): PhrasingContent {
  return { type: 'strong', children }
}

/** Italic. */
export function emphasis(...children: PhrasingContent[]): PhrasingContent {
  return { type: 'emphasis', children }
}

/** A link whose URL we built ourselves (never one taken from input). */
export function link(url: string, ...children: PhrasingContent[]): PhrasingContent {
  return { type: 'link', url, children }
}

/** A paragraph. */
export function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children }
}

/** A heading. */
export function heading(depth: 1 | 2 | 3 | 4, ...children: PhrasingContent[]): Heading {
  return { type: 'heading', depth, children }
}

/** A bullet list of paragraphs. */
export function bulletList(items: PhrasingContent[][]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children): ListItem => ({
      type: 'listItem',
      spread: false,
      children: [paragraph(...children)]
    }))
  }
}

/** A table cell's content: phrasing nodes, or a plain string we wrote ourselves. */
export type CellContent = PhrasingContent[] | string

/** A GFM table; every row has as many cells as the header. */
export function table(align: AlignType[], header: CellContent[], rows: CellContent[][]): Table {
  const cell = (c: CellContent): TableCell => ({
    type: 'tableCell',
    children: typeof c === 'string' ? (c ? [text(c)] : []) : c
  })
  const row = (cells: CellContent[]): TableRow => ({
    type: 'tableRow',
    children: header.map((_, i) => cell(cells[i] ?? ''))
  })
  return { type: 'table', align, children: [row(header), ...rows.map(row)] }
}

/** A fenced code block (e.g. a Mermaid chart) whose content we built from sanitised parts. */
export function codeBlock(lang: string, value: string): Code {
  return { type: 'code', lang, value }
}

/** Raw HTML we wrote ourselves (markers, details tags). Never pass input through this. */
export function trustedHtml(value: string): Html {
  return { type: 'html', value }
}

/** Escapes text for the inside of an HTML element we write (e.g. a <summary>). */
export function escapeHtml(value: string): string {
  return neutralize(value, 200).replace(
    /[&<>"']/g,
    c => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`
  )
}

/** A folded section: `<details><summary>…</summary>` around block content. */
export function details(summary: string, children: RootContent[], open = false): RootContent[] {
  return [
    trustedHtml(`<details${open ? ' open' : ''}><summary>${escapeHtml(summary)}</summary>`),
    ...children,
    trustedHtml('</details>')
  ]
}

/** The hidden marker of the PR comment of a review id (see hiddenMarker) as a node. */
export function marker(id: string): Html {
  return trustedHtml(hiddenMarker(id))
}

/** A root node. */
export function root(children: RootContent[]): Root {
  return { type: 'root', children }
}

/** Small print (`<sub>`) around phrasing content. */
export function small(children: PhrasingContent[]): RootContent[] {
  return [
    {
      type: 'paragraph',
      children: [
        trustedHtml('<sub>') as unknown as PhrasingContent,
        ...children,
        trustedHtml('</sub>') as unknown as PhrasingContent
      ]
    }
  ]
}

const processor = unified().use(remarkGfm).use(remarkStringify, {
  bullet: '-',
  fences: true,
  rule: '-',
  emphasis: '_',
  strong: '*',
  listItemIndent: 'one',
  tightDefinitions: true
})

/** The one place a tree becomes markdown. */
export function stringify(tree: Root | BlockContent[]): string {
  const node: Root = Array.isArray(tree) ? root(tree as RootContent[]) : tree
  return processor.stringify(node)
}
