'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { type FormEvent, type ReactNode, useRef, useState } from 'react'

import type { Choice, FitxaValues } from './fitxa-data'

type ID = number | string

/** The template's headings with plain words for what each one asks (xmess.cat's order). */
const TEXTS: {
  name: keyof FitxaValues
  label: string
  hint: string
  required?: boolean
  rows?: number
  maxLength: number
}[] = [
  {
    name: 'summary',
    label: 'Descripció',
    hint: "Què s'ha fet, on i per què pot ser útil a altres ens. El primer paràgraf surt a la llista de fitxes.",
    required: true,
    rows: 6,
    maxLength: 6000,
  },
  {
    name: 'objectives',
    label: 'Objectius',
    hint: 'Què volíeu aconseguir.',
    required: true,
    maxLength: 4000,
  },
  {
    name: 'audience',
    label: 'Persones destinatàries',
    hint: "A qui s'adreça la política o l'actuació.",
    maxLength: 2000,
  },
  {
    name: 'resources',
    label: 'Recursos',
    hint: 'Persones, pressupost, eines; documents o webs útils (sense dades personals).',
    maxLength: 2000,
  },
  {
    name: 'keyElements',
    label: 'Elements clau',
    hint: 'Què ha fet que funcionés.',
    maxLength: 4000,
  },
  {
    name: 'limitations',
    label: 'Limitacions',
    hint: 'Què no ha funcionat o què ho ha fet difícil.',
    maxLength: 4000,
  },
  {
    name: 'indicators',
    label: 'Indicadors de resultat utilitzats',
    hint: 'Com heu mesurat els resultats.',
    maxLength: 4000,
  },
  {
    name: 'considerations',
    label: 'Aspectes a tenir en compte',
    hint: 'Què ha de saber un altre ens abans de començar.',
    maxLength: 4000,
  },
  {
    name: 'activities',
    label: 'Activitats',
    hint: 'Què vau fer durant la mentoria: trobades, visites, documents.',
    required: true,
    maxLength: 4000,
  },
  {
    name: 'results',
    label: 'Resultats i aprenentatges',
    hint: "Què n'ha sortit i què n'heu après.",
    required: true,
    maxLength: 4000,
  },
  {
    name: 'recommendations',
    label: 'Recomanacions',
    hint: 'Què diríeu a un altre ens que vulgui fer el mateix.',
    maxLength: 4000,
  },
]

const NEEDED = ' (cal per enviar-la)'

