import type { Page } from 'playwright-core'

import type { ReceivedMail } from './smtp'

/** The two screens every journey is walked on: a phone and a desktop. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const
export type ViewportKey = keyof typeof VIEWPORTS

/** The REST API as one person (a token from sign-in or from choosing a password); refusals throw with the answer. */
export function apiAs(serverUrl: () => string) {
  return async function api(method: string, url: string, body: unknown, token: string) {
    const response = await fetch(`${serverUrl()}${url}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `JWT ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = await response.json()
    if (!response.ok)
      throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`)
    return json
  }
}

/** The set-password link of an invitation email, as a path (`/admin/reset/<token>`). */
export function setPasswordPath(mail: ReceivedMail): string {
  const found = mail.text.match(/\/admin\/reset\/[0-9a-f]+/)?.[0]
  if (!found) throw new Error(`No invitation link in:\n${mail.text}`)
  return found
}

export { axeViolations } from './axe'

/**
 * Nothing scrolls sideways (a phone user never has to), and no table, form or section is cut at the
 * right edge by a wrapper that hides what overflows (a table may scroll inside its own box).
 */
export const fitsWidth = (page: Page) =>
  page.evaluate(() => {
    if (document.documentElement.scrollWidth > window.innerWidth) return false
    const scrollsInside = (element: Element) => {
      for (
        let node = element.parentElement;
        node && node !== document.body;
        node = node.parentElement
      ) {
        if (['auto', 'scroll'].includes(getComputedStyle(node).overflowX)) return true
      }
      return false
    }
    return [...document.querySelectorAll('table, form, section, article')].every((element) => {
      const box = element.getBoundingClientRect()
      return box.width === 0 || box.right <= window.innerWidth + 1 || scrollsInside(element)
    })
  })

/** The page's visible text, on one line (for messages that say where a page stayed). */
export const pageText = async (page: Page) =>
  (
    (await page
      .locator('body')
      .innerText()
      .catch(() => '')) ?? ''
  ).replace(/\s+/g, ' ')

/**
 * Payload's own generic list and edit views (/admin/collections/…), which the secretariat uses as they
 * are: findings of Payload's components (react-select and date-picker inputs without a label, icon-only
 * buttons, the document tabs, the select-all checkbox) that this project cannot change without forking
 * @payloadcms/ui. They are listed here so a new kind of finding still fails; report them upstream.
 * Contrast is not among them: src/app/(payload)/custom.css fixes it.
 */
export const PAYLOAD_GENERIC_VIEW_RULES = new Set([
  'aria-hidden-focus',
  'aria-input-field-name',
  'button-name',
  'label',
  'label-content-name-mismatch',
  'label-title-only',
  'list',
  'nested-interactive',
  'scrollable-region-focusable',
])

/** The findings that are ours: everything, except Payload's known ones on its generic views. */
export const oursOnly = (findings: string[]) =>
  findings.filter((finding) => {
    const rule = /: ([a-z-]+) \((?:serious|critical)\):/.exec(finding)?.[1]
    return !(
      /\/admin\/collections\//.test(finding.split(': ')[0]) &&
      rule &&
      PAYLOAD_GENERIC_VIEW_RULES.has(rule)
    )
  })
