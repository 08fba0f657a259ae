import type { ReactNode } from 'react'

import { safeHref } from './text'

/**
 * The fitxa's rich text (Lexical JSON) as React elements, from an allow-list of node types: text,
 * paragraphs, two heading levels, lists, line breaks and links. Text is text (React escapes it);
 * a node of any other type shows only its text; a link goes out only with a safe address
 * (`safeHref`), otherwise its words stay and the link does not. No HTML from the document is used.
 */

type LexicalNode = {
  type?: unknown
  children?: unknown
  text?: unknown
  format?: unknown
  tag?: unknown
  listType?: unknown
  fields?: { url?: unknown; newTab?: unknown; linkType?: unknown } | null
  url?: unknown
}

const IS_BOLD = 1
const IS_ITALIC = 1 << 1

const childrenOf = (node: LexicalNode): LexicalNode[] =>
  Array.isArray(node.children)
    ? (node.children.filter((child) => child && typeof child === 'object') as LexicalNode[])
    : []

const MAX_DEPTH = 20

function renderNodes(nodes: LexicalNode[], depth: number, keyPrefix: string): ReactNode[] {
  return nodes.map((node, index) => renderNode(node, depth, `${keyPrefix}.${index}`))
}

function renderNode(node: LexicalNode, depth: number, key: string): ReactNode {
  if (depth > MAX_DEPTH) return null
  const inner = () => renderNodes(childrenOf(node), depth + 1, key)
  switch (node.type) {
    case 'text': {
      const text = typeof node.text === 'string' ? node.text : ''
      const format = typeof node.format === 'number' ? node.format : 0
      let element: ReactNode = text
      if (format & IS_ITALIC) element = <em>{element}</em>
      if (format & IS_BOLD) element = <strong>{element}</strong>
      return <span key={key}>{element}</span>
    }
    case 'linebreak':
      return <br key={key} />
    case 'tab':
      return ' '
    case 'paragraph':
      return <p key={key}>{inner()}</p>
    case 'heading':
      // The page's own headings are h1 and h2; the mentee's start below them.
      return node.tag === 'h4' || node.tag === 'h5' || node.tag === 'h6' ? (
        <h4 key={key}>{inner()}</h4>
      ) : (
        <h3 key={key}>{inner()}</h3>
      )
    case 'list':
      return node.listType === 'number' ? (
        <ol key={key}>{inner()}</ol>
      ) : (
        <ul key={key}>{inner()}</ul>
      )
    case 'listitem':
      return <li key={key}>{inner()}</li>
    case 'quote':
      return <blockquote key={key}>{inner()}</blockquote>
    case 'link':
    case 'autolink': {
      const href =
        node.fields?.linkType === 'internal' ? undefined : safeHref(node.fields?.url ?? node.url)
      if (!href) return <span key={key}>{inner()}</span>
      const external = /^https?:/.test(href)
      return (
        <a
          key={key}
          href={href}
          rel={external ? 'nofollow noopener noreferrer ugc' : undefined}
          target={node.fields?.newTab === true && external ? '_blank' : undefined}
        >
          {inner()}
        </a>
      )
    }
    default:
      return <span key={key}>{inner()}</span>
  }
}

export function RichText({ value }: { value: unknown }) {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (!root) return null
  return <>{renderNodes(childrenOf(root), 0, 'n')}</>
}

/** The words of the rich text, for search and descriptions. */
export function richTextToPlain(value: unknown): string {
  const parts: string[] = []
  const walk = (node: LexicalNode, depth: number) => {
    if (depth > MAX_DEPTH) return
    if (node.type === 'text' && typeof node.text === 'string') parts.push(node.text)
    else if (node.type === 'linebreak') parts.push('\n')
    for (const child of childrenOf(node)) walk(child, depth + 1)
    if (['paragraph', 'heading', 'listitem', 'quote'].includes(String(node.type))) parts.push('\n')
  }
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (root) walk(root, 0)
  return parts
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim()
}
