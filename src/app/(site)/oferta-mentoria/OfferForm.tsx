'use client'

import { type FormEvent, useActionState, useEffect, useMemo, useRef, useState } from 'react'

import { EMBED_MESSAGES, postToParent } from '../../../site/embed'
import { type Lang, LANGS, messagesFor } from '../../../site/i18n'
import { offerMessagesFor } from '../../../site/offer-i18n'
import { OFFER_FIELDS, validateOffer } from '../../../site/offer-schema'
import { fromFormEntries, HONEYPOT_FIELD } from '../../../site/schema'
import { ErrorSummary, ErrorText, Honeypot } from '../../../site/form-parts'
import { offerAction, type OfferFormState } from './actions'

type Choice = { value: string; label: string }
type Renewal = {
  token: string
  name: string
  values: { topics: string[]; capacity: number; availability: string }
}
type Props = {
  lang: Lang
  embed: boolean
  parentOrigin?: string
  councils: Choice[]
  topics: Choice[]
  languages: Choice[]
  renewal?: Renewal
}
type Shown = { field?: string; message: string }

const initial = (): OfferFormState => ({ status: null, errors: [], values: {} })
const idOf = (field: string) => `offer-${field.replace('.', '-')}`

/**
 * The offer form. Without JavaScript it is a plain POST handled by `offerAction`; with JavaScript it
 * checks the fields with the same zod schema as the server and sends JSON to POST /api/mentor-offers/offer.
 */
