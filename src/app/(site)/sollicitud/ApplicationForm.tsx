'use client'

import {
  type FormEvent,
  type ReactNode,
  type SyntheticEvent,
  useActionState,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'

import { EMBED_MESSAGES, postToParent } from '../../../site/embed'
import { ErrorSummary, ErrorText, Honeypot } from '../../../site/form-parts'
import { type FormState, initialFormState } from '../../../site/form-state'
import { type Lang, LANGS, messagesFor } from '../../../site/i18n'
import { LEGAL_LINK_TEXT, legalHref, PRIVACY_PATH } from '../../../site/legal'
import { solveChallenge } from '../../../site/pow'
import {
  APPLICATION_FIELDS,
  type FieldError,
  fieldId,
  fromFormEntries,
  HONEYPOT_FIELD,
  MAX_TOPICS,
  type SchemaContext,
  validateApplication,
} from '../../../site/schema'
import { applyAction } from './actions'
import { Confirmation } from './NextSteps'

type Choice = { value: string; label: string }

type Props = {
  lang: Lang
  embed: boolean
  parentOrigin?: string
  councils: Choice[]
  topics: Choice[]
  languages: Choice[]
  powBits: number
  /** Months until an application never paired is anonymised (plugin option), said in the privacy text. */
  retentionMonths: number
}

type ShownError = { field?: string; message: string }

const isFormField = (field: string | undefined): field is string =>
  Boolean(field && (APPLICATION_FIELDS as readonly string[]).includes(field))

/**
 * The application form. Without JavaScript it is a plain POST handled by `applyAction` (errors come
 * back rendered, with the values kept). With JavaScript it checks each field as the person leaves it,
 * with the same zod schema as the server, and sends JSON to POST /api/candidates/apply.
 */
export function ApplicationForm({
  lang,
  embed,
  parentOrigin,
  councils,
  topics,
  languages,
  powBits,
  retentionMonths,
}: Props) {
  const t = messagesFor(lang)
  const [state, formAction] = useActionState<FormState, FormData>(applyAction, initialFormState())
  const values = state.values
  const context: SchemaContext = useMemo(
    () => ({
      topics: topics.map((topic) => topic.value),
      languages: languages.map((language) => language.value),
      lang,
    }),
    [topics, languages, lang],
  )

  const [clientErrors, setClientErrors] = useState<FieldError[]>([])
  const [serverErrors, setServerErrors] = useState<ShownError[]>(state.errors)
  const [message, setMessage] = useState<string | undefined>(
    state.status ? state.message : undefined,
  )
  const [touched, setTouched] = useState<Set<string>>(
    () => new Set(state.errors.map((error) => error.field ?? '')),
  )
  const [attempted, setAttempted] = useState(state.status !== null)
  const [busy, setBusy] = useState<'' | 'solving' | 'sending'>('')
  const [done, setDone] = useState<{ email: string; steps: string[] } | null>(null)
  const [focusSummary, setFocusSummary] = useState(0)
  const formRef = useRef<HTMLFormElement>(null)
  const summaryRef = useRef<HTMLDivElement>(null)
  const confirmationRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    if (!focusSummary) return
    summaryRef.current?.focus()
    postToParent(parentOrigin, { type: EMBED_MESSAGES.scroll })
  }, [focusSummary, parentOrigin])

  useEffect(() => {
    if (!done) return
    confirmationRef.current?.focus()
    postToParent(parentOrigin, { type: EMBED_MESSAGES.scroll })
  }, [done, parentOrigin])

  const check = (form: HTMLFormElement) =>
    validateApplication(fromFormEntries(new FormData(form).entries()), context)

  const fieldOf = (target: EventTarget) => {
    const name = (target as HTMLInputElement).name
    return isFormField(name) ? name : undefined
  }

  /** Leaving a field: check it (and keep showing the fields already checked). */
  const onBlur = (event: SyntheticEvent<HTMLFormElement>) => {
    const field = fieldOf(event.target)
    if (!field || !formRef.current) return
    const nextTouched = touched.has(field) ? touched : new Set(touched).add(field)
    if (nextTouched !== touched) setTouched(nextTouched)
    const result = check(formRef.current)
    setClientErrors(
      result.ok ? [] : result.errors.filter((error) => attempted || nextTouched.has(error.field)),
    )
  }

  /** Typing in a field that shows an error: the error goes as soon as the value is right. */
  const onChange = (event: SyntheticEvent<HTMLFormElement>) => {
    const field = fieldOf(event.target)
    if (!field || !formRef.current) return
    setServerErrors((errors) => errors.filter((error) => error.field !== field))
    if (!attempted && !touched.has(field)) return
    const result = check(formRef.current)
    setClientErrors(
      result.ok ? [] : result.errors.filter((error) => attempted || touched.has(error.field)),
    )
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    // From here on JavaScript sends the form; the plain POST is only for browsers without it.
    event.preventDefault()
    if (busy) return
    const form = event.currentTarget
    setAttempted(true)
    const input = fromFormEntries(new FormData(form).entries())
    const result = validateApplication(input, context)
    if (!result.ok) {
      setClientErrors(result.errors)
      setServerErrors([])
      setMessage(t.invalid)
      setFocusSummary((count) => count + 1)
      return
    }
    setClientErrors([])
    setServerErrors([])
    setMessage(undefined)
    try {
      if (powBits > 0) {
        setBusy('solving')
        const challenge = await (
          await fetch('/api/candidates/apply/challenge', { cache: 'no-store' })
        ).json()
        if (challenge?.enabled)
          input.pow = await solveChallenge(String(challenge.challenge), result.data.email)
      }
      setBusy('sending')
      const response = await fetch(`/api/candidates/apply?lang=${lang}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(input),
      })
      const body = (await response.json().catch(() => ({}))) as {
        message?: string
        errors?: ShownError[]
        nextSteps?: string[]
      }
      if (response.status === 201) {
        setDone({
          email: result.data.email,
          steps: Array.isArray(body.nextSteps) ? body.nextSteps : [],
        })
        return
      }
      setServerErrors(Array.isArray(body.errors) ? body.errors : [])
      setMessage(body.message ?? t.serverError)
    } catch {
      setMessage(t.networkError)
    } finally {
      setBusy('')
    }
    setFocusSummary((count) => count + 1)
  }

  if (done)
    return <Confirmation t={t} email={done.email} steps={done.steps} headingRef={confirmationRef} />

  // One error per field: what the browser found now, else what the server said.
  const byField = new Map<string, string>()
  for (const error of clientErrors) byField.set(error.field, error.message)
  for (const error of serverErrors)
    if (isFormField(error.field) && !byField.has(error.field))
      byField.set(error.field, error.message)
  const fieldErrors = APPLICATION_FIELDS.filter((field) => byField.has(field)).map((field) => ({
    field,
    message: byField.get(field) ?? '',
  }))
  const general = serverErrors
    .filter((error) => !isFormField(error.field))
    .map((error) => error.message)
  if (!fieldErrors.length && !general.length && message) general.push(message)
  const errorOf = (field: string) => byField.get(field)

  const describedBy = (...ids: (string | false | undefined)[]) =>
    ids.filter(Boolean).join(' ') || undefined
  const errorText = (id: string, error?: string) => (
    <ErrorText id={id} prefix={t.errorPrefix} error={error} />
  )
  const optional = <span className="optional"> ({t.optional})</span>

  const textField = (
    field: 'name' | 'position' | 'email' | 'phone',
    label: string,
    options: {
      type?: string
      autoComplete?: string
      hint?: string
      optional?: boolean
      inputMode?: 'email' | 'tel'
    } = {},
  ) => {
    const id = fieldId(field)
    const error = errorOf(field)
    return (
      <div className={error ? 'field field--error' : 'field'}>
        <label htmlFor={id}>
          {label}
          {options.optional ? optional : null}
        </label>
        {options.hint ? (
          <p id={`${id}-hint`} className="hint">
            {options.hint}
          </p>
        ) : null}
        {errorText(id, error)}
        <input
          id={id}
          name={field}
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          autoComplete={options.autoComplete}
          spellCheck={field === 'email' ? false : undefined}
          defaultValue={values[field]}
          aria-required={options.optional ? undefined : true}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(options.hint && `${id}-hint`, error && `${id}-error`)}
        />
      </div>
    )
  }

  const textArea = (field: 'needs' | 'availability', label: string, hint: string) => {
    const id = fieldId(field)
    const error = errorOf(field)
    return (
      <div className={error ? 'field field--error' : 'field'}>
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
        {errorText(id, error)}
        <textarea
          id={id}
          name={field}
          rows={5}
          defaultValue={values[field]}
          aria-required
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
        />
      </div>
    )
  }

  const checkbox = (
    field: 'consents.dataProcessing' | 'consents.commitment',
    label: ReactNode,
    checked: boolean,
  ) => {
    const id = fieldId(field)
    const error = errorOf(field)
    return (
      <div className={error ? 'field field--error' : 'field'}>
        {errorText(id, error)}
        <div className="checkbox">
          <input
            id={id}
            name={field}
            type="checkbox"
            value="on"
            defaultChecked={checked}
            aria-required
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(error && `${id}-error`)}
          />
          <label htmlFor={id}>{label}</label>
        </div>
      </div>
    )
  }

  const municipalityError = errorOf('municipality')
  const topicsError = errorOf('topics')
  const languagesError = errorOf('languages')
  const municipalityId = fieldId('municipality')

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      onBlur={onBlur}
      onChange={onChange}
      noValidate
      className="application"
    >
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="embed" value={embed ? '1' : '0'} />
      {parentOrigin ? <input type="hidden" name="origin" value={parentOrigin} /> : null}

      <ErrorSummary
        titleId="error-summary-title"
        title={fieldErrors.length ? t.errorSummaryTitle(fieldErrors.length) : t.notSent}
        general={general}
        fieldErrors={fieldErrors}
        idOf={fieldId}
        summaryRef={summaryRef}
      />

      <section aria-labelledby="section-person">
        <h2 id="section-person">{t.sections.person}</h2>
        {textField('name', t.fields.name, { autoComplete: 'name' })}
        {textField('position', t.fields.position, {
          autoComplete: 'organization-title',
          hint: t.fields.positionHint,
        })}
        <div className={municipalityError ? 'field field--error' : 'field'}>
          <label htmlFor={municipalityId}>{t.fields.municipality}</label>
          <p id={`${municipalityId}-hint`} className="hint">
            {t.fields.municipalityHint}
          </p>
          {errorText(municipalityId, municipalityError)}
          <select
            id={municipalityId}
            name="municipality"
            defaultValue={values.municipality}
            aria-required
            aria-invalid={municipalityError ? true : undefined}
            aria-describedby={describedBy(
              `${municipalityId}-hint`,
              municipalityError && `${municipalityId}-error`,
            )}
          >
            <option value="">{t.fields.municipalityPlaceholder}</option>
            {councils.map((council) => (
              <option key={council.value} value={council.value}>
                {council.label}
              </option>
            ))}
          </select>
        </div>
        {textField('email', t.fields.email, {
          type: 'email',
          autoComplete: 'email',
          inputMode: 'email',
          hint: t.fields.emailHint,
        })}
        {textField('phone', t.fields.phone, {
          type: 'tel',
          autoComplete: 'tel',
          inputMode: 'tel',
          optional: true,
        })}
      </section>

      <section aria-labelledby="section-needs">
        <h2 id="section-needs">{t.sections.needs}</h2>
        <fieldset
          className={topicsError ? 'field field--error' : 'field'}
          aria-describedby={describedBy('topics-hint', topicsError && 'field-topics-1-error')}
        >
          <legend>{t.fields.topics}</legend>
          <p id="topics-hint" className="hint">
            {t.fields.topicsHint}
          </p>
          {errorText('field-topics-1', topicsError)}
          {Array.from({ length: MAX_TOPICS }, (_, index) => {
            const id = `field-topics-${index + 1}`
            return (
              <div className="priority" key={id}>
                <label htmlFor={id}>
                  {t.fields.topicPriority[index]}
                  {index > 0 ? optional : null}
                </label>
                <select
                  id={id}
                  name="topics"
                  defaultValue={values.topics[index] ?? ''}
                  aria-required={index === 0 ? true : undefined}
                  aria-invalid={topicsError ? true : undefined}
                >
                  <option value="">{t.fields.topicPlaceholder}</option>
                  {topics.map((topic) => (
                    <option key={topic.value} value={topic.value}>
                      {topic.label}
                    </option>
                  ))}
                </select>
              </div>
            )
          })}
        </fieldset>
        {textArea('needs', t.fields.needs, t.fields.needsHint)}
      </section>

      <section aria-labelledby="section-availability">
        <h2 id="section-availability">{t.sections.availability}</h2>
        {textArea('availability', t.fields.availability, t.fields.availabilityHint)}
        <fieldset
          className={languagesError ? 'field field--error' : 'field'}
          aria-describedby={describedBy(
            'languages-hint',
            languagesError && 'field-languages-0-error',
          )}
        >
          <legend>{t.fields.languages}</legend>
          <p id="languages-hint" className="hint">
            {t.fields.languagesHint}
          </p>
          {errorText('field-languages-0', languagesError)}
          <div className="checkboxes">
            {languages.map((language, index) => (
              <div className="checkbox" key={language.value}>
                <input
                  id={`field-languages-${index}`}
                  name="languages"
                  type="checkbox"
                  value={language.value}
                  defaultChecked={values.languages.includes(language.value)}
                  aria-invalid={languagesError ? true : undefined}
                />
                <label htmlFor={`field-languages-${index}`}>{language.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="field-language">{t.fields.emailLanguage}</label>
          <p id="field-language-hint" className="hint">
            {t.fields.emailLanguageHint}
          </p>
          <select
            id="field-language"
            name="language"
            defaultValue={values.language || lang}
            aria-describedby="field-language-hint"
          >
            {LANGS.map((option) => (
              <option key={option} value={option} lang={option}>
                {t.languageNames[option]}
              </option>
            ))}
          </select>
        </div>
      </section>

      <section aria-labelledby="section-consents">
        <h2 id="section-consents">{t.sections.consents}</h2>
        <div className="privacy">
          <h3>{t.privacyTitle}</h3>
          {t.privacyText(retentionMonths).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <p>
            <a
              href={legalHref(PRIVACY_PATH, lang)}
              {...(embed ? { target: '_blank', rel: 'noopener' } : {})}
            >
              {LEGAL_LINK_TEXT[lang].fullNotice}
            </a>
          </p>
        </div>
        {checkbox('consents.dataProcessing', t.fields.dataProcessing, values.dataProcessing)}
        <div className="privacy">
          <h3>{t.commitmentTitle}</h3>
          <ul>
            {t.commitmentText.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
        {checkbox('consents.commitment', t.fields.commitment, values.commitment)}
      </section>

      <Honeypot id="field-website" name={HONEYPOT_FIELD} label={t.fields.honeypot} />

      <p className="status" role="status" aria-live="polite">
        {busy === 'solving' ? t.solving : busy === 'sending' ? t.sending : ''}
      </p>
      <button type="submit" className="button" aria-disabled={busy ? true : undefined}>
        {t.submit}
      </button>
    </form>
  )
}
