/**
 * What the programme holds about one person, in plain Catalan, for the secretariat to read and to hand
 * to the person (right of access, GDPR art. 15): who they are, which records exist and what each says.
 * Pure: built from the export document (src/services/personal-data.ts) and the names of the councils and
 * editions it refers to.
 */
import { formatDateCa, onDateCa } from './dates'

type ID = number | string
// The export document: records as the database holds them, read field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- several collections' documents
type Doc = Record<string, any>

export type PersonExport = {
  email: string
  generatedAt: string
  users: Doc[]
  mentors: Doc[]
  candidates: Doc[]
  pairings: Doc[]
  evaluations: Doc[]
  meetings: Doc[]
  incidents: Doc[]
  fitxes: Doc[]
  sentEmails: Doc[]
}

/** The names the summary shows instead of ids. */
export type SummaryNames = {
  municipalities: Record<string, string>
  editions: Record<string, string>
  topics: Record<string, string>
}

export type SummarySection = { heading: string; items: string[] }
export type PersonSummary = { title: string; intro: string; sections: SummarySection[] }

const ROLE: Record<string, string> = {
  secretariat: 'secretaria tècnica',
  mentor: 'persona mentora',
  mentee: 'persona mentorada',
}
const PAIRING_STATUS: Record<string, string> = {
  proposed: 'proposada, sense resposta',
  accepted: "acceptada, sense l'inici registrat",
  declined: 'declinada',
  active: 'en curs',
  completed: 'completada',
  cancelled: 'cancel·lada',
}
const CANDIDATE_STATUS: Record<string, string> = {
  submitted: 'rebuda, per revisar',
  eligible: 'admesa',
  ineligible: 'no admesa',
  matched: 'aparellada',
  completed: 'mentoria completada',
  withdrawn: 'retirada',
}
const FITXA_STATUS: Record<string, string> = {
  draft: 'esborrany',
  submitted: 'a revisió de la secretaria',
  returned: 'retornada amb comentaris',
  published: 'publicada',
}
const MODALITY: Record<string, string> = {
  in_person: 'presencial',
  online: 'en línia',
  phone: 'per telèfon',
}
const LANGUAGE: Record<string, string> = { ca: 'català', es: 'castellà', en: 'anglès' }
const INCIDENT_STATUS: Record<string, string> = { open: 'oberta', resolved: 'resolta' }

const idText = (value: unknown): string | undefined => {
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: ID }).id)
  return value === null || value === undefined || value === '' ? undefined : String(value)
}
const on = (value: unknown) =>
  typeof value === 'string' || value instanceof Date ? onDateCa(value) : '—'
const day = (value: unknown) =>
  typeof value === 'string' || value instanceof Date ? formatDateCa(value) : undefined
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
const joined = (parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' · ')

