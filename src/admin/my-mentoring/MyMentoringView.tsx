import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { AdminPage } from '../AdminPage'

import { isSecretariatUser } from '../../../access/roles'
import { MY_MENTORING_PATH } from '../../notifications/pages'
import { formatDateCa, fromToCa } from '../../rules/dates'
import { REFERENCE_CONSENT_TEXT } from '../../rules/fitxes'
import {
  AgreeExtension,
  AnswerProposal,
  CloseForm,
  DeleteMeeting,
  EvaluationForm,
  IncidentForm,
  MeetingForm,
  ProposeExtension,
  StartForm,
  WithdrawForm,
} from './Actions'
import { loadMyMentoring, optionsOf, type PairingView } from './data'
import { fitxaChoices, loadMyFitxa } from './fitxa-data'
import { FitxaForm, StartFitxaButton } from './FitxaForm'
import { CalendarLink } from './CalendarLink'
import { CertificateLink } from './CertificateLink'
import { PlannedMeetingActions, PlanMeetingForm } from './PlannedMeetings'

const BASE = `/admin${MY_MENTORING_PATH}`

const hourFormat = new Intl.DateTimeFormat('ca-ES', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/Madrid',
})
const hour = (value: string) => hourFormat.format(new Date(value))

/** The status as the person reads it, and what it means for them now. */
function statusText(pairing: PairingView): { label: string; tone: 'todo' | 'ok' | 'done' | 'off' } {
  switch (pairing.status) {
    case 'proposed':
      return { label: 'Proposta: espera la vostra resposta', tone: 'todo' }
    case 'accepted':
      return { label: "Acceptada: falta registrar l'inici", tone: 'todo' }
    case 'active':
      return { label: 'En curs', tone: 'ok' }
    case 'completed':
      return { label: 'Completada', tone: 'done' }
    case 'declined':
      return { label: 'Declinada', tone: 'off' }
    default:
      return {
        label: pairing.startDate ? 'Acabada abans de temps' : 'Cancel·lada abans de començar',
        tone: 'off',
      }
  }
}

const day = (value?: string) => (value ? formatDateCa(value) : '—')
const MODALITY: Record<string, string> = {
  in_person: 'Presencial',
  online: 'En línia',
  phone: 'Per telèfon',
}
const INCIDENT_TYPE: Record<string, string> = {
  communication: 'Comunicació entre les parts',
  availability: 'Disponibilitat o terminis',
  change_of_person: 'Canvi de persona o de lloc de treball',
  agreement: "Compliment de l'acord",
  other: 'Una altra',
}

/** The mentee's own fitxa page, inside «Les meves mentories» (never Payload's generic form). */
function fitxaHref(pairing: PairingView) {
  return `${BASE}/${pairing.id}/fitxa`
}

/** «Comença la fitxa» creates it at once (with this pairing) and opens it; once it exists, a link. */
function FitxaLink({ pairing, primary }: { pairing: PairingView; primary?: boolean }) {
  if (!pairing.fitxa.id) {
    return (
      <StartFitxaButton
        className={
          primary ? undefined : 'btn btn--style-secondary btn--size-small mm-inline-button'
        }
        href={fitxaHref(pairing)}
        pairing={pairing.id}
      />
    )
  }
  return (
    <Link
      className={primary ? 'btn btn--style-primary btn--size-medium' : 'mm-link'}
      href={fitxaHref(pairing)}
    >
      {pairing.fitxa.state === 'submitted' || pairing.fitxa.state === 'published'
        ? 'Obre la fitxa'
        : 'Continua la fitxa'}
    </Link>
  )
}

