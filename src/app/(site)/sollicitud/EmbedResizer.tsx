'use client'

import { useEffect } from 'react'

import { EMBED_MESSAGES, postToParent } from '../../../site/embed'

/** Inside embed.js's iframe: tells the host page how tall the form is, whenever that changes. */
export function EmbedResizer({ parentOrigin }: { parentOrigin?: string }) {
  useEffect(() => {
    if (!parentOrigin) return
    let last = 0
    const send = () => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height)
      if (height !== last) {
        last = height
        postToParent(parentOrigin, { type: EMBED_MESSAGES.height, height })
      }
    }
    send()
    const observer = new ResizeObserver(send)
    observer.observe(document.documentElement)
    window.addEventListener('load', send)
    return () => {
      observer.disconnect()
      window.removeEventListener('load', send)
    }
  }, [parentOrigin])
  return null
}
