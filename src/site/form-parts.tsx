import type { MouseEvent, Ref } from 'react'

/**
 * The parts the public forms (/sollicitud, /oferta-mentoria) show alike: the error summary at the
 * top, a field's error text, and the honeypot. Markup only; each form keeps its own state.
 */

/** Moves to the field an error names (its box, scrolled to the top), instead of jumping to the id. */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id)
  if (!target) return
  event.preventDefault()
  target.focus()
  target.closest('.field')?.scrollIntoView({ block: 'start' })
}

/**
 * What stopped the form, focused after a send: the sentences that belong to no field, then one link
 * per field error, in the order of the form.
 */
export function ErrorSummary({
  titleId,
  title,
  general,
  fieldErrors,
  idOf,
  summaryRef,
}: {
  titleId: string
  title: string
  general: string[]
  fieldErrors: { field: string; message: string }[]
  idOf: (field: string) => string
  summaryRef: Ref<HTMLDivElement>
}) {
  if (!fieldErrors.length && !general.length) return null
  return (
    <div className="error-summary" ref={summaryRef} tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <ul>
        {general.map((text) => (
          <li key={text}>{text}</li>
        ))}
        {fieldErrors.map((error) => (
          <li key={error.field}>
            <a
              href={`#${idOf(error.field)}`}
              onClick={(event) => focusField(event, idOf(error.field))}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** A field's error, above the control (`<id>-error`, for its aria-describedby). */
export function ErrorText({ id, prefix, error }: { id: string; prefix: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="error-message">
      <span className="visually-hidden">{prefix} </span>
      {error}
    </p>
  ) : null
}

/** The honeypot: hidden from people (and from screen readers), left empty; robots fill it or drop it. */
export function Honeypot({ id, name, label }: { id: string; name: string; label: string }) {
  return (
    <div className="hp" aria-hidden="true">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  )
}
