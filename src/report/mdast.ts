// Markdown as a tree: typed builders for mdast nodes and the one escaping helper for untrusted text. The one place
// where a tree becomes markdown is report/markdown.ts, kept apart so that what only builds or reads never loads the
// markdown stack (unified, remark).
import type {
  AlignType,
  Code,
  Heading,
  Html,
  Image,
  InlineCode,
  Link,
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
import { hiddenMarker, type MarkerKind } from '../core/conventions.js'

/** The longest untrusted string shown in full; longer ones are cut with an ellipsis. */
export const MAX_UNTRUSTED_LENGTH = 120

const ZWNJ = '\u200c'
// Bidirectional overrides and isolates, zero-width and other format characters that can disguise text.
const INVISIBLE = /[\u200b\u200d-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

/**
 * Makes untrusted text inert for GitHub markdown: one line, no control or direction-override characters,
 * and @mentions, #references (and GH-12), bare URLs, e-mail autolinks and HTML comment openers broken with a zero-width
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
    .replace(/\b(GH)-(?=\d)/gi, `$1${ZWNJ}-`)
    .replace(/:\/\//g, `:${ZWNJ}//`)
    .replace(/\bwww\./gi, m => `${m.slice(0, 3)}${ZWNJ}.`)
    .replace(/<!/g, `<${ZWNJ}!`)
    .replace(/::/g, `:${ZWNJ}:`)
}

declare const ownBrand: unique symbol
declare const ownUrlBrand: unique symbol

/**
 * Text the project wrote itself: its own words, numbers it formatted, labels it sanitised. A plain `string` is not
 * `Own`, so the compiler refuses a run name, a PR title or a comment where own text is expected; such text enters a
 * tree only through `untrusted` / `untrustedCode`.
 */
export type Own = string & { readonly [ownBrand]: true }

/** A URL the project built itself (server URL, repository, path segments it encoded) or checked to be http(s). */
export type OwnUrl = string & { readonly [ownUrlBrand]: true }

/** What own text may interpolate: numbers and other own text, never a plain string. */
export type OwnPart = Own | number

/** Own text from a template literal: `` own`${n} runs` ``; only numbers and own text may be interpolated. */
export function own(strings: TemplateStringsArray, ...parts: OwnPart[]): Own {
  return strings.reduce((out, s, i) => out + s + (i < parts.length ? String(parts[i]) : ''), '') as Own
}

/** Own text parts joined with a separator of ours: `joinOwn([own`a`, own`b`], own`, `)`. */
export function joinOwn(parts: Own[], separator: Own): Own {
  return parts.reduce((out, p, i) => (i ? own`${out}${separator}${p}` : p), own``)
}

/**
 * Declares a string the project composed from its own words and numbers as `Own`. Only the formatting modules
 * (report/format.ts, report/chart.ts) may call it (the lint enforces this); everything else uses `own` or `text`.
 */
export function trusted(value: string): Own {
  return value as Own
}

/** Untrusted text as a text node: the only way text from run outputs, PRs or comments enters a tree. */
export function untrusted(value: unknown, maxLength?: number): Text {
  return { type: 'text', value: neutralize(value, maxLength) }
}

/** Untrusted text as inline code (run names, commits, values): neutralised like `untrusted`; `""` when empty. */
export function untrustedCode(value: unknown, maxLength?: number): InlineCode {
  // Markdown has no empty code span (`` renders as two backticks): an empty value is shown as an empty string.
  return { type: 'inlineCode', value: neutralize(value, maxLength) || '""' }
}

/** Own text as a text node: `` text`In words: ` `` or `text(ownValue)`; a plain string does not compile. */
export function text(strings: TemplateStringsArray | Own, ...parts: OwnPart[]): Text {
  return { type: 'text', value: typeof strings === 'string' ? strings : own(strings, ...parts) }
}

/** Own text as inline code: `` code`experiment-review` ``. */
export function code(strings: TemplateStringsArray | Own, ...parts: OwnPart[]): InlineCode {
  return { type: 'inlineCode', value: typeof strings === 'string' ? strings : own(strings, ...parts) }
}

/** Bold. */
export function strong(...children: PhrasingContent[]): PhrasingContent {
  return { type: 'strong', children }
}

/** Italic. */
export function emphasis(...children: PhrasingContent[]): PhrasingContent {
  return { type: 'emphasis', children }
}

/** A link to a URL we built ourselves (never one taken from input). */
export function link(url: OwnUrl, ...children: PhrasingContent[]): Link {
  return { type: 'link', url, children }
}

/** A name made of letters, digits, `.`, `_`, `-` and `:` only (others become `-`): safe in a marker or an id. */
export function safeName(value: string): Own {
  return value.replace(/[^A-Za-z0-9._:-]/g, '-') as Own
}

const SAFE_URL = /^https?:\/\/[^\s<>()[\]"'`\\]+$/

/**
 * A GitHub web URL built from the server's web root (GITHUB_SERVER_URL, trusted runner configuration) and path
 * segments, each percent-encoded: `githubUrl('https://github.com', 'acme', 'models', 'pull', 7)`. Undefined when the
 * root is not an http(s) URL.
 */
export function githubUrl(
  serverUrl: string | undefined,
  ...segments: (string | number)[]
): OwnUrl | undefined {
  const root = (serverUrl ?? '').replace(/\/+$/, '')
  if (!SAFE_URL.test(root)) return undefined
  return [root, ...segments.map(s => encodeURIComponent(String(s)))].join('/') as OwnUrl
}

/** A URL GitHub gave us (e.g. a comment's html_url) checked to be a plain http(s) URL; undefined otherwise. */
export function checkedUrl(value: string | undefined): OwnUrl | undefined {
  return value && SAFE_URL.test(value) ? (value as OwnUrl) : undefined
}

/**
 * A relative URL (an image beside the current folder) from path segments, each percent-encoded; `..` is kept as
 * a segment so a link can climb out of the current folder, and nothing else can form a scheme or a query.
 */
export function relativeUrl(segments: string[]): OwnUrl {
  return segments.map(s => (s === '..' ? s : encodeURIComponent(s))).join('/') as OwnUrl
}

/** An image from a URL we built ourselves; its alt text is untrusted (a file name) and neutralised. */
export function image(url: OwnUrl, alt: unknown): Image {
  return { type: 'image', url, alt: neutralize(alt, 80) }
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
      // Stryker disable next-line BooleanLiteral: an item holds one paragraph, and an item's spread only puts blank lines between its own children
      spread: false,
      children: [paragraph(...children)]
    }))
  }
}

