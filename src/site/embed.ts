/**
 * Messages between the form in its iframe and embed.js on the host page. The form only ever
 * writes to the parent's exact origin (one of EMBED_ORIGINS); embed.js only reads messages from
 * the form's origin and from its own iframe.
 */
export const EMBED_MESSAGES = {
  /** `{ type, height }`: the form's height in CSS pixels, so that the iframe never scrolls. */
  height: 'mentoria-xmess:height',
  /** `{ type }`: bring the top of the form into view (errors or the confirmation are there). */
  scroll: 'mentoria-xmess:scroll',
} as const

export function postToParent(
  parentOrigin: string | undefined,
  message: { type: string; [key: string]: unknown },
): void {
  if (!parentOrigin || typeof window === 'undefined' || window.parent === window) return
  window.parent.postMessage(message, parentOrigin)
}