export function OfferForm({
  lang,
  embed,
  parentOrigin,
  councils,
  topics,
  languages,
  renewal,
}: Props) {
  const t = offerMessagesFor(lang)
  const common = messagesFor(lang)
  const [state, formAction] = useActionState<OfferFormState, FormData>(offerAction, initial())
  const [errors, setErrors] = useState<Shown[]>(state.errors)
  const [message, setMessage] = useState<string | undefined>(
    state.status && state.status !== 201 ? state.message : undefined,
  )
  const [done, setDone] = useState<{ title: string; text: string } | null>(
    state.status === 201
      ? { title: state.message ?? t.successTitle, text: state.text ?? '' }
      : null,
  )
  const [busy, setBusy] = useState(false)
  const summaryRef = useRef<HTMLDivElement>(null)
  const doneRef = useRef<HTMLHeadingElement>(null)
  const [focus, setFocus] = useState(0)
  const context = useMemo(
    () => ({
      topics: topics.map((topic) => topic.value),
      languages: languages.map((language) => language.value),
      lang,
      renewal: Boolean(renewal),
    }),
    [topics, languages, lang, renewal],
  )

  useEffect(() => {
    setErrors(state.errors)
    if (state.status === 201)
      setDone({ title: state.message ?? t.successTitle, text: state.text ?? '' })
    else if (state.status) setMessage(state.message)
  }, [state, t.successTitle])
  useEffect(() => {
    if (!focus) return
    summaryRef.current?.focus()
    postToParent(parentOrigin, { type: EMBED_MESSAGES.scroll })
  }, [focus, parentOrigin])
  useEffect(() => {
    if (done) doneRef.current?.focus()
  }, [done])

  /** Changing a field that shows an error: its error goes (the summary with it); the rest stay until sent again. */
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as HTMLInputElement).name
    if (!name || !errors.some((error) => error.field === name)) return
    const left = errors.filter((error) => error.field !== name)
    setErrors(left)
    if (left.length === 0) setMessage(undefined)
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busy) return
    const input = fromFormEntries(new FormData(event.currentTarget).entries())
    const checked = validateOffer(input, context)
    if (!checked.ok) {
      setErrors(checked.errors)
      setMessage(t.invalid)
      setFocus((count) => count + 1)
      return
    }
    setBusy(true)
    try {
      const response = await fetch(`/api/mentor-offers/offer?lang=${lang}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(input),
      })
      const body = (await response.json().catch(() => ({}))) as {
        message?: string
        text?: string
        errors?: Shown[]
      }
      if (response.status === 201) {
        setDone({ title: body.message ?? t.successTitle, text: body.text ?? '' })
        postToParent(parentOrigin, { type: EMBED_MESSAGES.scroll })
        return
      }
      setErrors(Array.isArray(body.errors) ? body.errors : [])
      setMessage(body.message ?? common.serverError)
    } catch {
      setMessage(t.networkError)
    } finally {
      setBusy(false)
    }
    setFocus((count) => count + 1)
  }

  if (done) {
    return (
      <section className="confirmation" aria-labelledby="offer-done">
        <h2 id="offer-done" ref={doneRef} tabIndex={-1}>
          {done.title}
        </h2>
        <p>{done.text}</p>
      </section>
    )
  }

  const values = state.values as Record<string, unknown>
  const text = (name: string, fallback = '') =>
    typeof values[name] === 'string' ? (values[name] as string) : fallback
  const list = (name: string, fallback: string[]) =>
    Array.isArray(values[name])
      ? (values[name] as string[])
      : typeof values[name] === 'string'
        ? [values[name] as string]
        : fallback
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message
  const fieldErrors = OFFER_FIELDS.map((field) => ({ field, message: errorOf(field) })).filter(
    (error): error is { field: (typeof OFFER_FIELDS)[number]; message: string } =>
      Boolean(error.message),
  )
  const general = errors
    .filter((error) => !error.field || !(OFFER_FIELDS as readonly string[]).includes(error.field))
    .map((error) => error.message)
  if (!fieldErrors.length && !general.length && message) general.push(message)
  const errorText = (field: string) => (
    <ErrorText id={idOf(field)} prefix={common.errorPrefix} error={errorOf(field)} />
  )
  const wrap = (field: string) => (errorOf(field) ? 'field field--error' : 'field')
  const described = (field: string, hint?: boolean) =>
    [hint ? `${idOf(field)}-hint` : '', errorOf(field) ? `${idOf(field)}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined
  const input = (
    field: 'name' | 'position' | 'email' | 'phone',
    label: string,
    type = 'text',
    autoComplete?: string,
  ) => (
    <div className={wrap(field)}>
      <label htmlFor={idOf(field)}>{label}</label>
      {errorText(field)}
      <input
        id={idOf(field)}
        name={field}
        type={type}
        autoComplete={autoComplete}
        defaultValue={text(field)}
        aria-invalid={errorOf(field) ? true : undefined}
        aria-describedby={described(field)}
      />
    </div>
  )
  const chosenTopics = list('topics', renewal?.values.topics ?? [])
  const chosenLanguages = list('languages', ['ca'])

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onChange={onChange}
      noValidate
      className="application offer"
    >
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="embed" value={embed ? '1' : '0'} />
      {renewal ? <input type="hidden" name="token" value={renewal.token} /> : null}
      <ErrorSummary
        titleId="offer-errors-title"
        title={fieldErrors.length ? t.errorSummaryTitle(fieldErrors.length) : common.notSent}
        general={general}
        fieldErrors={fieldErrors}
        idOf={idOf}
        summaryRef={summaryRef}
      />

      {renewal ? null : (
        <section aria-labelledby="offer-person">
          <h2 id="offer-person">{t.sections.person}</h2>
          {input('name', t.fields.name, 'text', 'name')}
          {input('position', t.fields.position, 'text', 'organization-title')}
          <div className={wrap('municipality')}>
            <label htmlFor={idOf('municipality')}>{t.fields.municipality}</label>
            {errorText('municipality')}
            <select
              id={idOf('municipality')}
              name="municipality"
              defaultValue={text('municipality')}
              aria-invalid={errorOf('municipality') ? true : undefined}
              aria-describedby={described('municipality')}
            >
              <option value="">{t.fields.chooseMunicipality}</option>
              {councils.map((council) => (
                <option key={council.value} value={council.value}>
                  {council.label}
                </option>
              ))}
            </select>
          </div>
          {input('email', t.fields.email, 'email', 'email')}
          {input('phone', t.fields.phone, 'tel', 'tel')}
        </section>
      )}

      <section aria-labelledby="offer-offer">
        <h2 id="offer-offer">{t.sections.offer}</h2>
        <fieldset className={wrap('topics')} aria-describedby={described('topics', true)}>
          <legend>{t.fields.topics}</legend>
          <p id={`${idOf('topics')}-hint`} className="hint">
            {t.fields.topicsHint}
          </p>
          {errorText('topics')}
          <div className="checkboxes">
            {topics.map((topic, index) => (
              <div className="checkbox" key={topic.value}>
                <input
                  id={index === 0 ? idOf('topics') : `${idOf('topics')}-${index}`}
                  name="topics"
                  type="checkbox"
                  value={topic.value}
                  defaultChecked={chosenTopics.includes(topic.value)}
                />
                <label htmlFor={index === 0 ? idOf('topics') : `${idOf('topics')}-${index}`}>
                  {topic.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className={wrap('capacity')}>
          <label htmlFor={idOf('capacity')}>{t.fields.capacity}</label>
          <p id={`${idOf('capacity')}-hint`} className="hint">
            {t.fields.capacityHint}
          </p>
          {errorText('capacity')}
          <input
            id={idOf('capacity')}
            name="capacity"
            type="number"
            inputMode="numeric"
            min={1}
            max={10}
            step={1}
            defaultValue={text('capacity', String(renewal?.values.capacity ?? 1))}
            aria-invalid={errorOf('capacity') ? true : undefined}
            aria-describedby={described('capacity', true)}
          />
        </div>
        <div className={wrap('availability')}>
          <label htmlFor={idOf('availability')}>{t.fields.availability}</label>
          <p id={`${idOf('availability')}-hint`} className="hint">
            {t.fields.availabilityHint}
          </p>
          {errorText('availability')}
          <textarea
            id={idOf('availability')}
            name="availability"
            rows={4}
            defaultValue={text('availability', renewal?.values.availability ?? '')}
            aria-invalid={errorOf('availability') ? true : undefined}
            aria-describedby={described('availability', true)}
          />
        </div>
        {renewal ? null : (
          <>
            <fieldset className={wrap('languages')}>
              <legend>{t.fields.languages}</legend>
              {errorText('languages')}
              <div className="checkboxes">
                {languages.map((language, index) => (
                  <div className="checkbox" key={language.value}>
                    <input
                      id={index === 0 ? idOf('languages') : `${idOf('languages')}-${index}`}
                      name="languages"
                      type="checkbox"
                      value={language.value}
                      defaultChecked={chosenLanguages.includes(language.value)}
                    />
                    <label
                      htmlFor={index === 0 ? idOf('languages') : `${idOf('languages')}-${index}`}
                    >
                      {language.label}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor={idOf('language')}>{t.fields.language}</label>
              <select id={idOf('language')} name="language" defaultValue={text('language', lang)}>
                {LANGS.map((option) => (
                  <option key={option} value={option} lang={option}>
                    {common.languageNames[option]}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
      </section>

      {renewal ? null : (
        <section aria-labelledby="offer-consents">
          <h2 id="offer-consents">{t.sections.consents}</h2>
          <div className={wrap('consents.dataProcessing')}>
            {errorText('consents.dataProcessing')}
            <div className="checkbox">
              <input
                id={idOf('consents.dataProcessing')}
                name="consents.dataProcessing"
                type="checkbox"
                value="on"
                aria-describedby={described('consents.dataProcessing')}
              />
              <label htmlFor={idOf('consents.dataProcessing')}>{t.fields.dataProcessing}</label>
            </div>
          </div>
        </section>
      )}

      <Honeypot id="offer-website" name={HONEYPOT_FIELD} label={common.fields.honeypot} />
      <p className="status" role="status" aria-live="polite">
        {busy ? t.sending : ''}
      </p>
      <button type="submit" className="button" aria-disabled={busy ? true : undefined}>
        {renewal ? t.renew : t.submit}
      </button>
    </form>
  )
}