/** The summary of an export document. An empty export has a summary too: it says nothing is held. */
export function summarisePerson(data: PersonExport, names: SummaryNames): PersonSummary {
  const council = (value: unknown) => {
    const id = idText(value)
    return id ? (names.municipalities[id] ?? `ens ${id}`) : undefined
  }
  const edition = (value: unknown) => {
    const id = idText(value)
    return id ? (names.editions[id] ?? `convocatòria ${id}`) : undefined
  }
  const topics = (values: unknown) =>
    Array.isArray(values) && values.length
      ? values.map((value) => names.topics[String(value)] ?? String(value)).join(', ')
      : undefined
  const personName = [...data.users, ...data.mentors, ...data.candidates]
    .map((doc) => doc.name)
    .find((name) => typeof name === 'string' && name.trim())
  const sections: SummarySection[] = []

  const who: string[] = []
  if (personName) who.push(`Nom: ${personName}`)
  who.push(`Correu electrònic: ${data.email}`)
  const phones = [
    ...new Set(
      [...data.mentors, ...data.candidates]
        .map((doc) => doc.phone)
        .filter((phone) => typeof phone === 'string' && phone),
    ),
  ]
  if (phones.length) who.push(`Telèfon: ${phones.join(', ')}`)
  const positions = [
    ...new Set(
      [...data.mentors, ...data.candidates]
        .map((doc) => doc.position)
        .filter((position) => typeof position === 'string' && position),
    ),
  ]
  if (positions.length) who.push(`Càrrec: ${positions.join(', ')}`)
  for (const user of data.users) {
    const roles = (Array.isArray(user.roles) ? user.roles : []).map(
      (role: string) => ROLE[role] ?? role,
    )
    who.push(
      `Compte a l'aplicació${roles.length ? ` com a ${roles.join(' i ')}` : ''}, creat ${on(user.createdAt)}${user.language ? `; rep els correus en ${LANGUAGE[user.language] ?? user.language}` : ''}`,
    )
  }
  if (data.users.length === 0) who.push("No té compte a l'aplicació.")
  sections.push({ heading: 'Qui és', items: who })

  if (data.mentors.length) {
    sections.push({
      heading: 'Com a persona mentora',
      items: data.mentors.map((mentor) =>
        joined([
          `Perfil de persona mentora${council(mentor.municipality) ? ` (${council(mentor.municipality)})` : ''}`,
          topics(mentor.topics) ? `àmbits: ${topics(mentor.topics)}` : null,
          mentor.capacity
            ? `fins a ${count(Number(mentor.capacity), 'acompanyament', 'acompanyaments')} alhora`
            : null,
          mentor.available === false ? 'ara no disponible' : 'disponible',
          mentor.bio ? `presentació: «${mentor.bio}»` : null,
        ]),
      ),
    })
  }
  if (data.candidates.length) {
    sections.push({
      heading: 'Sol·licituds de mentoria',
      items: data.candidates.map((candidate) =>
        joined([
          `Sol·licitud${council(candidate.municipality) ? ` (${council(candidate.municipality)})` : ''}`,
          edition(candidate.edition),
          `rebuda ${on(candidate.createdAt)}`,
          `estat: ${CANDIDATE_STATUS[candidate.status] ?? candidate.status}`,
          topics(candidate.topics) ? `àmbits: ${topics(candidate.topics)}` : null,
          candidate.needs ? `necessitats: «${candidate.needs}»` : null,
        ]),
      ),
    })
  }
  if (data.pairings.length) {
    sections.push({
      heading: 'Acompanyaments',
      items: data.pairings.map((pairing) =>
        joined([
          `${pairing.title ?? 'Acompanyament'} (${pairing.as === 'mentor' ? 'com a persona mentora' : 'com a persona mentorada'})`,
          edition(pairing.edition),
          `estat: ${PAIRING_STATUS[pairing.status] ?? pairing.status}`,
          pairing.startDate ? `començat ${on(pairing.startDate)}` : null,
          pairing.closingDate
            ? `tancat ${on(pairing.closingDate)}`
            : pairing.endDate
              ? `acaba ${on(pairing.endDate)}`
              : null,
          pairing.agreement?.objectives ? `objectius: «${pairing.agreement.objectives}»` : null,
        ]),
      ),
    })
  }
  if (data.evaluations.length) {
    sections.push({
      heading: 'Les seves valoracions',
      items: data.evaluations.map((evaluation) =>
        joined([
          evaluation.rating != null ? `${evaluation.rating} de 5` : null,
          evaluation.comments ? `«${evaluation.comments}»` : null,
        ]),
      ),
    })
  }
  if (data.meetings.length) {
    sections.push({
      heading: 'Trobades',
      items: [...data.meetings]
        .sort((a, b) => String(a.date).localeCompare(String(b.date)))
        .map((meeting) =>
          joined([
            day(meeting.date),
            MODALITY[meeting.modality] ?? meeting.modality,
            meeting.place,
            meeting.status === 'planned'
              ? 'prevista'
              : meeting.status === 'cancelled'
                ? 'anul·lada'
                : null,
            meeting.summary ? `«${meeting.summary}»` : null,
          ]),
        ),
    })
  }
  if (data.incidents.length) {
    sections.push({
      heading: 'Incidències que ha comunicat',
      items: data.incidents.map((incident) =>
        joined([
          day(incident.createdAt),
          INCIDENT_STATUS[incident.status] ?? incident.status,
          incident.description ? `«${incident.description}»` : null,
        ]),
      ),
    })
  }
  if (data.fitxes.length) {
    sections.push({
      heading: 'Fitxes de les seves mentories',
      items: data.fitxes.map((fitxa) =>
        joined([
          fitxa.title ? `«${fitxa.title}»` : 'Fitxa sense títol',
          FITXA_STATUS[fitxa.reviewStatus] ?? fitxa.reviewStatus,
          fitxa.slug && fitxa.reviewStatus === 'published' ? `/fitxes/${fitxa.slug}` : null,
        ]),
      ),
    })
  }
  if (data.sentEmails.length) {
    const sorted = [...data.sentEmails].sort((a, b) =>
      String(a.createdAt).localeCompare(String(b.createdAt)),
    )
    sections.push({
      heading: `Correus que li hem enviat (${sorted.length})`,
      items: sorted.map((sent) => joined([day(sent.createdAt), `«${sent.subject}»`])),
    })
  }

  const records =
    data.mentors.length +
    data.candidates.length +
    data.pairings.length +
    data.meetings.length +
    data.incidents.length +
    data.fitxes.length +
    data.sentEmails.length
  return {
    title: `Dades de ${personName ?? data.email}`,
    intro:
      records + data.users.length === 0
        ? `No hi ha cap dada de ${data.email}: cap compte, cap sol·licitud, cap perfil de persona mentora ni cap correu enviat a aquesta adreça.`
        : `El que el programa de mentoria de la XMESS guarda sobre aquesta persona, a data ${day(data.generatedAt)}. Les valoracions i les incidències que ha escrit l'altra part no hi són: són d'aquella persona.`,
    sections,
  }
}

/** The same summary as a text file, for the person (printed or attached to the answer). */
export function summaryAsText(summary: PersonSummary): string {
  const lines = [summary.title, '='.repeat(summary.title.length), '', summary.intro]
  for (const section of summary.sections) {
    lines.push(
      '',
      section.heading,
      '-'.repeat(section.heading.length),
      ...section.items.map((item) => `- ${item}`),
    )
  }
  lines.push(
    '',
    'Totes les dades, camp per camp, són al fitxer JSON que acompanya aquest resum.',
    '',
  )
  return lines.join('\n')
}