/** Where each checklist item is done: the form on this page, or the fitxa. */
function checklistAction(
  pairing: PairingView,
  key: string,
): { href: string; label: string } | null {
  const here = `${BASE}/${pairing.id}`
  if (key === 'agreement' && pairing.actions.start)
    return { href: `${here}#inici`, label: "Registra l'inici" }
  if (key === 'meetings' && pairing.actions.recordMeeting)
    return { href: `${here}#trobada`, label: 'Registra una trobada' }
  if (key === 'evaluation' && pairing.side === 'mentee' && pairing.actions.evaluate)
    return { href: `${here}#valoracio`, label: 'Fes la valoració' }
  return null
}

function Checklist({ pairing }: { pairing: PairingView }) {
  if (!['accepted', 'active', 'completed'].includes(pairing.status)) return null
  return (
    <section aria-label="Què falta per tancar" className="mm-checklist">
      <h3>Què falta per tancar</h3>
      <ul>
        {pairing.checklist.map((item) => {
          const action = item.done ? null : checklistAction(pairing, item.key)
          return (
            <li className={item.done ? 'mm-check mm-check--done' : 'mm-check'} key={item.key}>
              <span aria-hidden="true">{item.done ? '✔' : '○'}</span> <strong>{item.label}</strong>:{' '}
              {item.detail}
              {item.key === 'evaluation' && pairing.side === 'mentor' && !item.done
                ? ' La fa la persona mentorada.'
                : ''}
              {action ? (
                <>
                  {' '}
                  <Link className="mm-link" href={action.href}>
                    {action.label}
                  </Link>
                </>
              ) : null}
              {item.key === 'fitxa' &&
              pairing.side === 'mentee' &&
              ['active', 'completed'].includes(pairing.status) &&
              pairing.fitxa.state !== 'published' ? (
                <>
                  {' '}
                  <FitxaLink pairing={pairing} />
                </>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function Summary({ pairing, linked }: { pairing: PairingView; linked: boolean }) {
  const status = statusText(pairing)
  const otherRole = pairing.side === 'mentor' ? 'Persona mentorada' : 'Persona mentora'
  // In the list, one card among others; on its own page, the page's title.
  const Heading = linked ? 'h2' : 'h1'
  const held = pairing.meetings.filter((meeting) => meeting.status === 'held').length
  const planned = ['accepted', 'active'].includes(pairing.status)
    ? pairing.meetings.filter((meeting) => meeting.status === 'planned').length
    : 0
  return (
    <article aria-label={`Acompanyament amb ${pairing.other.name}`} className="mm-card">
      <header className="mm-card__head">
        <Heading>
          {linked ? (
            <Link href={`${BASE}/${pairing.id}`}>Acompanyament amb {pairing.other.name}</Link>
          ) : (
            <>Acompanyament amb {pairing.other.name}</>
          )}
        </Heading>
        <span className={`mm-status mm-status--${status.tone}`}>{status.label}</span>
      </header>
      <dl className="mm-facts">
        <div>
          <dt>{otherRole}</dt>
          <dd>
            {pairing.other.name}
            {pairing.other.position ? `, ${pairing.other.position}` : ''}
            {pairing.other.council ? ` (${pairing.other.council})` : ''}
          </dd>
        </div>
        <div>
          <dt>Contacte</dt>
          <dd>
            {pairing.contactVisible ? (
              <>
                <a href={`mailto:${pairing.other.email}`}>{pairing.other.email}</a>
                {pairing.other.phone ? ` · ${pairing.other.phone}` : ''}
              </>
            ) : (
              "Es mostra quan s'accepta la proposta."
            )}
          </dd>
        </div>
        <div>
          <dt>Dates</dt>
          <dd>
            {pairing.startDate
              ? pairing.closing.closingDate && ['completed', 'cancelled'].includes(pairing.status)
                ? `${fromToCa(pairing.startDate, pairing.closing.closingDate)} (la darrera és la data de tancament)`
                : fromToCa(pairing.startDate, pairing.endDate)
              : 'Encara no ha començat'}
            {pairing.daysLeft !== null
              ? pairing.daysLeft >= 0
                ? ` · queden ${pairing.daysLeft} dies`
                : ` · fa ${-pairing.daysLeft} dies que havia d'acabar`
              : ''}
          </dd>
        </div>
        <div>
          <dt>Trobades</dt>
          <dd>
            {/* Held ones only: a planned meeting is not a meeting yet, a cancelled one never was. */}
            {held} {held === 1 ? 'trobada feta' : 'trobades fetes'}, {pairing.counting}{' '}
            {pairing.countingLabel} ({pairing.meetingsCounted} de {pairing.requiredMeetings} que
            compten per tancar)
            {planned ? ` · ${planned} ${planned === 1 ? 'prevista' : 'previstes'}` : ''}
          </dd>
        </div>
      </dl>
      <Checklist pairing={pairing} />
      {linked ? (
        <p>
          <Link className="btn btn--style-secondary btn--size-small" href={`${BASE}/${pairing.id}`}>
            Obre l&apos;acompanyament
          </Link>
        </p>
      ) : null}
    </article>
  )
}

function Detail({ pairing, maxMonths }: { pairing: PairingView; maxMonths: number }) {
  const { actions } = pairing
  const readOnly = ['completed', 'declined', 'cancelled'].includes(pairing.status)
  return (
    <>
      <Summary linked={false} pairing={pairing} />
      {readOnly ? (
        <p className="mm-note" role="note">
          Aquest acompanyament està tancat: el podeu consultar, però ja no s&apos;hi pot canviar
          res. Si cal corregir alguna cosa, escriviu a la secretaria tècnica.
        </p>
      ) : null}
      {pairing.cancellationReason && pairing.status === 'cancelled' ? (
        <p>Motiu: {pairing.cancellationReason}</p>
      ) : null}

      {pairing.side === 'mentor' && (pairing.other.topics?.length || pairing.other.needs) ? (
        <section aria-label="Què necessita" className="mm-section" id="necessitats">
          <h3>Què necessita {pairing.other.name}</h3>
          <dl className="mm-facts">
            {pairing.other.topics?.length ? (
              <div>
                <dt>Àmbits, per ordre de prioritat</dt>
                <dd>
                  <ol className="mm-topics">
                    {pairing.other.topics.map((topic) => (
                      <li key={topic}>{topic}</li>
                    ))}
                  </ol>
                </dd>
              </div>
            ) : null}
            {pairing.other.needs ? (
              <div>
                <dt>El que ens van explicar</dt>
                <dd>{pairing.other.needs}</dd>
              </div>
            ) : null}
            {pairing.other.availability ? (
              <div>
                <dt>Disponibilitat i desplaçaments</dt>
                <dd>{pairing.other.availability}</dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}

      {actions.answer ? (
        <section className="mm-section" id="resposta">
          <h3>Respondre la proposta</h3>
          <p>Podeu acceptar-la o no, sense cap obligació.</p>
          <AnswerProposal id={pairing.id} menteeName={pairing.other.name} />
        </section>
      ) : null}

      {actions.start ? (
        <section className="mm-section" id="inici">
          <h3>Comença l&apos;acompanyament</h3>
          <p>
            Quan hàgiu parlat i tingueu l&apos;acord, registreu-lo aquí. L&apos;altra part i la
            secretaria tècnica en rebran un correu.
          </p>
          <StartForm id={pairing.id} maxMonths={maxMonths} />
        </section>
      ) : pairing.startDate ? (
        <section className="mm-section">
          <h3>L&apos;acord</h3>
          <dl className="mm-facts">
            <div>
              <dt>Objectius</dt>
              <dd>{pairing.agreement.objectives}</dd>
            </div>
            <div>
              <dt>Activitats principals</dt>
              <dd>{pairing.agreement.activities}</dd>
            </div>
            <div>
              <dt>Calendari</dt>
              <dd>{pairing.agreement.calendar}</dd>
            </div>
          </dl>
        </section>
      ) : null}

      {pairing.startDate ? (
        <section className="mm-section" id="trobades">
          <h3>Trobades</h3>
          {pairing.meetings.length === 0 ? <p>Encara no hi ha cap trobada registrada.</p> : null}
          <ul className="mm-list">
            {pairing.meetings.map((meeting) => (
              <li key={String(meeting.id)}>
                <strong>{day(meeting.date)}</strong> ·{' '}
                {MODALITY[meeting.modality] ?? meeting.modality}
                {meeting.place ? ` · ${meeting.place}` : ''}
                {meeting.durationMinutes ? ` · ${meeting.durationMinutes} min` : ''}
                {meeting.status !== 'held'
                  ? ` · ${
                      meeting.status === 'planned'
                        ? readOnly
                          ? `prevista a les ${hour(meeting.date)}; ${pairing.closing.closingDate && meeting.date.slice(0, 10) > pairing.closing.closingDate.slice(0, 10) ? "l'acompanyament es va tancar abans" : 'no es va marcar com a feta'}`
                          : `prevista a les ${hour(meeting.date)}`
                        : 'anul·lada'
                    }`
                  : ''}
                {meeting.summary ? <div>{meeting.summary}</div> : null}
                {meeting.status === 'planned' && actions.recordMeeting ? (
                  <PlannedMeetingActions
                    dayHasCome={meeting.date.slice(0, 10) <= new Date().toISOString().slice(0, 10)}
                    id={meeting.id}
                  />
                ) : null}
                {meeting.mine && actions.recordMeeting ? <DeleteMeeting id={meeting.id} /> : null}
              </li>
            ))}
          </ul>
          {actions.recordMeeting ? (
            <>
              <h4>Registra una trobada</h4>
              <MeetingForm id={pairing.id} startDate={pairing.startDate} />
              <h4>Preveu una trobada</h4>
              <p>
                Una data que acordeu: arriba a totes dues persones com a invitació de calendari i no
                compta fins que, passat el dia, la marqueu com a feta.
              </p>
              <PlanMeetingForm id={pairing.id} />
            </>
          ) : null}
        </section>
      ) : null}

      {pairing.status === 'active' ? (
        <section className="mm-section" id="ampliacio">
          <h3>Ampliació</h3>
          {pairing.extensionHistory.map((record, index) => (
            <p key={index}>
              Ampliació acordada: del {day(record.previousEndDate)} al {day(record.endDate)}. Motiu:{' '}
              {record.reason}
            </p>
          ))}
          {pairing.extension.proposedEndDate ? (
            <>
              <p>
                Proposta: allargar-lo fins al {day(pairing.extension.proposedEndDate)}. Motiu:{' '}
                {pairing.extension.reason}
              </p>
              <p>
                {pairing.extension.waitingForMe
                  ? 'Falta el vostre acord.'
                  : 'Hi heu donat el vostre acord.'}{' '}
                {pairing.extension.waitingForOther
                  ? "Falta l'acord de l'altra part."
                  : "L'altra part hi està d'acord."}
              </p>
              {actions.agreeExtension ? (
                <AgreeExtension endDate={pairing.endDate} id={pairing.id} side={pairing.side} />
              ) : null}
            </>
          ) : (
            <>
              <p>
                L&apos;acompanyament dura com a màxim un any. Si cal més temps, totes dues parts ho
                heu d&apos;acordar.
              </p>
              <ProposeExtension endDate={pairing.endDate} id={pairing.id} side={pairing.side} />
            </>
          )}
        </section>
      ) : null}

      {actions.evaluate ? (
        <section className="mm-section" id="valoracio">
          <h3>La vostra valoració</h3>
          {pairing.side === 'mentee' ? <p>Cal per poder tancar l&apos;acompanyament.</p> : null}
          <EvaluationForm
            current={pairing.closing.myEvaluation}
            id={pairing.id}
            side={pairing.side}
          />
        </section>
      ) : pairing.closing.myEvaluation?.rating ? (
        <section className="mm-section">
          <h3>La vostra valoració</h3>
          <p>
            {pairing.closing.myEvaluation.rating} de 5. {pairing.closing.myEvaluation.comments}
          </p>
        </section>
      ) : null}

      {actions.close ? (
        <section className="mm-section" id="tancament">
          <h3>Tanca l&apos;acompanyament</h3>
          <p>
            Per tancar calen {pairing.requiredMeetings} trobades {pairing.countingLabel} i la
            valoració de la persona mentorada. La data de tancament no pot ser futura.
          </p>
          <CloseForm id={pairing.id} startDate={pairing.startDate} />
        </section>
      ) : null}

      {pairing.certificateUrl ? <CertificateLink url={pairing.certificateUrl} /> : null}

      {['active', 'completed'].includes(pairing.status) && pairing.side === 'mentee' ? (
        <section className="mm-section" id="fitxa">
          <h3>La fitxa</h3>
          <p>
            Com us vau comprometre en sol·licitar-la, documenteu la mentoria amb la fitxa; la
            secretaria tècnica la publicarà al web de la XMESS.
          </p>
          <FitxaLink pairing={pairing} primary />
        </section>
      ) : null}

      {actions.reportIncident || pairing.incidents.length ? (
        <section className="mm-section">
          <h3>Incidències</h3>
          <ul className="mm-list">
            {pairing.incidents.map((incident) => (
              <li key={String(incident.id)}>
                <strong>{INCIDENT_TYPE[incident.type] ?? incident.type}</strong> ·{' '}
                {day(incident.createdAt)} · {incident.status === 'resolved' ? 'Resolta' : 'Oberta'}
                <div>{incident.description}</div>
                {incident.resolution ? (
                  <div>Com s&apos;ha resolt: {incident.resolution}</div>
                ) : null}
              </li>
            ))}
          </ul>
          {actions.reportIncident ? <IncidentForm id={pairing.id} /> : null}
        </section>
      ) : null}

      {actions.withdraw ? <WithdrawForm id={pairing.id} /> : null}
    </>
  )
}

/**
 * The mentee's fitxa (/admin/les-meves-mentories/<id>/fitxa): the template's fields, saved as drafts and
 * sent for review with one button; its state in words. The mentor reads that the fitxa is the mentee's.
 */
async function FitxaPage({
  pairing,
  req,
}: {
  pairing: PairingView
  req: AdminViewServerProps['initPageResult']['req']
}) {
  const back = `${BASE}/${pairing.id}`
  const heading = <h1>La fitxa de la mentoria</h1>
  if (pairing.side !== 'mentee') {
    return (
      <>
        {heading}
        <p>
          La fitxa la redacta la persona mentorada, {pairing.other.name}; la secretaria tècnica la
          revisa i la publica al web de la XMESS.
        </p>
        <p>
          <Link href={back}>← Torna a l&apos;acompanyament</Link>
        </p>
      </>
    )
  }
  if (!['active', 'completed'].includes(pairing.status)) {
    return (
      <>
        {heading}
        <p>
          La fitxa s&apos;escriu quan l&apos;acompanyament ha començat, i fins després de tancar-lo.
        </p>
      </>
    )
  }
  const fitxa = await loadMyFitxa(req, pairing)
  const intro = (
    <p className="mm-intro">
      Documenteu la mentoria amb {pairing.other.name}: què heu fet i què n&apos;heu après. Quan la
      secretaria tècnica la publiqui, sortirà al web de la XMESS amb el vostre ajuntament o consell
      comarcal i el de la persona mentora.
    </p>
  )
  if (!fitxa) {
    return (
      <>
        {heading}
        {intro}
        <StartFitxaButton href={`${back}/fitxa`} pairing={pairing.id} />
      </>
    )
  }
  const { classifications, topics } = await fitxaChoices(req.payload)
  return (
    <>
      {heading}
      {intro}
      <section
        aria-label="Estat de la fitxa"
        className={`mm-fitxa-state mm-fitxa-state--${fitxa.state.key}`}
      >
        <p>
          <strong>Estat:</strong> <span className="mm-fitxa-state__label">{fitxa.state.label}</span>
        </p>
        <p>{fitxa.state.detail}</p>
        {fitxa.live && fitxa.slug ? (
          <p>
            <a href={`/fitxes/${fitxa.slug}`}>Vegeu-la al web</a>
          </p>
        ) : null}
      </section>
      <FitxaForm
        backHref={back}
        classifications={classifications}
        consentText={REFERENCE_CONSENT_TEXT.ca}
        editable={fitxa.state.editable}
        id={fitxa.id}
        key={`${fitxa.id}-${fitxa.state.key}`}
        topics={topics}
        values={fitxa.values}
      />
    </>
  )
}

/**
 * «Les meves mentories» (/admin/les-meves-mentories): what a mentor or mentee sees first. Their
 * pairings, what is missing to close each one, and the actions they may take now; nothing else.
 */
export async function MyMentoringView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  if (!req.user) redirect('/admin/login')
  const segments = (params?.segments as string[] | undefined) ?? []
  const onlyId = segments[1]
  const sub = segments[2]
  // /les-meves-mentories/<id>/fitxa is the mentee's fitxa page; anything else deeper is not a page.
  if (segments.length > 3 || (sub !== undefined && sub !== 'fitxa')) notFound()
  const pairings = isSecretariatUser(req.user) ? [] : await loadMyMentoring(req, onlyId)
  // A pairing that does not exist, is not theirs, or an address that names none: Payload's «not found» page (404).
  if (onlyId !== undefined && !isSecretariatUser(req.user) && pairings.length === 0) notFound()
  const { maxDurationMonths } = optionsOf(req.payload.config)
  const name = (req.user as { name?: string | null }).name
  return (
    <AdminPage
      initPageResult={initPageResult}
      params={params}
      searchParams={searchParams}
      className="mm"
    >
      {onlyId && sub === 'fitxa' ? (
        <p>
          <Link href={`${BASE}/${onlyId}`}>← L&apos;acompanyament</Link>
        </p>
      ) : onlyId ? (
        <p>
          <Link href={BASE}>← Les meves mentories</Link>
        </p>
      ) : (
        <>
          <h1>Les meves mentories</h1>
          <p className="mm-intro">
            {name ? `Hola, ${name}. ` : ''}Aquí teniu els vostres acompanyaments del programa de
            mentoria de la XMESS: què s&apos;ha fet, què falta i què podeu fer ara.
          </p>
        </>
      )}
      {isSecretariatUser(req.user) ? (
        <p>
          Aquesta pàgina és per a les persones mentores i mentorades. La secretaria tècnica segueix
          totes les parelles a{' '}
          <Link
            href={onlyId ? `/admin/collections/pairings/${onlyId}` : '/admin/collections/pairings'}
          >
            Parelles
          </Link>
          .
        </p>
      ) : pairings.length === 0 ? (
        <p>
          {onlyId
            ? 'Aquest acompanyament no existeix o no és vostre.'
            : 'Encara no teniu cap acompanyament. Quan la secretaria tècnica us en proposi un, el trobareu aquí.'}
        </p>
      ) : onlyId && sub === 'fitxa' ? (
        <FitxaPage pairing={pairings[0]} req={req} />
      ) : onlyId ? (
        <Detail maxMonths={maxDurationMonths} pairing={pairings[0]} />
      ) : (
        pairings.map((pairing) => <Summary key={String(pairing.id)} linked pairing={pairing} />)
      )}
      {!onlyId && !isSecretariatUser(req.user) && pairings.length > 0 ? <CalendarLink /> : null}
    </AdminPage>
  )
}