/** A table cell's content: phrasing nodes, or own text (never a plain string). */
export type Cell = PhrasingContent | PhrasingContent[] | Own

/** A GFM table; every row has as many cells as the header. */
export function table(align: AlignType[], header: Cell[], rows: Cell[][]): Table {
  const cell = (c: Cell | undefined): TableCell => ({
    type: 'tableCell',
    children: c === undefined ? [] : typeof c === 'string' ? (c ? [text(c)] : []) : Array.isArray(c) ? c : [c]
  })
  const row = (cells: Cell[]): TableRow => ({
    type: 'tableRow',
    children: header.map((_, i) => cell(cells[i]))
  })
  return { type: 'table', align, children: [row(header), ...rows.map(row)] }
}

/** A fenced code block (e.g. a Mermaid chart) whose content we built from sanitised parts. */
export function codeBlock(lang: 'mermaid' | 'text', value: Own): Code {
  return { type: 'code', lang, value }
}

/** Raw HTML we wrote ourselves (markers, details tags). Only this module and the docs markers build it. */
export function trustedHtml(value: Own): Html {
  return { type: 'html', value }
}

/** Escapes text for the inside of an HTML element we write (e.g. a <summary>): entities only. */
function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    c => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`
  )
}

/** What a folded section's summary line may hold: text (own or through `untrusted`), inline code, our own links. */
export type SummaryContent = Text | InlineCode | Link

/** The HTML of a summary line; text nodes are already own or neutralised, so only HTML entities remain to escape. */
function summaryHtml(summary: SummaryContent[] | Own): string {
  const nodes = typeof summary === 'string' ? [text(summary)] : summary
  const html = (n: SummaryContent | PhrasingContent): string => {
    if (n.type === 'inlineCode') return `<code>${escapeHtml(n.value)}</code>`
    if (n.type === 'text') return escapeHtml(n.value)
    if (n.type === 'link' && SAFE_URL.test(n.url))
      return `<a href="${escapeHtml(n.url)}">${n.children.map(html).join('')}</a>`
    throw new Error(`a summary line cannot hold a ${n.type} node`)
  }
  return nodes.map(html).join('').replace(/\r?\n/g, ' ')
}

/** A folded section: `<details><summary>…</summary>` around block content. */
export function details(
  summary: SummaryContent[] | Own,
  children: RootContent[],
  open = false
): RootContent[] {
  return [
    trustedHtml(
      own`<details${open ? own` open` : own``}><summary>${trusted(summaryHtml(summary))}</summary>`
    ),
    ...children,
    trustedHtml(own`</details>`)
  ]
}

/** The hidden marker of the PR comment of a review id (see hiddenMarker) as a node. */
export function marker(id: string, kind: MarkerKind = 'comment'): Html {
  return trustedHtml(trusted(hiddenMarker(id, kind)))
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
        trustedHtml(own`<sub>`) as unknown as PhrasingContent,
        ...children,
        trustedHtml(own`</sub>`) as unknown as PhrasingContent
      ]
    }
  ]
}
