import path from 'node:path'

import type { Page } from 'playwright-core'

/** WCAG 2.1 A/AA and axe's best practice: what every page of the app is checked against. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

export type AxeViolation = { id: string; impact: string; nodes: { target: string[] }[] }

/** Waits until nothing on the page is moving: every finite CSS animation and transition has ended. */
async function settle(page: Page) {
  await page.evaluate(async () => {
    const moving = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined))
    await Promise.race([Promise.all(moving), new Promise((resolve) => setTimeout(resolve, 5_000))])
  })
}

const stillMoving = (page: Page) =>
  page.evaluate(() =>
    document
      .getAnimations()
      .some(
        (animation) =>
          animation.playState === 'running' &&
          animation.effect?.getComputedTiming().iterations !== Infinity,
      ),
  )

/**
 * axe-core's serious and critical findings on the page at rest. A toast fading in or out is
 * half-transparent, and axe measures its contrast as it is at that instant (a journey failed CI on
 * `.toast-title`): wait for what moves to stop, and measure again when something started moving during
 * the check.
 */
export async function seriousAxeViolations(
  page: Page,
  tags: string[] = AXE_TAGS,
): Promise<AxeViolation[]> {
  // Next streams the <title> after the page: check the page once it has arrived (axe says so if it never does).
  await page
    .waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 10_000 })
    .catch(() => undefined)
  await page.addScriptTag({ path: path.resolve('node_modules/axe-core/axe.min.js') })
  for (let attempt = 1; ; attempt++) {
    await settle(page)
    const violations = (await page.evaluate(async (values) => {
      const axe = (
        window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }
      ).axe
      return (await axe.run(document, { runOnly: { type: 'tag', values } })).violations
    }, tags)) as AxeViolation[]
    if (attempt === 3 || !(await stillMoving(page)))
      return violations.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      )
  }
}

/** The same findings as lines `<url>: <rule> (<impact>): <selectors>`, for `expect(…).toEqual([])`. */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await seriousAxeViolations(page)).map(
    (violation) =>
      `${page.url()}: ${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  )
}
