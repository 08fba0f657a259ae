import type { Ref } from 'react'

import type { Messages } from '../../../site/i18n'

/** The confirmation: thanks, and what happens next (matching in October, start in November). */
export function Confirmation({
  t,
  email,
  steps,
  headingRef,
}: {
  t: Messages
  email?: string
  steps: string[]
  headingRef?: Ref<HTMLHeadingElement>
}) {
  return (
    <section className="confirmation" aria-labelledby="confirmation-title">
      <h2 id="confirmation-title" tabIndex={-1} ref={headingRef}>
        {t.successTitle}
      </h2>
      <p>{t.successText(email)}</p>
      <h3>{t.nextStepsTitle}</h3>
      <ol className="steps">
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p>{t.contact}</p>
    </section>
  )
}