function Field({
  id,
  label,
  hint,
  children,
  required,
}: {
  id: string
  label: string
  hint?: string
  children: ReactNode
  required?: boolean
}) {
  return (
    <div className="mm-field">
      <label className="mm-label" htmlFor={id}>
        {label}
        {required ? <span className="mm-needed">{NEEDED}</span> : null}
      </label>
      {children}
      {hint ? (
        <span className="mm-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  )
}

function Choices({
  name,
  legend,
  hint,
  choices,
  selected,
  disabled,
  required,
}: {
  name: string
  legend: string
  hint?: string
  choices: Choice[]
  selected: string[]
  disabled: boolean
  required?: boolean
}) {
  return (
    <fieldset className="mm-choices" id={`fitxa-${name}`}>
      <legend className="mm-label">
        {legend}
        {required ? <span className="mm-needed">{NEEDED}</span> : null}
      </legend>
      {hint ? <p className="mm-hint">{hint}</p> : null}
      {choices.map((choice) => (
        <label key={choice.value}>
          <input
            defaultChecked={selected.includes(choice.value)}
            disabled={disabled}
            name={name}
            type="checkbox"
            value={choice.value}
          />{' '}
          {choice.label}
        </label>
      ))}
    </fieldset>
  )
}

/** The form's values, as the API takes them. */
function readForm(form: HTMLFormElement) {
  const data = new FormData(form)
  const text = (name: string) => String(data.get(name) ?? '').trim()
  return {
    title: text('title'),
    referencePerson: {
      name: text('referenceName'),
      email: text('referenceEmail') || null,
      consent: data.get('referenceConsent') === 'on',
    },
    area: text('area'),
    classification: data.getAll('classification').map(String),
    summary: text('summary'),
    ...Object.fromEntries(
      TEXTS.filter((field) => field.name !== 'summary').map((field) => [
        field.name,
        text(field.name),
      ]),
    ),
    topics: data.getAll('topics').map(String),
  }
}

/** Which field an answer from the API names, as the id of its input here. */
const FIELD_IDS: Record<string, string> = {
  title: 'fitxa-title',
  'referencePerson.email': 'fitxa-referenceEmail',
  'referencePerson.name': 'fitxa-referenceName',
  topics: 'fitxa-topics',
  classification: 'fitxa-classification',
}

/**
 * The mentee's fitxa, written in «Les meves mentories»: the template's fields in the website's order,
 * «Desa l'esborrany» and «Envia a revisió». The pairing is the page's; the review state is decided on the
 * server (a mentee can only save drafts and submit).
 */
export function FitxaForm({
  id,
  values,
  editable,
  classifications,
  topics,
  backHref,
  consentText,
}: {
  id: ID
  values: FitxaValues
  editable: boolean
  classifications: Choice[]
  topics: Choice[]
  backHref: string
  consentText: string
}) {
  const router = useRouter()
  const form = useRef<HTMLFormElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<string>()
  const disabled = !editable || busy

  const save = async (submit: boolean) => {
    if (!form.current) return
    setBusy(true)
    setError(undefined)
    setDone(undefined)
    try {
      const body = { ...readForm(form.current), ...(submit ? { reviewStatus: 'submitted' } : {}) }
      const response = await fetch(`/api/fitxes/${id}?draft=true`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      })
      const json = await response.json().catch(() => ({}))
      if (!response.ok) {
        const first = json?.errors?.[0]
        const field = first?.data?.field ?? first?.data?.errors?.[0]?.path
        setError(
          first?.data?.errors?.[0]?.message ??
            first?.message ??
            `No s'ha pogut desar (error ${response.status}).`,
        )
        const target = field ? document.getElementById(FIELD_IDS[field] ?? `fitxa-${field}`) : null
        if (target) {
          target.scrollIntoView({ block: 'center' })
          ;(target.querySelector('input') ?? target).focus()
        }
        return
      }
      setDone(
        submit
          ? 'Fitxa enviada a revisió. La secretaria tècnica en rep un avís i us escriurà si cal canviar res.'
          : 'Esborrany desat.',
      )
      router.refresh()
    } catch {
      setError("No s'ha pogut connectar amb el servidor. Torneu-ho a provar.")
    } finally {
      setBusy(false)
    }
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
    void save(submitter?.value === 'submit')
  }

  return (
    <form
      aria-label="La fitxa de la mentoria"
      className="mm-form mm-fitxa"
      noValidate
      onSubmit={onSubmit}
      ref={form}
    >
      <Field id="fitxa-title" label="Títol" required>
        <input
          defaultValue={values.title}
          disabled={disabled}
          id="fitxa-title"
          maxLength={200}
          name="title"
          type="text"
        />
      </Field>

      <fieldset className="mm-group">
        <legend className="mm-label">Persona de referència de la XMESS</legend>
        <p className="mm-hint">
          Qui pot respondre preguntes sobre aquesta experiència. El nom i el correu només es
          publiquen si la persona hi ha donat el consentiment. Us recomanem un correu institucional
          (del servei), no un de personal.
        </p>
        <div className="mm-row">
          <Field id="fitxa-referenceName" label="Nom i cognoms">
            <input
              autoComplete="off"
              defaultValue={values.referencePerson.name}
              disabled={disabled}
              id="fitxa-referenceName"
              maxLength={200}
              name="referenceName"
              type="text"
            />
          </Field>
          <Field id="fitxa-referenceEmail" label="Mail de contacte">
            <input
              autoComplete="off"
              defaultValue={values.referencePerson.email}
              disabled={disabled}
              id="fitxa-referenceEmail"
              name="referenceEmail"
              type="email"
            />
          </Field>
        </div>
        <label className="mm-check-field">
          <input
            defaultChecked={values.referencePerson.consent}
            disabled={disabled}
            name="referenceConsent"
            type="checkbox"
          />{' '}
          {consentText}
        </label>
      </fieldset>

      <Field hint="Per exemple: Promoció econòmica." id="fitxa-area" label="Àrea o Departament">
        <input
          defaultValue={values.area}
          disabled={disabled}
          id="fitxa-area"
          maxLength={200}
          name="area"
          type="text"
        />
      </Field>
      <Choices
        choices={classifications}
        disabled={disabled}
        legend="Classificació simplificada"
        name="classification"
        selected={values.classification}
      />

      {TEXTS.map((field) => (
        <Field
          hint={field.hint}
          id={`fitxa-${field.name}`}
          key={field.name}
          label={field.label}
          required={field.required}
        >
          <textarea
            aria-describedby={`fitxa-${field.name}-hint`}
            defaultValue={String(values[field.name] ?? '')}
            disabled={disabled}
            id={`fitxa-${field.name}`}
            maxLength={field.maxLength}
            name={field.name}
            rows={field.rows ?? 3}
          />
        </Field>
      ))}

      <Choices
        choices={topics}
        disabled={disabled}
        hint="Els temes de la fitxa: serveixen per trobar-la al web."
        legend="Àmbits"
        name="topics"
        required
        selected={values.topics}
      />

      {error ? (
        <p className="mm-alert" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="mm-done" role="status">
          {done}
        </p>
      ) : null}
      {editable ? (
        <div className="mm-actions">
          <button
            className="btn btn--style-secondary btn--size-medium"
            disabled={busy}
            name="action"
            type="submit"
            value="save"
          >
            Desa l&apos;esborrany
          </button>
          <button
            className="btn btn--style-primary btn--size-medium"
            disabled={busy}
            name="action"
            type="submit"
            value="submit"
          >
            Envia a revisió
          </button>
        </div>
      ) : (
        <p>
          <Link href={backHref}>← Torna a l&apos;acompanyament</Link>
        </p>
      )}
    </form>
  )
}

/** «Comença la fitxa»: creates the fitxa of this pairing (the server checks it is theirs) and opens it. */
export function StartFitxaButton({
  pairing,
  href,
  className,
}: {
  pairing: ID
  href: string
  className?: string
}) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const start = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const response = await fetch('/api/fitxes', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ pairing }),
      })
      // Already started (another tab, a double click): the page opens the one that exists.
      if (response.ok || response.status === 400 || response.status === 409) {
        if (!response.ok) {
          const json = await response.json().catch(() => ({}))
          const field = json?.errors?.[0]?.data?.errors?.[0]?.path ?? json?.errors?.[0]?.data?.field
          if (field !== 'pairing') {
            setError(json?.errors?.[0]?.message ?? "No s'ha pogut començar la fitxa.")
            return
          }
        }
        router.push(href)
        router.refresh()
        return
      }
      const json = await response.json().catch(() => ({}))
      setError(
        json?.errors?.[0]?.message ?? `No s'ha pogut començar la fitxa (error ${response.status}).`,
      )
    } catch {
      setError("No s'ha pogut connectar amb el servidor. Torneu-ho a provar.")
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button
        className={className ?? 'btn btn--style-primary btn--size-medium'}
        disabled={busy}
        onClick={() => void start()}
        type="button"
      >
        Comença la fitxa
      </button>
      {error ? (
        <span className="mm-alert" role="alert">
          {' '}
          {error}
        </span>
      ) : null}
    </>
  )
}
